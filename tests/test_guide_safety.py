"""The guide's safety net holds on every path: single change, inline, bulk delete, delete,
shell, seed_content — and a system check catches what bypasses the models."""

import shutil
from pathlib import Path

import pytest
from django.contrib.auth.models import Permission, User
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.core.management.base import SystemCheckError
from django.urls import reverse
from django.utils import translation

from services.content.loader import DEFAULT_CONTENT, seed_content
from services.guide.safety import GuideSafetyError, problems
from services.models import Answer, AnswerRule, Intervention, Question, Resource

from .admin_forms import current_form_data

pytestmark = pytest.mark.django_db


def risk_answers():
    return Answer.objects.filter(risk_signal=True, question__published=True)


@pytest.fixture
def admin_client(client, admin_user):
    client.force_login(admin_user)
    return client


def test_the_shipped_guide_has_no_safety_problem():
    assert problems() == []
    call_command("check", databases=["default"])


# --- The shell and the seeder ---------------------------------------------------------------


def test_unticking_the_last_risk_answer_is_refused_and_nothing_changes():
    answers = list(risk_answers())
    for answer in answers[:-1]:
        answer.risk_signal = False
        answer.save()
    last = answers[-1]
    last.risk_signal = False
    with pytest.raises(GuideSafetyError):
        last.save()
    assert risk_answers().count() == 1


def test_unpublishing_the_safety_question_is_refused():
    question = Question.objects.get(key="safety")
    question.published = False
    with pytest.raises(GuideSafetyError):
        question.save()
    with translation.override("en"), pytest.raises(ValidationError, match="risk signal"):
        question.full_clean()
    assert Question.objects.get(key="safety").published


@pytest.mark.parametrize(
    ("delete", "left"),
    [
        (lambda: Question.objects.get(key="safety").delete(), 4),
        (lambda: Question.objects.filter(key="safety").delete(), 4),
        (lambda: risk_answers().delete(), 4),
        # One by one: the others go, the last one stays.
        (lambda: [answer.delete() for answer in list(risk_answers())], 1),
    ],
    ids=["question", "question queryset", "answers queryset", "each answer"],
)
def test_deleting_what_the_safety_net_needs_is_rolled_back_whole(delete, left):
    with pytest.raises(GuideSafetyError):
        delete()
    assert risk_answers().count() == left


def test_a_rule_cannot_point_to_a_draft_nor_a_named_kind_of_help_be_unpublished():
    therapy = Intervention.objects.get(key="psychotherapy")
    therapy.status = Intervention.Status.DRAFT
    with translation.override("en"), pytest.raises(ValidationError, match="safety rules"):
        therapy.full_clean()
    with pytest.raises(GuideSafetyError):
        therapy.save()
    assert Intervention.objects.get(key="psychotherapy").is_published
    draft = Intervention.objects.create(
        key="draft-help", name="x", slug_fr="x-fr", slug_en="x-en", family="support",
        last_reviewed="2026-01-01")  # fmt: skip
    rule = AnswerRule(answer=risk_answers().first(), kind="always", intervention=draft,
                      explanation_fr="x", explanation_en="x")  # fmt: skip
    with pytest.raises(ValidationError):
        rule.full_clean()
    with pytest.raises(GuideSafetyError):
        rule.save()


def test_a_help_line_named_by_a_rule_cannot_be_deleted():
    from django.db.models import ProtectedError

    with pytest.raises(ProtectedError):
        Resource.objects.get(key="sos-violence-conjugale").delete()


def test_seed_content_cannot_leave_the_guide_without_a_risk_answer(tmp_path):
    broken = tmp_path / "data"
    shutil.copytree(DEFAULT_CONTENT, broken)
    guide = Path(broken / "guide.yaml")
    guide.write_text(guide.read_text().replace("risk_signal: true", "risk_signal: false"))
    with pytest.raises(GuideSafetyError):
        seed_content(broken)
    assert risk_answers().count() == 4


def test_the_system_check_reports_what_bypassed_the_models():
    risk_answers().update(risk_signal=False)  # a bulk update skips save()
    with pytest.raises(SystemCheckError, match="guide.E001"):
        call_command("check", databases=["default"])


# --- The admin ------------------------------------------------------------------------------


def test_the_answer_form_refuses_to_untick_the_last_risk_signal(admin_client):
    answers = list(risk_answers())
    Answer.objects.filter(pk__in=[a.pk for a in answers[:-1]]).update(risk_signal=False)
    url = reverse("admin:services_answer_change", args=[answers[-1].pk])
    data = current_form_data(admin_client.get(url))
    data.pop("risk_signal")
    response = admin_client.post(url, data, headers={"Accept-Language": "en"})
    assert response.status_code == 200
    assert "marked as a risk signal" in response.content.decode()
    assert risk_answers().count() == 1


def test_the_question_form_refuses_to_unpublish_the_safety_question(admin_client):
    question = Question.objects.get(key="safety")
    url = reverse("admin:services_question_change", args=[question.pk])
    data = current_form_data(admin_client.get(url))
    data.pop("published")
    response = admin_client.post(url, data, headers={"Accept-Language": "en"})
    assert response.status_code == 200
    assert "marked as a risk signal" in response.content.decode()
    assert Question.objects.get(key="safety").published


def test_delete_selected_on_the_risk_answers_is_refused_with_the_reason(admin_client):
    url = reverse("admin:services_answer_changelist")
    ids = [str(pk) for pk in risk_answers().values_list("pk", flat=True)]
    action = {"action": "delete_selected", "_selected_action": ids}
    confirm = admin_client.post(url, action, headers={"Accept-Language": "en"})
    assert "marked as a risk signal" in confirm.content.decode()
    response = admin_client.post(url, {**action, "post": "yes"})
    assert response.status_code in (200, 302)
    assert risk_answers().count() == len(ids)


def test_deleting_the_safety_question_in_the_admin_is_refused(admin_client):
    question = Question.objects.get(key="safety")
    url = reverse("admin:services_question_delete", args=[question.pk])
    page = admin_client.get(url, headers={"Accept-Language": "en"})
    assert "marked as a risk signal" in page.content.decode()
    admin_client.post(url, {"post": "yes"})
    assert Question.objects.filter(key="safety").exists()


def test_deleting_an_ordinary_answer_still_works(admin_client):
    answer = Answer.objects.get(question__key="hope", key="talk")
    url = reverse("admin:services_answer_delete", args=[answer.pk])
    assert admin_client.post(url, {"post": "yes"}).status_code == 302
    assert not Answer.objects.filter(pk=answer.pk).exists()


# --- The guide's tools in the admin ----------------------------------------------------------


@pytest.mark.parametrize("language", ["fr", "en"])
def test_the_matrix_shows_every_weight_and_the_rules_beside_their_answers(admin_client, language):
    response = admin_client.get(
        reverse("admin:services_guide_matrix"), headers={"Accept-Language": language}
    )
    body = response.content.decode()
    assert response.status_code == 200
    assert body.count('<td class="weight') == Answer.objects.count() * 9
    assert 'class="weight wp5"' in body and 'class="weight wn5"' in body
    assert ("Ne jamais recommander" if language == "fr" else "Never recommend") in body
    assert ("additionne les poids" if language == "fr" else "adds up the weights") in body


def test_try_the_guide_breaks_each_score_down_and_names_the_rules(admin_client):
    url = reverse("admin:services_guide_try")
    answers = {
        q.key: q.answers.get(key=key).pk
        for q, key in [
            (Question.objects.get(key="situation"), "couple-family-conflict"),
            (Question.objects.get(key="safety"), "unsafe-at-home"),
            (Question.objects.get(key="hope"), "couple-family-together"),
        ]
    }
    body = admin_client.post(url, answers, headers={"Accept-Language": "en"}).content.decode()
    assert "Risk signal: the crisis block comes first." in body
    assert "SOS violence conjugale" in body.split("Help lines shown first")[1]
    never = body.split("Never recommended (rules)")[1]
    assert "Couple and family intervention" in never


def test_the_audit_page_shows_the_distribution_and_the_profiles(admin_client):
    body = admin_client.get(
        reverse("admin:services_guide_audit"), headers={"Accept-Language": "en"}
    ).content.decode()
    assert "1890 combinations of answers" in body
    assert "No violation" in body and body.count('class="profile-ok"') >= 21


def test_the_audit_page_shows_violations_in_red(admin_client):
    Answer.objects.filter(key="goal").update(distress=True)  # coaching then comes first
    body = admin_client.get(
        reverse("admin:services_guide_audit"), headers={"Accept-Language": "en"}
    ).content.decode()
    assert 'class="violation"' in body and "coaching first" in body


def test_staff_without_permission_cannot_open_the_guide_tools(client):
    user = User.objects.create_user("staff", password="x" * 16, is_staff=True)
    client.force_login(user)
    for name in ("matrix", "try", "audit"):
        assert client.get(reverse(f"admin:services_guide_{name}")).status_code == 403
    user.user_permissions.add(Permission.objects.get(codename="view_question"))
    client.force_login(User.objects.get(pk=user.pk))
    assert client.get(reverse("admin:services_guide_audit")).status_code == 200
