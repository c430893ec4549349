from django.urls import path
from django.utils.translation import gettext_lazy as _

from orientation_site.quick_exit import quick_exit

from .catalogue import compare_pair, views
from .guide import views as guide_views
from .models import Page
from .near_you import views as near_you

app_name = "services"

# Pages made only of their editable text: (URL segment, page key, URL name, template).
TEXT_PAGES = [
    (_("about/"), Page.Key.ABOUT, "about", "services/about.html"),
    (_("privacy/"), Page.Key.PRIVACY, "privacy", "services/privacy.html"),
    (_("while-you-wait/"), Page.Key.WHILE_YOU_WAIT, "while_you_wait", None),
    (_("first-appointment/"), Page.Key.FIRST_APPOINTMENT, "first_appointment", None),
    (_("costs-and-coverage/"), Page.Key.COSTS, "costs", None),
    (_("check-a-practitioner/"), Page.Key.CHECK_PRACTITIONER, "check_practitioner", None),
    (_("youth-and-parents/"), Page.Key.YOUTH_PARENTS, "youth_parents", None),
    (_("outside-quebec/"), Page.Key.OUTSIDE_QUEBEC, "outside_quebec", None),
    (_("urgent-help/"), Page.Key.URGENT_HELP, "urgent_help", None),
    (_("worried-about-someone/"), Page.Key.WORRIED, "worried", None),
]

# Translators: URL segments. Lowercase ASCII letters, digits and hyphens only; keep the slash.
urlpatterns = [
    path("", views.home, name="home"),
    path(_("services/"), views.intervention_list, name="interventions"),
    path(_("services/<slug:slug>/"), views.intervention_detail, name="intervention"),
    path(_("compare/"), views.compare, name="compare"),
    path(_("compare/choose/"), compare_pair.choose, name="compare_choose"),
    path(
        _("compare/<slug:first>/<slug:second>/"),
        compare_pair.compare_pair,
        name="compare_pair",
    ),
    path(_("which-service/"), guide_views.guide_view, name="guide"),
    path(_("exit/"), quick_exit, name="quick_exit"),
    path(_("resources/"), views.resources, name="resources"),
    path(_("near-you/"), near_you.region_list, name="near_you"),
    path(_("near-you/<slug:slug>/"), near_you.region_detail, name="region"),
    path(_("glossary/"), views.glossary, name="glossary"),
] + [
    path(segment, views.text_page, {"key": key, "template": template}, name=name)
    for segment, key, name, template in TEXT_PAGES
]
