"""The public references the content relies on, cited at the end of factual pages."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Source(models.Model):
    """A public reference the content relies on."""

    key = models.SlugField(max_length=40, unique=True, editable=False)
    title = models.CharField(
        _("title"),
        max_length=300,
        help_text=_("The document's title, in its own language. Do not translate it."),
    )
    language = models.CharField(
        _("language of the source"),
        max_length=2,
        choices=[("fr", _("French")), ("en", _("English"))],
        help_text=_("Lets screen readers pronounce the title correctly."),
    )
    publisher = models.CharField(
        _("publisher"), max_length=200, help_text=_("Who published it: an order, a ministry…")
    )
    url = models.URLField(
        _("web address"),
        max_length=500,
        help_text=_("The page's full address, starting with https://"),
    )
    consulted = models.DateField(
        _("date consulted"), help_text=_("The day someone last read this page to check it.")
    )

    class Meta:
        ordering = ["publisher", "title"]
        verbose_name = _("source")
        verbose_name_plural = _("sources")

    def __str__(self):
        return f"{self.title} — {self.publisher}"
