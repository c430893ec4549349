"""History a person can trust (django-simple-history, issue 15).

- Only real changes: text is stored with `\\n` line endings (browsers send `\\r\\n`), empty and
  None count as the same, and a save that changes nothing records nothing.
- A readable diff: per field, its label in the admin's language, and the words removed and
  added (rich text compared as the words a visitor reads; a change of formatting only says so).
- A revert says so: « Restauré à partir de la version du … » (REVERT_REASON below).

Pure functions here; the admin views that show them are in services/editorial/admin/history.py.
"""

import difflib
import re

from django.db import models
from django.db.models.signals import m2m_changed, pre_save
from django.dispatch import receiver

from .readability import plain_text

# Stored as the change reason of a revert; shown in the admin's language with the date.
REVERT_REASON = "restored-from:"
# Unchanged words kept around a change; longer unchanged runs are shortened with « … ».
CONTEXT_WORDS = 6
REWRITTEN = 0.5
TOKENS = re.compile(r"\s+|[\w’'-]+|[^\w\s]", re.UNICODE)


def normalise(value):
    """The value as compared: text with \\n line endings and no trailing spaces; None is ''."""
    if value is None:
        return ""
    if isinstance(value, str):
        return "\n".join(line.rstrip() for line in value.replace("\r\n", "\n").split("\r"))
    return value


def rich_text_fields(model):
    from .admin.rich_text import rich_text_field_names

    return rich_text_field_names(model)


def tracked_fields(model):
    """The concrete fields History compares: not the automatic timestamps, and not a translated
    field's original column (`name`), which only mirrors its French copy (`name_fr`)."""
    from .translation_status import translated_field_names

    originals = set(translated_field_names(model))
    return [
        field
        for field in model._meta.concrete_fields
        if not field.primary_key
        and not getattr(field, "auto_now", False)
        and field.name not in originals
    ]


def changed_fields(model, old, new):
    """[field] whose value differs between `old` and `new` (objects or history records)."""
    return [
        field
        for field in tracked_fields(model)
        if normalise(getattr(old, field.attname, None))
        != normalise(getattr(new, field.attname, None))
    ]


def comparable_text(field_name, model, value):
    """What a person reads: a rich-text field's words without tags; '' for empty."""
    value = normalise(value)
    if field_name in rich_text_fields(model):
        return plain_text(value)
    return "" if value is None else str(value)


def word_diff(old, new):
    """[(kind, text)] with kind 'same', 'removed' or 'added', word by word.

    Long unchanged runs keep CONTEXT_WORDS words on each side of a change, joined by « … ».
    A text mostly rewritten (under REWRITTEN of its words kept) reads better whole: the old
    text struck through, then the new one.
    """
    before, after = TOKENS.findall(old or ""), TOKENS.findall(new or "")
    segments = []
    matcher = difflib.SequenceMatcher(a=before, b=after, autojunk=False)
    if before and after and matcher.ratio() < REWRITTEN:
        return [("removed", old.strip()), ("same", " "), ("added", new.strip())]
    opcodes = matcher.get_opcodes()
    for index, (tag, i1, i2, j1, j2) in enumerate(opcodes):
        if tag == "equal":
            after_change, before_change = index > 0, index < len(opcodes) - 1
            segments.append(("same", _shorten(before[i1:i2], after_change, before_change)))
            continue
        if i2 > i1:
            segments.append(("removed", "".join(before[i1:i2])))
        if j2 > j1:
            segments.append(("added", "".join(after[j1:j2])))
    return [(kind, text) for kind, text in _spaces_unmarked(segments) if text]


def _spaces_unmarked(segments):
    """Spaces at the edges of a removed or added run belong to the unchanged text."""
    for kind, text in segments:
        if kind == "same":
            yield kind, text
            continue
        core = text.strip()
        yield "same", text[: len(text) - len(text.lstrip())]
        yield kind, core
        yield "same", text[len(text.rstrip()) :] if core else ""


def _shorten(tokens, after_change, before_change):
    """Unchanged tokens, keeping CONTEXT_WORDS words next to each change they touch."""
    words = [i for i, token in enumerate(tokens) if not token.isspace()]
    keep_before = CONTEXT_WORDS if after_change else 0
    keep_after = CONTEXT_WORDS if before_change else 0
    if len(words) <= keep_before + keep_after + 2:
        return "".join(tokens)
    head = "".join(tokens[: words[keep_before - 1] + 1]) if keep_before else ""
    tail = "".join(tokens[words[-keep_after] :]) if keep_after else ""
    return f"{head} … {tail}".strip() if head or tail else "…"


@receiver(pre_save)
def keep_only_real_changes(sender, instance, raw=False, **kwargs):
    """Normalise line endings before any content row is stored; skip History when nothing
    changed. (simple-history skips a save while `skip_history_when_saving` exists.)"""
    if raw or sender._meta.app_label != "services" or sender.__name__.startswith("Historical"):
        return
    for field in sender._meta.concrete_fields:
        if isinstance(field, models.CharField | models.TextField):
            value = getattr(instance, field.attname)
            if isinstance(value, str) and "\r" in value:
                setattr(instance, field.attname, value.replace("\r\n", "\n").replace("\r", "\n"))
    if not hasattr(sender, "history"):
        return
    # Recomputed on every save: set by us only, removed by us only.
    if getattr(instance, "_history_skip_set", False):
        del instance.skip_history_when_saving
        instance._history_skip_set = False
    if instance.pk is None or hasattr(instance, "skip_history_when_saving"):
        return
    current = sender._default_manager.filter(pk=instance.pk).first()
    if current is not None and not changed_fields(sender, current, instance):
        instance.skip_history_when_saving = True
        instance._history_skip_set = True


@receiver(m2m_changed)
def record_linked_changes(sender, instance, action, **kwargs):
    """A change of linked rows (sources) after a save that changed no field is a real change:
    the skip set above is lifted before simple-history's `post_*` handler looks at it."""
    if action.startswith("pre_") and getattr(instance, "_history_skip_set", False):
        del instance.skip_history_when_saving
        instance._history_skip_set = False
