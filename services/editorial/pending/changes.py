"""Who must wait, and proposing changes to live content and new live content
(models/pending.py). Approving and sending back: approval.py.

Who must wait: anyone changing something visitors see (`roles.is_live`), or adding something
they would see at once (`roles.would_be_live`), unless they could approve it themselves — a
Reviewer when `REVIEW_SELF_APPROVAL` is on or when no other Reviewer exists, or a superuser.
"""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import Q

from services.editorial import roles
from services.models import PendingChange

from .values import field_for, from_json, key_of, live_value, same, to_json, tracked_fields


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
    """Whether `user`'s new `obj` (unsaved) would be live at once, with nobody's review: it is
    then proposed as a new row (`propose_new`) instead of saved. Never for a draft: an
    Editor's new intervention or question is saved as a draft whatever the form says."""
    if roles.publication(type(obj)) and not user.has_perm(roles.PUBLISH_PERMISSION):
        return False  # saved as a draft whatever the form says (admin/guards.py)
    return roles.would_be_live(obj) and not publishes_directly(user)


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
            key = key_of(field)
            proposed[key], live[key] = new, old
    return proposed, live


def new_values(obj, m2m=None):
    """{key: JSON} of every field a new, unsaved `obj` would be created with (empty values
    left out); `m2m` as for changed_values."""
    from services.models import sanitise_rich_text

    if getattr(obj, "RICH_TEXT_FIELDS", None):
        sanitise_rich_text(obj)
    values = {}
    for field in tracked_fields(type(obj)):
        if field.many_to_many:
            value = to_json(field, (m2m or {}).get(field.name) or [])
        else:
            value = to_json(field, getattr(obj, field.attname))
        if value not in (None, "", []):  # left out: the model's default, as on a form
            values[key_of(field)] = value
    return values


def propose_new(obj, user, m2m=None, replacing=None):
    """Keep the new, unsaved `obj` as a change waiting for a Reviewer, who creates it by
    approving it (approval.approve). `replacing`: the open new-content change this corrects
    (one sent back, say), which then takes the new values. Return the change."""
    change = replacing or PendingChange(
        content_type=ContentType.objects.get_for_model(type(obj), for_concrete_model=False),
        object_id=None,
        new_row=True,
        base={},
    )
    change.values = new_values(obj, m2m)
    change.author = user
    change.contributors = sorted({*change.contributors, user.pk})
    change.status = PendingChange.Status.PENDING
    change.save()
    return change


def correctable_new(user, model, value):
    """The open new-content change of `model` with id `value` (text, from an address) that
    `user` proposed part of, or None: its author corrects it on the add form."""
    if not (value.isascii() and value.isdigit() and len(value) < 19):
        return None
    change = (
        PendingChange.objects.open()
        .filter(pk=value, new_row=True, object_id=None)
        .filter(content_type=ContentType.objects.get_for_model(model, for_concrete_model=False))
        .first()
    )
    if change is None or (user.pk != change.author_id and user.pk not in change.contributors):
        return None
    return change


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
