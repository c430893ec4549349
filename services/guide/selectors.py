"""The published guide, read from the database as the plain data the scoring takes."""

from collections import defaultdict
from typing import NamedTuple

from django.db.models import Prefetch, Q

from ..models import Answer, AnswerRule, AnswerWeight, Intervention, Question, Resource
from . import scoring


class LoadedGuide(NamedTuple):
    """`questions`: published `Question`s with their `answers` prefetched; `answers_by_id`:
    answer id → `scoring.Answer`; `kinds`: the published kinds of help (`scoring.KindOfHelp`);
    `interventions`: id → `Intervention`; `explanations`: (answer id, intervention id) → the
    *always* rule's text."""

    questions: list
    answers_by_id: dict
    kinds: list
    interventions: dict
    explanations: dict


def published_questions():
    """The published questions, in order, each with its answers (two queries)."""
    return list(
        Question.objects.published().prefetch_related(
            Prefetch("answers", queryset=Answer.objects.order_by("order", "pk"))
        )
    )


def load_guide():
    """Everything scoring needs, in five queries whatever the number of answers.

    Weights and rules are read as plain tuples, not model instances: a few hundred weights
    are read on every answer.
    """
    questions = published_questions()
    answer_ids = [answer.pk for question in questions for answer in question.answers.all()]
    weights = defaultdict(dict)
    for answer_id, intervention_id, weight in AnswerWeight.objects.filter(
        answer_id__in=answer_ids
    ).values_list("answer_id", "intervention_id", "weight"):
        weights[answer_id][intervention_id] = weight
    rules = defaultdict(lambda: defaultdict(list))
    explanations = {}
    for rule in AnswerRule.objects.filter(answer_id__in=answer_ids).order_by("order", "pk"):
        target = (
            rule.resource_id if rule.kind == AnswerRule.Kind.SHOW_FIRST else rule.intervention_id
        )
        rules[rule.answer_id][rule.kind].append(target)
        if rule.kind == AnswerRule.Kind.ALWAYS:
            explanations[(rule.answer_id, rule.intervention_id)] = rule.explanation
    interventions = {i.pk: i for i in Intervention.objects.published()}
    answers_by_id = {
        answer.pk: scoring.Answer(
            id=answer.pk,
            question_id=question.pk,
            risk_signal=answer.risk_signal,
            weights=weights[answer.pk],
            never=frozenset(rules[answer.pk][AnswerRule.Kind.NEVER]),
            always=tuple(rules[answer.pk][AnswerRule.Kind.ALWAYS]),
            show_first=tuple(rules[answer.pk][AnswerRule.Kind.SHOW_FIRST]),
            distress=answer.distress,
        )
        for question in questions
        for answer in question.answers.all()
    }
    kinds = [scoring.KindOfHelp(i.pk, i.key, i.order) for i in interventions.values()]
    return LoadedGuide(questions, answers_by_id, kinds, interventions, explanations)


def help_lines_for(result):
    """(lines shown first, crisis block) for a `scoring.Result`, as `Resource` lists.

    The first list holds the lines the chosen answers' rules show first, in order. When the
    result is a risk, the crisis block follows them with every line marked for it, each
    line once. One query.
    """
    wanted = Q(pk__in=result.show_first)
    if result.risk:
        wanted |= Q(in_crisis_block=True)
    lines = list(Resource.objects.filter(wanted))  # in the help lines' own order
    found = {line.pk: line for line in lines}
    first = [found[pk] for pk in result.show_first if pk in found]
    rest = [line for line in lines if line.in_crisis_block and line not in first]
    return first, rest


def answer_ids_by_key(guide):
    """{(question key, answer key): answer id} for a `LoadedGuide`."""
    return {(q.key, c.key): c.pk for q in guide.questions for c in q.answers.all()}


def stored_profiles():
    """The reviewed profiles as the audit takes them (dicts), one query."""
    from ..models import ReviewedProfile

    return [
        {"key": p.key, "answers": p.answers, "expected_first": p.expected_first, "never": p.never}
        for p in ReviewedProfile.objects.all()
    ]


def profile_outcomes(guide=None):
    """{profile key: audit.ProfileCheck} for every reviewed profile against the published
    guide (`guide`, a `LoadedGuide`, is loaded when not given)."""
    from .audit import check_profile

    guide = guide or load_guide()
    by_key = answer_ids_by_key(guide)
    keys = {c.id: c.key for c in guide.kinds}
    return {
        profile["key"]: check_profile(profile, by_key, guide.answers_by_id, guide.kinds, keys)
        for profile in stored_profiles()
    }


def audit_stored_guide(limit=None):
    """The `audit.Report` of the published guide with its reviewed profiles, plus the
    database-level problems (`safety.problems()`, an empty crisis block) as extra
    violations. Returns (report, guide)."""
    from . import audit, safety

    guide = load_guide()
    questions = [[c.pk for c in q.answers.all()] for q in guide.questions]
    report = audit.audit(
        questions,
        guide.answers_by_id,
        guide.kinds,
        stored_profiles(),
        answer_ids_by_key(guide),
        limit=limit or audit.LIMIT,
    )
    extra = list(safety.problems())
    if guide.questions and not Resource.objects.filter(in_crisis_block=True).exists():
        extra.append("no help line is marked for the crisis block")
    report.violations[:0] = [audit.Violation((), message) for message in extra]
    return report, guide
