"""Field values as a pending change stores them (JSON), and back.

A value is stored by attribute name: a translated field by its language copies (`name_fr`,
`name_en`), a link by its id (`question_id`), a many-to-many field by its name (`sources`) as
a sorted list of ids; dates and decimals as ISO text.
"""

import datetime
import decimal
import uuid

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext as _


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


def key_of(field):
    """The key a field's value is stored under: its attribute name, a many-to-many its name."""
    return field.name if field.many_to_many else field.attname


def field_for(model, key):
    """The tracked field stored under `key`; ValidationError when it no longer exists."""
    for field in tracked_fields(model):
        if key in (field.name, field.attname):
            return field
    raise ValidationError(_("A proposed field no longer exists: %(name)s.") % {"name": key})


def to_json(field, value):
    if value is None:
        return None
    if field.many_to_many:
        return sorted(item.pk if isinstance(item, models.Model) else int(item) for item in value)
    if isinstance(value, datetime.date | datetime.time | decimal.Decimal | uuid.UUID):
        return value.isoformat() if hasattr(value, "isoformat") else str(value)
    return value


def from_json(field, value):
    if value is None or isinstance(field, models.JSONField):
        return value
    return field.to_python(value)


def live_value(obj, field):
    """`field`'s value on `obj` as stored (many-to-many: read from the database)."""
    if field.many_to_many:
        return to_json(field, getattr(obj, field.name).values_list("pk", flat=True))
    return to_json(field, getattr(obj, field.attname))


def same(new, old):
    """Equal values; texts also when only their line endings differ (browsers send CRLF)."""
    if new in (None, "") and old in (None, ""):
        return True
    if isinstance(new, str) and isinstance(old, str):
        return new.replace("\r\n", "\n") == old.replace("\r\n", "\n")
    return new == old


def set_values(obj, values):
    """Set `values` ({key: JSON}) on `obj` in memory; return {many-to-many name: [ids]}, which
    only a saved row can take. ValidationError for a field that no longer exists."""
    m2m = {}
    for key, value in values.items():
        field = field_for(type(obj), key)
        if field.many_to_many:
            m2m[field.name] = value or []
        else:
            setattr(obj, field.attname, from_json(field, value))
    return m2m


def build(model, values):
    """A new, unsaved `model` row holding `values` (many-to-many left out): for its name, its
    address and the checks approval runs. Fields that no longer exist are skipped."""
    obj = model()
    for key, value in values.items():
        try:
            field = field_for(model, key)
        except ValidationError:
            continue
        if not field.many_to_many:
            setattr(obj, field.attname, from_json(field, value))
    return obj
