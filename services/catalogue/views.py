"""Public pages. Each reads published content only and is served from the page cache.

Their queries are in services/catalogue/selectors.py, kept per content version (render_memo), so an
uncached page renders its template without asking the database again."""

from django.conf import settings
from django.db.models import Q
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import get_language

from orientation_site.page_cache import is_editor_request, public_page
from services.models import Family, Intervention, Page

from . import selectors
from .collation import LETTERS


def get_page(request, key):
    """The Page of `key` (selectors.page), or 404."""
    found = selectors.page(request, key)
    if found is None:
        raise Http404
    return found


def by_family(interventions):
    """[(family value, family label, [interventions])], support first."""
    return [
        (value, label, [i for i in interventions if i.family == value])
        for value, label in Family.choices
    ]


@public_page
def home(request):
    context = {
        "page": get_page(request, Page.Key.HOME),
        "families": by_family(selectors.published_interventions(request)),
        "next_questions": selectors.next_questions(request),
    }
    return TemplateResponse(request, "services/home.html", context)


@public_page
def intervention_list(request):
    context = {
        "page": get_page(request, Page.Key.SERVICES),
        "families": by_family(selectors.published_interventions(request)),
    }
    return TemplateResponse(request, "services/intervention_list.html", context)


def can_preview(request):
    """Staff who may edit interventions see drafts on their real address.

    Only asked when a visitor's lookup failed and a session cookie is present, so public
    pages never read the session. A draft is never memoised: an editor's request neither
    reads nor fills a memo (render_memo.memo_allowed).
    """
    return is_editor_request(request) and request.user.has_perm("services.view_intervention")


@public_page
def intervention_detail(request, slug):
    intervention = selectors.published_intervention(request, slug)
    preview = False
    if intervention is None and can_preview(request):
        intervention = Intervention.objects.filter(slug=slug).prefetch_related("sources").first()
        preview = intervention is not None
    if intervention is None:
        # A slug from the other language: send the visitor to this language's page.
        published = Intervention.objects.published()
        other = published.filter(Q(slug_fr=slug) | Q(slug_en=slug)).first()
        if other is not None:
            return redirect(other.get_absolute_url(), permanent=True)
        raise Http404
    section_pages, glance_pages = selectors.related_pages(request)
    published = selectors.published_interventions(request)
    context = {
        "intervention": intervention,
        "preview": preview,
        "others": [i for i in published if i.pk != intervention.pk],
        "section_pages": section_pages,
        "glance_pages": glance_pages,
        "alternates": selectors.object_alternates(request, intervention),
        "json_ld": selectors.intervention_json_ld(request, intervention),
    }
    return TemplateResponse(request, "services/intervention_detail.html", context)


@public_page
def compare(request):
    # Psychotherapy's column first, beside the row labels: the page's title promises it,
    # and on a wide screen it stays in view while the support types scroll past it.
    interventions = selectors.psychotherapy_first(request)
    context = {
        "page": get_page(request, Page.Key.COMPARE),
        "families": by_family(interventions),
        "interventions": interventions,
        "rows": selectors.comparison_rows(request, interventions),
    }
    return TemplateResponse(request, "services/compare.html", context)


@public_page
def resources(request):
    context = {
        "page": get_page(request, Page.Key.RESOURCES),
        "kinds": selectors.resource_kinds(request),
        "next_questions": selectors.next_questions(request),
    }
    return TemplateResponse(request, "services/resources.html", context)


@public_page
def glossary(request):
    groups = selectors.glossary_groups(request)
    present = {letter for letter, _terms in groups}
    context = {
        "page": get_page(request, Page.Key.GLOSSARY),
        "groups": groups,
        "index": [(letter, letter in present) for letter in LETTERS],
    }
    return TemplateResponse(request, "services/glossary.html", context)


@public_page
def text_page(request, key, template=None):
    """About, privacy and the practical pages: made of their editable text.

    `template` (a path) adds what a page shows beyond its text; None: the plain text page.
    """
    context = {
        "page": get_page(request, key),
        "next_questions": selectors.next_questions(request),
    }
    if key == Page.Key.PRIVACY:
        context.update(privacy_context())
    return TemplateResponse(request, template or "services/text_page.html", context)


def privacy_context():
    """What the privacy page states from settings (Québec's Law 25: who answers, how long)."""
    language = get_language()
    return {
        "privacy_officer": {
            "title": settings.PRIVACY_OFFICER_TITLE.get(language, ""),
            "email": settings.PRIVACY_OFFICER_EMAIL,
        },
        "login_record_days": settings.LOGIN_RECORD_DAYS,
        "server_log_days": settings.SERVER_LOG_DAYS,
    }
