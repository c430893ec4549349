"""The practical pages (issue 16), the date wording, who publishes the site, and privacy."""

import io
import re
from urllib.parse import unquote

import pytest
from django.core.management import call_command
from django.utils import translation

from services.models import Intervention, Page

from .helpers import url_in
from .html import page

pytestmark = pytest.mark.django_db

LANGUAGES = ["fr", "en"]
PRACTICAL = {
    # key: (French address, English address)
    "urgent-help": ("/fr/aide-urgente/", "/en/urgent-help/"),
    "while-you-wait": ("/fr/en-attendant/", "/en/while-you-wait/"),
    "first-appointment": ("/fr/premier-rendez-vous/", "/en/first-appointment/"),
    "costs": ("/fr/couts-et-remboursements/", "/en/costs-and-coverage/"),
    "check-practitioner": ("/fr/verifier-un-professionnel/", "/en/check-a-practitioner/"),
    "youth-parents": ("/fr/jeunes-et-parents/", "/en/youth-and-parents/"),
    "outside-quebec": ("/fr/hors-quebec/", "/en/outside-quebec/"),
}


def test_the_practical_pages_are_the_declared_next_questions():
    assert set(Page.NEXT_QUESTIONS) == set(PRACTICAL)


@pytest.mark.parametrize("key", PRACTICAL)
def test_each_practical_page_answers_at_its_address_in_both_languages(client, key):
    for language, url in zip(LANGUAGES, PRACTICAL[key], strict=True):
        with translation.override(language):
            assert Page.objects.get(key=key).get_absolute_url() == url
        response = client.get(url)
        assert response.status_code == 200, url
        html = page(response)
        assert html.find("html")["lang"] == language
        other = PRACTICAL[key][1 - LANGUAGES.index(language)]
        assert html.find("a", class_="language-toggle")["href"] == other


@pytest.mark.parametrize("key", PRACTICAL)
def test_each_practical_page_cites_sources_and_says_when_it_was_updated(client, key):
    for url, updated in zip(PRACTICAL[key], ["Mis à jour le", "Updated on"], strict=True):
        body = client.get(url).content.decode()
        meta = re.search(r'<section class="page-meta".*?</section>', body, re.S).group(0)
        assert 3 <= meta.count("<li>") <= 15, url  # a few sources, not forty
        assert updated in meta and "Révisé" not in meta and "Reviewed" not in meta, url


def test_sitemap_lists_every_practical_page_in_both_languages(client):
    body = client.get("/sitemap.xml").content.decode()
    for french, english in PRACTICAL.values():
        assert f"{french}</loc>" in body and f"{english}</loc>" in body


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("name", ["services:home", "services:resources"])
def test_home_and_help_lines_link_to_every_practical_page(client, language, name):
    body = client.get(url_in(language, name)).content.decode()
    index = LANGUAGES.index(language)
    for addresses in PRACTICAL.values():
        assert f'href="{addresses[index]}"' in body, (name, addresses[index])


@pytest.mark.parametrize("language", LANGUAGES)
def test_intervention_sections_link_to_the_page_answering_the_next_question(client, language):
    index = LANGUAGES.index(language)
    with translation.override(language):
        url = Intervention.objects.get(key="support").get_absolute_url()
    body = client.get(url).content.decode()
    for field, keys in Intervention.SECTION_PAGES.items():
        section = re.search(rf'<details class="section" id="{field}".*?</details>', body, re.S)
        section = section.group(0)
        for key in keys:
            assert f'href="{PRACTICAL[key][index]}"' in section, (field, key)


def test_the_date_says_reviewed_only_when_a_practitioner_is_named(client):
    costs = Page.objects.get(key="costs")
    assert "Mis à jour le" in client.get("/fr/couts-et-remboursements/").content.decode()
    costs.reviewer_name, costs.reviewer_profession = "Marie Tremblay", "travailleuse sociale"
    costs.save()
    body = client.get("/fr/couts-et-remboursements/").content.decode()
    assert "Révisé par Marie Tremblay, travailleuse sociale, le" in body
    assert "Mis à jour le" not in body


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_psychotherapy_page_names_the_conditions_and_quotes_the_law(client, language):
    with translation.override(language):
        url = Intervention.objects.get(key="psychotherapy").get_absolute_url()
    html = client.get(url).content.decode()
    text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html)).replace("\u00a0", " ")
    if language == "fr":
        conditions = ["dépression", "anxiété généralisée", "personnalité limite"]
        conditions += ["post-traumatique"]
        extra = ["attaques de panique", "idées suicidaires"]
        quote = "traitement psychologique pour un trouble mental"
    else:
        conditions = ["depression", "generalized anxiety", "borderline personality"]
        conditions += ["post-traumatic"]
        extra = ["panic attacks", "Suicidal thoughts overwhelm"]
        quote = "psychological treatment for a mental disorder"
        assert "not an official one" in text
    for words in conditions + extra:
        assert words in text, words
    quotes = re.findall(r"<blockquote>(.*?)</blockquote>", html, re.S)
    assert len(quotes) == 1 and quote in quotes[0].replace("\u00a0", " ")
    assert {"fr": "au-delà d'une aide", "en": "goes beyond help"}[language] in quotes[0]
    assert 'href="https://www.legisquebec.gouv.qc.ca/fr/document/lc/C-26"' in html
    # The acronyms link to the glossary (TAG, TPL, TSPT / GAD, BPD, PTSD).
    acronyms = ["tag", "tpl", "tspt"] if language == "fr" else ["gad", "bpd", "ptsd"]
    for term in acronyms:
        assert re.search(rf'class="term" href="[^"]*#[a-z-]+"[^>]*>{term.upper()}<', html), term


def test_the_couple_page_says_to_talk_alone_first_when_there_is_violence(client):
    with translation.override("fr"):
        url = Intervention.objects.get(key="couple-family").get_absolute_url()
    text = client.get(url).content.decode().replace("\u00a0", " ")
    assert "violence ou de la peur" in text and "sans ton ou ta partenaire" in text
    assert "SOS violence conjugale" in text and "1 800 363-9010" in text


@pytest.mark.parametrize("language", LANGUAGES)
def test_footer_names_the_publisher_with_a_way_to_report_an_error(client, language, settings):
    settings.SITE_PUBLISHER = "Collectif Orientation"
    url = url_in(language, "services:compare")
    html = page(client.get(url))
    footer = html.find("footer")
    assert footer is not None
    body = client.get(url).content.decode()
    assert "Collectif Orientation" in body
    mailto = re.search(r'href="(mailto:contact@orientation\.example\?subject=[^"]+)"', body)
    assert mailto and url in unquote(mailto.group(1))


def test_about_shows_the_publisher_and_the_error_report_link(client, settings):
    body = client.get(url_in("fr", "services:about")).content.decode()
    assert "Qui publie ce site" in body
    assert 'href="mailto:contact@orientation.example"' in body
    assert "Signaler une erreur" in body


def test_without_a_contact_address_no_empty_mailto_is_shown(client, settings):
    settings.SITE_CONTACT_EMAIL = ""
    body = client.get(url_in("en", "services:about")).content.decode()
    assert 'href="mailto:' not in body.split("<footer")[1]
    assert 'href="mailto:?' not in body


@pytest.mark.parametrize("language", LANGUAGES)
def test_privacy_page_names_who_answers_and_how_long_data_is_kept(client, language, settings):
    settings.LOGIN_RECORD_DAYS, settings.SERVER_LOG_DAYS = 30, 14
    text = client.get(url_in(language, "services:privacy")).content.decode()
    text = text.replace("\u00a0", " ")
    assert settings.PRIVACY_OFFICER_TITLE[language] in text
    assert 'href="mailto:vie-privee@orientation.example"' in text
    if language == "fr":
        expected = ["après 30 jours", "après 14 jours", "adresse IP", "navigation privée"]
        expected += ["Retour", "historique", "JavaScript", "Commission d'accès à l'information"]
    else:
        expected = ["after 30 days", "after 14 days", "IP address", "private browsing"]
        expected += ["Back", "history", "JavaScript", "Commission d'accès à l'information"]
    for words in expected:
        assert words in text, words


def test_purge_deletes_only_login_records_older_than_the_stated_days(settings):
    import datetime

    from axes.models import AccessAttempt, AccessLog
    from django.utils import timezone

    settings.LOGIN_RECORD_DAYS = 30
    old, recent = (
        AccessLog.objects.create(username=name, ip_address="192.0.2.1", user_agent="x")
        for name in ("old", "recent")
    )
    AccessLog.objects.filter(pk=old.pk).update(
        attempt_time=timezone.now() - datetime.timedelta(days=31)
    )
    AccessAttempt.objects.create(
        username="a", ip_address="192.0.2.2", user_agent="x", failures_since_start=1
    )
    out = io.StringIO()
    call_command("purge_login_records", stdout=out)
    assert "AccessLog: 1 deleted" in out.getvalue()
    assert list(AccessLog.objects.values_list("username", flat=True)) == ["recent"]
    assert AccessAttempt.objects.count() == 1


def test_the_deploy_check_warns_when_no_contact_address_is_set(settings):
    from orientation_site.checks import publisher_contact

    assert publisher_contact(None) == []
    settings.SITE_CONTACT_EMAIL = settings.PRIVACY_OFFICER_EMAIL = ""
    assert [warning.id for warning in publisher_contact(None)] == ["services.W001"]
