"""A translated field left empty in English shows the French text, marked lang="fr", wherever
it renders; and a field with a fallback field (the help bar's label → the name) uses the
fallback in the page's language first."""

import re
from html.parser import HTMLParser

import pytest

from services.models import GlossaryTerm, Intervention, Page, Resource

from . import factories

pytestmark = pytest.mark.django_db

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "wbr"}


class LanguageReader(HTMLParser):
    """Each piece of text with the language in force where it stands (the nearest `lang`)."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack = []
        self.pieces = []

    def handle_starttag(self, tag, attrs):
        if tag not in VOID:
            self.stack.append(dict(attrs).get("lang"))

    def handle_endtag(self, tag):
        if tag not in VOID and self.stack:
            self.stack.pop()

    def handle_data(self, data):
        if self.lasttag in ("script", "style") and self.stack:
            return  # data for machines (JSON-LD), not text a person reads
        language = next((code for code in reversed(self.stack) if code), None)
        if data.strip():
            self.pieces.append((" ".join(data.split()), language))


def languages_of(html, marker):
    reader = LanguageReader()
    reader.feed(html)
    return [language for text, language in reader.pieces if marker in text]


# Optional fields an editor may leave empty in English: (model, field).
OPTIONAL = [
    (Resource, "header_number"),
    (Resource, "header_label"),
    (Resource, "hours"),
    (Resource, "phone_display"),
    (Resource, "text_display"),
    (GlossaryTerm, "expansion"),
    (Page, "reviewer_profession"),
    (Intervention, "reviewer_profession"),
]
PAGES = ["/en/", "/en/resources/", "/en/glossary/", "/en/about/", "/en/services/coaching/"]


@pytest.fixture
def english_left_empty():
    """Rows with every optional field: a recognisable French text, nothing in English."""
    factories.every_page()
    factories.intervention(slug_en="coaching")
    factories.help_line(
        in_header=True, text_number="535353", **factories.both("name", "Ligne", "Line")
    )
    factories.help_line(kind=Resource.Kind.SUPPORT, text_number="686868")
    factories.glossary_term()
    markers = []
    for model, field in OPTIONAL:
        for pk in model.objects.values_list("pk", flat=True):
            marker = f"FR-{model.__name__}-{field}-{pk}"
            model.objects.filter(pk=pk).update(**{f"{field}_fr": marker, f"{field}_en": ""})
            markers.append(marker)
    Page.objects.update(reviewer_name="Alex Tremblay")
    Intervention.objects.update(reviewer_name="Alex Tremblay")
    return markers


def test_every_french_fallback_is_marked_with_its_language(client, english_left_empty):
    seen = set()
    for url in PAGES:
        html = client.get(url).content.decode()
        for marker in english_left_empty:
            languages = languages_of(html, marker)
            assert all(language == "fr" for language in languages), (url, marker, languages)
            seen.update(marker for _ in languages)
    kinds = {marker.rsplit("-", 1)[0] for marker in seen}
    assert {"FR-Resource-hours", "FR-GlossaryTerm-expansion", "FR-Page-reviewer_profession"} <= (
        kinds
    ), kinds
    assert "FR-Intervention-reviewer_profession" in kinds, kinds


def test_the_help_bar_falls_back_to_the_name_in_the_pages_language(client, english_left_empty):
    html = client.get("/en/").content.decode()
    bar = html[html.index('class="help-bar"') : html.index("</aside>")]
    # Typography joins phone numbers with non-breaking spaces inside a span: read the words.
    words = re.sub(r"<span class=\"nowrap\">|</span>", "", bar).replace("\u00a0", " ")
    words = words.replace("\u2011", "-")
    for line in Resource.objects.filter(in_header=True).exclude(phone=""):
        assert line.name_en in words, line.key
        assert f"FR-Resource-header_label-{line.pk}" not in bar, line.key
