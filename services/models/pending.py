"""Changes to live content that wait for a Reviewer (issue 18, « four eyes »).

An Editor's save of something visitors already see is not written to the object: it is kept
here as the values it would set, until a Reviewer approves it (it is then saved through the
model's own `save()`, so History, the page cache and the guide's safety rules see an ordinary
save) or sends it back with a comment. docs/decisions/0013-pending-changes.md says why.
"""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ObjectDoesNotExist
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class PendingChangeQuerySet(models.QuerySet):
    def open(self):
        """Waiting for a Reviewer, or sent back to its author: still proposed, not applied."""
        return self.filter(status__in=PendingChange.OPEN)

    def for_object(self, obj):
        return self.filter(
            content_type=ContentType.objects.get_for_model(type(obj), for_concrete_model=False),
            object_id=obj.pk,
        )


class PendingChange(models.Model):
    """The proposed values of one live object's fields, or of a new row, waiting for a Reviewer.

    `values` and `base`: {attribute name: JSON value}, one entry per changed field — a
    translated field by its language copies (`phone`, `name_fr`, `name_en`, `criterion_id`; a
    many-to-many field as a sorted list of ids). `base` holds what was live when the change
    was proposed, so that a Reviewer sees what changed since. At most one open change per
    object: a later save by an Editor replaces its values. A new row (`object_id` None): `values`
    holds every field it is created with (links by id, many-to-many as lists of ids), `base`
    is empty; several may wait at once.
    """

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting for approval")
        SENT_BACK = "sent_back", _("Sent back to its author")
        APPROVED = "approved", _("Approved and published")
        WITHDRAWN = "withdrawn", _("Withdrawn")

    OPEN = (Status.PENDING, Status.SENT_BACK)

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    # None for a new row waiting to be created (a « pending create »): `content_type` says
    # which kind, `values` holds every field it will have; approval fills this in.
    object_id = models.PositiveBigIntegerField(null=True, blank=True)
    target = GenericForeignKey("content_type", "object_id")
    # Proposes a new row rather than a change to one (kept once approval has created it).
    new_row = models.BooleanField(_("new content"), default=False)
    values = models.JSONField(_("proposed values"), default=dict)
    base = models.JSONField(_("values live when proposed"), default=dict)
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.PENDING
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("proposed by"),
    )
    created = models.DateTimeField(_("proposed on"), auto_now_add=True)
    updated = models.DateTimeField(_("last changed"), auto_now=True)
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("reviewed by"),
    )
    reviewed = models.DateTimeField(_("reviewed on"), null=True, blank=True)
    comment = models.TextField(_("Reviewer's comment"), max_length=2000, blank=True)
    # Everyone who proposed part of it (user ids): none of them may approve it alone.
    contributors = models.JSONField(_("proposed by (everyone)"), default=list, blank=True)
    # The Editor ticked « the other language is still right »: approval saves with it, so the
    # other language is not marked for review (services/editorial/outdated.py).
    other_language_still_right = models.BooleanField(
        _("the other language is still right"), default=False
    )

    objects = PendingChangeQuerySet.as_manager()

    class Meta:
        ordering = ["-updated"]
        verbose_name = _("pending change")
        verbose_name_plural = _("pending changes")
        constraints = [
            models.UniqueConstraint(
                fields=["content_type", "object_id"],
                condition=Q(status__in=["pending", "sent_back"]),
                name="one_open_change_per_object",
            )
        ]

    def __str__(self):
        kind = self.content_type.name
        if self.is_create and self.object_id is None:
            try:
                name = str(self.proposed_object())
            except (ObjectDoesNotExist, ValueError, TypeError):  # a link deleted since
                name = "?"
            return f"{kind} « {name} » {_('(new)')}"
        target = self.target
        return f"{kind} « {target} »" if target is not None else f"{kind} #{self.object_id}"

    @property
    def is_open(self):
        return self.status in self.OPEN

    @property
    def is_create(self):
        """A new row: not created yet, or created by this change's approval."""
        return self.new_row

    def proposed_object(self):
        """The new row in memory (unsaved), for its name: the proposed values of its concrete
        fields as stored, by field name or attribute name. Approval builds the real row
        (services/editorial/pending/values.py `build`), with every value converted."""
        model = self.content_type.model_class()
        obj = model()
        names = {}
        for field in model._meta.concrete_fields:
            names[field.name] = names[field.attname] = field.attname
        for key, value in self.values.items():
            if key in names:
                setattr(obj, names[key], value)
        return obj
