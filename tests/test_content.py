"""The content itself: plain, safe, sourced, complete, and consistent with the brief."""

import json
import re
from pathlib import Path

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import translation

from services.catalogue.glossary_links import link_acronyms
from services.content_rules import ACRONYM, FORBIDDEN_PHRASES, NOT_ACRONYMS
from services.editorial.readability import measure, plain_text
from services.editorial.translation_status import translated_field_names
from services.models import Intervention, Page, Resource

from .helpers import LANGUAGES, all_public_urls, glossary_words
from .html import Page as HtmlPage

pytestmark = [pytest.mark.django_db, pytest.mark.content]


def readable_pages():
    for intervention in Intervention.objects.published():
        fields = ["summary"] + list(Intervention.RICH_TEXT_FIELDS)
        yield intervention.key, intervention, fields
    for text_page in Page.objects.all():
        yield text_page.key, text_page, ["intro", "body"]


def test_every_page_reads_plainly_in_both_languages(capsys):
    rows, failures = [], []
    for name, obj, fields in readable_pages():
        for language in LANGUAGES:
            text = plain_text(*(getattr(obj, f"{field}_{language}") for field in fields))
            figures = measure(text, language)
            rows.append(
                f"{name:20} {language}  {figures.measure:21} {figures.score:6}  "
                f"{figures.average_sentence:5} words/sentence"
            )
            if not figures.meets_target:
                failures.append((name, language, figures))
    with capsys.disabled():
        print("\nReadability (EN: grade ≤ 8; FR: ≥ 60; ≤ 20 words a sentence)")
        print("\n".join(rows))
    assert failures == []


HELP_LINES = {
    # key: (phone digits, text digits, French display, English display, in both hours)
    "emergency-911": ("911", "", "911", "911", ""),
    "suicide-prevention": ("18662773553", "535353", "1 866 277-3553", "1-866-277-3553", "24"),
    "line-988": ("988", "988", "988", "988", "24"),
    "info-social-811": ("811", "", "811", "811", "24"),
    "tel-jeunes": ("18002632266", "5146001002", "1 800 263-2266", "1-800-263-2266", "8"),
    "kids-help-phone": ("18006686868", "686868", "1 800 668-6868", "1-800-668-6868", "24"),
    "sos-violence-conjugale": ("18003639010", "", "1 800 363-9010", "1-800-363-9010", "24"),
    # Lines for specific groups (CONTENT-BRIEF-2, sections 2 and 6).
    "hope-for-wellness": ("18552423310", "", "1 855 242-3310", "1-855-242-3310", "24"),
    "interligne": ("18885051010", "", "1 888 505-1010", "1-888-505-1010", ""),
    "aide-abus-aines": ("18884892287", "", "1 888 489-2287", "1-888-489-2287", "8"),
    "info-aide-violence-sexuelle": ("18889339007", "", "1 888 933-9007", "1-888-933-9007", "24"),
    "tel-ecoute-deuil": ("18885333845", "", "1 888 533-3845", "1-888-533-3845", "10"),
    "deuil-jeunesse": ("18558893666", "", "1 855 889-3666", "1-855-889-3666", "24"),
}


@pytest.mark.parametrize("key", HELP_LINES)
def test_each_help_line_number_matches_the_brief(key):
    phone, text, display_fr, display_en, hours = HELP_LINES[key]
    line = Resource.objects.get(key=key)
    assert (line.phone, line.text_number) == (phone, text)
    assert display_fr in line.phone_display_fr and display_en in line.phone_display_en
    assert hours in line.hours_fr and hours in line.hours_en


def test_tel_jeunes_is_not_presented_as_24_7():
    line = Resource.objects.get(key="tel-jeunes")
    assert "24/7" not in line.hours_fr + line.hours_en
    assert "minuit" in line.hours_fr.lower() and "midnight" in line.hours_en.lower()


def all_visitor_text():
    """(where, text) for every translated field of every object, and every template."""
    from django.apps import apps

    for model in apps.get_app_config("services").get_models():
        for name in translated_field_names(model):
            for obj in model.objects.all():
                for language in LANGUAGES:
                    yield (
                        f"{model.__name__}:{obj.pk}:{name}_{language}",
                        getattr(obj, f"{name}_{language}"),
                    )
    for path in (Path(settings.BASE_DIR) / "templates").rglob("*.html"):
        yield str(path), path.read_text(encoding="utf-8")
    for language in LANGUAGES:
        catalogue = Path(settings.BASE_DIR) / "locale" / language / "LC_MESSAGES" / "django.po"
        yield str(catalogue), catalogue.read_text(encoding="utf-8")


def test_no_forbidden_phrase_anywhere_in_either_language():
    found = [
        (where, phrase)
        for where, text in all_visitor_text()
        for phrase in FORBIDDEN_PHRASES
        if phrase in (text or "").lower()
    ]
    assert found == []


def test_the_forbidden_phrase_check_can_fail():
    crisis = Intervention.objects.get(key="crisis")
    crisis.not_this_en += "<p>He committed suicide.</p>"
    crisis.save()
    assert any("committed suicide" in (text or "").lower() for _, text in all_visitor_text())


def test_the_home_page_has_the_two_families_and_leaves_the_law_to_psychotherapy():
    """Issue 15: home leads with the task; the law's text lives on the psychotherapy page."""
    home = Page.objects.get(key="home")
    psychotherapy = Intervention.objects.get(key="psychotherapy")
    for language, support, therapy in [
        ("fr", "soutien psychosocial", "psychothérapie"),
        ("en", "psychosocial support", "psychotherapy"),
    ]:
        body = getattr(home, f"body_{language}")
        headings = [h.lower() for h in re.findall(r"<h2>(.*?)</h2>", body)]
        assert len(headings) == 2, (language, headings)  # two cards on the home page
        assert support in headings[0] and therapy in headings[1], language
        assert "187.1" not in (getattr(home, f"intro_{language}") + body)
        sections = psychotherapy_sections(psychotherapy, language)
        assert "187.1" in " ".join(text for _field, _heading, text in sections), language


def psychotherapy_sections(intervention, language):
    with translation.override(language):
        return list(intervention.sections())


def page_text(html):
    return HtmlPage(html).text


def test_the_glossary_covers_every_acronym_on_the_site(client):
    known = glossary_words() | NOT_ACRONYMS
    missing = {}
    for language in LANGUAGES:
        for url in all_public_urls(language):
            body = client.get(url).content.decode()
            # Cited titles and publishers are names of documents, not the site's words.
            body = re.sub(r'<section class="page-meta".*?</section>', "", body, flags=re.S)
            body = re.sub(r"<script.*?</script>", "", body, flags=re.S)
            for acronym in set(ACRONYM.findall(page_text(body))) - known:
                missing.setdefault(acronym, url)
    assert missing == {}


@pytest.mark.parametrize("language", LANGUAGES)
def test_each_intervention_page_carries_valid_json_ld_in_its_language(client, language):
    with translation.override(language):
        urls = [i.get_absolute_url() for i in Intervention.objects.published()]
    for url in urls:
        body = client.get(url).content.decode()
        match = re.search(r'<script type="application/ld\+json">(.*?)</script>', body, re.S)
        data = json.loads(match.group(1))
        assert data["@type"] == "MedicalWebPage"
        assert data["inLanguage"] == f"{language}-CA"
        # No practitioner has signed off the shipped content: no review is claimed.
        assert "lastReviewed" not in data and "reviewedBy" not in data
        assert data["dateModified"]
        assert data["about"]["name"]
        assert data["url"].endswith(url)
        questions = data["hasPart"]["mainEntity"]
        assert len(questions) == len(Intervention.SECTIONS)
        assert all(q["acceptedAnswer"]["text"] for q in questions)
        assert data["citation"]


@pytest.mark.parametrize("language", LANGUAGES)
def test_acronyms_in_the_text_link_to_their_glossary_entry(client, language):
    with translation.override(language):
        url = Intervention.objects.get(key="accompaniment").get_absolute_url()
        glossary = reverse("services:glossary")
    body = client.get(url).content.decode()
    assert f'<a class="term" href="{glossary}#clsc"' in body


def test_only_the_first_mention_outside_a_link_is_linked():
    with translation.override("fr"):
        html = link_acronyms(
            '<p>Va au <a href="/x">CLSC</a>. Le CLSC t\'aide. Le CLSC est gratuit.</p>', "fr"
        )
    assert html.count('class="term"') == 1
    assert '<a href="/x">CLSC</a>' in html  # never a link inside a link
    assert 'Le <a class="term" href="/fr/glossaire/#clsc"' in html
    assert html.endswith("Le CLSC est gratuit.</p>")


# Facts CONTENT-BRIEF-2 marks TO VERIFY (or secondary and unconfirmed), as they would appear if
# published. They may wait in an editor_note, never in visitor-facing text.
UNVERIFIED = [
    ("Kids Help Phone's French keyword", r"CONNECT au 686868|texte CONNECT"),
    ("SOS violence conjugale text number", r"438[ -]601[ -]1211"),
    ("Tel-Aide number", r"514[ -]935[ -]1101"),
    ("LigneParents number", r"361[ -]5085"),
    ("CAVAC province-wide number", r"LE CAVAC"),
    ("firearms-concern line", r"731[ -]4000"),
    ("ANEB number", r"630[ -]0907"),
    ("OPQ fee range", r"120 ?\$|\$120"),
    ("IVAC rate per session", r"94 ?\$|\$94"),
    ("RAMQ waiting period", r"(?i)délai de carence|3 mois|three months|3-month"),
    ("refugees' 10 sessions", r"(?i)10 (séances|sessions) de (counseling|consultation)"),
    ("title order rule", r"(?i)infirmière psychothérapeute"),
    ("assessment over 2-3 meetings", r"(?i)(2|deux) (à|or|to) (3|trois) (rencontres|meetings)"),
    ("Tel-jeunes 24/7", r"(?i)tel-jeunes[^.]*(24/7|24 h sur 24|jour et nuit)"),
    ("a note to editors leaking", r"(?i)\bto verify\b|[\[(]à vérifier[\])]"),
]


def test_no_unverified_fact_reaches_visitors():
    found = [
        (where, name)
        for where, text in all_visitor_text()
        for name, pattern in UNVERIFIED
        if text
        and re.search(pattern, text)
        # The catalogues also hold the admin's help texts, which may speak of "to verify".
        and not (where.endswith(".po") and name == "a note to editors leaking")
    ]
    assert found == []


def test_the_unverified_fact_check_can_fail():
    kids = Resource.objects.get(key="kids-help-phone")
    kids.description_fr += " Texte CONNECT au 686868."
    kids.save()
    assert any(re.search(UNVERIFIED[0][1], text or "") for _, text in all_visitor_text())


HEDGES = {"140 $": "chronique", "6 à 10": "chronique", "$140": "column", "6 to 10": "column"}


def test_private_fees_are_hedged_the_same_way_everywhere():
    """The $140–240 range and 6 to 10 sessions come from one 2025 newspaper column."""
    for where, text in all_visitor_text():
        text = (text or "").replace("\u00a0", " ")
        # The amount's own form says the language, and so the hedge expected beside it.
        for amount, hedge in HEDGES.items():
            if amount in text:
                assert hedge in text, (where, amount)


def test_free_public_care_always_carries_its_ramq_condition():
    sentence = re.compile(r"[^.!?<>]*\b(gratuits?e?s?|free)\b[^.!?<>]*", re.I)
    network = re.compile(r"réseau public|public network|établissements publics|public facilities")
    for where, text in all_visitor_text():
        if where.endswith(".html") or where.endswith(".po"):
            continue
        for match in sentence.finditer(text or ""):
            if network.search(match.group(0)):
                assert "RAMQ" in match.group(0), (where, match.group(0))


TRACKING = re.compile(r"[?&](utm_[a-z]+|gclid|fbclid|msclkid|mc_eid|_ga|o)=", re.I)
# Sites that host copies of other people's documents: cite the original instead.
AGGREGATORS = (
    "docplayer",
    "readkong",
    "fdocuments",
    "doczz",
    "scribd",
    "pdfslide",
    "slideplayer",
    "lelezard",
)


def every_url():
    """(where, url) for each web address in the content: sources, help lines, links in text."""
    from services.models import Source

    for source in Source.objects.all():
        yield f"Source:{source.key}", source.url
    for where, text in all_visitor_text():
        for url in re.findall(r'href="(https?://[^"]+)"', text or ""):
            yield where, url
        if where.startswith("Resource:") and (text or "").startswith("http"):
            yield where, text


def test_no_url_carries_tracking_parameters_or_points_to_a_copy():
    bad = [
        (where, url)
        for where, url in every_url()
        if TRACKING.search(url) or any(name in url for name in AGGREGATORS)
    ]
    assert bad == []


def test_the_url_check_can_fail():
    from services.models import Source

    Source.objects.filter(key="s11").update(url="https://www.quebec.ca/sante?gclid=abc")
    assert any(TRACKING.search(url) for _, url in every_url())


def test_sources_shown_to_visitors_are_few_named_and_not_writing_guides():
    from services.models import Source

    for source in Source.objects.all():
        assert source.title.strip() and not source.title.startswith("—"), source.key
        assert "…" not in source.title and source.publisher.strip(), source.key
    guides = ("mindframe", "samaritans", "tracksafe", "nspa.org", "paho.org", "design.canada.ca")
    for item in [*Intervention.objects.all(), *Page.objects.all()]:
        urls = [source.url for source in item.sources.all()]
        assert 1 <= len(urls) <= 20, (item, len(urls))
        assert not [url for url in urls if any(guide in url for guide in guides)], item
