"""seed_content: loads every word in both languages, and never undoes an editor's work."""

import pytest
from django.core.management import call_command

from services.content.loader import DEFAULT_CONTENT, read_content, seed_content
from services.editorial.translation_status import missing_translations, translated_field_names
from services.models import (
    ComparisonCell,
    Criterion,
    GlossaryTerm,
    Intervention,
    Page,
    Question,
    Resource,
    SeedRecord,
    Source,
)

from .helpers import CONTENT_MODELS, snapshot

pytestmark = [pytest.mark.django_db, pytest.mark.content]

ALL_INTERVENTIONS = {
    "accompaniment",
    "support",
    "couple-family",
    "psychoeducation",
    "rehabilitation",
    "clinical-follow-up",
    "coaching",
    "crisis",
    "psychotherapy",
}


def test_the_nine_kinds_of_help_are_published_in_both_families():
    interventions = Intervention.objects.published()
    assert {i.key for i in interventions} == ALL_INTERVENTIONS
    assert {i.family for i in interventions} == {"support", "psychotherapy"}
    assert Intervention.objects.get(key="psychotherapy").reserved


def test_every_visitor_facing_field_is_filled_in_both_languages():
    for model in CONTENT_MODELS:
        if not translated_field_names(model):
            continue
        for obj in model.objects.all():
            assert missing_translations(obj) == {}, (model.__name__, obj)


def test_every_intervention_page_is_complete_and_sourced():
    for intervention in Intervention.objects.all():
        for field in list(Intervention.RICH_TEXT_FIELDS) + ["name", "slug", "summary"]:
            for language in ("fr", "en"):
                assert getattr(intervention, f"{field}_{language}").strip(), (
                    intervention.key,
                    field,
                    language,
                )
        assert intervention.sources.exists(), intervention.key
        assert len(intervention.meta_description_fr) <= 160


def test_every_comparison_cell_is_filled():
    assert Criterion.objects.count() >= 6
    for criterion in Criterion.objects.all():
        assert {t.intervention.key for t in criterion.cells.all()} == ALL_INTERVENTIONS


def test_help_lines_match_the_content_brief():
    numbers = {r.key: (r.phone, r.text_number) for r in Resource.objects.all()}
    phones = {phone for phone, _ in numbers.values()}
    assert {"911", "18662773553", "988", "811"} <= phones
    header = Resource.objects.filter(in_header=True)
    assert {r.phone for r in header} == {"911", "18662773553", "988", "811"}
    assert any(text == "535353" for _, text in numbers.values())


def test_seeding_twice_changes_nothing():
    before = snapshot()
    counts = seed_content()
    assert counts["created"] == 0 and counts["updated"] == 0
    assert snapshot() == before


def test_an_editors_change_survives_a_new_seed():
    crisis = Intervention.objects.get(key="crisis")
    crisis.summary_en = "Edited by a practitioner."
    crisis.save()
    call_command("seed_content", verbosity=0)
    crisis.refresh_from_db()
    assert crisis.summary_en == "Edited by a practitioner."
    # Untouched fields are still the seeded ones.
    assert crisis.summary_fr == read_intervention("crisis")["summary"]["fr"].strip()


def test_a_changed_seed_updates_fields_no_editor_touched(tmp_path):
    content = read_content(DEFAULT_CONTENT)
    record = next(r for r in content["interventions"] if r["key"] == "coaching")
    record["summary"] = {"fr": "Nouveau résumé.", "en": "New summary."}
    coaching = Intervention.objects.get(key="coaching")
    coaching.summary_fr = "Changé par une intervenante."
    coaching.save()

    import yaml

    path = tmp_path / "content.yaml"
    path.write_text(yaml.safe_dump(content, allow_unicode=True), encoding="utf-8")
    counts = seed_content(path)

    coaching.refresh_from_db()
    assert coaching.summary_fr == "Changé par une intervenante."  # the editor's, kept
    assert coaching.summary_en == "New summary."  # untouched by editors: updated
    assert counts["kept"] >= 1


def test_an_object_an_editor_deleted_stays_deleted():
    GlossaryTerm.objects.get(key=GlossaryTerm.objects.first().key).delete()
    count = GlossaryTerm.objects.count()
    seed_content()
    assert GlossaryTerm.objects.count() == count


def test_a_fresh_database_gets_everything_from_the_data_files():
    Question.objects.all().delete()  # the guide first: its rules protect what they name
    for model in [ComparisonCell, Criterion, Intervention, Resource, GlossaryTerm, Page, Source]:
        model.objects.all().delete()
    SeedRecord.objects.all().delete()
    counts = seed_content()
    content = read_content(DEFAULT_CONTENT)
    assert Intervention.objects.count() == len(content["interventions"])
    assert Source.objects.count() == len(content["sources"])
    assert Page.objects.count() == len(Page.Key.choices)
    assert counts["created"] > 100


def read_intervention(key):
    return next(r for r in read_content(DEFAULT_CONTENT)["interventions"] if r["key"] == key)
