"""The admin: every model editable, both languages side by side, gaps visible."""

import pytest
from django.urls import reverse

from services.models import (
    AccessPoint,
    Criterion,
    GlossaryTerm,
    Intervention,
    Page,
    Region,
    Resource,
    Source,
)

from . import factories

pytestmark = pytest.mark.django_db

# Every model an editor lists, and the factory of one of its rows.
MODELS = {
    Intervention: factories.intervention,
    Criterion: factories.criterion,
    Resource: factories.help_line,
    GlossaryTerm: factories.glossary_term,
    Page: factories.page,
    Source: factories.source,
    Region: factories.region,
    AccessPoint: factories.access_point,
}


@pytest.fixture
def editor_client(client, admin_user):
    client.force_login(admin_user)
    return client


@pytest.mark.parametrize("model", MODELS)
def test_each_model_has_a_list_and_a_change_form(editor_client, model):
    meta = model._meta
    changelist = editor_client.get(reverse(f"admin:{meta.app_label}_{meta.model_name}_changelist"))
    assert changelist.status_code == 200
    obj = MODELS[model]()
    change = editor_client.get(
        reverse(f"admin:{meta.app_label}_{meta.model_name}_change", args=[obj.pk])
    )
    assert change.status_code == 200


@pytest.mark.parametrize(
    ("language", "help_text"),
    [("en", "The day this page's facts were last checked."), ("fr", "vérifié")],
)
def test_the_change_form_shows_french_and_english_fields(editor_client, language, help_text):
    helping = factories.intervention()
    response = editor_client.get(
        reverse("admin:services_intervention_change", args=[helping.pk]),
        headers={"Accept-Language": language},
    )
    body = response.content.decode()
    for field in ("id_summary_fr", "id_summary_en", "id_what_it_is_fr", "id_what_it_is_en"):
        assert field in body
    assert help_text in body


def test_the_list_shows_which_language_is_missing(editor_client):
    factories.intervention()
    factories.intervention(cost_en="")
    response = editor_client.get(
        reverse("admin:services_intervention_changelist"), headers={"Accept-Language": "en"}
    )
    body = response.content.decode()
    assert "Missing in EN" in body
    assert body.count("Complete") == 1


def test_the_admin_speaks_french_to_a_french_editor(editor_client):
    response = editor_client.get(
        reverse("admin:services_intervention_changelist"), headers={"Accept-Language": "fr"}
    )
    assert '<html lang="fr"' in response.content.decode()


def test_editing_an_intervention_through_the_admin_saves_both_languages(editor_client):
    coaching = factories.intervention(sources=[factories.source()])
    url = reverse("admin:services_intervention_change", args=[coaching.pk])
    form = editor_client.get(url).context["adminform"].form
    data = {name: form[name].value() for name in form.fields if form[name].value() is not None}
    data["sources"] = [s.pk for s in coaching.sources.all()]
    data["summary_en"] = "A new English summary."
    data["summary_fr"] = "Un nouveau résumé."
    data.update(
        {
            "cells-TOTAL_FORMS": "0",
            "cells-INITIAL_FORMS": "0",
            "cells-MIN_NUM_FORMS": "0",
            "cells-MAX_NUM_FORMS": "1000",
        }
    )
    response = editor_client.post(url, data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    coaching.refresh_from_db()
    assert (coaching.summary_fr, coaching.summary_en) == (
        "Un nouveau résumé.",
        "A new English summary.",
    )


# --- The guide's questions, answers and weights ----------------------------------------------

from .admin_forms import current_form_data  # noqa: E402


def question_form(editor_client, question):
    url = reverse("admin:services_question_change", args=[question.pk])
    response = editor_client.get(url, headers={"Accept-Language": "en"})
    assert response.status_code == 200
    return url, current_form_data(response)


def test_a_question_saves_unchanged(editor_client):
    question = factories.question_with_answers(risk_signal=True)  # the guide keeps its risk answer
    url, data = question_form(editor_client, question)
    data["text_en"] = "What is happening for you now?"
    response = editor_client.post(url, data)
    assert response.status_code == 302
    question.refresh_from_db()
    assert question.text_en == "What is happening for you now?"


def test_a_question_needs_two_answers(editor_client):
    question = factories.question_with_answers()
    url, data = question_form(editor_client, question)
    for index in range(1, question.answers.count()):
        data[f"answers-{index}-DELETE"] = "on"
    response = editor_client.post(url, data, headers={"Accept-Language": "en"})
    assert response.status_code == 200
    assert "A question needs at least two answers." in response.content.decode()
    assert question.answers.count() == 3


def test_the_guide_always_keeps_a_risk_signal(editor_client):
    question = factories.question_with_answers(risk_signal=True)
    url, data = question_form(editor_client, question)
    for index in range(question.answers.count()):
        data.pop(f"answers-{index}-risk_signal", None)
    response = editor_client.post(url, data, headers={"Accept-Language": "en"})
    assert response.status_code == 200
    assert "marked as a risk signal" in response.content.decode()
    assert question.answers.filter(risk_signal=True).exists()


def test_an_answer_needs_both_languages(editor_client):
    question = factories.question_with_answers()
    url, data = question_form(editor_client, question)
    data["answers-0-text_en"] = ""
    response = editor_client.post(url, data, headers={"Accept-Language": "en"})
    assert response.status_code == 200
    assert response.context["inline_admin_formsets"][0].formset.errors[0]


def test_weights_are_edited_on_the_answers_page_with_their_explanation(editor_client):
    answer = factories.answer()
    for _ in range(3):
        factories.answer_weight(answer, factories.intervention())
    response = editor_client.get(
        reverse("admin:services_answer_change", args=[answer.pk]), headers={"Accept-Language": "en"}
    )
    body = response.content.decode()
    assert response.status_code == 200
    assert "From -5 to 5" in body
    assert body.count('name="weights-') >= 3
