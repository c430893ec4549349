"""Outdated translations: when one language of a translated field changes alone, the other
language is marked « à revoir / needs review » (issue 18, « Translations that can't go stale »).

The rule runs on every save of a translated model — the admin, `seed_content`, an import,
`manage.py shell` — so that no path can leave a stale translation unmarked:

- only French (say) of a field changed, and English has text: English is marked outdated,
  unless the editor ticked *the other language is still right* (the admin sets
  `instance.other_language_still_right = True` before saving);
- a language that changed is no longer outdated (editing it is reviewing it), and that
  edit marks nothing in return;
- both languages changed together (a seed or import that updates both): nothing is marked;
- ticking *still right* clears every marker on the object (confirming the other language).

Markers are `OutdatedTranslation` rows (docs/decisions/0012-outdated-translations.md).
"""

import datetime

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db.models.signals import post_delete, post_save, pre_save
from django.dispatch import receiver
from django.utils import timezone

from services.languages import LANGUAGE_CODES, field_in, in_language
from services.models import OutdatedTranslation

from .translation_status import translated_field_names

LANGUAGES = LANGUAGE_CODES
# Fields that differ between languages by design: a new French slug says nothing about the
# English one.
NOT_COMPARED = {"slug"}
STILL_RIGHT = "other_language_still_right"


def compared_fields(model):
    return [name for name in translated_field_names(model) if name not in NOT_COMPARED]


def text(value):
    return (value or "").strip() if isinstance(value, str) else value


@receiver(pre_save)
def remember_old_values(sender, instance, raw=False, **kwargs):
    """Before an update: which languages of which fields change ({field: {language}})."""
    fields = compared_fields(sender)
    if raw or not fields or instance.pk is None:
        return
    columns = [field_in(name, code) for name in fields for code in LANGUAGES]
    old = sender._base_manager.filter(pk=instance.pk).values(*columns).first()
    if old is None:
        return
    changes = {}
    for name in fields:
        changed = {
            code
            for code in LANGUAGES
            if text(old[field_in(name, code)]) != text(in_language(instance, name, code))
        }
        if changed:
            changes[name] = changed
    instance._translation_changes = changes


@receiver(post_save)
def mark_outdated(sender, instance, created, raw=False, **kwargs):
    """Create and clear the object's markers from what `remember_old_values` saw."""
    changes = getattr(instance, "_translation_changes", None)
    still_right = getattr(instance, STILL_RIGHT, False)
    if raw or not compared_fields(sender) or (changes is None and not still_right):
        return
    instance._translation_changes = None  # one save, one decision
    kind = ContentType.objects.get_for_model(sender)
    markers = OutdatedTranslation.objects.filter(content_type=kind, object_id=instance.pk)
    if still_right:
        markers.delete()
    now = timezone.now()
    for name, changed in (changes or {}).items():
        # Edited is reviewed; and bringing an outdated text up to date is not a new change
        # that the other language must follow.
        reviewed, _rows = markers.filter(field=name, language__in=changed).delete()
        if still_right or reviewed or len(changed) == len(LANGUAGES):
            continue
        for code in set(LANGUAGES) - changed:
            if text(in_language(instance, name, code)):  # empty is a gap, not outdated
                OutdatedTranslation.objects.get_or_create(
                    content_type=kind,
                    object_id=instance.pk,
                    field=name,
                    language=code,
                    defaults={"since": now},
                )


@receiver(post_delete)
def forget_deleted(sender, instance, **kwargs):
    if compared_fields(sender):
        kind = ContentType.objects.get_for_model(sender)
        OutdatedTranslation.objects.filter(content_type=kind, object_id=instance.pk).delete()


def outdated_report(models=None, now=None):
    """Every outdated text, grouped: [Stale(obj, language, fields, since, overdue)], oldest
    first. `models`: only these (the ones a user may view); all by default. `overdue`: past
    the grace days, so English visitors see the notice."""
    from .workbench import Stale  # the dashboard's shapes live there

    now = now or timezone.now()
    grace = datetime.timedelta(days=settings.TRANSLATION_GRACE_DAYS)
    rows = OutdatedTranslation.objects.select_related("content_type").order_by("since")
    if models is not None:
        kinds = ContentType.objects.get_for_models(*models).values()
        rows = rows.filter(content_type__in=list(kinds))
    grouped = {}
    for row in rows:
        key = (row.content_type_id, row.object_id, row.language)
        grouped.setdefault(key, []).append(row)
    report = []
    for (_kind, _pk, language), group in grouped.items():
        obj = group[0].obj
        if obj is None:
            continue
        since = min(row.since for row in group)
        fields = tuple(sorted(row.field for row in group))
        report.append(Stale(obj, language, fields, since, now - since > grace))
    return report
