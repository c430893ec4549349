"""The rich-text editor of every rich-text field (django-prose-editor, decision 0016).

Editors get a toolbar — bold, italic, bulleted and numbered lists, links, headings 2 and 3 —
and never see a tag. What the editor may produce is exactly what `services/sanitize.py`
keeps; nh3 cleans it again on save (the model) and on display (the templates).

The editor is a JavaScript module served by whitenoise from django-prose-editor's static
files; the one inline script it needs (the import map that names its modules) carries the
request's CSP nonce, so the admin keeps `script-src 'self'` plus that nonce.
"""

from django_prose_editor.fields import ProseEditorFormField
from django_prose_editor.widgets import AdminProseEditorWidget
from js_asset import Media

from services.editorial.readability import plain_text
from services.languages import LANGUAGE_CODES, field_in
from services.sanitize import ALLOWED_URL_SCHEMES, clean_html

# What the toolbar offers. Each extension's tags are in sanitize.ALLOWED_TAGS (a test holds it).
EXTENSIONS = {
    "Bold": True,
    "Italic": True,
    "BulletList": True,
    "OrderedList": True,
    "ListItem": True,
    "Heading": {"levels": [2, 3]},
    "HardBreak": True,
    # No "open in a new tab": nh3 would remove `target` anyway.
    "Link": {"enableTarget": False, "protocols": sorted(ALLOWED_URL_SCHEMES)},
}


def clean_rich_text(html):
    """The editor's HTML as stored: nh3-cleaned; an editor left empty (`<p></p>`) is ''."""
    cleaned = clean_html(html)
    return cleaned if plain_text(cleaned) else ""


def rich_text_field_names(model):
    """{'body', 'body_fr', 'body_en', …}: a model's rich-text fields and their languages."""
    names = set()
    for name in getattr(model, "RICH_TEXT_FIELDS", ()):
        names.add(name)
        names.update(field_in(name, code) for code in LANGUAGE_CODES)
    return names


def rich_text_formfield(formfield):
    """The editor in place of `formfield`'s textarea: same label, help, required and classes.

    modeltranslation puts its tab classes (`mt mt-field-body-fr`) on the widget's attributes;
    they are kept so that the French and English tabs still group the two editors.
    """
    widget = AdminProseEditorWidget(attrs={**formfield.widget.attrs})
    return ProseEditorFormField(
        config={"extensions": EXTENSIONS},
        sanitize=clean_rich_text,
        widget=widget,
        required=formfield.required,
        label=formfield.label,
        help_text=formfield.help_text,
        max_length=getattr(formfield, "max_length", None),
        initial=formfield.initial,
    )


def with_nonce(media, request):
    """`media` whose inline import map carries this request's CSP nonce (django-csp)."""
    # Passed lazily: js_asset reads it only when there is something to render, and only then
    # does django-csp put it in the header. (Its lazy object is falsy until read.)
    return Media.from_media(media, nonce=getattr(request, "csp_nonce", ""))
