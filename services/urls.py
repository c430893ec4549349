from django.urls import path
from django.utils.translation import gettext_lazy as _

from orientation_site.quick_exit import quick_exit

from .catalogue import compare_pair, views
from .guide import views as guide_views
from .models import PAGES
from .near_you import views as near_you

app_name = "services"

# The fixed pages' own views, by page key; every other fixed page is made of its editable
# text (views.text_page). Segments, names and templates: the registry, services/models/pages.py.
OWN_VIEWS = {
    "home": views.home,
    "services": views.intervention_list,
    "compare": views.compare,
    "resources": views.resources,
    "glossary": views.glossary,
}


def page_path(page):
    """The URL pattern of one fixed page of the registry."""
    if page.own_view:
        return path(page.segment, OWN_VIEWS[page.key], name=page.url_name)
    kwargs = {"key": page.key, "template": page.template}
    return path(page.segment, views.text_page, kwargs, name=page.url_name)


# Translators: URL segments. Lowercase ASCII letters, digits and hyphens only; keep the slash.
urlpatterns = [page_path(page) for page in PAGES] + [
    path(_("services/<slug:slug>/"), views.intervention_detail, name="intervention"),
    path(_("compare/choose/"), compare_pair.choose, name="compare_choose"),
    path(
        _("compare/<slug:first>/<slug:second>/"),
        compare_pair.compare_pair,
        name="compare_pair",
    ),
    path(_("which-service/"), guide_views.guide_view, name="guide"),
    path(_("exit/"), quick_exit, name="quick_exit"),
    path(_("near-you/"), near_you.region_list, name="near_you"),
    path(_("near-you/<slug:slug>/"), near_you.region_detail, name="region"),
]
