"""Every phone number in a page's text can be tapped: `tel:` to call, `sms:` to text."""

import re
from html.parser import HTMLParser

import pytest
from django.utils import translation

from services.catalogue.phone_links import link_phone_numbers
from services.catalogue.typography import NBSP, typeset_html
from services.models import Intervention

from .helpers import LANGUAGES, all_public_urls, region_urls, url_in

# What a visitor would read as a number to call or text, written independently of the
# linker: North American numbers (digits or letters), 3-digit service numbers, short codes.
NUMBER_SHAPED = re.compile(
    r"(?<![\w/.,$-])(?:(?:1[ \u00a0-])?\d{3}[ \u00a0-](?:\d{3}[ \u00a0-]\d{4}|[A-Z]{7})"
    r"|[2-9]11|988|9-8-8|\d{5,6})(?![\w/-]|[.,]\d)"
)


def links(html):
    return re.findall(r'href="((?:tel|sms):[^"]*)"', html)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Appelle le 1 866 277-3553.", ["tel:+18662773553"]),
        ("Call 1-866-APPELLE now", ["tel:+18662773553"]),
        ("Call 514 600-1002", ["tel:+15146001002"]),
        ("Appelle le 811, option 2.", ["tel:811"]),
        ("call 811 option 2", ["tel:811"]),
        ("In danger, call 911.", ["tel:911"]),
        ("la ligne « 9-8-8 »", ["tel:988"]),
        ("Texte au 535353 ou clavarde.", ["sms:535353"]),
        ("or text CONNECT to 686868.", ["sms:686868"]),
        ("Tu peux aussi texter au 514 600-1002.", ["sms:+15146001002"]),
        ("Call or text 988.", ["tel:988"]),
        ("call 1-800-668-6868, or text CONNECT to 686868", ["tel:+18006686868", "sms:686868"]),
        ("Appelle le 1 866 APPELLE (1 866 277-3553), texte au 535353", 2 * ["tel:+18662773553"]
         + ["sms:535353"]),
    ],
)  # fmt: skip
def test_numbers_link_to_the_right_address(text, expected):
    assert links(link_phone_numbers(text)) == expected


@pytest.mark.parametrize(
    "text",
    [
        "de 140 $ à 240 $",
        "article 187.1 du Code",
        "765 heures de cours",
        "en 2024 et 2025",
        "about 300 groups",
        "$911 fine",
        "https://example.org/811/page",
        "65 % des gens",
        # A review found these linked: street numbers became sms: (regions.yaml, Montréal).
        "12345 boulevard Albert-Hudon",
        "12415 boulevard Lacordaire",
        "100000 personnes",
        "page 211",
        "Loi 15, art. 211",
        "Projet de loi 988",
        "2 811 appels",
        "3 211 km",
        "811 000 appels",
    ],
)
def test_amounts_years_and_addresses_stay_text(text):
    assert link_phone_numbers(text) == text


def test_a_number_inside_a_link_or_an_attribute_is_left_alone():
    html = (
        '<p title="Appelle le 811">Voir <a href="tel:+18662773553">1 866 277-3553</a></p>'
        '<a href="/x"><strong>811</strong></a>'
    )
    out = typeset_html(html, "fr")
    assert out.count("<a ") == 2
    assert 'title="Appelle le 811"' in out
    assert '<a href="/x"><strong>811</strong></a>' in out


def test_controls_and_summaries_keep_their_text():
    html = "<label>Appelle le 911</label><summary>811</summary><button>988</button>"
    assert links(typeset_html(html, "en")) == []


def test_the_number_stays_whole_inside_its_link():
    out = typeset_html("<p>Appelle le 1 866 277-3553</p>", "fr")
    assert f">1{NBSP}866{NBSP}277-3553</a>" in out


class _MainText(HTMLParser):
    """The text of <main> that is not inside a link, a script or a style."""

    def __init__(self):
        super().__init__()
        self.depth = {"main": 0, "a": 0, "script": 0, "style": 0}
        self.runs = []

    def handle_starttag(self, tag, attrs):
        if tag in self.depth:
            self.depth[tag] += 1

    def handle_endtag(self, tag):
        if tag in self.depth:
            self.depth[tag] = max(self.depth[tag] - 1, 0)

    def handle_data(self, data):
        d = self.depth
        if d["main"] and not (d["a"] or d["script"] or d["style"]):
            self.runs.append(data)


TEXTING = re.compile(r"\b(?:text|texte|texter|texto|sms)\b[^.;:!?]{0,20}$", re.IGNORECASE)


def untappable_numbers(html):
    """Number-shaped text of <main> outside any link. A 5- or 6-digit number counts only
    after a verb of texting: elsewhere it is a street number or a count."""
    parser = _MainText()
    parser.feed(html)
    text = " ".join(parser.runs)
    return [
        m.group(0)
        for m in NUMBER_SHAPED.finditer(text)
        if not (m.group(0).isdigit() and len(m.group(0)) >= 5)
        or TEXTING.search(text[max(m.start() - 40, 0) : m.start()])
    ]


def test_the_check_finds_a_short_code_to_text_but_not_a_street_number():
    html = "<main><p>Texte au 535353.</p><p>12345 boulevard Albert-Hudon</p></main>"
    assert untappable_numbers(html) == ["535353"]


def test_the_check_finds_a_bare_number():
    assert untappable_numbers("<main><p>Call 911 or <a href='tel:811'>811</a></p></main>") == [
        "911"
    ]


@pytest.mark.django_db
def test_no_page_has_a_number_that_cannot_be_tapped(client):
    faults = {}
    tel_links = 0
    for language in LANGUAGES:
        urls = [*all_public_urls(language), *region_urls(language)]
        urls += [url_in(language, "services:near_you"), url_in(language, "services:guide")]
        for url in urls:
            html = client.get(url).content.decode()
            tel_links += len(links(html))
            if found := untappable_numbers(html):
                faults[url] = found
    assert faults == {}
    assert tel_links > 100


@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGES)
def test_the_crisis_page_text_has_tappable_numbers(client, language):
    with translation.override(language):
        url = Intervention.objects.get(key="crisis").get_absolute_url()
    html = client.get(url).content.decode()
    main = html.split("<main", 1)[1].split("</main>", 1)[0]
    assert "phone-link" in main


def test_a_short_code_in_bold_after_a_verb_of_texting_is_linked():
    """The sentence crosses inline tags: « texte au <strong>535353</strong> »."""
    assert links(typeset_html("<li>texte au <strong>535353</strong>;</li>", "fr")) == ["sms:535353"]
    assert links(typeset_html("<p>Écris.</p><p><strong>535353</strong></p>", "fr")) == []
