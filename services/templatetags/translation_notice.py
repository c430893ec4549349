"""The notice on a translated page whose text waits for review (issue 18).

Visitors always read the text; but when the page's main object has had texts marked
outdated in this language for longer than DJANGO_TRANSLATION_GRACE_DAYS, the page says so
and links to the French page. French is the language the content is written in first, so a
French page never shows it.

The page cache (orientation_site/page_cache.py) keeps pages until the content changes. Markers are
content (creating or clearing one raises the content version), but the grace ending is not
a change: a page rendered during the grace is kept only until the grace ends
(`page_cache.expire_within`), so the notice appears on the first request after that moment.
"""

from django import template
from django.conf import settings
from django.utils import timezone
from django.utils.translation import get_language

from orientation_site.page_cache import expire_within
from services.models.safeguards import overdue_since

register = template.Library()

# The context names of the object a page is about, in order of precedence.
MAIN_OBJECTS = ("intervention", "region", "page")


def main_object(context):
    for name in MAIN_OBJECTS:
        obj = context.get(name)
        if getattr(obj, "pk", None) is not None:
            return obj
    return None


def reference_url(context):
    """The page in the reference language (French), from the toggle's alternates."""
    alternates = context.get("alternates")
    alternates = alternates() if callable(alternates) else alternates or []
    return next((a["url"] for a in alternates if a["code"] == settings.LANGUAGE_CODE), "")


@register.inclusion_tag("partials/translation_notice_text.html", takes_context=True)
def translation_notice(context):
    """{"show": bool, "url": the French page}."""
    language = get_language()
    obj = main_object(context)
    if language == settings.LANGUAGE_CODE or obj is None:
        return {"show": False}
    found = overdue_since(obj, language)
    if found is None:
        return {"show": False}
    _since, grace_ends = found
    now = timezone.now()
    if now < grace_ends:
        request = context.get("request")
        if request is not None:
            expire_within(request, (grace_ends - now).total_seconds())
        return {"show": False}
    return {"show": True, "url": reference_url(context)}
