"""Où aller près de chez toi / Near you: Québec's 17 administrative regions and, in each, the
doors a visitor can knock on (the public establishment, the way to mental-health services,
crisis centres, youth sites, 211).

Facts come from the research notes in `services/content/data/regions.yaml` (from
REGIONS.md): only what a source showed is published; the rest waits in `editor_note`.
Translated fields are declared in `translation.py`.
"""

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from ..languages import LANGUAGE_CODES
from .bases import Described, Reachable, VerifiedPlace
from .fields import HTML_HELP, order_field


class Region(VerifiedPlace, Described):
    """One of Québec's 17 administrative regions (01 Bas-Saint-Laurent … 17 Centre-du-Québec).

    The date it was last verified, its sources and the editors' note come from VerifiedPlace.
    """

    key = models.SlugField(max_length=40, unique=True, editable=False)
    code = models.CharField(
        _("region number"),
        max_length=2,
        unique=True,
        help_text=_("The official two-digit number of the administrative region, e.g. 06."),
    )
    order = order_field()
    reviewer_name = models.CharField(
        _("verified by"),
        max_length=120,
        blank=True,
        help_text=_("Who last checked this region's information, as shown to visitors."),
    )

    name = models.CharField(
        _("name"), max_length=120, help_text=_("The region's official name in this language.")
    )
    slug = models.SlugField(
        _("address (slug)"),
        max_length=120,
        help_text=_("The end of the page's web address: lowercase letters, digits and hyphens."),
    )
    intro = models.TextField(
        _("introduction"), help_text=_("One or two plain sentences at the top of the page.")
    )
    body = models.TextField(
        _("more about this region"),
        blank=True,
        help_text=HTML_HELP,
    )

    updated_at = models.DateTimeField(auto_now=True)

    RICH_TEXT_FIELDS = ("body",)

    class Meta:
        ordering = ["order", "code"]
        verbose_name = _("region")
        verbose_name_plural = _("regions")
        constraints = [
            models.UniqueConstraint(fields=[f"slug_{code}"], name=f"unique_region_slug_{code}")
            for code in LANGUAGE_CODES
        ]
        permissions = [("review_region", _("Can mark a region as verified"))]

    def __str__(self):
        return f"{self.code} {self.name}"

    def get_absolute_url(self):
        """The region's page in the active language."""
        return reverse("services:region", kwargs={"slug": self.slug})


class AccessPointQuerySet(models.QuerySet):
    def for_region(self, region):
        """The region's own points and those that serve all of Québec, regional ones first."""
        return (
            self.filter(models.Q(region=region) | models.Q(region__isnull=True))
            .order_by(models.F("region").asc(nulls_last=True), "order", "pk")
            .prefetch_related("sources")
        )


class AccessPoint(VerifiedPlace, Reachable):
    """A door in a region (or, with no region, everywhere in Québec).

    The date it was last verified, its sources and the editors' note come from VerifiedPlace;
    its number to dial, as written, and its site from Reachable.
    """

    class Kind(models.TextChoices):
        ESTABLISHMENT = "establishment", _("Public establishment (CISSS, CIUSSS)")
        ACCESS = "access", _("Getting mental-health services")
        CRISIS = "crisis", _("Crisis centre")
        YOUTH = "youth", _("Youth 12–25 (Aire ouverte)")
        COMMUNITY = "community", _("Community resources (211)")

    key = models.SlugField(max_length=60, unique=True, editable=False)
    region = models.ForeignKey(
        Region,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="access_points",
        verbose_name=_("region"),
        help_text=_("Leave empty for a door that serves all of Québec: it shows on every region."),
    )
    kind = models.CharField(
        _("kind"),
        max_length=20,
        choices=Kind.choices,
        help_text=_("Decides the section of the region's page where it appears."),
    )
    order = order_field()

    name = models.CharField(
        _("name"), max_length=200, help_text=_("The name as the organisation writes it.")
    )
    territory = models.CharField(
        _("territory served"),
        max_length=300,
        blank=True,
        help_text=_("Where it serves, when it is not the whole region. Leave empty otherwise."),
    )
    description = models.TextField(
        _("description"), help_text=_("Plain sentences: who it is for and how to reach it.")
    )
    address = models.CharField(
        _("address"),
        max_length=200,
        blank=True,
        help_text=_("Street address, only if a source shows it."),
    )

    objects = AccessPointQuerySet.as_manager()

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = _("place to go")
        verbose_name_plural = _("places to go")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        if self.region_id is None:
            return reverse("services:near_you")
        return self.region.get_absolute_url()
