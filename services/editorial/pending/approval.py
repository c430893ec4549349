"""Approving and sending back a pending change (models/pending.py).

Approval saves the object — or creates the new row — through the model's own `save()`:
History records the Reviewer (« Approved by … (proposed by …) »), the content version goes up
(every cached page on every instance is retired), and the guide's safety rules
(services/guide/safety.py) refuse a change that would break them. `apply` is the same work
without the bookkeeping, for a preview inside a transaction that is rolled back (preview.py).
"""

from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.text import capfirst
from django.utils.translation import gettext as _

from services.editorial import roles
from services.editorial.outdated import STILL_RIGHT
from services.models import PendingChange

from .changes import may_approve
from .values import set_values


class ApprovalRefused(Exception):
    """The change cannot go live: `messages` say why (for the Reviewer)."""

    def __init__(self, messages):
        super().__init__("; ".join(messages))
        self.messages = list(messages)


def apply(change, reviewer=None):
    """Write `change` to the database in the current transaction, as approval would; return the
    object (created, for a new row). `reviewer`: who History names (None: a preview, rolled
    back by its caller).

    Raises ApprovalRefused when the object is gone or the result would be invalid or break
    the guide's safety rules.
    """
    from services.guide.safety import GuideSafetyError

    model = change.content_type.model_class()
    obj = model() if change.is_create else change.target
    if obj is None or model is None:
        raise ApprovalRefused([_("What this change was for has been deleted.")])
    try:
        with transaction.atomic():
            m2m = set_values(obj, change.values)
            _refuse_vanished_links(model, m2m)
            exclude = list(m2m)
            if change.is_create:  # what no form sets (a stable key) is filled in by save()
                exclude += [f.name for f in model._meta.concrete_fields if not f.editable]
            obj.full_clean(exclude=exclude, validate_constraints=True)
            setattr(obj, STILL_RIGHT, change.other_language_still_right)
            if reviewer is not None:
                obj._history_user = reviewer
                author = change.author.get_username() if change.author else "?"
                obj._change_reason = _("Approved by %(reviewer)s (proposed by %(author)s)") % {
                    "reviewer": reviewer.get_username(),
                    "author": author,
                }
            obj.save()
            for name, ids in m2m.items():
                getattr(obj, name).set(ids)
    except GuideSafetyError as error:
        raise ApprovalRefused(error.messages) from None
    except ValidationError as error:
        raise ApprovalRefused(_validation_messages(model, error)) from None
    return obj


def _refuse_vanished_links(model, m2m):
    """ValidationError when a many-to-many id ({name: [ids]}) names a row deleted since the
    change was proposed: `.set()` would write a link to nothing, refused only at commit."""
    for name, ids in m2m.items():
        related = model._meta.get_field(name).remote_field.model
        if len(set(ids)) != related._default_manager.filter(pk__in=ids).count():
            raise ValidationError(
                {name: _("Part of what this change links to has been deleted since.")}
            )


def approve(change, reviewer):
    """Apply `change` through the model's `save()`, recorded in History as the Reviewer's.

    Raises ApprovalRefused when the reviewer may not approve it, when the object is gone, or
    when the result would be invalid or break the guide's safety rules (nothing is applied).
    """
    if not change.is_open:
        raise ApprovalRefused([_("This change is no longer waiting for review.")])
    if not may_approve(reviewer, change):
        raise ApprovalRefused(
            [_("Another Reviewer must approve this change: you proposed it yourself.")]
        )
    with transaction.atomic():
        obj = apply(change, reviewer)
        if change.is_create:
            change.object_id = obj.pk
        change.status = PendingChange.Status.APPROVED
        change.reviewer, change.reviewed = reviewer, timezone.now()
        change.save()
    return obj


def _validation_messages(model, error):
    """« Field label: reason » for each field's error; the reason alone for the whole object."""
    if not hasattr(error, "message_dict"):
        return error.messages
    found = []
    for name, texts in error.message_dict.items():
        try:
            label = capfirst(str(model._meta.get_field(name).verbose_name))
        except FieldDoesNotExist:
            found.extend(texts)
            continue
        found.append(f"{label}: {' '.join(texts)}")
    return found


def send_back(change, reviewer, comment):
    """Return `change` to its author with `comment` (required: the author must learn why)."""
    comment = (comment or "").strip()
    if not comment:
        raise ApprovalRefused([_("Say what to fix: the comment is required.")])
    if not change.is_open or not reviewer.has_perm(roles.PUBLISH_PERMISSION):
        raise ApprovalRefused([_("This change cannot be sent back.")])
    change.status = PendingChange.Status.SENT_BACK
    change.comment = comment[:2000]
    change.reviewer, change.reviewed = reviewer, timezone.now()
    change.save()
    return change
