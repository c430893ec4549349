"""Four eyes on every admin path: a change to live content by someone who may not publish it
alone becomes a pending change (services/editorial/pending/changes.py) instead of a save.

The admin site puts `PendingAdminMixin` in every registered admin's bases, after the role
guards (services/editorial/admin/guards.py), so the change form, a revert from History and
drag-and-drop
ordering all go through it. Inline rows of a live object are read-only for such users: each row
has its own page, where a change is proposed like any other. New content such users add that
visitors would see at once (a help line, a glossary term, an answer to a published question)
is kept as a new row waiting for approval (`changes.propose_new`), created when approved.
"""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponseRedirect
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext as _

from services.editorial import roles
from services.editorial.outdated import STILL_RIGHT
from services.editorial.pending import changes, preview

# The request attribute set when a save became a proposal: the change, or None when the
# form differed in nothing from what is live.
PROPOSED = "_orientation_proposed"


def review_url(change):
    return reverse("admin:services_pendingchange_change", args=[change.pk])


def carry_over(obj, form, m2m):
    """Keep what the open change proposes for fields this form does not show (a position
    moved by drag and drop, when a revert from History or the change form is saved next)."""
    change = changes.open_change(obj)
    if change is None:
        return
    for key, value in change.values.items():
        field = changes.field_for(type(obj), key)
        if field.name in form.fields:
            continue
        if field.many_to_many:
            m2m[field.name] = value
        else:
            setattr(obj, field.attname, changes.from_json(field, value))


# On an add form: the new content waiting for review that this form corrects (its id).
CORRECTS = "_pending"


def correct_url(change):
    """The add form holding `change`'s values, to correct new content and propose it again."""
    meta = change.content_type
    add = reverse(f"admin:{meta.app_label}_{meta.model}_add")
    return f"{add}?{CORRECTS}={change.pk}"


# Bulk actions that put pages online, take them off or sign them as reviewed: they save
# directly, so only someone whose saves go live at once may use them.
DIRECT_ACTIONS = ("publish", "unpublish", "mark_reviewed")


class PendingAdminMixin:
    """Saves of live content by Editors (and Reviewers who may not approve alone) wait."""

    def get_actions(self, request):
        actions = super().get_actions(request)
        if not changes.publishes_directly(request.user):
            for name in DIRECT_ACTIONS:
                actions.pop(name, None)
        return actions

    def get_object(self, request, object_id, from_field=None):
        """On the change form, an author who must wait sees the open change's values."""
        obj = super().get_object(request, object_id, from_field)
        if (
            obj is not None
            and getattr(request, "_orientation_change_form", False)
            and changes.must_wait(request.user, obj)
        ):
            change = changes.open_change(obj)
            if change is not None:
                changes.overlay(obj, change)
        return obj

    def change_view(self, request, object_id, form_url="", extra_context=None):
        request._orientation_change_form = True
        if request.method == "GET":
            self._announce(request, object_id)
        return super().change_view(request, object_id, form_url, extra_context)

    def _announce(self, request, object_id):
        """What waits for review on this object, and why its inline rows are read-only."""
        try:  # the raw id from the address: `abc` is the admin's own 404 (or redirect), not a 500
            obj = self.model._default_manager.filter(pk=object_id).first() if object_id else None
        except (ValueError, ValidationError):
            return
        if obj is None or not roles.is_live(obj):
            return
        change = changes.open_change(obj)
        if change is not None:
            author = change.author.get_username() if change.author else "?"
            url = preview.preview_url(change)
            if url and preview.may_preview(request.user, change):
                messages.info(
                    request,
                    format_html(
                        '<a href="{}" target="_blank" rel="noopener">{}</a>',
                        url,
                        _("Preview the pending change on the site"),
                    ),
                )
            if change.status == change.Status.SENT_BACK:
                messages.warning(
                    request,
                    format_html(
                        "{} « {} »",
                        _("A Reviewer sent this change back with a comment:"),
                        change.comment,
                    ),
                )
            elif changes.must_wait(request.user, obj):
                messages.info(
                    request,
                    _(
                        "This form shows the change waiting for a Reviewer (proposed by "
                        "%(author)s). Visitors still see the approved version."
                    )
                    % {"author": author},
                )
            if request.user.has_perm(roles.PUBLISH_PERMISSION):
                messages.info(
                    request,
                    format_html(
                        '{} <a href="{}">{}</a>',
                        _("A change proposed by %(author)s waits for review.") % {"author": author},
                        review_url(change),
                        _("Review it"),
                    ),
                )
        if self.inlines and changes.must_wait(request.user, obj):
            messages.info(
                request,
                _(
                    "This content is live: the rows below are read-only here. Open a row's own "
                    "page to propose a change to it; a Reviewer approves it."
                ),
            )

    def get_inline_instances(self, request, obj=None):
        """Content that is always live (a comparison row, a region) added by someone whose adds
        wait has no rows on its add form: the new row is not created until approved, so rows
        under it are added on its page afterwards."""
        inlines = super().get_inline_instances(request, obj)
        always_live = roles.live_through(self.model) is None and not roles.publication(self.model)
        if obj is None and always_live and not changes.publishes_directly(request.user):
            return []
        return inlines

    def get_changeform_initial_data(self, request):
        """An add form correcting new content that waits (`?_pending=<id>`) starts from it."""
        pending = changes.correctable_new(request.user, self.model, request.GET.get(CORRECTS, ""))
        if pending is None:
            return super().get_changeform_initial_data(request)
        initial = {}
        for key, value in pending.values.items():
            try:
                initial[changes.field_for(self.model, key).name] = value
            except ValidationError:  # a field removed since it was proposed
                continue
        return initial

    def save_model(self, request, obj, form, change):
        m2m_names = {field.name for field in obj._meta.many_to_many}
        if not change and changes.may_not_create(request.user, obj):
            # New content visitors would see at once: it waits, as a new row, for a Reviewer.
            m2m = {name: value for name, value in form.cleaned_data.items() if name in m2m_names}
            order_field = getattr(self, "default_order_field", None)
            if order_field and hasattr(self, "get_max_order"):  # last, as sortable2 would
                setattr(obj, order_field, self.get_max_order(request, obj) + 1)
            corrected = changes.correctable_new(
                request.user, self.model, request.GET.get(CORRECTS, "")
            )
            setattr(request, PROPOSED, changes.propose_new(obj, request.user, m2m, corrected))
            form.save_m2m = lambda: None
            return
        stored = type(obj)._default_manager.get(pk=obj.pk) if change else None
        # Live now, or about to be (a row moved under a live parent): the change waits.
        if change and (
            changes.must_wait(request.user, stored) or changes.may_not_create(request.user, obj)
        ):
            m2m = {name: value for name, value in form.cleaned_data.items() if name in m2m_names}
            carry_over(obj, form, m2m)
            # Four eyes come before services/editorial/admin/outdated.py in the bases: the Editor's
            # « still right » tick is read here and travels with the change.
            still_right = bool(form.cleaned_data.get(STILL_RIGHT))
            proposed = changes.propose(
                obj, request.user, m2m, other_language_still_right=still_right
            )
            setattr(request, PROPOSED, proposed)
            form.save_m2m = lambda: None  # a revert from History calls it directly
            return
        super().save_model(request, obj, form, change)

    def save_related(self, request, form, formsets, change):
        if hasattr(request, PROPOSED):
            # Nothing of a proposal is written (inline rows are read-only: see above); rows
            # typed under new content have no row to belong to until it is approved.
            if not change and any(formset.has_changed() for formset in formsets):
                messages.warning(
                    request,
                    _(
                        "The rows added under it were not kept: once your addition is approved, "
                        "add them on its page."
                    ),
                )
            return
        super().save_related(request, form, formsets, change)

    def construct_change_message(self, request, form, formsets, add=False):
        if hasattr(request, PROPOSED):
            return []  # the inline formsets were not saved: there is nothing to describe
        return super().construct_change_message(request, form, formsets, add)

    def log_change(self, request, obj, message):
        if hasattr(request, PROPOSED):
            return None  # nothing changed yet: History records the approval
        return super().log_change(request, obj, message)

    def log_addition(self, request, obj, message):
        if hasattr(request, PROPOSED):
            return None  # nothing created yet: History records the approval
        return super().log_addition(request, obj, message)

    def response_add(self, request, obj, post_url_continue=None):
        if not hasattr(request, PROPOSED):
            return super().response_add(request, obj, post_url_continue)
        messages.success(
            request,
            _(
                "Your addition waits for a Reviewer's approval. Visitors will see it once it "
                "is approved."
            ),
        )
        return HttpResponseRedirect(review_url(getattr(request, PROPOSED)))

    def response_change(self, request, obj):
        if not hasattr(request, PROPOSED):
            return super().response_change(request, obj)
        proposal = getattr(request, PROPOSED)
        if proposal is None:
            messages.info(request, _("Nothing differs from the approved version: no change."))
        else:
            messages.success(
                request,
                _(
                    "Your change is saved and waits for a Reviewer. Visitors see the approved "
                    "version until it is approved."
                ),
            )
        meta = self.model._meta
        return HttpResponseRedirect(
            reverse(f"admin:{meta.app_label}_{meta.model_name}_change", args=[obj.pk])
        )

    def save_moved(self, obj, field, user):
        """One row moved by drag and drop: saved, or proposed when its author must wait."""
        if changes.must_wait(user, obj):
            changes.propose_more(obj, user, **{field: getattr(obj, field)})
            return
        obj._change_reason = _("Moved by drag and drop")  # shown in History
        obj.save(update_fields=[field])


class PendingInlineMixin:
    """Inline rows of a live object are read-only for those whose changes wait."""

    def has_change_permission(self, request, obj=None):
        if obj is not None and changes.must_wait(request.user, obj):
            return False
        return super().has_change_permission(request, obj)

    def has_add_permission(self, request, obj=None):
        if obj is not None and changes.must_wait(request.user, obj):
            return False
        return super().has_add_permission(request, obj)
