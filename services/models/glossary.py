"""The glossary: terms and acronyms, each in both languages. Translated fields are declared
in `translation.py`."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from .bases import Annotated
from .fields import PARAGRAPH_MAX_LENGTH


class GlossaryTerm(Annotated):
    """A term or acronym; acronyms differ by language (TAG / GAD)."""

    key = models.SlugField(max_length=40, unique=True, editable=False)
    term = models.CharField(
        _("term"), max_length=120, help_text=_("The word or acronym as used in this language.")
    )
    expansion = models.CharField(
        _("full form"),
        max_length=200,
        blank=True,
        help_text=_("What the acronym stands for. Leave empty if it is not an acronym."),
    )
    definition = models.TextField(
        _("definition"),
        max_length=PARAGRAPH_MAX_LENGTH,
        help_text=_("One or two plain sentences."),
    )

    class Meta:
        ordering = ["term"]
        verbose_name = _("glossary term")
        verbose_name_plural = _("glossary terms")

    def __str__(self):
        return self.term
