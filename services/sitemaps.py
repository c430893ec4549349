from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from .models import Intervention


class PageSitemap(Sitemap):
    """The fixed pages, in both languages, each with its alternates."""

    i18n = True
    alternates = True
    x_default = True
    changefreq = "monthly"

    def items(self):
        return [
            "services:home",
            "services:interventions",
            "services:compare",
            "services:guide",
            "services:resources",
            "services:glossary",
            "services:about",
            "services:privacy",
        ]

    def location(self, item):
        return reverse(item)


class InterventionSitemap(Sitemap):
    i18n = True
    alternates = True
    x_default = True
    changefreq = "monthly"

    def items(self):
        return Intervention.objects.published()

    def lastmod(self, intervention):
        return intervention.updated_at
