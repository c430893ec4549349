"""Four eyes on new content (issue 18): what would be visible at once cannot be added by
someone whose changes wait. A review found an Editor's new help line, glossary term, guide
answer, comparison row and place to go live at once; a Region or place added without its
review date was a 500."""

import pytest
from django.urls import reverse

from services.models import AccessPoint, Choice, GlossaryTerm, Resource

from . import factories
from .admin_forms import current_form_data

pytestmark = pytest.mark.django_db

REFUSED = "This would be visible to visitors at once."


def add(client, model, **values):
    """POST the add form of `model` as `client` fills it: its initial data, then `values`."""
    url = reverse(f"admin:services_{model._meta.model_name}_add")
    page = client.get(url)
    assert page.status_code == 200
    data = {key: value for key, value in current_form_data(page).items() if value != ""}
    return client.post(url, data | values)


def help_line(**values):
    return {
        "kind": Resource.Kind.SUPPORT,
        "name_fr": "Ligne ZZ",
        "name_en": "ZZ line",
        "description_fr": "Une ligne.",
        "description_en": "A line.",
        "phone": "1 800 555-0199",
        **values,
    }


def glossary_term():
    return {
        "term_fr": "ZZ",
        "term_en": "ZZ",
        "definition_fr": "Une définition.",
        "definition_en": "A definition.",
    }


def answer():
    question = factories.question_with_answers(risk_signal=True)  # a published, safe guide
    return {
        "question": question.pk,
        "text_fr": "ZZCHOIX",
        "text_en": "ZZANSWER",
        "reason_fr": "Parce que.",
        "reason_en": "Because.",
    }


def place_to_go():
    return {
        "region": factories.region().pk,
        "kind": AccessPoint.Kind.ESTABLISHMENT,
        "name_fr": "Lieu ZZ",
        "name_en": "ZZ place",
        "description_fr": "Un lieu.",
        "description_en": "A place.",
    }


CASES = [
    (Resource, help_line, "name_fr"),
    (GlossaryTerm, glossary_term, "term_fr"),
    (Choice, answer, "text_fr"),
    (AccessPoint, place_to_go, "name_fr"),
]


@pytest.mark.parametrize(
    ("model", "values", "field"), CASES, ids=lambda c: getattr(c, "__name__", "")
)
def test_an_editor_cannot_add_live_content_and_keeps_what_they_typed(editor, model, values, field):
    data = values()
    response = add(editor, model, **data)
    assert response.status_code == 200  # the form again, with its message and the input
    assert REFUSED in response.content.decode()
    assert data[field] in response.content.decode()
    assert not model.objects.filter(**{field: data[field]}).exists()


@pytest.mark.parametrize(
    ("model", "values", "field"), CASES, ids=lambda c: getattr(c, "__name__", "")
)
def test_the_only_reviewer_adds_live_content(reviewer, model, values, field):
    """Also: a place to go saved without a review date is no longer a 500."""
    data = values()
    response = add(reviewer, model, **data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    assert model.objects.filter(**{field: data[field]}).exists()
