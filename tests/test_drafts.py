"""Drafts are drafts (issue 15): saved half-written, French first; publishing needs everything."""

import pytest
from django.urls import reverse

from services.editorial import publishing
from services.editorial.workbench import translation_gaps
from services.models import Intervention

from . import factories
from .admin_forms import change, form_data

pytestmark = pytest.mark.django_db

ADD = "admin:services_intervention_add"
EMPTY_TRAITS = {
    "cells-TOTAL_FORMS": "0",
    "cells-INITIAL_FORMS": "0",
    "cells-MIN_NUM_FORMS": "0",
    "cells-MAX_NUM_FORMS": "1000",
}


def add_draft(client, name_fr, **fields):
    response = client.post(reverse(ADD), {"name_fr": name_fr, **EMPTY_TRAITS, **fields})
    assert response.status_code == 302, response.context["adminform"].form.errors
    return Intervention.objects.get(name_fr=name_fr)


def test_an_editor_saves_a_french_only_draft_with_its_address_made_from_the_name(editor):
    draft = add_draft(editor, "Écoute téléphonique")
    assert draft.status == Intervention.Status.DRAFT
    assert draft.slug_fr == "ecoute-telephonique"
    assert not draft.name_en and draft.slug_en is None


def test_many_drafts_without_english_can_coexist(editor):
    add_draft(editor, "Première ébauche")
    add_draft(editor, "Deuxième ébauche")  # two empty English addresses: no collision


def test_a_typed_address_is_kept(editor):
    draft = add_draft(editor, "Groupe de parole", slug_fr="groupes")
    assert draft.slug_fr == "groupes"


def test_a_draft_still_needs_its_french_name(editor):
    response = editor.post(reverse(ADD), {"name_en": "Only English", **EMPTY_TRAITS})
    assert response.status_code == 200
    assert "name_fr" in response.context["adminform"].form.errors


def test_publishing_an_incomplete_draft_in_the_form_names_each_missing_field(reviewer):
    draft = add_draft(reviewer, "Brouillon incomplet")
    data = form_data(reviewer, draft) | {"status": "published"}
    response = reviewer.post(change(draft), data)
    assert response.status_code == 200
    errors = response.context["adminform"].form.errors
    assert {"name_en", "summary_fr", "summary_en", "what_it_is_en", "family"} <= set(errors)
    draft.refresh_from_db()
    assert draft.status == Intervention.Status.DRAFT


def test_the_publish_action_refuses_an_incomplete_draft_and_says_why(reviewer):
    draft = add_draft(reviewer, "Encore incomplet")
    complete = factories.draft_intervention()
    response = reviewer.post(
        reverse("admin:services_intervention_changelist"),
        {"action": "publish", "_selected_action": [draft.pk, complete.pk]},
        follow=True,
    )
    messages = [str(m) for m in response.context["messages"]]
    assert any("Encore incomplet" in m for m in messages), messages
    assert "1 intervention published." in messages
    draft.refresh_from_db()
    complete.refresh_from_db()
    assert draft.status == Intervention.Status.DRAFT
    assert complete.status == Intervention.Status.PUBLISHED


def test_a_published_row_still_needs_both_languages(editor):
    """Rows visitors see as soon as they exist (a comparison row) follow the publishing rule."""
    row = factories.criterion()
    data = form_data(editor, row) | {"label_en": ""}
    response = editor.post(change(row), data)
    assert response.status_code == 200
    assert "label_en" in response.context["adminform"].form.errors


def test_the_gaps_panel_lists_what_a_draft_needs_before_publishing(editor):
    draft = add_draft(editor, "Ébauche à compléter")
    gaps = {gap.language: gap for gap in translation_gaps() if gap.obj == draft}
    assert gaps["en"].is_draft
    assert {"name", "summary", "what_it_is"} <= set(gaps["en"].fields)
    assert {"summary", "what_it_is"} <= set(gaps["fr"].fields)
    home = editor.get(reverse("admin:index")).content.decode()
    assert "Ébauche à compléter" in home


def test_the_rule_in_one_place():
    assert publishing.draft_minimum(Intervention) == {"name_fr"}
    required = publishing.required_fields(Intervention)
    assert {"name_fr", "name_en", "summary_en", "cost_en", "family"} <= set(required)
    assert "reviewer_profession_en" not in required and "name" not in required
    complete = factories.intervention()
    assert publishing.publication_gaps(complete) == {}
