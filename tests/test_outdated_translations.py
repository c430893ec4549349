"""Translations that can't go stale (issue 18): one language changes alone, the other is
marked « needs review » until someone edits or confirms it."""

import datetime

import pytest
import yaml
from django.core.management import CommandError, call_command
from django.urls import reverse
from django.utils import timezone, translation

from services.content.loader import DEFAULT_CONTENT, read_content, seed_content
from services.models import GlossaryTerm, Intervention, OutdatedTranslation, Page, PendingChange
from services.models.safeguards import outdated_fields

from .admin_forms import change, current_form_data, form_data

pytestmark = pytest.mark.django_db


def term():
    return GlossaryTerm.objects.get(key="psychotherapy")


def edit(client, obj, **changes):
    """Save `obj` through its admin form. Most tests edit as the only Reviewer, whose saves go
    live at once; an Editor's change waits for approval (the tests at the end)."""
    data = form_data(client, obj) | changes
    response = client.post(change(obj), data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    return response


def test_editing_french_only_marks_english_outdated(reviewer):
    edit(reviewer, term(), definition_fr="Une nouvelle définition en français.")
    now = pytest.approx(timezone.now(), abs=datetime.timedelta(minutes=1))
    assert outdated_fields(term()) == {"en": {"definition": now}}


def test_editing_french_only_never_marks_french(reviewer):
    edit(reviewer, term(), definition_fr="Une nouvelle définition en français.")
    assert "fr" not in outdated_fields(term())


def test_ticking_still_right_marks_nothing(reviewer):
    edit(
        reviewer,
        term(),
        definition_fr="Une définition corrigée.",
        other_language_still_right="on",
    )
    assert outdated_fields(term()) == {}


def test_editing_the_other_language_clears_the_marker(reviewer):
    edit(reviewer, term(), definition_fr="Une nouvelle définition.")
    edit(reviewer, term(), definition_en="A new definition.")
    assert outdated_fields(term()) == {}


def test_confirming_later_clears_the_marker(reviewer):
    edit(reviewer, term(), definition_fr="Une nouvelle définition.")
    edit(reviewer, term(), other_language_still_right="on")
    assert outdated_fields(term()) == {}


def test_editing_english_only_marks_french(reviewer):
    edit(reviewer, term(), definition_en="A new definition.")
    assert set(outdated_fields(term())) == {"fr"}


def test_changing_both_languages_at_once_marks_nothing(reviewer):
    edit(reviewer, term(), definition_fr="Nouvelle.", definition_en="New.")
    assert outdated_fields(term()) == {}


def test_an_empty_other_language_is_a_gap_not_an_outdated_text():
    obj = term()
    obj.expansion_fr = "Une expansion"  # English expansion is empty
    obj.save()
    assert outdated_fields(obj) == {}


def test_a_new_slug_does_not_make_the_other_slug_outdated():
    crisis = Intervention.objects.get(key="crisis")
    crisis.slug_fr = "crise"
    crisis.save()
    assert outdated_fields(crisis) == {}


def test_a_seed_updating_both_languages_marks_nothing(tmp_path):
    content = read_content(DEFAULT_CONTENT)
    record = next(r for r in content["glossary"] if r["key"] == "psychotherapy")
    record["definition"] = {"fr": "Définition revue.", "en": "Reviewed definition."}
    path = tmp_path / "content.yaml"
    path.write_text(yaml.safe_dump(content, allow_unicode=True), encoding="utf-8")
    seed_content(path)
    assert term().definition_en == "Reviewed definition."
    assert OutdatedTranslation.objects.count() == 0


def test_a_seed_updating_french_only_marks_english(tmp_path):
    content = read_content(DEFAULT_CONTENT)
    record = next(r for r in content["glossary"] if r["key"] == "psychotherapy")
    record["definition"]["fr"] = "Définition revue."
    path = tmp_path / "content.yaml"
    path.write_text(yaml.safe_dump(content, allow_unicode=True), encoding="utf-8")
    seed_content(path)
    assert set(outdated_fields(term())) == {"en"}


def test_seeding_the_shipped_content_again_marks_nothing():
    seed_content()
    assert OutdatedTranslation.objects.count() == 0


def test_deleting_an_object_forgets_its_markers():
    obj = term()
    obj.definition_fr = "Autre."
    obj.save()
    obj.delete()
    assert OutdatedTranslation.objects.count() == 0


# Where editors see it ---------------------------------------------------------------------


def test_the_list_column_shows_needs_review(reviewer):
    edit(reviewer, term(), definition_fr="Une nouvelle définition.")
    response = reviewer.get(reverse("admin:services_glossaryterm_changelist"))
    assert response.content.decode().count("Needs review in EN") == 1


def test_the_change_form_marks_the_field(reviewer):
    edit(reviewer, term(), definition_fr="Une nouvelle définition.")
    html = reviewer.get(change(term())).content.decode()
    assert 'data-outdated="definition_en"' in html
    assert 'data-outdated="definition_fr"' not in html
    assert "the French text changed on" in html
    assert "The other language is still right" in html
    assert "Needs review in EN (the other language changed alone): definition." in html


def test_the_admin_home_lists_outdated_beside_missing(reviewer):
    edit(reviewer, term(), definition_fr="Une nouvelle définition.")
    html = reviewer.get(reverse("admin:index")).content.decode()
    assert 'id="outdated-translations"' in html and 'id="translation-gaps"' in html
    panel = html.split('id="outdated-translations"')[1].split("</section>")[0]
    assert "psychotherapy" in panel  # the term's English name: the admin is in English
    assert "definition" in panel


def test_an_unchanged_save_keeps_the_form_valid(reviewer):
    """The box is not a model field: a plain save still round-trips."""
    response = reviewer.get(change(term()))
    assert reviewer.post(change(term()), current_form_data(response)).status_code == 302


# check_translations ----------------------------------------------------------------------


def test_check_translations_passes_on_the_shipped_content(capsys):
    call_command("check_translations")
    assert "none is outdated" in capsys.readouterr().out


def test_check_translations_fails_naming_the_object_and_field(capsys):
    obj = term()
    obj.definition_fr = "Une nouvelle définition."
    obj.save()
    with pytest.raises(CommandError, match="1 outdated translation"):
        call_command("check_translations")
    out = capsys.readouterr().out
    assert f"«{obj}»: outdated in EN" in out and "definition" in out


# The notice on English pages -------------------------------------------------------------


def about_page(days_ago):
    """The About page with its English intro marked outdated `days_ago` days ago."""
    page = Page.objects.get(key=Page.Key.ABOUT)
    page.intro_fr = page.intro_fr + " Mis à jour."
    page.save()
    OutdatedTranslation.objects.update(since=timezone.now() - datetime.timedelta(days=days_ago))
    return page


def url(language):
    with translation.override(language):
        return reverse("services:about")


NOTICE = "translation-notice"


def test_no_notice_before_the_grace_days(client, settings):
    settings.TRANSLATION_GRACE_DAYS = 14
    about_page(days_ago=13)
    assert NOTICE not in client.get(url("en")).content.decode()


def test_the_notice_after_the_grace_days_links_to_the_french_page(client, settings):
    settings.TRANSLATION_GRACE_DAYS = 14
    about_page(days_ago=15)
    html = client.get(url("en")).content.decode()
    assert NOTICE in html
    assert f'href="{url("fr")}" hreflang="fr"' in html
    assert "has not been reviewed" in html
    # The text is still there: no blank.
    assert Page.objects.get(key=Page.Key.ABOUT).intro_en.split()[0] in html


def test_french_pages_never_show_the_notice(client, settings):
    settings.TRANSLATION_GRACE_DAYS = 0
    page = Page.objects.get(key=Page.Key.ABOUT)
    page.intro_en = page.intro_en + " Updated."  # French is now outdated
    page.save()
    OutdatedTranslation.objects.update(since=timezone.now() - datetime.timedelta(days=100))
    assert NOTICE not in client.get(url("fr")).content.decode()


def test_clearing_the_marker_removes_the_notice_from_the_cached_page(client, settings):
    settings.TRANSLATION_GRACE_DAYS = 14
    page = about_page(days_ago=15)
    assert NOTICE in client.get(url("en")).content.decode()
    page.intro_en = page.intro_en + " Reviewed."
    page.save()
    assert NOTICE not in client.get(url("en")).content.decode()


def test_a_page_cached_during_the_grace_expires_when_the_grace_ends(client, settings):
    """The cached copy is kept only until the grace ends, so the notice is never late."""
    from django.core.cache import cache

    from orientation_site.page_cache import PAGE_TIMEOUT

    settings.TRANSLATION_GRACE_DAYS = 14
    about_page(days_ago=14)
    OutdatedTranslation.objects.update(
        since=timezone.now() - datetime.timedelta(days=14) + datetime.timedelta(seconds=30)
    )
    timeouts = []
    original = cache.set

    def spy(key, value, timeout=None, **kwargs):
        if key.startswith("page:"):
            timeouts.append(timeout)
        return original(key, value, timeout, **kwargs)

    cache.set = spy
    try:
        assert NOTICE not in client.get(url("en")).content.decode()
    finally:
        cache.set = original
    assert timeouts and 1 <= timeouts[0] <= 31 < PAGE_TIMEOUT


@pytest.mark.parametrize("model", ["intervention", "region"])
def test_the_notice_shows_on_intervention_and_region_pages_too(client, settings, model):
    from services.models import Region

    settings.TRANSLATION_GRACE_DAYS = 14
    obj = (Intervention if model == "intervention" else Region).objects.first()
    if model == "intervention":
        obj.summary_fr = obj.summary_fr + " Mis à jour."
    else:
        obj.intro_fr = obj.intro_fr + " Mis à jour."
    obj.save()
    OutdatedTranslation.objects.update(since=timezone.now() - datetime.timedelta(days=15))
    with translation.override("en"):
        english = obj.get_absolute_url()
    with translation.override("fr"):
        french = obj.get_absolute_url()
    assert NOTICE in client.get(english).content.decode()
    assert NOTICE not in client.get(french).content.decode()


# An Editor's change waits: its markers come with the approval ----------------------------


def approve_open_change(reviewer, obj):
    pending = PendingChange.objects.open().for_object(obj).get()
    url = reverse("admin:services_pendingchange_change", args=[pending.pk])
    assert reviewer.post(url, {"_approve": "1"}).status_code == 302


@pytest.mark.parametrize("still_right", [False, True])
def test_an_editors_french_only_change_marks_english_when_approved(editor, reviewer, still_right):
    tick = {"other_language_still_right": "on"} if still_right else {}
    edit(editor, term(), definition_fr="Une nouvelle définition en français.", **tick)
    assert outdated_fields(term()) == {}  # nothing is live yet
    approve_open_change(reviewer, term())
    assert term().definition_fr == "Une nouvelle définition en français."
    expected = set() if still_right else {"en"}
    assert set(outdated_fields(term())) == expected
