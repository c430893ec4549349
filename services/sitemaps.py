from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from .models import Intervention


class BilingualSitemap(Sitemap):
    """Each item in French and English, each listing the other as its alternate."""

    i18n = True
    alternates = True
    x_default = True
    changefreq = "monthly"


class PageSitemap(BilingualSitemap):
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
            "services:worried",
        ]

    def location(self, item):
        return reverse(item)


class InterventionSitemap(BilingualSitemap):
    def items(self):
        return Intervention.objects.published()

    def lastmod(self, intervention):
        return intervention.updated_at
