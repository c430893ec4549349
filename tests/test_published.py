"""One way to say and ask what visitors see: each model's PUBLICATION (or the row it belongs
to, PUBLISHED_THROUGH), read by `published()`, `published_q`, `mark_published` and roles."""

import pytest

from services.editorial import roles
from services.guide.safety import suspended
from services.models import (
    Answer,
    AnswerRule,
    AnswerWeight,
    ComparisonCell,
    Criterion,
    Intervention,
    Question,
    published_q,
)

pytestmark = pytest.mark.django_db


def an_intervention(key, published):
    intervention = Intervention(key=key, family="support", name_fr=key, slug_fr=key, slug_en=key)
    intervention.mark_published(published)
    intervention.save()
    return intervention


def test_a_comparison_cell_is_seen_while_its_intervention_is_published():
    criterion = Criterion.objects.create(key="test-row", label_fr="Rangée")
    seen = an_intervention("test-seen", published=True)
    draft = an_intervention("test-draft", published=False)
    for intervention in (seen, draft):
        ComparisonCell.objects.create(criterion=criterion, intervention=intervention, text_fr="Oui")
    cells = ComparisonCell.objects.published().filter(criterion=criterion)
    assert [cell.intervention for cell in cells] == [seen]


def test_an_answer_is_seen_while_its_question_is_published():
    # One question and one plain answer: the guide's safety rules are not the point here.
    with suspended():
        question = Question.objects.create(key="test-question", text_fr="Une question ?")
        question.mark_published(False)
        question.save()
        Answer.objects.create(question=question, key="yes", text_fr="Oui", reason_fr="Parce que.")
        assert not Answer.objects.filter(published_q(Answer), question=question).exists()
        question.mark_published()
        question.save()
        assert Answer.objects.filter(published_q(Answer), question=question).exists()


def test_marking_published_sets_each_models_own_field():
    intervention = Intervention(key="test-mark")
    intervention.mark_published()
    assert intervention.status == Intervention.Status.PUBLISHED and intervention.is_published
    intervention.mark_published(False)
    assert intervention.status == Intervention.Status.DRAFT and not intervention.is_published
    question = Question(key="test-mark")
    question.mark_published(False)
    assert question.published is False and not question.is_published


@pytest.mark.parametrize(
    ("model", "path"),
    [(ComparisonCell, "intervention"), (Answer, "question"), (AnswerWeight, "answer.question")]
    + [(AnswerRule, "answer.question"), (Intervention, None), (Question, None)],
)
def test_who_decides_whether_a_row_is_seen_is_declared_on_its_model(model, path):
    assert roles.live_through(model) == path
