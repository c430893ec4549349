"""The region list and every region page, in both languages with hreflang alternates."""

from django.urls import reverse

from services.catalogue.sitemaps import BilingualSitemap

from ..models import Region


class RegionSitemap(BilingualSitemap):
    def items(self):
        return [None, *Region.objects.all()]

    def location(self, item):
        return reverse("services:near_you") if item is None else item.get_absolute_url()

    def lastmod(self, item):
        return None if item is None else item.updated_at
