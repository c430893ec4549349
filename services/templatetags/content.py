from django import template
from django.conf import settings
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from ..glossary_links import link_acronyms
from ..sanitize import clean_html
from ..typography import typeset_html, typeset_text

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


class TypesetNode(template.Node):
    def __init__(self, nodelist, markup):
        self.nodelist = nodelist
        self.markup = markup

    def render(self, context):
        rendered = self.nodelist.render(context)
        if self.markup:
            return typeset_html(rendered, get_language())
        return typeset_text(rendered, get_language(), markup=False)


@register.tag
def typeset(parser, token):
    """`{% typeset %}…{% endtypeset %}`: French spacing and whole phone numbers, applied once
    to everything rendered inside (see services/typography.py). `{% typeset text %}` is for a
    run of plain text, such as the <title>, where no tag may be added."""
    bits = token.split_contents()
    if len(bits) > 2 or (len(bits) == 2 and bits[1] != "text"):
        raise template.TemplateSyntaxError("Usage: {% typeset %} or {% typeset text %}")
    nodelist = parser.parse(("endtypeset",))
    parser.delete_first_token()
    return TypesetNode(nodelist, markup=len(bits) == 1)


@register.filter
def get_item(mapping, key):
    """`mapping|get_item:key`: a dictionary's value in a template, or None."""
    return (mapping or {}).get(key)
