"""The small bar a logged-in editor sees on public pages: « Modifier cette page » and
« Historique », pointing to the admin pages of the object the page shows.

Never part of a page a visitor receives: it renders only for a live admin session
(`page_cache.session_state`, which the page cache also uses to neither serve nor store
such a request), and marks the request so the page cache refuses to store it even if that
rule ever changed (`page_cache.RENDERED_FOR_EDITOR`).
"""

from django import template
from django.contrib import admin
from django.urls import NoReverseMatch, reverse

from orientation_site.page_cache import RENDERED_FOR_EDITOR, session_state

from ..models import Question, Region

register = template.Library()

# The context variables that hold the object a page shows, most specific first.
SHOWN_OBJECTS = ("intervention", "region", "page")
# Pages that show a list rather than one object: their URL name → the model edited there.
LIST_PAGES = {"guide": Question, "near_you": Region}


def may(user, action, model):
    meta = model._meta
    return user.has_perm(f"{meta.app_label}.{action}_{meta.model_name}")


def admin_links(request, context):
    """{edit, history} admin URLs (either may be "") for what this page shows, or None."""
    shown = next((context[name] for name in SHOWN_OBJECTS if context.get(name) is not None), None)
    user = request.user
    if shown is not None:
        meta = shown._meta
        prefix = f"admin:{meta.app_label}_{meta.model_name}"
        edit = reverse(f"{prefix}_change", args=[shown.pk])
        history = reverse(f"{prefix}_history", args=[shown.pk])
        model = type(shown)
    else:
        match = getattr(request, "resolver_match", None)
        model = LIST_PAGES.get(match.url_name) if match else None
        if model is None:
            return None
        meta = model._meta
        try:
            edit = reverse(f"admin:{meta.app_label}_{meta.model_name}_changelist")
        except NoReverseMatch:
            return None
        history = ""
    viewable = may(user, "view", model) or may(user, "change", model)
    if not viewable:
        return None
    return {"edit": edit, "history": history, "can_change": may(user, "change", model)}


@register.inclusion_tag("partials/editor_bar.html", takes_context=True)
def editor_bar(context):
    """{links} for a staff member allowed into the admin; {} for everyone else."""
    request = context.get("request")
    # A live admin session, as page_cache.is_editor_request says (the same memoised answer).
    if request is None or session_state(request) != "editor":
        return {}
    if not admin.site.has_permission(request):  # staff, active, and past the two-step login
        return {}
    setattr(request, RENDERED_FOR_EDITOR, True)
    return {"links": admin_links(request, context), "for_editor": True}
