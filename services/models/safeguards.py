"""Editors' safeguards that are bookkeeping, not content: outdated translations and the last
link check (issue 18). Visitors never read these rows directly.

docs/decisions/0012-outdated-translations.md says why markers are rows of their own rather
than a JSON field on every translated model.
"""

import datetime

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _


class OutdatedTranslation(models.Model):
    """One translated field of one object whose text in `language` may no longer match the
    other language, because only the other one changed since `since`.

    Created and cleared by services/editorial/outdated.py on every save (admin, seed,
    import); one row per (object, field, language). Read here by `outdated_fields` and
    `overdue_since`, which the public English notice uses too.
    """

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.PositiveBigIntegerField()
    obj = GenericForeignKey("content_type", "object_id")
    field = models.CharField(max_length=60, help_text="The field's name without its language.")
    language = models.CharField(max_length=8, help_text="The language that needs review.")
    since = models.DateTimeField(help_text="When the other language changed alone.")

    class Meta:
        verbose_name = _("translation to review")
        verbose_name_plural = _("translations to review")
        constraints = [
            models.UniqueConstraint(
                fields=["content_type", "object_id", "field", "language"],
                name="one_outdated_marker_per_field_and_language",
            )
        ]
        indexes = [models.Index(fields=["content_type", "object_id"])]

    def __str__(self):
        return f"{self.content_type.model}:{self.object_id}:{self.field}_{self.language}"


def outdated_fields(obj):
    """{language: {field name: since}} of one object's outdated texts."""
    kind = ContentType.objects.get_for_model(type(obj))
    found = {}
    rows = OutdatedTranslation.objects.filter(content_type=kind, object_id=obj.pk)
    for row in rows.order_by("field"):
        found.setdefault(row.language, {})[row.field] = row.since
    return found


def overdue_since(obj, language, now=None):
    """(oldest marker's date, when the grace ends) for `obj` in `language`, or None.

    The grace is DJANGO_TRANSLATION_GRACE_DAYS: before it ends visitors see nothing.
    """
    dates = outdated_fields(obj).get(language, {}).values()
    if not dates:
        return None
    since = min(dates)
    return since, since + datetime.timedelta(days=settings.TRANSLATION_GRACE_DAYS)


class LinkCheck(models.Model):
    """One external address found in the content, as the last `check_links` run saw it.

    Each run replaces every row: the table is the last run's report. `where` lists the
    places it is used: [{"model": "resource", "id": 3, "object": "Info-Santé", "field":
    "url_fr"}].
    """

    url = models.URLField(max_length=2000, unique=True)
    where = models.JSONField(default=list)
    ok = models.BooleanField()
    status = models.PositiveSmallIntegerField(null=True, blank=True, help_text="HTTP status.")
    error = models.CharField(max_length=300, blank=True, help_text="Why no answer came.")
    final_url = models.URLField(max_length=2000, blank=True, help_text="After redirects.")
    checked = models.DateTimeField()

    class Meta:
        ordering = ["url"]
        verbose_name = _("link check")
        verbose_name_plural = _("link checks")

    def __str__(self):
        return self.url

    @property
    def problem(self):
        """What went wrong, in a few words: « 404 », « timeout »…"""
        return str(self.status) if self.status and not self.error else self.error
