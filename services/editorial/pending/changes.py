"""Proposing, approving and sending back changes to live content (models/pending.py).

Who must wait: anyone changing something visitors see (`roles.is_live`) unless they could
approve the change themselves — a Reviewer when `REVIEW_SELF_APPROVAL` is on or when no other
Reviewer exists, or a superuser. Approval saves the object through its own `save()`: History
records the Reviewer, the content version goes up (every cached page on every instance is
retired), and the guide's safety rules (services/guide/safety.py) refuse a change that would
break them.
"""

import datetime
import decimal
import uuid

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.db import models, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.text import capfirst
from django.utils.translation import gettext as _

from services.editorial import roles
from services.editorial.outdated import STILL_RIGHT
from services.models import PendingChange


# --- Who must wait --------------------------------------------------------------------------
def reviewers():
    """Active staff holding the publish permission through a group or directly (not superusers:
    those are the developers' emergency accounts, and publish directly)."""
    app_label, codename = roles.PUBLISH_PERMISSION.split(".")
    permission = Permission.objects.filter(content_type__app_label=app_label, codename=codename)
    return (
        get_user_model()
        .objects.filter(is_active=True, is_staff=True)
        .filter(Q(groups__permissions__in=permission) | Q(user_permissions__in=permission))
        .distinct()
    )


def may_approve(user, change=None):
    """Whether `user` may approve `change` (or any change, when None): the publish permission,
    and not a change they proposed any part of while another Reviewer exists (unless
    REVIEW_SELF_APPROVAL): an Editor's later touch does not make a Reviewer's own number theirs
    to approve."""
    if not user.is_active or not user.has_perm(roles.PUBLISH_PERMISSION):
        return False
    if change is None or user.is_superuser:
        return True
    if change.author_id != user.pk and user.pk not in change.contributors:
        return True
    return settings.REVIEW_SELF_APPROVAL or not reviewers().exclude(pk=user.pk).exists()


def publishes_directly(user):
    """Whether `user`'s saves go live at once: they could approve their own change."""
    if user.is_superuser:
        return True
    if not user.has_perm(roles.PUBLISH_PERMISSION):
        return False
    return settings.REVIEW_SELF_APPROVAL or not reviewers().exclude(pk=user.pk).exists()


def must_wait(user, obj):
    """Whether `user`'s change to `obj` becomes a pending change instead of a save."""
    return roles.is_live(obj) and not publishes_directly(user)


def may_not_create(user, obj):
    """Whether `user` may not add `obj` (unsaved): it would be live at once, with nobody's
    review. Such content is added by a Reviewer who publishes directly; an Editor adds a
    draft where the model has one (an intervention), or asks a Reviewer."""
    if roles.publication(type(obj)) and not user.has_perm(roles.PUBLISH_PERMISSION):
        return False  # saved as a draft whatever the form says (admin/guards.py)
    return roles.would_be_live(obj) and not publishes_directly(user)


# --- Values as JSON -------------------------------------------------------------------------
def tracked_fields(model):
    """The fields a change may set: concrete fields (a translated field by its language copies,
    not its original name) and many-to-many fields. Never the primary key or auto dates."""
    from services.editorial.admin.guards import translated_originals

    originals = translated_originals(model)
    fields = [
        field
        for field in model._meta.concrete_fields
        if not field.primary_key
        and field.name not in originals
        and not getattr(field, "auto_now", False)
        and not getattr(field, "auto_now_add", False)
    ]
    return fields + list(model._meta.many_to_many)


def to_json(field, value):
    if value is None:
        return None
    if field.many_to_many:
        return sorted(item.pk if isinstance(item, models.Model) else int(item) for item in value)
    if isinstance(value, datetime.date | datetime.time | decimal.Decimal | uuid.UUID):
        return value.isoformat() if hasattr(value, "isoformat") else str(value)
    return value


def live_value(obj, field):
    """`field`'s value on `obj` as stored (many-to-many: read from the database)."""
    if field.many_to_many:
        return to_json(field, getattr(obj, field.name).values_list("pk", flat=True))
    return to_json(field, getattr(obj, field.attname))


def from_json(field, value):
    if value is None or isinstance(field, models.JSONField):
        return value
    return field.to_python(value)


# --- Proposing ------------------------------------------------------------------------------
def changed_values(obj, m2m=None):
    """({attname: proposed}, {attname: live}) for each field where `obj` (in memory) differs
    from its stored row; `m2m`: {field name: proposed objects or ids} from a form."""
    from services.models import sanitise_rich_text

    if getattr(obj, "RICH_TEXT_FIELDS", None):
        sanitise_rich_text(obj)  # as save() would: compare what would be stored
    current = type(obj)._default_manager.get(pk=obj.pk)
    proposed, live = {}, {}
    for field in tracked_fields(type(obj)):
        if field.many_to_many:
            if m2m is None or field.name not in m2m:
                continue
            new = to_json(field, m2m[field.name])
        else:
            new = to_json(field, getattr(obj, field.attname))
        old = live_value(current, field)
        if not same(new, old):
            key = field.name if field.many_to_many else field.attname
            proposed[key], live[key] = new, old
    return proposed, live


def same(new, old):
    """Equal values; texts also when only their line endings differ (browsers send CRLF)."""
    if new in (None, "") and old in (None, ""):
        return True
    if isinstance(new, str) and isinstance(old, str):
        return new.replace("\r\n", "\n") == old.replace("\r\n", "\n")
    return new == old


def open_change(obj):
    return PendingChange.objects.open().for_object(obj).first()


@transaction.atomic
def propose(obj, user, m2m=None, *, other_language_still_right=False):
    """Keep `obj`'s unsaved changes as its open pending change; return the change, or None
    when nothing differs from what is live (an open change is then withdrawn).

    `other_language_still_right`: the Editor's tick, applied when the change is approved.
    """
    proposed, live = changed_values(obj, m2m)
    change = PendingChange.objects.select_for_update().open().for_object(obj).first()
    if not proposed:
        if change is not None:
            change.status = PendingChange.Status.WITHDRAWN
            change.save()
        return None
    if change is None:
        change = PendingChange(target=obj)
    change.values, change.base = proposed, live
    change.other_language_still_right = other_language_still_right
    change.author = user
    change.contributors = sorted({*change.contributors, user.pk})
    change.status = PendingChange.Status.PENDING
    change.save()
    return change


def propose_more(obj, user, **values):
    """Add `values` ({attname: value}) to `obj`'s open change, keeping what it already holds
    (a row moved by drag and drop whose words also wait for review)."""
    change = open_change(obj)
    m2m = None
    if change is not None:
        overlay(obj, change)
        m2m = {
            key: value
            for key, value in change.values.items()
            if field_for(type(obj), key).many_to_many
        }
    for name, value in values.items():
        setattr(obj, name, value)
    still_right = change.other_language_still_right if change is not None else False
    return propose(obj, user, m2m, other_language_still_right=still_right)


def overlay(obj, change):
    """`obj` showing `change`'s proposed values (in memory only): the change form an Editor
    sees. Many-to-many values are put in the prefetch cache that forms read."""
    for key, value in change.values.items():
        field = field_for(type(obj), key)
        if field.many_to_many:
            cache = obj.__dict__.setdefault("_prefetched_objects_cache", {})
            cache[field.name] = field.related_model._default_manager.filter(pk__in=value or [])
        else:
            setattr(obj, field.attname, from_json(field, value))
    return obj


# --- Reviewing ------------------------------------------------------------------------------
class ApprovalRefused(Exception):
    """The change cannot go live: `messages` say why (for the Reviewer)."""

    def __init__(self, messages):
        super().__init__("; ".join(messages))
        self.messages = list(messages)


def field_for(model, key):
    for field in tracked_fields(model):
        if key in (field.name, field.attname):
            return field
    raise ValidationError(_("A proposed field no longer exists: %(name)s.") % {"name": key})


def approve(change, reviewer):
    """Apply `change` through the model's `save()`, recorded in History as the Reviewer's.

    Raises ApprovalRefused when the reviewer may not approve it, when the object is gone, or
    when the result would be invalid or break the guide's safety rules (nothing is applied).
    """
    from services.guide.safety import GuideSafetyError

    if not change.is_open:
        raise ApprovalRefused([_("This change is no longer waiting for review.")])
    if not may_approve(reviewer, change):
        raise ApprovalRefused(
            [_("Another Reviewer must approve this change: you proposed it yourself.")]
        )
    obj = change.target
    if obj is None:
        raise ApprovalRefused([_("What this change was for has been deleted.")])
    model = type(obj)
    m2m = {}
    try:
        with transaction.atomic():
            for key, value in change.values.items():
                field = field_for(model, key)
                if field.many_to_many:
                    m2m[field.name] = value or []
                else:
                    setattr(obj, field.attname, from_json(field, value))
            obj.full_clean(exclude=list(m2m), validate_constraints=True)
            setattr(obj, STILL_RIGHT, change.other_language_still_right)
            obj._history_user = reviewer
            author = change.author.get_username() if change.author else "?"
            obj._change_reason = _("Approved by %(reviewer)s (proposed by %(author)s)") % {
                "reviewer": reviewer.get_username(),
                "author": author,
            }
            obj.save()
            for name, ids in m2m.items():
                getattr(obj, name).set(ids)
            change.status = PendingChange.Status.APPROVED
            change.reviewer, change.reviewed = reviewer, timezone.now()
            change.save()
    except GuideSafetyError as error:
        raise ApprovalRefused(error.messages) from None
    except ValidationError as error:
        raise ApprovalRefused(_validation_messages(model, error)) from None
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
