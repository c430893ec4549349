"""History pages a person can trust: a word-level diff in the admin's language, reverts named as
such, and the revert page comparing the old version with the current one
(services/editorial/history.py).
"""

from django.utils import formats
from django.utils.dateparse import parse_datetime
from django.utils.html import format_html, format_html_join
from django.utils.text import capfirst
from django.utils.translation import gettext as _

from services.editorial import history


def field_label(field):
    """« Résumé [EN] »: the field's name in the admin's language, with its language if any."""
    label = capfirst(str(field.verbose_name))
    return label.replace("[fr]", "[FR]").replace("[en]", "[EN]")


def render_diff(segments):
    """HTML for word_diff's segments: removed words struck through, added ones underlined."""
    if not segments:
        return format_html("<em>{}</em>", _("(empty)"))
    tags = {"same": "{}", "removed": "<del>{}</del>", "added": "<ins>{}</ins>"}
    return format_html_join("", "{}", ((format_html(tags[kind], text),) for kind, text in segments))


def changes_between(model, old, new):
    """[{'field': label, 'diff': HTML}] for the real changes from `old` to `new`."""
    rows = []
    for field in history.changed_fields(model, old, new):
        before = history.comparable_text(field.name, model, _display(field, old))
        after = history.comparable_text(field.name, model, _display(field, new))
        if before == after:  # tags only: bold, a link, a heading
            diff = format_html("<em>{}</em>", _("formatting changed"))
        else:
            diff = render_diff(history.word_diff(before, after))
        rows.append({"field": field_label(field), "diff": diff})
    return rows


def _display(field, obj):
    value = getattr(obj, field.attname, None)
    if field.choices and value not in (None, ""):
        return str(dict(field.flatchoices).get(value, value))
    if field.is_relation and value is not None:
        related = getattr(obj, field.name, None)
        return str(related) if related is not None else value
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    if hasattr(value, "isoformat"):
        return formats.date_format(value, "DATE_FORMAT")
    return value


def revert_label(reason):
    """A stored change reason as a person reads it (a revert's date in the admin's language)."""
    if reason and reason.startswith(history.REVERT_REASON):
        when = parse_datetime(reason.removeprefix(history.REVERT_REASON))
        if when is not None:
            return _("Restored from the version of %(date)s") % {
                "date": formats.date_format(when, "DATETIME_FORMAT")
            }
    return reason or ""


class TrustedHistoryAdmin:
    """Mixed into the content admins before SimpleHistoryAdmin."""

    object_history_template = "admin/services/history/object_history.html"
    object_history_list_template = "admin/services/history/object_history_list.html"
    object_history_form_template = "admin/services/history/object_history_form.html"

    def set_history_delta_changes(self, request, historical_records, **kwargs):
        previous = None
        for record in historical_records:
            record.reason_label = revert_label(record.history_change_reason)
            if previous is not None:
                previous.changes = changes_between(self.model, record, previous)
            previous = record

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        pk_name = self.model._meta.pk.attname
        version = self.model.history.filter(history_id=version_id, **{pk_name: object_id}).first()
        current = self.model._default_manager.filter(pk=object_id).first()
        if version is not None and current is not None:
            extra_context = {
                **(extra_context or {}),
                "comparison": changes_between(self.model, current, version),
                "version_date": version.history_date,
            }
            if request.method == "POST":
                request._restoring_version = version
        return super().history_form_view(request, object_id, version_id, extra_context)

    def save_model(self, request, obj, form, change):
        version = getattr(request, "_restoring_version", None)
        if version is not None:
            obj._change_reason = f"{history.REVERT_REASON}{version.history_date.isoformat()}"
        super().save_model(request, obj, form, change)
