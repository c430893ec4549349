"""The Reviewer's side of four eyes: the list of pending changes and the page that reviews one.

The review page shows every changed field in both languages side by side
(services/editorial/pending/diff.py) and approves (applied at once through the model's `save()`) or
sends
the change back with a comment its author sees on the object's change form.
"""

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from services.editorial import roles
from services.editorial.pending import approval, changes, diff, preview
from services.editorial.workbench import change_url
from services.models import PendingChange

from .pending_guard import correct_url


@admin.register(PendingChange)
class PendingChangeAdmin(admin.ModelAdmin):
    list_display = ("what", "status", "author", "updated", "to_check")
    list_filter = ("status",)
    list_select_related = ("content_type", "author")
    review_template = "admin/services/pendingchange/review.html"

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("content_type", "author", "reviewer")

    @admin.display(description=gettext_lazy("change to"))
    def what(self, change):
        return str(change)

    @admin.display(description=gettext_lazy("to check closely"))
    def to_check(self, change):
        if diff.has_warning(change):
            return format_html('<strong class="pending-sensitive">{}</strong>', _("yes"))
        return "—"

    # Proposals are made on the content's own forms; approvals on the review page.
    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return super().has_change_permission(request, obj) and request.user.has_perm(
            roles.PUBLISH_PERMISSION
        )

    def change_view(self, request, object_id, form_url="", extra_context=None):
        change = self.get_object(request, object_id)
        if change is None:
            raise Http404
        if not self.has_view_or_change_permission(request, change):
            raise PermissionDenied
        if request.method == "POST":
            return self._decide(request, change)
        return self._render(request, change)

    def _decide(self, request, change):
        if not self.has_change_permission(request, change):
            raise PermissionDenied
        try:
            if "_approve" in request.POST:
                obj = approval.approve(change, request.user)
                messages.success(
                    request, _("Approved: « %(object)s » is live now.") % {"object": obj}
                )
            elif "_send_back" in request.POST:
                approval.send_back(change, request.user, request.POST.get("comment", ""))
                messages.success(request, _("Sent back to its author with your comment."))
            else:
                return self._render(request, change)
        except approval.ApprovalRefused as refusal:
            return self._render(request, change, errors=refusal.messages, status=400)
        return HttpResponseRedirect(reverse("admin:services_pendingchange_changelist"))

    def _correct_url(self, request, change):
        """For the author of new content still waiting: its add form, to correct it."""
        model = change.content_type.model_class()
        if model is None or not changes.correctable_new(request.user, model, str(change.pk)):
            return None
        return correct_url(change)

    def _render(self, request, change, errors=(), status=200):
        target = change.target
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": _("Review a change"),
            "subtitle": str(change),
            "change": change,
            "rows": diff.rows(change),
            "sensitive": diff.has_warning(change),
            "target_url": change_url(target) if target is not None else None,
            "preview_url": preview.preview_url(change)
            if change.is_open and preview.may_preview(request.user, change)
            else None,
            "correct_url": self._correct_url(request, change),
            "may_decide": change.is_open and self.has_change_permission(request, change),
            "may_approve": change.is_open and changes.may_approve(request.user, change),
            "errors": errors,
            "comment": request.POST.get("comment", change.comment if change.is_open else ""),
        }
        return TemplateResponse(request, self.review_template, context, status=status)
