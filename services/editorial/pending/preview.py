"""A pending change previewed on the real public address (issue 18), like a draft.

Opt-in only: `?preview=<pending change id>` on a public page (the `services` URLs), asked by
someone logged in to the admin (past the two-step login) who may see that change — its
author, anyone who proposed part of it, a Reviewer. Any other logged-in person gets a 404 in
the page's language, as does an unknown, malformed or closed id; a visitor's `?preview=` is
ignored (the page cache answers before this runs, the query string is not part of its key).

How (docs/decisions/0013, « Preview »): the change is written by `approval.apply` — the same
code as approval: a new row is created, sources set, `full_clean()` and the guide's safety
rules run — inside a transaction that is always rolled back, and the page is rendered inside
it, template included (a TemplateResponse renders lazily). Every query, filter, ordering and
count of the page sees the proposed content, and nothing of it is committed. While it renders,
`content_memo.previewing()` is on: memos must not be read or stored (`memo_allowed()`, the
hook in orientation_site/content_memo.py), `content_version()` is a number of the preview's own.
The response is `Cache-Control: private, no-store`, `X-Robots-Tag: noindex`, never stored by
the page cache (`RENDERED_FOR_EDITOR`) nor by nginx (deploy/nginx.conf: editors' cookie, and
any `preview` argument), and carries a banner in the admin's language with a link back.
"""

from dataclasses import dataclass

from django.contrib import admin
from django.core.exceptions import ObjectDoesNotExist
from django.db import transaction
from django.http import Http404
from django.urls import NoReverseMatch, reverse
from django.utils.cache import add_never_cache_headers, patch_cache_control
from django.utils.http import urlencode

from orientation_site.content_memo import previewing
from orientation_site.page_cache import RENDERED_FOR_EDITOR, is_editor_request
from services.editorial import roles
from services.models import PendingChange

from .approval import ApprovalRefused, apply
from .values import build, field_for, set_values

PARAMETER = "preview"
# The request attribute holding the Preview being rendered (for the editor bar's banner).
PREVIEW = "_orientation_preview"
# Pages that show a model's rows when the model has no address of its own: model → URL name.
LIST_PAGES = {
    "resource": "services:resources",
    "glossaryterm": "services:glossary",
    "criterion": "services:compare",
    "comparisoncell": "services:compare",
    "question": "services:guide",
    "answer": "services:guide",
}


@dataclass(frozen=True)
class Preview:
    """What the banner says: the change, and why approval would refuse it (or ())."""

    change: PendingChange
    refused: tuple = ()


def may_preview(user, change):
    """Its author, anyone who proposed part of it, and Reviewers (superusers too)."""
    if not (user.is_active and user.is_staff):
        return False
    if user.is_superuser or user.has_perm(roles.PUBLISH_PERMISSION):
        return True
    return user.pk == change.author_id or user.pk in change.contributors


def page_of(change):
    """The public address (a path, in the active language) that shows `change`'s object, or
    None: a guide weight or rule changes a result, which only a visitor's answers show; a
    reviewed profile and a source's own record are not shown on one page."""
    model = change.content_type.model_class()
    if change.is_create:
        obj = build(change.content_type.model_class(), change.values)
    else:  # as proposed: a new address (a slug) is where the preview shows
        obj = model._default_manager.filter(pk=change.object_id).first()
        if obj is None:
            return None
        values = {k: v for k, v in change.values.items() if not field_for(model, k).many_to_many}
        set_values(obj, values)
    name = obj._meta.model_name
    try:
        if name in LIST_PAGES:
            return reverse(LIST_PAGES[name])
        if hasattr(obj, "get_absolute_url"):
            return obj.get_absolute_url()
    except (NoReverseMatch, AttributeError, ValueError, ObjectDoesNotExist):
        return None  # a new row whose address is not set yet, or whose parent was deleted
    return None


def preview_url(change):
    """The previewed page's address with the opt-in, or None when there is no such page."""
    path = page_of(change)
    return f"{path}?{urlencode({PARAMETER: change.pk})}" if path else None


def visible_change(request, value):
    """The open change `value` names, if this request may preview it; else Http404."""
    if not admin.site.has_permission(request):  # staff, active, past the two-step login
        raise Http404
    if not (value.isascii() and value.isdigit() and len(value) < 19):
        raise Http404
    change = PendingChange.objects.open().select_related("content_type").filter(pk=value).first()
    if change is None or not may_preview(request.user, change):
        raise Http404
    return change


def render(request, change, view, args, kwargs):
    """The page `view` renders with `change` applied, nothing of it committed or memoised."""
    with previewing(), transaction.atomic():
        try:
            apply(change)
            setattr(request, PREVIEW, Preview(change))
        except ApprovalRefused as refusal:  # its own savepoint is undone: the approved page
            setattr(request, PREVIEW, Preview(change, tuple(refusal.messages)))
        response = view(request, *args, **kwargs)
        if callable(getattr(response, "render", None)):
            response = response.render()
        transaction.set_rollback(True)
    setattr(request, RENDERED_FOR_EDITOR, True)
    response.cache_publicly = False
    add_never_cache_headers(response)
    patch_cache_control(response, private=True, no_store=True)
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response


class PendingPreviewMiddleware:
    """Last in MIDDLEWARE: sessions, language and the admin user are known when it runs."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view, args, kwargs):
        if PARAMETER not in request.GET or request.method not in ("GET", "HEAD"):
            return None
        match = request.resolver_match
        if match is None or match.app_name != "services" or not is_editor_request(request):
            return None  # not a public page, or a visitor: the page as everyone sees it
        return render(request, visible_change(request, request.GET[PARAMETER]), view, args, kwargs)
