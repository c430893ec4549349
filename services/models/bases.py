"""Abstract bases: the fields and behaviour a kind of model shares, declared once.

- `Annotated`: the editors' note that visitors never see.
- `Sanitised`: cleans its `RICH_TEXT_FIELDS` (every language) on every save.
- `Described`: the description search engines show under the title.
- `ReviewedPage` (interventions, pages): when a practitioner last checked the facts, who,
  and the sources, listed at the page's end.
- `VerifiedPlace` (regions, places to go): when someone last checked names, numbers and
  addresses, and the sources.
- `Reachable` (help lines, places to go): a number to dial, as written, and a web address.
- `Publishable` and `PublishedQuerySet`: the one way to say and ask what visitors see.
- `GuardedModel` and `GuardedQuerySet`: the guide's parts, saved and deleted only while the
  guide keeps its safety net (services/guide/safety.py).

Abstract bases add no table: the concrete models keep the columns they always had.
"""

from typing import NamedTuple

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from .fields import NOTE_MAX_LENGTH, sanitise_rich_text
from .phones import DialNumberField, validate_phone_number


class Annotated(models.Model):
    editor_note = models.TextField(
        _("note for editors"),
        max_length=NOTE_MAX_LENGTH,
        blank=True,
        help_text=_("Never shown to visitors. Use it for facts still to verify."),
    )

    class Meta:
        abstract = True


class Sanitised(models.Model):
    """Rich text is cleaned before it is stored (services/sanitize.py)."""

    # The fields holding limited HTML; each concrete model names its own.
    RICH_TEXT_FIELDS = ()

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        sanitise_rich_text(self)
        super().save(*args, **kwargs)


class Described(models.Model):
    meta_description = models.CharField(
        _("description for search engines"),
        max_length=160,
        help_text=_("At most 160 characters. Search engines show it under the title."),
    )

    class Meta:
        abstract = True


class ReviewedPage(Annotated, Sanitised, Described):
    """A factual page: visitors read « Révisé par <name> le <date> » only when a practitioner
    is named in `reviewer_name`; otherwise « Mis à jour le <date> » (CONTENT-BRIEF-2, Part A,
    Honesty)."""

    last_reviewed = models.DateField(
        _("last checked"),
        # Empty until a Reviewer first checks the page: an Editor may draft a new one.
        null=True,
        blank=True,
        help_text=_(
            "The day this page's facts were last checked. Visitors see « Reviewed by » only "
            "when a practitioner is named below; otherwise « Updated on »."
        ),
    )
    reviewer_name = models.CharField(
        _("reviewed by"),
        max_length=120,
        blank=True,
        help_text=_(
            "Only a practitioner who really checked this page and agrees to be named. "
            "Leave empty otherwise."
        ),
    )
    reviewer_profession = models.CharField(
        _("reviewer's profession"),
        max_length=120,
        blank=True,
        help_text=_("For example: social worker (T.S.), psychologist."),
    )
    sources = models.ManyToManyField(
        "services.Source",
        blank=True,
        verbose_name=_("sources"),
        help_text=_("The references this page relies on. They are listed at its end."),
    )

    class Meta:
        abstract = True


class VerifiedPlace(Annotated, Sanitised):
    """Facts about a place (a region, a door to knock on), checked on official pages."""

    # Named like the factual pages' date so that reviews, the dashboard and `review_due`
    # treat it the same way; editors see it as « last verified ».
    last_reviewed = models.DateField(
        _("last verified"),
        # Empty until a Reviewer first checks it: an Editor may add a place or a region, whose
        # review fields they cannot fill (services/editorial/roles.py). An empty form used to
        # be a 500.
        null=True,
        blank=True,
        help_text=_(
            "The day someone last checked these names, numbers and addresses on the official "
            "pages. Shown to visitors."
        ),
    )
    sources = models.ManyToManyField(
        "services.Source",
        blank=True,
        verbose_name=_("sources"),
        help_text=_("The references these facts rely on. They are listed at the page's end."),
    )

    class Meta:
        abstract = True


class Reachable(models.Model):
    """Somewhere a visitor can call or visit: the number for the call link, the number as
    visitors read it, and the site in their language."""

    phone = DialNumberField(
        _("phone number to dial"),
        max_length=20,
        blank=True,
        validators=[validate_phone_number],
        help_text=_(
            "The number for the call link, for example 1 866 277-3553 or 811. Spaces and dashes "
            "are removed."
        ),
    )
    phone_display = models.CharField(
        _("phone number as written"),
        max_length=80,
        blank=True,
        help_text=_("How visitors read the number, for example 1 866 277-3553."),
    )
    url = models.URLField(
        _("web address"),
        max_length=500,
        blank=True,
        help_text=_("The service's site in this language, starting with https://"),
    )

    class Meta:
        abstract = True

    @staticmethod
    def dialable(digits):
        """A North American 11-digit number gets its +; short codes (911, 811) stay as is."""
        return f"+{digits}" if len(digits) == 11 and digits.startswith("1") else digits

    @property
    def tel_href(self):
        return f"tel:{self.dialable(self.phone)}" if self.phone else ""


class Publication(NamedTuple):
    """How a model says it is published: (field, its value when published, when a draft)."""

    field: str
    published: object
    draft: object


def published_q(model, path=""):
    """The filter for rows of `model` that visitors can see.

    A model with a `PUBLICATION` is seen when published; one with a `PUBLISHED_THROUGH` (a
    comparison cell: "intervention") while the row it belongs to is. `path` reaches `model`
    from another one ("question__" from an answer). Raises AttributeError for a model with
    neither.
    """
    through = getattr(model, "PUBLISHED_THROUGH", None)
    if through is not None:
        parent = model._meta.get_field(through).related_model
        return published_q(parent, f"{path}{through}__")
    publication = model.PUBLICATION
    return models.Q(**{f"{path}{publication.field}": publication.published})


class PublishedQuerySet(models.QuerySet):
    def published(self):
        """What visitors can see, in the model's own order."""
        return self.filter(published_q(self.model))


class Publishable(models.Model):
    """A row visitors see only once published; `PUBLICATION` says how (roles.py reads it)."""

    PUBLICATION: Publication

    class Meta:
        abstract = True

    @property
    def is_published(self):
        return getattr(self, self.PUBLICATION.field) == self.PUBLICATION.published

    def mark_published(self, published=True):
        """Set (not save) the publication field: published, or back to a draft."""
        publication = self.PUBLICATION
        setattr(self, publication.field, publication.published if published else publication.draft)


class GuardedQuerySet(models.QuerySet):
    """Bulk deletes keep the guide's safety net: refused whole, in a savepoint, if they
    would break it (services.guide.safety)."""

    def delete(self):
        from ..guide.safety import guarded

        with guarded():
            return super().delete()


class GuardedModel(models.Model):
    """A part of the guide: saved or deleted only if the guide keeps its safety net, and
    `clean()` says why a change would switch it off (services.guide.safety)."""

    objects = GuardedQuerySet.as_manager()

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        from ..guide.safety import guarded

        with guarded():
            super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        from ..guide.safety import guarded

        with guarded():
            return super().delete(*args, **kwargs)

    def clean(self):
        """Raises ValidationError with the reason when saving would break the safety net."""
        from ..guide.safety import change_problems

        super().clean()
        problems = change_problems(self)
        if problems:
            raise ValidationError(problems)
