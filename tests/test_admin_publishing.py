"""Publishing, reverting and reviewing are the Reviewer's on every path (issue 14, items 2 to 5)."""

import pytest
from django.core.management import call_command
from django.urls import reverse

from services.models import Intervention, Question, Resource, SeedRecord

from . import factories
from .admin_forms import change, current_form_data, form_data
from .admin_roles import client_for

pytestmark = pytest.mark.django_db


# --- Item 2: publishing is a Reviewer's act on every path ------------------------------------


def test_an_editor_cannot_unpublish_a_guide_question(editor):
    factories.question_with_answers(risk_signal=True)  # the guide keeps its risk answer
    question = factories.question_with_answers()
    data = form_data(editor, question)
    data.pop("published", None)  # an unticked box: what a browser sends to unpublish
    assert editor.post(change(question), data).status_code == 302
    question.refresh_from_db()
    assert question.published


def test_a_question_an_editor_adds_is_a_draft(editor):
    factories.question_with_answers(risk_signal=True)  # the guide keeps its risk answer
    data = {
        "text_fr": "Une question",
        "text_en": "A question",
        "published": "on",
        "answers-TOTAL_FORMS": "2",
        "answers-INITIAL_FORMS": "0",
        "answers-MIN_NUM_FORMS": "0",
        "answers-MAX_NUM_FORMS": "1000",
    }
    for index in range(2):
        data |= {
            f"answers-{index}-text_fr": f"Réponse {index}",
            f"answers-{index}-text_en": f"Answer {index}",
            f"answers-{index}-reason_fr": "Parce que.",
            f"answers-{index}-reason_en": "Because.",
        }
    response = editor.post(reverse("admin:services_question_add"), data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    assert not Question.objects.get(text_en="A question").published


def test_an_editor_cannot_unpublish_a_help_line_by_deleting_it(editor):
    line = factories.help_line()
    response = editor.post(
        reverse("admin:services_resource_delete", args=[line.pk]), {"post": "yes"}
    )
    assert response.status_code == 403
    assert Resource.objects.filter(pk=line.pk).exists()


# --- Item 3: reverting follows the change form's rules -----------------------------------------


def test_an_editor_reverting_to_a_published_version_keeps_the_draft_a_draft(editor):
    coaching = factories.intervention()
    published_version = coaching.history.latest()
    coaching.status = Intervention.Status.DRAFT
    coaching.save()
    url = reverse(
        "admin:services_intervention_simple_history",
        args=[coaching.pk, published_version.history_id],
    )
    data = current_form_data(editor.get(url))
    assert editor.post(url, data).status_code == 302
    coaching.refresh_from_db()
    assert coaching.status == Intervention.Status.DRAFT


def test_a_view_only_user_cannot_change_anything_through_the_history_form(django_user_model):
    viewer = client_for("viewer")
    coaching = factories.intervention()
    version = coaching.history.latest()
    url = reverse(
        "admin:services_intervention_simple_history", args=[coaching.pk, version.history_id]
    )
    response = viewer.post(url, {"name_fr": "Changé", "name_en": "Changed"})
    assert response.status_code == 403
    coaching.refresh_from_db()
    assert coaching.name_en != "Changed"


# --- Item 4: who reviewed moves together, under the Reviewer's control -------------------------


def test_an_editor_cannot_forge_the_reviewer(editor):
    coaching = factories.intervention()
    before = (coaching.reviewer_name, coaching.reviewer_profession_fr, coaching.last_reviewed)
    data = form_data(editor, coaching)
    data |= {
        "reviewer_profession_fr": "psychologue",
        "reviewer_profession_en": "psychologist",
        "reviewer_name": "Dr Forged",
        "last_reviewed": "2026-01-01",
    }
    assert editor.post(change(coaching), data).status_code == 302
    coaching.refresh_from_db()
    assert (
        coaching.reviewer_name,
        coaching.reviewer_profession_fr,
        coaching.last_reviewed,
    ) == before


def test_reverting_never_brings_back_an_older_reviewer(reviewer, editor):
    coaching = factories.intervention()
    old_version = coaching.history.latest()
    data = form_data(reviewer, coaching)
    data |= {"reviewer_name": "Marie Tremblay", "reviewer_profession_en": "social worker"}
    assert reviewer.post(change(coaching), data).status_code == 302
    url = reverse(
        "admin:services_intervention_simple_history", args=[coaching.pk, old_version.history_id]
    )
    assert editor.post(url, current_form_data(editor.get(url))).status_code == 302
    coaching.refresh_from_db()
    assert (coaching.reviewer_name, coaching.reviewer_profession_en) == (
        "Marie Tremblay",
        "social worker",
    )


# --- Item 5: an Editor can add an intervention (a draft, not yet reviewed) ---------------------


def test_an_editor_adds_an_intervention_as_an_unreviewed_draft(editor, admin_client):
    existing = factories.intervention()
    data = form_data(admin_client, existing)
    for name in ("status", "last_reviewed", "reviewer_name"):
        data.pop(name, None)
    data |= {"slug_fr": "nouvelle-aide", "slug_en": "new-help", "name_en": "New help"}
    data = {k: v for k, v in data.items() if not k.startswith("cells-")}
    data |= {"cells-TOTAL_FORMS": "0", "cells-INITIAL_FORMS": "0"}
    response = editor.post(reverse("admin:services_intervention_add"), data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    added = Intervention.objects.get(slug_en="new-help")
    assert (added.status, added.last_reviewed) == (Intervention.Status.DRAFT, None)
    # Its preview renders without a review line, and the reviewer panel lists it as due.
    assert editor.get("/en/services/new-help/").status_code == 200
    assert "never reviewed" in editor.get(reverse("admin:index")).content.decode()


def test_marking_as_reviewed_names_the_reviewer_who_did_it(django_user_model):
    reviewer = client_for("reviewer")
    django_user_model.objects.filter(username="reviewer-user").update(
        first_name="Luc", last_name="Gagnon"
    )
    coaching = factories.intervention()
    coaching.reviewer_name, coaching.reviewer_profession_fr = "Marie Tremblay", "psychologue"
    coaching.save()
    reviewer.post(
        reverse("admin:services_intervention_changelist"),
        {"action": "mark_reviewed", "_selected_action": [coaching.pk]},
    )
    coaching.refresh_from_db()
    assert (coaching.reviewer_name, coaching.reviewer_profession_fr) == ("Luc Gagnon", "")


def test_an_unreviewed_draft_survives_export_and_restore(tmp_path):
    factories.intervention(key="coaching", last_reviewed=None, status=Intervention.Status.DRAFT)
    path = tmp_path / "backup.yaml"
    call_command("export_content", str(path))
    Question.objects.all().delete()  # the guide first: its rules protect what they name
    Intervention.objects.all().delete()
    SeedRecord.objects.all().delete()
    call_command("seed_content", str(path), verbosity=0)
    assert Intervention.objects.get(key="coaching").last_reviewed is None
