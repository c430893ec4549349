from django.urls import path
from django.utils.translation import gettext_lazy as _

from . import views
from .models import Page
from .near_you import views as near_you

app_name = "services"

# Translators: URL segments. Lowercase ASCII letters, digits and hyphens only; keep the slash.
urlpatterns = [
    path("", views.home, name="home"),
    path(_("services/"), views.intervention_list, name="interventions"),
    path(_("services/<slug:slug>/"), views.intervention_detail, name="intervention"),
    path(_("compare/"), views.compare, name="compare"),
    path(_("which-service/"), views.guide_view, name="guide"),
    path(_("resources/"), views.resources, name="resources"),
    path(_("near-you/"), near_you.region_list, name="near_you"),
    path(_("near-you/<slug:slug>/"), near_you.region_detail, name="region"),
    path(_("glossary/"), views.glossary, name="glossary"),
    path(_("about/"), views.text_page, {"key": Page.Key.ABOUT}, name="about"),
    path(_("privacy/"), views.text_page, {"key": Page.Key.PRIVACY}, name="privacy"),
]
