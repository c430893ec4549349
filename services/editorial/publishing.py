"""Drafts are drafts: the one rule for what a row needs, written once for every model.

- A row visitors can see (published, or live as soon as it exists: services/editorial/roles.py's
  `is_live`) needs every required field, in French and in English.
- A row they cannot see — a draft, or a part of a draft — needs only what names it: its first
  translated field in French (an intervention's name, a question's text) and the rows it
  belongs to. English may be empty, and so may the rest, until someone publishes it.

"Required" is what the models and `translation.py` (modeltranslation's `required_languages`)
already say: a concrete field with `blank=False`. The admin's forms
(services/editorial/admin/base.py)
relax those fields for drafts and apply the rule in `clean()`; the publish action calls
`publication_gaps` before publishing; the admin home lists every gap
(services/editorial/workbench.py).
Published content changed by an Editor is the pending-change workflow's business (issue 18).
"""

from django.conf import settings
from django.db import models
from django.utils.text import slugify

from services.languages import LANGUAGE_CODES, field_in

from . import roles
from .translation_status import translated_field_names

# Slugs fill themselves from these fields, per language, when left empty (and in the admin,
# as you type: prepopulated_fields).
SLUG_SOURCES = {"slug": "name"}


def default_language():
    return settings.LANGUAGE_CODE.split("-")[0]


def is_empty(value):
    return value is None or (isinstance(value, str) and not value.strip())


def draft_minimum(model):
    """{field name}: what a draft of `model` needs: its name in French, and its parents."""
    needed = {
        field.name
        for field in model._meta.concrete_fields
        if isinstance(field, models.ForeignKey) and not field.null
    }
    # The first translated field the model itself declares and requires: what names a row.
    # (Fields shared through an abstract base, such as the description, come first in the
    # model's field order but name nothing.)
    required = required_fields(model)
    originals = set(translated_field_names(model))
    shared = {
        field.name
        for base in model.__mro__[1:]
        if getattr(getattr(base, "_meta", None), "abstract", False)
        for field in base._meta.fields
    }
    for field in model._meta.concrete_fields:
        localized = field_in(field.name, default_language())
        if field.name in originals and field.name not in shared and localized in required:
            needed.add(localized)
            break
    else:
        if not needed:  # an untranslated model (a source): everything it requires
            needed = set(required)
    return needed


def required_fields(model):
    """[field name]: the concrete, editable fields that may not be blank on a visible row.

    A translated field counts by its language copies (`name_fr`, `name_en`), whose `blank`
    modeltranslation sets from `required_languages`; the original column (`name`) is skipped.
    """
    originals = set(translated_field_names(model))
    return [
        field.name
        for field in model._meta.concrete_fields
        if field.editable
        and not field.blank
        and not field.primary_key
        and field.name not in originals
        and not isinstance(field, models.BooleanField)
    ]


def will_be_visible(model, instance, values):
    """Whether `instance`, once `values` ({field name: value}, a form's cleaned data) are
    applied, is something visitors can see. Mirrors roles.is_live."""
    published = roles.publication(model)
    if published:
        field = published.field
        value = values[field] if field in values else getattr(instance, field)
        return value == published.published
    path = roles.live_through(model)
    if path:
        first, *rest = path.split(".")
        parent = (
            values.get(first) or getattr(instance, f"{first}_id", None) and getattr(instance, first)
        )
        for attribute in rest:
            parent = getattr(parent, attribute, None) if parent is not None else None
        return parent is not None and roles.is_live(parent)
    return True


def publication_gaps(obj):
    """{field name: verbose name} of the required fields `obj` leaves empty (empty: none).

    What stands between a draft and publishing it; a visible row should have none.
    """
    meta = obj._meta
    return {
        name: str(meta.get_field(name).verbose_name)
        for name in required_fields(type(obj))
        if is_empty(getattr(obj, meta.get_field(name).attname))
    }


def gaps_by_language(obj):
    """{language code: [original field name]} of `obj`'s empty required translated fields."""
    gaps = {}
    for name in publication_gaps(obj):
        original, _sep, code = name.rpartition("_")
        if code in LANGUAGE_CODES and original in translated_field_names(type(obj)):
            gaps.setdefault(code, []).append(original)
    return gaps


def fill_slugs(model, values):
    """Empty slugs in `values` made from their name, per language; still empty → None.

    None, not "": the slugs are unique per language, and many drafts have no English name.
    """
    for slug, source in SLUG_SOURCES.items():
        if slug not in translated_field_names(model):
            continue
        for code in LANGUAGE_CODES:
            key = field_in(slug, code)
            if key in values and is_empty(values[key]):
                made = slugify(values.get(field_in(source, code)) or "")
                values[key] = made[: model._meta.get_field(key).max_length] or None
    return values
