from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path
from django.views.generic import TemplateView

from orientation_site import views
from services.catalogue.sitemaps import InterventionSitemap, PageSitemap
from services.near_you.sitemaps import RegionSitemap

sitemaps = {"pages": PageSitemap, "interventions": InterventionSitemap, "regions": RegionSitemap}

# Outside the language prefix: machinery that has no language.
urlpatterns = [
    path("admin/", admin.site.urls),
    path("healthz", views.healthz, name="healthz"),
    path("favicon.ico", views.favicon),
    path(
        "sitemap.xml",
        sitemap,
        {"sitemaps": sitemaps},
        name="django.contrib.sitemaps.views.sitemap",
    ),
    path(
        "robots.txt",
        TemplateView.as_view(template_name="robots.txt", content_type="text/plain"),
        name="robots",
    ),
]

# The public pages, under /fr/ and /en/ with translated path segments.
urlpatterns += i18n_patterns(path("", include("services.urls")))

handler400 = "orientation_site.views.bad_request"
handler404 = "orientation_site.views.page_not_found"
