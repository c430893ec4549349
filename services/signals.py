"""Any change to the site's content invalidates every cached public page."""

from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import receiver

from .page_cache import bump_content_version

# Bookkeeping that visitors never see.
NOT_CONTENT = {"seedrecord"}


@receiver(post_save)
@receiver(post_delete)
@receiver(m2m_changed)  # sender is the through model, e.g. Intervention_sources
def invalidate_pages(sender, **kwargs):
    meta = sender._meta
    if meta.app_label == "services" and meta.model_name not in NOT_CONTENT:
        bump_content_version()
