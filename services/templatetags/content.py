import re

from django import template
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from orientation_site.render_memo import remember_text
from services.catalogue.glossary_links import link_acronyms
from services.catalogue.typography import typeset_html, typeset_text

from ..languages import shown
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


@register.simple_tag(takes_context=True)
def rich_glossary(context, value):
    """`{% rich_glossary text as body %}`: rich_with_glossary, memoised per content version
    (orientation_site/render_memo.py): cleaning and linking an intervention's sections took a third
    of its page's rendering."""
    return remember_text(context.get("request"), "rich-glossary", value or "", rich_with_glossary)


@register.simple_tag
def lang_attr(obj, *fields):
    """` lang="fr"` when a translated field shows another language's text (a fallback).

    For an element that holds the field: `<h3{% lang_attr resource "name" %}>`. With several
    fields, the first with text (see languages.shown); nothing in the page's own language.
    """
    _text, code = shown(obj, *fields)
    return format_html(' lang="{}"', code) if code else ""


@register.simple_tag
def in_language(obj, *fields):
    """A translated field's text, inside `<span lang="…">` when it is a fallback.

    For text inside a sentence or a link: `{% in_language line "header_label" "name" %}`;
    `… as hours` to test it first. The same rule as lang_attr (languages.shown).
    """
    text, code = shown(obj, *fields)
    return format_html('<span lang="{}">{}</span>', code, text) if code else text


class TypesetNode(template.Node):
    def __init__(self, nodelist, mode):
        self.nodelist = nodelist
        self.mode = mode

    def render(self, context):
        rendered = self.nodelist.render(context)
        # A pure function of the rendered text: memoised on it (render_memo.remember_text).
        transform = typeset_plain if self.mode == "text" else typeset_markup
        request = context.get("request")
        frame = self.mode == "frame"
        return remember_text(request, transform.__name__, rendered, transform, frame=frame)


def typeset_markup(html):
    return typeset_html(html, get_language())


def typeset_plain(text):
    return typeset_text(text, get_language(), markup=False)


@register.tag
def typeset(parser, token):
    """`{% typeset %}…{% endtypeset %}`: French spacing and whole phone numbers, applied once
    to everything rendered inside (see services/catalogue/typography.py). `{% typeset text %}`
    is for a run of plain text, such as the <title>, where no tag may be added.
    `{% typeset frame %}` is for a part of the page that holds nothing a request sent (the
    header, the footer): its result may be memoised on a POST too (render_memo.remember_text).
    """
    bits = token.split_contents()
    if len(bits) > 2 or (len(bits) == 2 and bits[1] not in ("text", "frame")):
        raise template.TemplateSyntaxError(
            "Usage: {% typeset %}, {% typeset text %} or {% typeset frame %}"
        )
    nodelist = parser.parse(("endtypeset",))
    parser.delete_first_token()
    return TypesetNode(nodelist, mode=bits[1] if len(bits) == 2 else "markup")


@register.filter
def get_item(mapping, key):
    """`mapping|get_item:key`: a dictionary's value in a template, or None."""
    return (mapping or {}).get(key)


# Where a rich text's top-level <h2> sections start (rich text never nests an <h2>).
H2_START = re.compile(r"(?=<h2[\s>])")


@register.filter
def h2_cards(value):
    """Rich text (already sanitised) with each `<h2>` section wrapped as a card:
    `<section class="card">…</section>`. Text before the first `<h2>` stays as it is."""
    parts = H2_START.split(str(value))
    head, sections = parts[0], parts[1:]
    cards = "".join(f'<section class="card">{part.strip()}</section>' for part in sections)
    return mark_safe(head + cards)  # noqa: S308  (made of sanitised parts only)
