"""Help lines and directories: the help bar on every page, the help-lines page and the
guide's crisis block. Translated fields are declared in `translation.py`."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from .bases import Annotated, Reachable
from .fields import PARAGRAPH_MAX_LENGTH, order_field
from .phones import DialNumberField, validate_text_number


class Resource(Annotated, Reachable):
    """A help line or a directory. Its number to dial, as written, and its site: Reachable."""

    class Kind(models.TextChoices):
        EMERGENCY = "emergency", _("Emergency")
        CRISIS = "crisis", _("Crisis lines, day and night")
        SUPPORT = "support", _("Listening and support")
        YOUTH = "youth", _("Young people and parents")
        GROUPS = "groups", _("For specific people and situations")
        DIRECTORY = "directory", _("Directories of professionals")

    key = models.SlugField(max_length=40, unique=True, editable=False)
    kind = models.CharField(
        _("kind"),
        max_length=20,
        choices=Kind.choices,
        help_text=_("Decides the section of the help-lines page where it appears."),
    )
    order = order_field()
    in_header = models.BooleanField(
        _("shown on every page"),
        default=False,
        help_text=_("Tick to show it in the help bar at the top of every page."),
    )
    in_crisis_block = models.BooleanField(
        _("in the guide's crisis block"),
        default=False,
        help_text=_(
            "Tick to list it, after the lines a safety rule shows first, whenever a visitor "
            "gives an answer that may mean danger."
        ),
    )
    text_number = DialNumberField(
        _("number to text"),
        max_length=20,
        blank=True,
        validators=[validate_text_number],
        help_text=_("For the text-message link, for example 535353. Leave empty if none."),
    )
    name = models.CharField(
        _("name"), max_length=150, help_text=_("The service's name, as it presents itself.")
    )
    header_number = models.CharField(
        _("number in the help bar"),
        max_length=40,
        blank=True,
        help_text=_("Short, as people say it, for example 1 866 APPELLE."),
    )
    header_label = models.CharField(
        _("label in the help bar"),
        max_length=60,
        blank=True,
        help_text=_("Two or three words, for example Suicide prevention."),
    )
    description = models.TextField(
        _("description"),
        max_length=PARAGRAPH_MAX_LENGTH,
        help_text=_("Who it is for and what happens when you reach out."),
    )
    hours = models.CharField(
        _("hours"),
        max_length=150,
        blank=True,
        help_text=_("When it answers, and whether it is free."),
    )
    text_display = models.CharField(
        _("text number as written"),
        max_length=80,
        blank=True,
        help_text=_("How visitors read the text number, for example 535353."),
    )

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = _("help line or directory")
        verbose_name_plural = _("help lines and directories")

    def __str__(self):
        return self.name

    @property
    def sms_href(self):
        return f"sms:{self.dialable(self.text_number)}" if self.text_number else ""
