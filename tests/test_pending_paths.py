"""Four eyes on the other paths (issue 18): the guide's safety rules at approval, seed_content
and export/import with pending changes, inline rows, sources."""

import pytest
import yaml
from django.contrib import admin
from django.urls import reverse

from services.content.exporter import export_content
from services.content.loader import seed_content
from services.editorial import roles
from services.editorial.pending import approval, changes
from services.models import (
    Answer,
    AnswerRule,
    GlossaryTerm,
    Intervention,
    PendingChange,
    Question,
    Resource,
    Source,
)

from .admin_forms import change, form_data

pytestmark = pytest.mark.django_db


def review(pending):
    return reverse("admin:services_pendingchange_change", args=[pending.pk])


def editor_user(django_user_model):
    return django_user_model.objects.get(username="editor-user")


def test_approval_refuses_a_change_that_breaks_the_guides_safety_net(editor, reviewer):
    """Unticking the risk signal on every risk answer, proposed one by one: each proposal is
    harmless alone, but approving the last one would leave the guide without a way to flag
    danger — refused, with the reason, and nothing applied."""
    risky = list(Answer.objects.filter(risk_signal=True, question__published=True))
    proposals = []
    for answer in risky:
        data = form_data(editor, answer)
        data.pop("risk_signal")  # an unticked box
        assert editor.post(change(answer), data).status_code == 302
        proposals.append(PendingChange.objects.open().for_object(answer).get())
    for pending in proposals[:-1]:
        assert reviewer.post(review(pending), {"_approve": "1"}).status_code == 302
    refused = reviewer.post(review(proposals[-1]), {"_approve": "1"})
    assert refused.status_code == 400
    assert "risk signal" in refused.content.decode()
    last = Answer.objects.get(pk=proposals[-1].object_id)
    assert last.risk_signal  # still flagging danger
    proposals[-1].refresh_from_db()
    assert proposals[-1].is_open  # still there, for the Reviewer to send back


def test_approval_refuses_an_always_rule_pointing_to_a_draft(django_user_model, reviewer, editor):
    rule = AnswerRule.objects.filter(kind=AnswerRule.Kind.ALWAYS).first()
    draft = Intervention.objects.exclude(pk=rule.intervention_id).get(key="coaching")
    draft.status = Intervention.Status.DRAFT
    draft.save()
    rule.intervention = draft
    pending = changes.propose(rule, editor_user(django_user_model))
    response = reviewer.post(review(pending), {"_approve": "1"})
    assert response.status_code == 400
    rule.refresh_from_db()
    assert rule.intervention_id != draft.pk
    assert "Kind of help: A safety rule can only name a published kind of help." in (
        response.content.decode()
    )


def test_seed_content_never_overwrites_a_pending_change(editor, tmp_path):
    line = Resource.objects.get(key="tel-jeunes")
    data = form_data(editor, line)
    data["hours_en"] = "Every day, 8 a.m. to 11 p.m."
    editor.post(change(line), data)
    content = export_content()
    record = next(r for r in content["resources"] if r["key"] == "tel-jeunes")
    assert record["hours"]["en"] == "Every day, 8 a.m. to midnight"  # export: the approved text
    record["hours"] = {"fr": "Nouvelles heures.", "en": "New hours from the data file."}
    path = tmp_path / "content.yaml"
    path.write_text(yaml.safe_dump(content, allow_unicode=True), encoding="utf-8")
    seed_content(path)
    line.refresh_from_db()
    assert line.hours_en == "Every day, 8 a.m. to midnight"  # the Reviewer decides, not the seed
    assert line.hours_fr == "Nouvelles heures."  # a field nobody proposed: updated
    pending = PendingChange.objects.open().for_object(line).get()
    assert pending.values == {"hours_en": "Every day, 8 a.m. to 11 p.m."}


def test_an_import_while_a_change_waits_keeps_both(editor, reviewer, tmp_path):
    """Export, an Editor's change waits, the export is imported again: the change still waits,
    and approving it applies it on top of the imported content."""
    path = tmp_path / "backup.yaml"
    path.write_text(yaml.safe_dump(export_content(), allow_unicode=True), encoding="utf-8")
    line = Resource.objects.get(key="tel-jeunes")
    data = form_data(editor, line)
    data["phone_display_en"] = "1-800-263-2266 (toll-free)"
    editor.post(change(line), data)
    seed_content(path)
    pending = PendingChange.objects.open().for_object(line).get()
    assert reviewer.post(review(pending), {"_approve": "1"}).status_code == 302
    line.refresh_from_db()
    assert line.phone_display_en == "1-800-263-2266 (toll-free)"


def test_inline_rows_of_a_live_question_are_read_only_for_an_editor(editor, admin_client):
    question = Question.objects.get(key="duration")
    page = editor.get(change(question))
    assert "rows below are read-only" in page.content.decode()
    data = form_data(admin_client, question)  # a full form, as a browser with the rows open
    first = question.answers.order_by("order").first()
    data["answers-0-text_fr"] = "Changé dans la ligne."
    assert editor.post(change(question), data).status_code == 302
    first.refresh_from_db()
    assert first.text_fr != "Changé dans la ligne."
    assert not PendingChange.objects.open().exists()


def test_sources_of_a_live_page_wait_too(editor, reviewer):
    crisis = Intervention.objects.get(key="crisis")
    before = set(crisis.sources.values_list("pk", flat=True))
    extra = Source.objects.exclude(pk__in=before).first()
    data = form_data(editor, crisis)
    data["sources"] = [*before, extra.pk]
    assert editor.post(change(crisis), data).status_code == 302
    assert set(crisis.sources.values_list("pk", flat=True)) == before
    pending = PendingChange.objects.open().for_object(crisis).get()
    assert set(pending.values["sources"]) == before | {extra.pk}
    form = editor.get(change(crisis)).context["adminform"].form
    assert extra.pk in {getattr(value, "pk", value) for value in form["sources"].value()}
    assert reviewer.post(review(pending), {"_approve": "1"}).status_code == 302
    assert extra.pk in set(crisis.sources.values_list("pk", flat=True))


CONTENT = [model for model in admin.site._registry if roles.is_content(model)]


@pytest.mark.parametrize("model", CONTENT, ids=lambda model: model._meta.model_name)
def test_every_kind_of_content_can_wait_and_be_approved(model, django_user_model, editor, reviewer):
    """Each content model: a change proposed on a live row is applied by approval as is
    (full_clean and save() accept it), and nothing is applied before."""
    obj = next(o for o in model.objects.all() if roles.is_live(o))
    names = {field.attname for field in changes.tracked_fields(model)}
    candidates = ("editor_note", "note", "text_fr", "title", "weight", "order")
    name = next(n for n in candidates if n in names)
    old = getattr(obj, name)
    new = old + 1 if isinstance(old, int) else f"{old or ''} (révisé)".strip()
    setattr(obj, name, new)
    pending = changes.propose(obj, editor_user(django_user_model))
    assert model.objects.get(pk=obj.pk).__dict__[name] == old
    reviewer_user = django_user_model.objects.get(username="reviewer-user")
    approval.approve(pending, reviewer_user)
    assert model.objects.get(pk=obj.pk).__dict__[name] == new


def test_deleting_what_a_change_was_for_withdraws_it(editor, reviewer, django_user_model):
    term = GlossaryTerm.objects.first()
    term.definition_en = "Proposed."
    pending = changes.propose(term, editor_user(django_user_model))
    assert (
        reviewer.post(
            reverse("admin:services_glossaryterm_delete", args=[term.pk]), {"post": "yes"}
        ).status_code
        == 302
    )
    pending.refresh_from_db()
    assert pending.status == PendingChange.Status.WITHDRAWN
    assert reviewer.get(reverse("admin:services_pendingchange_changelist")).status_code == 200
