"""The role matrix (services/editorial/roles.py) enforced on every admin path, for every model
admin.

The admin site (services/editorial/admin_site.py) puts `GuardedAdminMixin` first in every registered
admin's bases, and `GuardedInlineMixin` in every inline's, so a rule holds on every path —
change form, inline, bulk action, delete, revert, drag-and-drop — including admins added later.
"""

import json
import logging

from django.conf import settings
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import Http404, HttpResponse, HttpResponseBadRequest, HttpResponseNotAllowed
from django.utils.translation import gettext as _

from services.editorial import roles

logger = logging.getLogger(__name__)

# What a list filter or the date hierarchy may send in the query string, after the field's name
# (Django's Boolean-, Choices-, Related-, AllValues- and DateFieldListFilter, date_hierarchy).
# None of them runs a pattern: `regex`, `contains` and the like are never accepted.
FILTER_LOOKUPS = (
    "exact",
    "isnull",
    "id__exact",
    "in",
    "gte",
    "lt",
    "lte",
    "year",
    "month",
    "day",
)


def is_int(value):
    return str(value).isascii() and str(value).isdigit() and len(str(value)) < 19


def translated_originals(model):
    """The names of `model`'s fields that modeltranslation turns into one copy per language."""
    from modeltranslation.translator import NotRegistered, translator

    try:
        return set(translator.get_options_for_model(model).all_fields)
    except NotRegistered:
        return set()


def translated_field_names(model):
    """Every field modeltranslation manages on `model`: originals and their language copies."""
    from modeltranslation.translator import NotRegistered, translator

    try:
        options = translator.get_options_for_model(model)
    except NotRegistered:
        return set()
    names = set(options.all_fields)
    for originals in options.all_fields.values():
        names |= {field.name for field in originals}
    return names


class _Undo(Exception):
    """Rolls back a trial write."""


class GuardedAdminMixin:
    """Publication, deletion, review fields, revert, lookups and ordering, by the matrix."""

    # --- Who may publish, and what is read-only without it -------------------------------------
    def has_publish_permission(self, request):
        return request.user.has_perm(roles.PUBLISH_PERMISSION)

    def has_review_permission(self, request):
        return request.user.has_perm(roles.review_permission(self.model))

    def get_readonly_fields(self, request, obj=None):
        readonly = list(super().get_readonly_fields(request, obj))
        publication = roles.publication(self.model)
        if publication and not self.has_publish_permission(request):
            readonly.append(publication.field)
        if not self.has_review_permission(request):
            names = {field.name for field in self.model._meta.get_fields()}
            readonly += [name for name in roles.REVIEW_FIELDS if name in names]
        return list(dict.fromkeys(self._localized(readonly)))

    def _localized(self, names):
        """A translated field's name stands for its language versions too (reviewer_profession)."""
        from modeltranslation.utils import build_localized_fieldname

        translated = translated_field_names(self.model)
        for name in names:
            yield name
            if name in translated:
                for code, _language in settings.LANGUAGES:
                    localized = build_localized_fieldname(name, code)
                    if localized in translated:
                        yield localized

    def has_delete_permission(self, request, obj=None):
        allowed = super().has_delete_permission(request, obj)
        if allowed and obj is not None and roles.is_live(obj):
            return self.has_publish_permission(request)
        return allowed

    def save_model(self, request, obj, form, change):
        """Only the fields this user's form shows are changed; a draft stays a draft.

        A revert builds the form on an old version: without this, the old version's read-only
        values (status, reviewer, order) would come back with it.
        """
        if change:
            current = type(obj)._default_manager.filter(pk=obj.pk).first()
            if current is not None:
                self._keep_fields_outside_form(obj, current, form)
        else:
            if roles.publication(self.model) and not self.has_publish_permission(request):
                obj.mark_published(False)
        super().save_model(request, obj, form, change)

    def _keep_fields_outside_form(self, obj, current, form):
        # A translated field's original name reads and writes the active language's copy:
        # its copies (reviewer_profession_fr, _en) are kept one by one instead.
        originals = translated_originals(type(obj))
        for field in obj._meta.concrete_fields:
            if (
                field.primary_key
                or field.name in form.fields
                or field.name in originals
                or getattr(field, "auto_now", False)
            ):
                continue
            setattr(obj, field.attname, getattr(current, field.attname))

    # --- Revert (django-simple-history) ---------------------------------------------------------
    def history_view(self, request, object_id, extra_context=None):
        if "\x00" in object_id:
            raise Http404
        return super().history_view(request, object_id, extra_context)

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        """The same permission and read-only rules as the change form (see save_model)."""
        if not (is_int(unquote(object_id)) and is_int(version_id)):
            raise Http404
        if request.method == "POST":
            current = self.get_object(request, unquote(object_id))
            if current is None:
                raise Http404
            if not self.has_change_permission(request, current):
                raise PermissionDenied
        return super().history_form_view(request, object_id, version_id, extra_context)

    def revert_disabled(self, request, obj=None):
        if obj is not None and not self.has_change_permission(request, obj):
            return True
        return super().revert_disabled(request, obj)

    # --- Query strings: only what the list's own filters send ------------------------------------
    def lookup_allowed(self, lookup, value, request=None):
        """Only the lookups this list's filters offer (no `__regex` or `__contains` by hand)."""
        offered = {self.date_hierarchy} if self.date_hierarchy else set()
        for item in self.list_filter:
            name = item[0] if isinstance(item, tuple | list) else item
            if isinstance(name, str):
                offered.add(name)
        for name in offered:
            if lookup == name or any(lookup == f"{name}__{tail}" for tail in FILTER_LOOKUPS):
                return super().lookup_allowed(lookup, value, request)
        return False

    # --- Drag-and-drop ordering (django-admin-sortable2) ------------------------------------------
    def update_order(self, request):
        """Sortable2's endpoint, answering errors generically: never an exception's text."""
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        if not self.has_change_permission(request):
            raise PermissionDenied
        try:
            items = json.loads(request.body).get("updatedItems")
            moved = self._update_order(
                items, self.get_extra_model_filters(request), user=request.user
            )
        except Exception:  # malformed JSON, unknown rows, a database refusal: all the same to us
            logger.warning("Reordering %s failed", self.model._meta.label, exc_info=True)
            return HttpResponseBadRequest(_("The new order could not be saved."))
        return HttpResponse(str(moved))

    def _update_order(self, updated_items, extra_model_filters, user=None):
        """Save each moved row: post_save retires cached pages, and History records the move
        (or a pending change, for a live row moved by an Editor: pending_guard.py)."""
        if not isinstance(updated_items, list) or not all(
            isinstance(item, list) and len(item) == 2 and all(map(is_int, item))
            for item in updated_items
        ):
            raise ValueError("malformed updatedItems")  # answered by update_order as a 400
        moved = 0
        queryset = self.model.objects.filter(**extra_model_filters)
        with transaction.atomic():
            for pk, order in updated_items:
                obj = queryset.get(pk=pk)
                if getattr(obj, self.default_order_field) != int(order):
                    setattr(obj, self.default_order_field, int(order))
                    self.save_moved(obj, self.default_order_field, user)
                    moved += 1
        return moved

    def _bulk_move(self, request, queryset, method):
        """Sortable2's page moves use UPDATE: that is undone, and each row whose position
        changed is saved (or proposed) one by one instead."""
        field = self.default_order_field
        before = dict(self.model.objects.values_list("pk", field))
        try:
            with transaction.atomic():
                super()._bulk_move(request, queryset, method)
                after = dict(self.model.objects.values_list("pk", field))
                raise _Undo
        except _Undo:
            pass
        for obj in self.model.objects.filter(
            pk__in=[pk for pk in after if after[pk] != before.get(pk)]
        ):
            setattr(obj, field, after[obj.pk])
            self.save_moved(obj, field, request.user)

    # --- Bulk actions ---------------------------------------------------------------------------
    def response_action(self, request, queryset):
        """A tampered selection (`_selected_action=abc`) is a 400, not a database error."""
        to_python = self.model._meta.pk.to_python
        try:
            for value in request.POST.getlist("_selected_action"):
                to_python(value)
        except ValidationError:
            return HttpResponseBadRequest(_("The selection was not understood."))
        return super().response_action(request, queryset)


class GuardedInlineMixin:
    """Rows shown inside a live parent are live too: removing one is a Reviewer's act."""

    def has_delete_permission(self, request, obj=None):
        allowed = super().has_delete_permission(request, obj)
        if allowed and obj is not None and roles.is_live(obj):
            return request.user.has_perm(roles.PUBLISH_PERMISSION)
        return allowed


def guard(admin_class):
    """`admin_class` with the guards first in its bases (its inlines too), then four eyes."""
    from .pending_guard import PendingAdminMixin, PendingInlineMixin

    attributes = {"__module__": admin_class.__module__, "__doc__": admin_class.__doc__}
    if getattr(admin_class, "inlines", None):
        attributes["inlines"] = [
            type(
                inline.__name__,
                (GuardedInlineMixin, PendingInlineMixin, inline),
                {"__module__": inline.__module__},
            )
            for inline in admin_class.inlines
        ]
    return type(
        admin_class.__name__, (GuardedAdminMixin, PendingAdminMixin, admin_class), attributes
    )
