from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from .models import Intervention, Page


class BilingualSitemap(Sitemap):
    """Each item in French and English, each listing the other as its alternate."""

    i18n = True
    alternates = True
    x_default = True
    changefreq = "monthly"


class PageSitemap(BilingualSitemap):
    def items(self):
        # Every fixed page (one declaration: Page.URL_NAMES), and the guide.
        return [*Page.URL_NAMES.values(), "services:guide"]

    def location(self, item):
        return reverse(item)


class InterventionSitemap(BilingualSitemap):
    def items(self):
        return Intervention.objects.published()

    def lastmod(self, intervention):
        return intervention.updated_at
