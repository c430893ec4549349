"""Stable keys for rows added in the admin.

Every content model has a `key` (editable=False) that `seed_content` and `export_content` use
to recognise a row. Rows an editor adds have none: without this, the second one added to a
model (or the first two answers of a new question) collided on the empty key — a 500 on a
plain add form (issue 14, item 5's kind). Filled on every path, admin or shell.
"""

from django.db.models.signals import pre_save
from django.dispatch import receiver
from django.utils.crypto import get_random_string
from django.utils.text import slugify


def new_key(obj, field):
    """A key from the object's name (« nouvelle-aide »), made unique in its table."""
    base = slugify(str(obj))[: field.max_length - 7].strip("-") or "item"
    manager = type(obj)._default_manager
    candidate = base
    while manager.filter(key=candidate).exists():
        candidate = f"{base}-{get_random_string(6, 'abcdefghijklmnopqrstuvwxyz0123456789')}"
    return candidate


@receiver(pre_save)
def fill_empty_key(sender, instance, raw=False, **kwargs):
    meta = sender._meta
    if raw or meta.app_label != "services" or getattr(instance, "key", None) != "":
        return
    if any(field.name == "key" for field in meta.concrete_fields):
        instance.key = new_key(instance, meta.get_field("key"))
