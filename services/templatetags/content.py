from django import template
from django.conf import settings
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from ..glossary_links import link_acronyms
from ..sanitize import clean_html

register = template.Library()


@register.filter
def rich(value):
    """Render an editor's rich text, keeping only the allowed formatting."""
    return mark_safe(clean_html(value))  # noqa: S308  (sanitised just above)


@register.filter
def rich_with_glossary(value):
    """Rich text whose acronyms link to the glossary."""
    return mark_safe(link_acronyms(clean_html(value), get_language()))  # noqa: S308


@register.simple_tag
def lang_attr(obj, field):
    """` lang="fr"` when a field shows the other language's text (an untranslated fallback).

    Screen readers then read that passage in the right voice; nothing when the field exists
    in the page's language.
    """
    current = get_language()
    if getattr(obj, f"{field}_{current}", None):
        return ""
    for code, _name in settings.LANGUAGES:
        if code != current and getattr(obj, f"{field}_{code}", None):
            return format_html(' lang="{}"', code)
    return ""
