from django.urls import path
from django.utils.translation import gettext_lazy as _

from . import views
from .guide import views as guide_views
from .models import Page
from .quick_exit import quick_exit

app_name = "services"

# Translators: URL segments. Lowercase ASCII letters, digits and hyphens only; keep the slash.
urlpatterns = [
    path("", views.home, name="home"),
    path(_("services/"), views.intervention_list, name="interventions"),
    path(_("services/<slug:slug>/"), views.intervention_detail, name="intervention"),
    path(_("compare/"), views.compare, name="compare"),
    path(_("which-service/"), guide_views.guide_view, name="guide"),
    path(_("exit/"), quick_exit, name="quick_exit"),
    path(_("resources/"), views.resources, name="resources"),
    path(_("glossary/"), views.glossary, name="glossary"),
    path(_("about/"), views.text_page, {"key": Page.Key.ABOUT}, name="about"),
    path(_("privacy/"), views.text_page, {"key": Page.Key.PRIVACY}, name="privacy"),
    path(
        _("worried-about-someone/"),
        views.text_page,
        {"key": Page.Key.WORRIED},
        name="worried",
    ),
]
