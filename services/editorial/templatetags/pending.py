"""The admin home's « Waiting for review » panel (templates/admin/partials/pending_changes.html)."""

from django import template
from django.urls import reverse

from services.editorial import roles
from services.editorial.pending import diff
from services.models import PendingChange

register = template.Library()
# The panel lists at most this many changes; the count and the link give the rest.
SHOWN = 20


@register.simple_tag
def pending_panel(user):
    """{"reviewer": bool, "count": int, "items": [(change, url, sensitive)], "list_url": str}.

    Reviewers see every change waiting for them; Editors see their own open changes (with
    the ones sent back to them first). Nothing for users who cannot see pending changes.
    """
    if not user.has_perm("services.view_pendingchange"):
        return None
    reviewer = user.has_perm(roles.PUBLISH_PERMISSION)
    changes = PendingChange.objects.open().select_related("content_type", "author")
    if reviewer:
        changes = changes.filter(status=PendingChange.Status.PENDING)
    else:
        changes = changes.filter(author=user).order_by("-status", "-updated")
    count = changes.count()
    items = []
    for change in changes[:SHOWN]:
        if reviewer or change.is_create:  # a new row has no page of its own yet
            url = reverse("admin:services_pendingchange_change", args=[change.pk])
        else:
            target = change.target
            meta = change.content_type
            url = (
                reverse(f"admin:{meta.app_label}_{meta.model}_change", args=[change.object_id])
                if target is not None
                else None
            )
        items.append((change, url, diff.has_warning(change)))
    return {
        "reviewer": reviewer,
        "count": count,
        "items": items,
        "list_url": reverse("admin:services_pendingchange_changelist"),
    }
