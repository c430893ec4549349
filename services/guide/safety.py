"""The guide's safety net, held by the database on every path.

Two rules, from the guide's design (docs/decisions/0006-guide-safety-rules.md):

1. While the guide asks any question, at least one published answer is a *risk signal*, so
   that a visitor in danger always sees the crisis block first.
2. Every « always » rule points to a published kind of help (help lines have no draft state,
   and a help line or kind of help named by a rule cannot be deleted: `on_delete=PROTECT`).

`guarded()` wraps a write in a transaction and refuses (rolls back and raises
`GuideSafetyError`) a change that *breaks* a rule that held before it. The guide's models use
it in `save()`, `delete()` and their QuerySets' `delete()` (the admin's bulk delete, and the
cascade from a question to its answers), so no form, inline, bulk action, import or shell
session can switch off a safety net that was on; the kinds of help and help lines a rule
names are protected (`PROTECT`, and `Intervention.save()` is guarded too). `problems()` lists
what is wrong now, for the system check, `seed_content` (which builds a guide piece by piece
with the checks `suspended()`, then checks the whole once) and `audit_guide`.

Rule 1 is decided in one place, `risk_answer_problem()`: the guarded saves, `problems()` (the
seeder, `manage.py check`, `audit_guide`, so CI) and the admin's answers formset (which asks it
about the answers a form is about to save) all call it.
"""

import threading
from contextlib import contextmanager
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext_lazy as _

NO_RISK_ANSWER = _(
    "The guide must keep at least one answer marked as a risk signal in a published question, "
    "so that a visitor in danger always sees the crisis lines first."
)
NO_RISK_ANSWER_IN = _("Published questions, none with such an answer: %(questions)s.")
RULE_TO_DRAFT = _(
    "A safety rule of the guide points to a kind of help that is not published: "
    "%(rules)s. Publish it, or change the rule first."
)


class GuideSafetyError(ValidationError):
    """A change that would switch off part of the guide's safety net."""


@dataclass(frozen=True)
class State:
    """What the safety rules look at: does the guide keep a way to flag danger (a published
    risk answer, or no published question at all: a guide that asks nothing suggests
    nothing), and which rules (ids) point to an unpublished kind of help."""

    has_risk_answer: bool
    rules_to_drafts: frozenset


_local = threading.local()


@contextmanager
def suspended():
    """Skip the per-save checks inside this block (`seed_content` builds a guide piece by
    piece and checks `problems()` once at the end, in the same transaction)."""
    _local.suspended = getattr(_local, "suspended", 0) + 1
    try:
        yield
    finally:
        _local.suspended -= 1


def stored_risk_flags():
    """{question id: whether one of its answers is a risk signal}, for every published
    question as stored now (one query)."""
    from django.db.models import Exists, OuterRef

    from ..models import Answer, Question

    flagged = Answer.objects.filter(question=OuterRef("pk"), risk_signal=True)
    return dict(
        Question.objects.published().annotate(flagged=Exists(flagged)).values_list("pk", "flagged")
    )


def risk_answer_problem(flags):
    """Rule 1, the one place it is decided: NO_RISK_ANSWER when the guide asks questions
    (`flags`: {published question id: whether one of its answers is a risk signal}, e.g.
    `stored_risk_flags()` with a form's answers in place of what is stored) and none of them
    has a risk answer; None when the rule holds (a guide that asks nothing suggests nothing)."""
    if flags and not any(flags.values()):
        return NO_RISK_ANSWER
    return None


def no_risk_answer_message(flags):
    """NO_RISK_ANSWER followed by the published questions it is about (their text and key),
    for the seeder, the system check and the audit, which have no form to point to."""
    from ..models import Question

    named = Question.objects.filter(pk__in=flags).order_by("order", "pk")
    questions = "; ".join(f"« {question.text} » ({question.key})" for question in named)
    return f"{NO_RISK_ANSWER} {NO_RISK_ANSWER_IN % {'questions': questions}}"


def current_state():
    """The guide's `State` as stored now (two queries)."""
    from ..models import AnswerRule, Intervention, published_q

    has_risk = risk_answer_problem(stored_risk_flags()) is None
    # A « never » rule on a draft is harmless (a draft is never recommended anyway).
    broken = AnswerRule.objects.filter(kind=AnswerRule.Kind.ALWAYS).exclude(
        published_q(Intervention, "intervention__")
    )
    return State(has_risk, frozenset(broken.values_list("pk", flat=True)))


def regressions(before, after):
    """The messages for what held in `before` and no longer holds in `after`."""
    found = []
    if before.has_risk_answer and not after.has_risk_answer:
        found.append(str(NO_RISK_ANSWER))
    if after.rules_to_drafts - before.rules_to_drafts:
        found.append(rules_to_drafts_message(after.rules_to_drafts - before.rules_to_drafts))
    return found


def rules_to_drafts_message(rule_ids):
    """RULE_TO_DRAFT, naming the rules (ids) that point to an unpublished kind of help."""
    from ..models import AnswerRule

    rules = AnswerRule.objects.filter(pk__in=rule_ids).select_related("answer", "intervention")
    return str(RULE_TO_DRAFT % {"rules": "; ".join(str(rule) for rule in rules)})


@contextmanager
def guarded():
    """Run a write in a transaction; roll it back and raise GuideSafetyError if it breaks
    a safety rule that held before it."""
    if getattr(_local, "suspended", 0):
        yield
        return
    with transaction.atomic():
        before = current_state()
        yield
        found = regressions(before, current_state())
        if found:
            raise GuideSafetyError(found)


def problems():
    """Every way the stored guide breaks its safety rules now: a list of messages (a missing
    risk answer names the published questions)."""
    state = current_state()
    found = [] if state.has_risk_answer else [no_risk_answer_message(stored_risk_flags())]
    if state.rules_to_drafts:
        found.append(rules_to_drafts_message(state.rules_to_drafts))
    return found


def deletion_problems(objects):
    """The messages for what deleting `objects` would break, found by a trial deletion that is
    always rolled back: for the admin's confirmation page. Protected objects are left to the
    admin, which reports them on its own."""
    from django.db.models import ProtectedError, RestrictedError

    try:
        with transaction.atomic():
            for obj in objects:
                type(obj).objects.filter(pk=obj.pk).delete()
            raise _Undo
    except GuideSafetyError as error:
        return error.messages
    except (_Undo, ProtectedError, RestrictedError):
        return []


def change_problems(obj):
    """The messages for what saving `obj`, as it stands in memory, would break, found by a
    trial save that is always rolled back: for `clean()`, so that forms show the reason.
    New objects are not tried (building a guide from nothing breaks nothing)."""
    if obj.pk is None or obj._state.adding:
        return []
    try:
        with transaction.atomic():
            obj.save()
            raise _Undo
    except GuideSafetyError as error:
        return error.messages
    except _Undo:
        return []


class _Undo(Exception):
    """Rolls back a trial deletion."""
