"""« A published guide keeps a risk-signal answer » is decided in one place
(`services.guide.safety.risk_answer_problem`), and every path asks it: the admin's answers
formset, the guarded saves, `seed_content`, `manage.py check` and `audit_guide` (CI)."""

import html
import io
import shutil
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError, SystemCheckError
from django.urls import reverse
from django.utils import translation

from services.content.loader import DEFAULT_CONTENT, seed_content
from services.guide import safety
from services.guide.safety import GuideSafetyError
from services.guide.selectors import audit_stored_guide
from services.models import Answer, AnswerRule, AnswerWeight, Question, SeedRecord

from .admin_forms import current_form_data

pytestmark = pytest.mark.django_db

# The message editors read, in each language (the French msgstr of safety.NO_RISK_ANSWER).
MESSAGE = {
    "fr": "Le guide doit garder au moins une réponse marquée comme signal de risque dans une "
    "question publiée, pour qu'une personne en danger voie toujours les lignes de crise en "
    "premier.",
    "en": "The guide must keep at least one answer marked as a risk signal in a published "
    "question, so that a visitor in danger always sees the crisis lines first.",
}
GUIDE_MODELS = ("question", "answer", "answerweight", "answerrule")


def risk_answers():
    return Answer.objects.filter(risk_signal=True, question__published=True)


def content_without_risk_answers(tmp_path):
    """A copy of the shipped content whose guide marks no answer as a risk signal."""
    broken = tmp_path / "data"
    shutil.copytree(DEFAULT_CONTENT, broken)
    guide = Path(broken / "guide.yaml")
    text = guide.read_text(encoding="utf-8")
    assert "risk_signal: true" in text
    guide.write_text(text.replace("risk_signal: true", "risk_signal: false"), encoding="utf-8")
    return broken


def without_the_guide():
    """An empty guide, as on a new site: no question, answer, weight or rule, and nothing
    the seeder remembers writing for them."""
    with safety.suspended():
        AnswerRule.objects.all().delete()
        AnswerWeight.objects.all().delete()
        Question.objects.all().delete()
    SeedRecord.objects.filter(model__in=[f"services.{name}" for name in GUIDE_MODELS]).delete()


@pytest.fixture
def admin_client(client, admin_user):
    client.force_login(admin_user)
    return client


def page_text(response):
    return html.unescape(response.content.decode())


# --- seed_content ---------------------------------------------------------------------------


@pytest.mark.parametrize("language", ["fr", "en"])
@pytest.mark.parametrize("start", ["seeded", "empty"])
def test_the_seeder_refuses_a_guide_without_a_risk_answer_and_names_its_questions(
    tmp_path, language, start
):
    if start == "empty":
        without_the_guide()
    with translation.override(language), pytest.raises(GuideSafetyError) as refused:
        seed_content(content_without_risk_answers(tmp_path))
    (message,) = refused.value.messages
    assert message.startswith(MESSAGE[language])
    assert "(safety)" in message  # the question that holds the risk answers, by its key
    if start == "seeded":
        with translation.override(language):
            assert f"« {Question.objects.get(key='safety').text} »" in message
        assert risk_answers().count() == 4  # nothing was written
    else:
        assert not Question.objects.exists()


# --- manage.py check and audit_guide (CI runs both) -----------------------------------------


def test_check_and_audit_guide_fail_on_a_database_without_a_risk_answer():
    risk_answers().update(risk_signal=False)  # a bulk update skips the guarded save()
    with pytest.raises(SystemCheckError, match="guide.E001") as check:
        call_command("check", databases=["default"])
    assert "(safety)" in str(check.value)
    out = io.StringIO()
    with translation.override("en"), pytest.raises(CommandError, match="violations"):
        call_command("audit_guide", stdout=out)
    assert MESSAGE["en"] in out.getvalue()


def test_check_and_audit_guide_pass_on_the_shipped_guide():
    call_command("check", databases=["default"])
    call_command("audit_guide", stdout=io.StringIO())


# --- the admin: the same message on every form ----------------------------------------------


def unticked_safety_question(admin_client, language):
    """POST the safety question's form with every answer's risk signal unticked, after the
    other questions lost theirs."""
    Answer.objects.exclude(question__key="safety").update(risk_signal=False)
    question = Question.objects.get(key="safety")
    url = reverse("admin:services_question_change", args=[question.pk])
    data = current_form_data(admin_client.get(url))
    for index in range(question.answers.count()):
        data.pop(f"answers-{index}-risk_signal", None)
    return admin_client.post(url, data, headers={"Accept-Language": language})


@pytest.mark.parametrize("language", ["fr", "en"])
def test_the_question_form_refuses_it_with_the_message(admin_client, language):
    response = unticked_safety_question(admin_client, language)
    assert response.status_code == 200
    assert MESSAGE[language] in page_text(response)
    assert risk_answers().count() == 4


@pytest.mark.parametrize("language", ["fr", "en"])
def test_the_answer_form_refuses_it_with_the_same_message(admin_client, language):
    answers = list(risk_answers())
    Answer.objects.filter(pk__in=[a.pk for a in answers[:-1]]).update(risk_signal=False)
    url = reverse("admin:services_answer_change", args=[answers[-1].pk])
    data = current_form_data(admin_client.get(url))
    data.pop("risk_signal")
    response = admin_client.post(url, data, headers={"Accept-Language": language})
    assert response.status_code == 200
    assert MESSAGE[language] in page_text(response)
    assert risk_answers().count() == 1


# --- one check ------------------------------------------------------------------------------


def test_the_rule_holds_for_a_guide_that_asks_nothing_and_fails_for_one_without_risk():
    assert safety.risk_answer_problem({}) is None
    assert safety.risk_answer_problem({1: False, 2: True}) is None
    assert safety.risk_answer_problem({1: False, 2: False}) == safety.NO_RISK_ANSWER


def test_every_path_asks_the_one_check(admin_client, tmp_path, monkeypatch):
    """Told that the rule holds, no path refuses a guide without a risk answer: none of them
    decides it on its own."""
    monkeypatch.setattr(safety, "risk_answer_problem", lambda flags: None)
    assert unticked_safety_question(admin_client, "en").status_code == 302
    assert not risk_answers().exists()
    assert safety.problems() == []
    call_command("check", databases=["default"])
    report, _guide = audit_stored_guide()
    assert [v.message for v in report.violations if not v.answers] == []  # database level
    seed_content(content_without_risk_answers(tmp_path))
