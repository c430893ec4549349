"""What visitors read about each kind of help: the interventions, their sections, and the
comparison table (criteria × interventions). Help lines, the glossary, sources and the fixed
pages have their own modules; `services.models` re-exports them all.

Translated fields (French and English) are declared in `translation.py`; the field defined
here is the one modeltranslation reads in the active language.
"""

from typing import NamedTuple

from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from ..languages import LANGUAGE_CODES
from .bases import Annotated, Publication, Publishable, PublishedQuerySet, ReviewedPage
from .fields import PARAGRAPH_MAX_LENGTH, order_field, rich_text_field


class Section(NamedTuple):
    """One section of an intervention's page: a rich-text field, translated.

    `label` names the field for editors, `heading` titles it for visitors, `question` asks
    it in the page's structured data (`%(name)s`: the intervention's name), and `pages` are
    the practical pages (keys of Page.Key) that answer the next question it raises.
    """

    field: str
    label: Promise
    heading: Promise
    question: Promise
    pages: tuple = ()


# The one declaration of an intervention's sections, in reading order: the model's fields,
# RICH_TEXT_FIELDS, translation.py, the admin's fieldsets and the JSON-LD derive from it.
SECTIONS = (
    Section("what_it_is", _("what it is"), _("What it is"), _("What is %(name)s?")),
    Section(
        "providers",
        _("who provides it"),
        _("Who provides it"),
        _("Who provides %(name)s?"),
        pages=("check-practitioner",),
    ),
    Section(
        "when_to_consider",
        _("when it can help"),
        _("When it can help"),
        _("When can %(name)s help?"),
    ),
    Section("not_this", _("what it is not"), _("What it is not"), _("What is %(name)s not?")),
    Section(
        "duration",
        _("how long it lasts"),
        _("How long it lasts"),
        _("How long does %(name)s last?"),
    ),
    Section(
        "where_to_find",
        _("where to find it"),
        _("Where to find it"),
        _("Where can I find %(name)s?"),
        pages=("first-appointment", "while-you-wait"),
    ),
    Section(
        "cost",
        _("cost and insurance"),
        _("Cost and insurance"),
        _("What does %(name)s cost?"),
        pages=("costs",),
    ),
)


class Family(models.TextChoices):
    SUPPORT = "support", _("Psychosocial support")
    PSYCHOTHERAPY = "psychotherapy", _("Psychotherapy")


class InterventionQuerySet(PublishedQuerySet):
    def in_family(self, family):
        return self.filter(family=family)


class Intervention(Publishable, ReviewedPage):
    """One kind of service: crisis intervention, coaching, psychotherapy…

    Its sections' rich-text fields (`what_it_is`, `providers`…) are added from SECTIONS below
    the class; the review fields, sources, description and editors' note come from
    ReviewedPage.
    """

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft (hidden from visitors)")
        PUBLISHED = "published", _("Published")

    key = models.SlugField(max_length=40, unique=True, editable=False)
    family = models.CharField(
        _("family"),
        max_length=20,
        choices=Family.choices,
        help_text=_("Psychotherapy is a treatment reserved by law; everything else is support."),
    )
    reserved = models.BooleanField(
        _("reserved activity"),
        default=False,
        help_text=_("Tick if Québec law reserves this activity to certain professionals."),
    )
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=Status.choices,
        default=Status.DRAFT,
        help_text=_("Only published pages are shown to visitors."),
    )
    order = order_field()

    name = models.CharField(
        _("name"), max_length=120, help_text=_("The name visitors see, as in everyday speech.")
    )
    slug = models.SlugField(
        _("address (slug)"),
        max_length=120,
        help_text=_("The end of the page's web address: lowercase letters, digits and hyphens."),
    )
    summary = models.TextField(
        _("summary"),
        max_length=PARAGRAPH_MAX_LENGTH,
        help_text=_("One or two plain sentences, shown in lists."),
    )

    updated_at = models.DateTimeField(auto_now=True)

    objects = InterventionQuerySet.as_manager()

    PUBLICATION = Publication("status", Status.PUBLISHED, Status.DRAFT)
    SECTIONS = SECTIONS
    RICH_TEXT_FIELDS = tuple(section.field for section in SECTIONS)
    # Practical pages that answer the next question a section raises (keys of Page.Key).
    SECTION_PAGES = {section.field: list(section.pages) for section in SECTIONS if section.pages}
    # The same, beside the "At a glance" answers (keys of Criterion): where to go, what it
    # costs and how to wait are asked there first.
    GLANCE_PAGES = {
        "providers": ["check-practitioner"],
        "access": ["costs", "first-appointment", "while-you-wait"],
    }

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = _("intervention")
        verbose_name_plural = _("interventions")
        # One address per language (slug_fr, slug_en come from translation.py). Declared
        # here rather than as unique=True so that the history tables do not inherit it.
        constraints = [
            models.UniqueConstraint(fields=[f"slug_{code}"], name=f"unique_slug_{code}")
            for code in LANGUAGE_CODES
        ]
        permissions = [
            # Publishing, unpublishing and deleting published content of any kind: a Reviewer's
            # act (services/editorial/roles.py). Declared here because a permission needs a model.
            ("publish_content", _("Can publish, unpublish or delete published content")),
            ("review_intervention", _("Can mark an intervention as reviewed")),
        ]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        """Cleaned rich text; refused if unpublishing it would break a guide rule."""
        from ..guide.safety import guarded

        with guarded():
            super().save(*args, **kwargs)

    def get_absolute_url(self):
        """The page's address in the active language."""
        return reverse("services:intervention", kwargs={"slug": self.slug})

    def clean(self):
        """A kind of help that a guide rule names stays published. Raises ValidationError."""
        super().clean()
        if self.pk and not self.is_published and self.guide_rules.filter(kind="always").exists():
            raise ValidationError(
                {
                    "status": _(
                        "The guide's safety rules name this kind of help: change those rules "
                        "before unpublishing it."
                    )
                }
            )

    def sections(self):
        """[(field name, heading, text in the active language)], in reading order."""
        return [
            (section.field, section.heading, getattr(self, section.field))
            for section in self.SECTIONS
        ]


# One rich-text field per section, in reading order.
for _section in SECTIONS:
    Intervention.add_to_class(_section.field, rich_text_field(_section.label))


class Criterion(Annotated):
    """A row of the comparison table: who provides it, is a diagnosis needed…"""

    key = models.SlugField(max_length=40, unique=True, editable=False)
    order = order_field()
    label = models.CharField(
        _("row heading"),
        max_length=120,
        help_text=_("A short question or topic, for example Cost."),
    )
    help = models.CharField(
        _("explanation"), max_length=300, help_text=_("One plain sentence about this row.")
    )

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = _("comparison criterion")
        verbose_name_plural = _("comparison criteria")

    def __str__(self):
        return self.label


class ComparisonCell(models.Model):
    """One cell of the comparison table: how an intervention answers a criterion."""

    # Seen by visitors while its intervention is published (published_q).
    PUBLISHED_THROUGH = "intervention"

    criterion = models.ForeignKey(
        Criterion,
        on_delete=models.CASCADE,
        related_name="cells",
        verbose_name=_("criterion"),
        help_text=_("The row of the comparison table."),
    )
    intervention = models.ForeignKey(
        Intervention,
        on_delete=models.CASCADE,
        related_name="cells",
        verbose_name=_("intervention"),
        help_text=_("The column of the comparison table."),
    )
    text = models.CharField(
        _("cell"), max_length=300, help_text=_("A few plain words; it must fit on a phone.")
    )

    objects = PublishedQuerySet.as_manager()

    class Meta:
        ordering = ["criterion__order", "intervention__order"]
        constraints = [
            models.UniqueConstraint(fields=["criterion", "intervention"], name="one_cell_per_pair")
        ]
        verbose_name = _("comparison cell")
        verbose_name_plural = _("comparison cells")

    def __str__(self):
        return f"{self.criterion} — {self.intervention}"
