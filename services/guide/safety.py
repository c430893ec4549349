"""The guide's safety net, held by the database on every path.

Two rules, from the guide's design (docs/decisions/0006-guide-safety-rules.md):

1. While the guide asks any question, at least one published answer is a *risk signal*, so
   that a visitor in danger always sees the crisis block first.
2. Every safety rule points to a published kind of help (help lines have no draft state, and
   a help line named by a rule cannot be deleted: `on_delete=PROTECT`).

`guarded()` wraps a save in a transaction and refuses (rolls back and raises
`GuideSafetyError`) a change that *breaks* a rule that held before it: so the seeder may build
a guide from nothing, but no save, delete, inline, bulk action, import or shell session can
switch off a safety net that was on. Deletes are checked by signal handlers (`connect()`),
which also covers cascades and the admin's bulk delete. `problems()` lists what is wrong now,
for the system check, `seed_content` and `audit_guide`.
"""

from contextlib import contextmanager
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models.signals import post_delete, pre_delete
from django.utils.translation import gettext_lazy as _

NO_RISK_ANSWER = _(
    "The guide must keep at least one answer marked as a risk signal in a published question, "
    "so that a visitor in danger always sees the crisis lines first."
)
RULE_TO_DRAFT = _(
    "A safety rule of the guide points to a kind of help that is not published: "
    "%(rules)s. Publish it, or change the rule first."
)


class GuideSafetyError(ValidationError):
    """A change that would switch off part of the guide's safety net."""


@dataclass(frozen=True)
class State:
    """What the safety rules look at: is there a published risk answer, and which rules (ids)
    point to an unpublished kind of help."""

    has_risk_answer: bool
    rules_to_drafts: frozenset


def current_state():
    """The guide's `State` as stored now (two queries)."""
    from ..models import AnswerRule, Choice, Intervention

    has_risk = Choice.objects.filter(risk_signal=True, question__published=True).exists()
    broken = AnswerRule.objects.filter(intervention__isnull=False).exclude(
        intervention__status=Intervention.Status.PUBLISHED
    )
    return State(has_risk, frozenset(broken.values_list("pk", flat=True)))


def regressions(before, after):
    """The messages for what held in `before` and no longer holds in `after`."""
    from ..models import AnswerRule

    found = []
    if before.has_risk_answer and not after.has_risk_answer:
        found.append(str(NO_RISK_ANSWER))
    newly_broken = after.rules_to_drafts - before.rules_to_drafts
    if newly_broken:
        rules = AnswerRule.objects.filter(pk__in=newly_broken).select_related(
            "choice", "intervention"
        )
        found.append(str(RULE_TO_DRAFT % {"rules": "; ".join(str(rule) for rule in rules)}))
    return found


@contextmanager
def guarded():
    """Run a write in a transaction; roll it back and raise GuideSafetyError if it breaks
    a safety rule that held before it."""
    with transaction.atomic():
        before = current_state()
        yield
        found = regressions(before, current_state())
        if found:
            raise GuideSafetyError(found)


def problems():
    """Every way the stored guide breaks its safety rules now: a list of messages."""
    from ..models import Question

    state = current_state()
    asks = Question.objects.published().exists()
    found = []
    if asks and not state.has_risk_answer:
        found.append(str(NO_RISK_ANSWER))
    if state.rules_to_drafts:
        found += regressions(State(state.has_risk_answer, frozenset()), state)[-1:]
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


GUARDED_MODELS = ("question", "choice", "answerrule", "intervention")


def _before_delete(sender, instance, **kwargs):
    if sender._meta.app_label == "services" and sender._meta.model_name in GUARDED_MODELS:
        instance._guide_state_before = current_state()


def _after_delete(sender, instance, **kwargs):
    before = getattr(instance, "_guide_state_before", None)
    if before is None:
        return
    found = regressions(before, current_state())
    if found:
        # Raised inside the deletion's transaction: the whole deletion is rolled back.
        raise GuideSafetyError(found)


def connect():
    """Check every deletion of the guarded models (called once, from the app's ready())."""
    pre_delete.connect(_before_delete, dispatch_uid="guide-safety-pre-delete")
    post_delete.connect(_after_delete, dispatch_uid="guide-safety-post-delete")
