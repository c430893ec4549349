from django import template
from django.conf import settings
from django.core.cache import cache

from ..page_cache import PAGE_TIMEOUT, content_version
from ..workbench import change_url, readability_misses, review_due, translation_gaps

register = template.Library()


@register.simple_tag
def editor_dashboard():
    """The admin home page's panels: translation gaps, reviews due, readability misses."""
    # Readability takes a moment to measure: kept until the content changes.
    key = f"readability-misses:{content_version()}"
    misses = cache.get(key)
    if misses is None:
        misses = readability_misses()
        cache.set(key, misses, PAGE_TIMEOUT)
    return {
        "gaps": translation_gaps(),
        "due": review_due(),
        "interval": settings.REVIEW_INTERVAL_DAYS,
        "misses": misses,
    }


@register.filter
def admin_change_url(obj):
    return change_url(obj)
