"""Any change to the site's content invalidates every cached public page, in every process.

The version is raised inside the change's own transaction (orientation_site/page_cache.py), once per
save or delete of a model in `CONTENT_MODELS`, and once per change of their sources.
"""

from django.apps import apps
from django.core.checks import Error, register
from django.db.models.signals import m2m_changed, post_delete, post_save

from orientation_site.page_cache import bump_content_version

from .models import (
    AccessPoint,
    Answer,
    AnswerRule,
    AnswerWeight,
    ComparisonCell,
    ContentVersion,
    Criterion,
    GlossaryTerm,
    Intervention,
    LinkCheck,
    OutdatedTranslation,
    Page,
    PendingChange,
    Question,
    Region,
    Resource,
    ReviewedProfile,
    SeedRecord,
    Source,
)

# The one list of models whose changes retire cached pages: what visitors read, and the
# outdated-translation markers (they decide the notice on English pages).
CONTENT_MODELS = (
    Source,
    Intervention,
    Criterion,
    ComparisonCell,
    Resource,
    GlossaryTerm,
    Page,
    Question,
    Answer,
    AnswerWeight,
    AnswerRule,
    ReviewedProfile,
    Region,
    AccessPoint,
    OutdatedTranslation,
)
# Bookkeeping that visitors never see, and the version itself. A pending change shows only
# once approved, through its object's own save. History rows (simple-history's models, which
# share the app label) are in neither list: counting them raised the version twice a save.
NOT_CONTENT_MODELS = (SeedRecord, ContentVersion, LinkCheck, PendingChange)
# m2m_changed fires before and after each change: the version moves once, after it.
M2M_DONE = {"post_add", "post_remove", "post_clear"}


def invalidate_pages(sender, **kwargs):
    bump_content_version()


def invalidate_pages_after_m2m(sender, action, **kwargs):
    if action in M2M_DONE:
        bump_content_version()


def withdraw_pending_changes(sender, instance, **kwargs):
    """A change waiting for review of something deleted has nothing left to apply: withdrawn
    (services/editorial/pending/). Only content models with a History."""
    PendingChange.objects.open().for_object(instance).update(status=PendingChange.Status.WITHDRAWN)


for _model in CONTENT_MODELS:
    post_save.connect(invalidate_pages, sender=_model, dispatch_uid=f"pages-{_model.__name__}")
    post_delete.connect(invalidate_pages, sender=_model, dispatch_uid=f"pages-{_model.__name__}")
    for _field in _model._meta.local_many_to_many:  # sender: the through model
        m2m_changed.connect(
            invalidate_pages_after_m2m,
            sender=_field.remote_field.through,
            dispatch_uid=f"pages-{_model.__name__}-{_field.name}",
        )
    if hasattr(_model, "history"):
        post_delete.connect(
            withdraw_pending_changes, sender=_model, dispatch_uid=f"pending-{_model.__name__}"
        )


@register()
def every_model_is_listed(app_configs=None, **kwargs):
    """An error for a model of the app in neither list: a new model must say whether its
    changes retire cached pages."""
    listed = {*CONTENT_MODELS, *NOT_CONTENT_MODELS}
    return [
        Error(
            f"{model._meta.label} is in neither CONTENT_MODELS nor NOT_CONTENT_MODELS.",
            hint="Add it to one of them in services/signals.py.",
            obj=model,
            id="orientation.E010",
        )
        for model in apps.get_app_config("services").get_models()
        # History rows (simple-history marks them with `instance_type`) follow their object.
        if model not in listed and not hasattr(model, "instance_type")
    ]
