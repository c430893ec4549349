from django import template
from django.apps import apps
from django.conf import settings
from django.core.cache import cache

from orientation_site.content_memo import memo_allowed
from orientation_site.page_cache import PAGE_TIMEOUT, content_version
from services.editorial.workbench import (
    REVIEWED_MODELS,
    change_url,
    readability_misses,
    review_due,
    translation_gaps,
)

register = template.Library()


def viewable(user, model):
    meta = model._meta
    return user.has_perm(f"{meta.app_label}.view_{meta.model_name}") or user.has_perm(
        f"{meta.app_label}.change_{meta.model_name}"
    )


@register.simple_tag
def editor_dashboard(user):
    """The admin home page's panels: translation gaps, reviews due, readability misses.

    Each panel lists only what `user` may view (a staff member without permissions sees
    counts of nothing, not drafts' names).
    """
    models = [m for m in apps.get_app_config("services").get_models() if viewable(user, m)]
    # Readability takes a moment to measure: kept until the content changes (never from a
    # preview's content: content_memo.py).
    key = f"readability-misses:{content_version()}"
    misses = cache.get(key) if memo_allowed() else None
    if misses is None:
        misses = readability_misses()
        if memo_allowed():
            cache.set(key, misses, PAGE_TIMEOUT)
    return {
        "gaps": translation_gaps(models) if models else [],
        "due": review_due(models=[m for m in REVIEWED_MODELS if m in models]),
        "interval": settings.REVIEW_INTERVAL_DAYS,
        "misses": [miss for miss in misses if type(miss[0]) in models],
    }


@register.filter
def admin_change_url(obj):
    return change_url(obj)
