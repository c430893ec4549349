"""What a Reviewer reads: every field a pending change sets, approved and proposed side by side.

A translated field is shown in every language as soon as one of them changes (the Reviewer
checks that French and English still say the same thing). New content (a pending create) shows
every field it is created with against « (new) ». Phone numbers and the guide's rules
are highlighted: a wrong digit or a wrong rule sends a visitor in distress to the wrong place.
"""

import difflib
import re
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from services.languages import LANGUAGE_CODES, field_in

from .values import field_for, from_json, key_of, live_value, same

NEW = _("(new)")
PHONE = _("Phone number: check it digit by digit.")
GUIDE_RULE = _("Guide rule: check which help it points a visitor to.")
# model name -> {attribute: why it is highlighted}; "*" for every field of the model.
SENSITIVE = {
    "resource": dict.fromkeys(
        ("phone", "phone_display", "text_number", "text_display", "header_number"), PHONE
    ),
    "accesspoint": dict.fromkeys(("phone", "phone_display"), PHONE),
    "answerrule": {"*": GUIDE_RULE},
    "answerweight": {"*": GUIDE_RULE},
    "answer": dict.fromkeys(("risk_signal", "distress"), GUIDE_RULE),
}
TOKENS = re.compile(r"(\s+)")


@dataclass(frozen=True)
class Row:
    """One field in one language (`language` is "" for untranslated fields)."""

    label: str
    language: str
    live: str
    proposed: str
    changed: bool
    warning: str  # why it is highlighted, or ""
    changed_since: bool  # what is live is no longer what the author saw
    new: bool = False  # a field of new content: nothing is live yet

    @property
    def live_html(self):
        if self.new:
            return format_html('<span class="pending-new">{}</span>', self.live)
        return word_diff(self.live, self.proposed)[0] if self.changed else escape(self.live)

    @property
    def proposed_html(self):
        if self.new:  # every field of new content is new; an empty one stays a dash
            return format_html("<ins>{}</ins>", self.proposed) if self.proposed != "—" else "—"
        return word_diff(self.live, self.proposed)[1] if self.changed else escape(self.proposed)


def word_diff(old, new):
    """(old, new) as HTML: words taken out in <del>, words put in <ins>."""
    # A number is compared digit by digit; a text, word by word.
    short = len(old) < 40 and len(new) < 40 and not TOKENS.search(old + new)
    a, b = (list(old), list(new)) if short else (TOKENS.split(old), TOKENS.split(new))
    left, right = [], []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        removed, added = escape("".join(a[i1:i2])), escape("".join(b[j1:j2]))
        if op == "equal":
            left.append(removed)
            right.append(added)
            continue
        if removed:
            left.append(f"<del>{removed}</del>")
        if added:
            right.append(f"<ins>{added}</ins>")
    return mark_safe("".join(left)), mark_safe("".join(right))  # noqa: S308 (escaped above)


def display(field, value):
    """A stored JSON value as a Reviewer reads it (names, not ids; labels, not codes)."""
    if value in (None, "", []):
        return "—"
    if field.many_to_many:
        return ", ".join(str(o) for o in field.related_model._default_manager.filter(pk__in=value))
    if field.is_relation:
        obj = field.related_model._default_manager.filter(pk=value).first()
        return str(obj) if obj is not None else f"#{value}"
    if field.choices:
        return str(dict(field.flatchoices).get(from_json(field, value), value))
    if isinstance(value, bool):
        return str(_("Yes") if value else _("No"))
    return str(value)


def warning_for(model_name, name):
    rules = SENSITIVE.get(model_name, {})
    return str(rules.get("*") or rules.get(name) or "")


def shown_fields(model, keys):
    """The fields stored under `keys`, each translated field in every language, in the
    model's order (fields removed since are left out)."""
    shown = []
    for key in keys:
        try:
            field = field_for(model, key)
        except ValidationError:
            continue
        original = getattr(field, "translated_field", None)
        if original is not None:  # every language of a translated field
            for code in LANGUAGE_CODES:
                shown.append(field_for(model, field_in(original.name, code)))
        else:
            shown.append(field)
    order = {f: i for i, f in enumerate(model._meta.get_fields())}
    return sorted(dict.fromkeys(shown), key=lambda f: order.get(f, 0))


def label_of(field):
    original = getattr(field, "translated_field", None)
    language = getattr(field, "language", "") if original is not None else ""
    return capfirst(str((original or field).verbose_name)), language, (original or field).name


def new_rows(change):
    """The diff of new content: every field it is created with, against « (new) »."""
    model = change.content_type.model_class()
    result = []
    for field in shown_fields(model, change.values):
        proposed = change.values.get(key_of(field))
        label, language, name = label_of(field)
        result.append(
            Row(
                label=label,
                language=language,
                live=str(NEW),
                proposed=display(field, proposed),
                changed=True,
                warning=warning_for(model._meta.model_name, name),
                changed_since=False,
                new=True,
            )
        )
    return result


def rows(change):
    """The diff of `change`: a list of Row, in the model's field order."""
    if change.is_create:
        return new_rows(change)
    obj = change.target
    if obj is None:
        return []
    model = type(obj)
    keys = set(change.values)
    result = []
    for field in shown_fields(model, change.values):
        key = key_of(field)
        live = live_value(obj, field)
        proposed = change.values.get(key, live)
        label, language, name = label_of(field)
        result.append(
            Row(
                label=label,
                language=language,
                live=display(field, live),
                proposed=display(field, proposed),
                changed=key in keys and not same(proposed, live),
                warning=warning_for(model._meta.model_name, name),
                changed_since=key in change.base and not same(change.base[key], live),
            )
        )
    return result


def has_warning(change):
    """Whether the change touches a phone number or a guide rule (for the list and the home)."""
    model_name = change.content_type.model
    names = set()
    obj_model = change.content_type.model_class()
    for key in change.values:
        try:
            field = field_for(obj_model, key)
        except ValidationError:  # a field removed since: not sensitive by name
            continue
        names.add(getattr(field, "translated_field", field).name)
    return any(warning_for(model_name, name) for name in names)
