"""sitemap.xml: every public page in French and English, each naming the other and x-default.

Every address it lists answers 200 directly (no redirect), and says what the pages' own
`<link rel="alternate">` say: x-default is the French page, with its /fr/ prefix.
"""

from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from services.models import PAGES, Intervention
from services.models.pages import url_name


class BilingualSitemap(Sitemap):
    """Each item in French and English, each listing the other as its alternate."""

    i18n = True
    alternates = True
    # Django's own x-default strips the language prefix (/services/), an address that
    # redirects or is not found here: get_urls adds the right one instead.
    x_default = False
    changefreq = "monthly"

    def get_protocol(self, protocol=None):
        if settings.PUBLIC_URL:
            return urlsplit(settings.PUBLIC_URL).scheme
        return super().get_protocol(protocol)

    def get_domain(self, site=None):
        if settings.PUBLIC_URL:
            return urlsplit(settings.PUBLIC_URL).netloc
        return super().get_domain(site)

    def get_urls(self, page=1, site=None, protocol=None):
        urls = super().get_urls(page=page, site=site, protocol=protocol)
        for url in urls:
            default = [
                alternate["location"]
                for alternate in url["alternates"]
                if alternate["lang_code"] == settings.LANGUAGE_CODE
            ]
            if default:
                url["alternates"].append({"location": default[0], "lang_code": "x-default"})
        return urls


class PageSitemap(BilingualSitemap):
    def items(self):
        # Every fixed page the registry lists (services/models/pages.py), and the guide.
        return [*(url_name(page.key) for page in PAGES if page.in_sitemap), "services:guide"]

    def location(self, item):
        return reverse(item)


class InterventionSitemap(BilingualSitemap):
    def items(self):
        return Intervention.objects.published()

    def lastmod(self, intervention):
        return intervention.updated_at
