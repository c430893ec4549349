"""Any change to the site's content invalidates every cached public page, in every process.

The version is raised inside the change's own transaction (orientation_site/page_cache.py).
"""

from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import receiver

from orientation_site.page_cache import bump_content_version

# Bookkeeping that visitors never see (and the version itself); a pending change shows only
# once approved, through its object's own save. Outdated-translation markers do count: they
# decide the notice on English pages.
NOT_CONTENT = {"seedrecord", "contentversion", "linkcheck", "pendingchange"}


@receiver(post_save)
@receiver(post_delete)
@receiver(m2m_changed)  # sender is the through model, e.g. Intervention_sources
def invalidate_pages(sender, **kwargs):
    meta = sender._meta
    if meta.app_label == "services" and meta.model_name not in NOT_CONTENT:
        bump_content_version()


@receiver(post_delete)
def withdraw_pending_changes(sender, instance, **kwargs):
    """A change waiting for review of something deleted has nothing left to apply: withdrawn
    (services/editorial/pending/). Only content models with a History: not their history rows."""
    meta = sender._meta
    if meta.app_label != "services" or meta.model_name in NOT_CONTENT or meta.auto_created:
        return
    if not hasattr(sender, "history"):
        return
    from .models import PendingChange

    PendingChange.objects.open().for_object(instance).update(status=PendingChange.Status.WITHDRAWN)
