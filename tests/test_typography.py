"""French typography and whole phone numbers, applied once when a page is rendered."""

import re

import pytest

from services.catalogue.typography import NBSP, typeset_html, typeset_text

from .helpers import all_public_urls, url_in

TAG = re.compile(r"<[^>]+>")
RAW = re.compile(r"<(script|style)\b.*?</\1>", re.S)
FOREIGN = re.compile(r'<(\w+)[^>]*\slang="en"[^>]*>.*?</\1>', re.S)
# A phone number whose groups are joined by an ordinary space: it could break across lines.
BREAKABLE_PHONE = re.compile(r"\b(?:1[ -])?\d{3} \d{3}-\d{4}\b|\b1 \d{3} [A-Z]{7}\b")


def french_text_runs(html):
    """The text a French visitor reads: no scripts, no passages marked as English."""
    html = FOREIGN.sub(" ", RAW.sub(" ", html))
    return [run for run in TAG.split(html) if run.strip()]


def typography_faults(text):
    """Every break of the site's French rules in one run of text, as (rule, excerpt)."""
    faults = []
    rules = [
        ("space before ? ! ;", r"[ \u00a0\u202f][?!;]"),
        ("breaking space before :", r"[ \u202f]:(?=\s|$)"),
        ("no space before :", r"[^\s\u00a0]:(?=\s|$)"),
        ("no non-breaking space after «", "«(?!\u00a0)"),
        ("no non-breaking space before »", "(?<!\u00a0)»"),
        ("24/7 in French", r"24/7"),
        ("phone number that can break", BREAKABLE_PHONE.pattern),
    ]
    for rule, pattern in rules:
        for match in re.finditer(pattern, text):
            faults.append((rule, text[max(match.start() - 25, 0) : match.end() + 5]))
    return faults


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Urgence : 911", f"Urgence{NBSP}: 911"),
        ("Urgence: 911", f"Urgence{NBSP}: 911"),
        ("Tu es en danger ?", "Tu es en danger?"),
        (f"Vraiment{NBSP}!", "Vraiment!"),
        ("oui ; non", "oui; non"),
        ("« traitement psychologique »", f"«{NBSP}traitement psychologique{NBSP}»"),
        ("«oui»", f"«{NBSP}oui{NBSP}»"),
        ("24 h sur 24", f"24{NBSP}h sur 24"),
        ("de 140 $ à 240 $", f"de 140{NBSP}$ à 240{NBSP}$"),
        ("https://suicide.ca et 8:30", "https://suicide.ca et 8:30"),
    ],
)
def test_french_punctuation_gets_quebec_spacing(raw, expected):
    assert typeset_text(raw, "fr", markup=False) == expected


@pytest.mark.parametrize(
    "number", ["1 866 277-3553", "1-800-263-2266", "514 600-1002", "1 866 APPELLE"]
)
@pytest.mark.parametrize("language", ["fr", "en"])
def test_phone_numbers_never_break(number, language):
    html = typeset_html(f"<p>Appelle le {number}.</p>", language)
    whole = number.replace(" ", NBSP)
    assert 'nowrap" href="tel:+1' in html
    assert f">{whole}</a>" in html
    # Inside an existing link, the number is kept whole without a second link.
    html = typeset_html(f'<a href="tel:811">Appelle le {number}</a>', language)
    assert f'<span class="nowrap">{whole}</span>' in html


def test_english_keeps_its_own_punctuation():
    assert typeset_text("Call now: 911?", "en") == "Call now: 911?"


def test_only_text_changes_never_tags_scripts_or_other_languages():
    html = (
        '<a href="tel:+18662773553" title="a : b">Appelle : 1 866 277-3553</a>'
        '<script type="application/ld+json">{"a": "b ?"}</script>'
        '<cite lang="en">Unlawful practice: what is it?</cite>'
    )
    out = typeset_html(html, "fr")
    assert '<a href="tel:+18662773553" title="a : b">' in out
    assert '{"a": "b ?"}' in out
    assert '<cite lang="en">Unlawful practice: what is it?</cite>' in out
    assert f"Appelle{NBSP}:" in out


def test_the_check_finds_each_fault():
    text = "Urgence : appelle ? « oui» 24/7 au 1 866 277-3553"
    rules = {rule for rule, _ in typography_faults(text)}
    assert rules == {
        "space before ? ! ;",
        "breaking space before :",
        "no non-breaking space after «",
        "no non-breaking space before »",
        "24/7 in French",
        "phone number that can break",
    }


@pytest.mark.django_db
def test_every_french_page_follows_the_typography_rules(client):
    faults = {}
    for url in [*all_public_urls("fr"), url_in("fr", "services:guide")]:
        html = client.get(url).content.decode()
        for run in french_text_runs(html):
            for fault in typography_faults(run):
                faults.setdefault(url, []).append(fault)
    assert faults == {}
