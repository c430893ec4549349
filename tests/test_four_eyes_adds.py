"""Four eyes on new content (issue 18): what would be visible at once, added by someone whose
changes wait, becomes a new row waiting for a Reviewer (a « pending create »), invisible to
visitors until approved. A review found an Editor's new help line, glossary term, guide answer,
comparison row and place to go live at once; they were then refused; now they wait. A Region or
place added without its review date was a 500."""

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import translation

from services.models import (
    AccessPoint,
    Answer,
    AnswerRule,
    AnswerWeight,
    ContentVersion,
    Criterion,
    GlossaryTerm,
    Intervention,
    PendingChange,
    Region,
    Resource,
)

from . import factories
from .admin_forms import current_form_data

pytestmark = pytest.mark.django_db

WAITS = "Your addition waits for a Reviewer&#x27;s approval."


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


def comparison_row():
    return {
        "label_fr": "Critère ZZ",
        "label_en": "ZZ criterion",
        "help_fr": "Une aide.",
        "help_en": "Some help.",
    }


def help_line_in_the_help_bar():
    return help_line(in_header="on", header_label_fr="Ligne ZZ", header_label_en="ZZ line")


def in_french(url):
    with translation.override("fr"):
        return url()


def public(name):
    return in_french(lambda: reverse(name))


# (model, its add form's values, the field to find it by, the French page that shows it)
CASES = [
    (Resource, help_line, "name_fr", lambda: public("services:resources")),
    (Resource, help_line_in_the_help_bar, "name_fr", lambda: public("services:home")),
    (GlossaryTerm, glossary_term, "term_fr", lambda: public("services:glossary")),
    (Answer, answer, "text_fr", lambda: public("services:guide")),
    (Criterion, comparison_row, "label_fr", lambda: public("services:compare")),
    (
        AccessPoint,
        place_to_go,
        "name_fr",
        lambda: in_french(Region.objects.first().get_absolute_url),
    ),
]


def case_id(value):
    return getattr(value, "__name__", "")


@pytest.mark.parametrize(("model", "values", "field", "page"), CASES, ids=case_id)
def test_an_editors_new_live_content_waits_invisible_until_approved(
    editor, reviewer, model, values, field, page
):
    data = values()
    visitor = Client()
    assert data[field] not in visitor.get(page()).content.decode()  # now in the page cache
    response = add(editor, model, **data)
    pending = PendingChange.objects.get(new_row=True)
    assert response.status_code == 302
    assert response.url == reverse("admin:services_pendingchange_change", args=[pending.pk])
    assert WAITS in editor.get(response.url).content.decode()
    assert pending.is_open and pending.object_id is None
    assert pending.author.username == "editor-user"
    assert not model.objects.filter(**{field: data[field]}).exists()
    assert data[field] not in visitor.get(page()).content.decode()
    # The Editor previews it where it would show, before it exists
    # (services/editorial/pending/preview.py).
    preview = f"{page()}?preview={pending.pk}"
    assert data[field] in editor.get(preview).content.decode()
    assert data[field] not in visitor.get(preview).content.decode()
    assert not model.objects.filter(**{field: data[field]}).exists()
    before = ContentVersion.objects.get().version

    review = reviewer.get(reverse("admin:services_pendingchange_change", args=[pending.pk]))
    rows = {row.label: row for row in review.context["rows"] if row.language in ("", "fr")}
    assert all(row.new and row.live == "(new)" for row in rows.values())
    assert data[field] in {row.proposed for row in rows.values()}
    assert reviewer.post(review.wsgi_request.path, {"_approve": "1"}).status_code == 302

    created = model.objects.get(**{field: data[field]})
    assert data[field] in visitor.get(page()).content.decode()
    assert ContentVersion.objects.get().version > before
    latest = created.history.first()
    assert latest.history_user.username == "reviewer-user"
    assert "editor-user" in latest.history_change_reason
    pending.refresh_from_db()
    assert pending.status == PendingChange.Status.APPROVED
    assert pending.object_id == created.pk


def test_a_new_help_line_sent_back_is_never_created(editor, reviewer):
    add(editor, Resource, **help_line())
    pending = PendingChange.objects.get(new_row=True)
    url = reverse("admin:services_pendingchange_change", args=[pending.pk])
    reviewer.post(url, {"_send_back": "1", "comment": "Numéro à vérifier."})
    pending.refresh_from_db()
    assert pending.status == PendingChange.Status.SENT_BACK
    assert not Resource.objects.filter(name_fr="Ligne ZZ").exists()
    home = editor.get(reverse("admin:index")).content.decode()
    assert "Numéro à vérifier." in home and url in home  # the Editor reads it, and opens it


def test_a_new_rule_that_would_break_the_guides_safety_is_refused_at_approval(editor, reviewer):
    """An *always* rule added while its kind of help is published, approved after that kind of
    help went back to draft: approval refuses it with the reason, as for a change; nothing is
    created and the change still waits."""
    coaching = Intervention.objects.get(key="coaching")
    answer = Answer.objects.filter(question__published=True).first()
    data = {
        "answer": answer.pk,
        "kind": AnswerRule.Kind.ALWAYS,
        "intervention": coaching.pk,
        "explanation_fr": "Parce que.",
        "explanation_en": "Because.",
    }
    assert add(editor, AnswerRule, **data).status_code == 302
    pending = PendingChange.objects.get(new_row=True)
    coaching.status = Intervention.Status.DRAFT
    coaching.save()
    url = reverse("admin:services_pendingchange_change", args=[pending.pk])
    refused = reviewer.post(url, {"_approve": "1"})
    assert refused.status_code == 400
    assert "A safety rule can only name a published kind of help." in refused.content.decode()
    assert not AnswerRule.objects.filter(answer=answer, intervention=coaching).exists()
    pending.refresh_from_db()
    assert pending.is_open


def test_a_new_help_line_goes_last_once_approved(editor, reviewer):
    last = Resource.objects.order_by("-order").first().order
    add(editor, Resource, **help_line())
    pending = PendingChange.objects.get(new_row=True)
    assert pending.values["order"] == last + 1
    url = reverse("admin:services_pendingchange_change", args=[pending.pk])
    reviewer.post(url, {"_approve": "1"})
    assert Resource.objects.get(name_fr="Ligne ZZ").order == last + 1


@pytest.mark.parametrize(("model", "values", "field", "page"), CASES, ids=case_id)
def test_the_only_reviewer_adds_live_content(reviewer, model, values, field, page):
    """Also: a place to go saved without a review date is no longer a 500."""
    data = values()
    response = add(reviewer, model, **data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    assert model.objects.filter(**{field: data[field]}).exists()
    assert not PendingChange.objects.exists()


def test_the_editor_corrects_new_content_sent_back_and_proposes_it_again(editor, reviewer):
    """Sent back with a comment, new content has no page of its own: its author opens the add
    form holding what they proposed, corrects it, and the same change waits again."""
    add(editor, Resource, **help_line())
    pending = PendingChange.objects.get(new_row=True)
    url = reverse("admin:services_pendingchange_change", args=[pending.pk])
    reviewer.post(url, {"_send_back": "1", "comment": "Le nom anglais manque de précision."})
    review = editor.get(url)
    correct = review.context["correct_url"]
    assert correct and correct in review.content.decode()
    assert reviewer.get(url).context["correct_url"] is None  # not theirs to correct
    form = editor.get(correct)
    assert form.context["adminform"].form["name_fr"].value() == "Ligne ZZ"
    data = current_form_data(form) | {"name_en": "ZZ listening line"}
    assert editor.post(correct, data).status_code == 302
    pending.refresh_from_db()
    assert PendingChange.objects.filter(new_row=True).count() == 1  # the same change
    assert pending.status == PendingChange.Status.PENDING
    assert pending.values["name_en"] == "ZZ listening line"
    assert reviewer.post(url, {"_approve": "1"}).status_code == 302
    assert Resource.objects.get(name_fr="Ligne ZZ").name_en == "ZZ listening line"


def test_rows_typed_under_a_new_answer_are_said_not_kept(editor):
    """An answer's weights have no answer to belong to until it is approved: the Editor is
    told so, rather than losing them silently."""
    url = reverse("admin:services_answer_add")
    page = editor.get(url)
    data = {k: v for k, v in current_form_data(page).items() if v != ""} | answer()
    formset = next(
        f.formset for f in page.context["inline_admin_formsets"] if f.formset.model is AnswerWeight
    )
    intervention = Intervention.objects.published().first()
    data |= {f"{formset.prefix}-0-intervention": intervention.pk, f"{formset.prefix}-0-weight": 3}
    response = editor.post(url, data, follow=True)
    assert "The rows added under it were not kept" in response.content.decode()
    assert PendingChange.objects.get(new_row=True).values["text_fr"] == "ZZCHOIX"
    assert not AnswerWeight.objects.filter(
        intervention=intervention, weight=3, answer__text_fr="ZZCHOIX"
    ).exists()
