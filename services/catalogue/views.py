"""Public pages. Each reads published content only and is served from the page cache."""

from django.conf import settings
from django.db.models import Prefetch, Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import get_language

from orientation_site.page_cache import is_editor_request, public_page
from services.languages import object_urls
from services.models import (
    ComparisonCell,
    Criterion,
    Family,
    GlossaryTerm,
    Intervention,
    Page,
    Resource,
)

from .collation import LETTERS, by_initial
from .structured_data import intervention_json_ld


def get_page(key):
    return get_object_or_404(Page.objects.prefetch_related("sources"), key=key)


def by_family(interventions):
    """[(family value, family label, [interventions])], support first."""
    return [
        (value, label, [i for i in interventions if i.family == value])
        for value, label in Family.choices
    ]


@public_page
def home(request):
    interventions = list(Intervention.objects.published())
    context = {
        "page": get_page(Page.Key.HOME),
        "families": by_family(interventions),
        "next_questions": next_questions(),
    }
    return TemplateResponse(request, "services/home.html", context)


@public_page
def intervention_list(request):
    interventions = list(Intervention.objects.published())
    context = {"page": get_page(Page.Key.SERVICES), "families": by_family(interventions)}
    return TemplateResponse(request, "services/intervention_list.html", context)


def can_preview(request):
    """Staff who may edit interventions see drafts on their real address.

    Only asked when a visitor's lookup failed and a session cookie is present, so public
    pages never read the session.
    """
    return is_editor_request(request) and request.user.has_perm("services.view_intervention")


def related_pages(*mappings):
    """For each {place: [Page key]} mapping, {place: [Page]}: the practical pages linked
    from an intervention's sections and "At a glance" rows (one query for all)."""
    wanted = {key for mapping in mappings for keys in mapping.values() for key in keys}
    pages = {p.key: p for p in Page.objects.filter(key__in=wanted)}
    return [
        {place: [pages[key] for key in keys if key in pages] for place, keys in mapping.items()}
        for mapping in mappings
    ]


@public_page
def intervention_detail(request, slug):
    published = Intervention.objects.published()
    intervention = (
        published.filter(slug=slug)
        .prefetch_related(
            "sources",
            Prefetch("cells", queryset=ComparisonCell.objects.select_related("criterion")),
        )
        .first()
    )
    preview = False
    if intervention is None and can_preview(request):
        intervention = Intervention.objects.filter(slug=slug).prefetch_related("sources").first()
        preview = intervention is not None
    if intervention is None:
        # A slug from the other language: send the visitor to this language's page.
        other = published.filter(Q(slug_fr=slug) | Q(slug_en=slug)).first()
        if other is not None:
            return redirect(other.get_absolute_url(), permanent=True)
        raise Http404
    section_pages, glance_pages = related_pages(
        Intervention.SECTION_PAGES, Intervention.GLANCE_PAGES
    )
    context = {
        "intervention": intervention,
        "preview": preview,
        "others": [i for i in published if i.pk != intervention.pk],
        "section_pages": section_pages,
        "glance_pages": glance_pages,
        "alternates": object_urls(intervention),
        "json_ld": intervention_json_ld(request, intervention),
    }
    return TemplateResponse(request, "services/intervention_detail.html", context)


@public_page
def compare(request):
    # Psychotherapy's column first, beside the row labels: the page's title promises it,
    # and on a wide screen it stays in view while the support types scroll past it.
    interventions = sorted(
        Intervention.objects.published(), key=lambda i: i.family != Family.PSYCHOTHERAPY
    )
    criteria = Criterion.objects.prefetch_related(
        Prefetch("cells", queryset=ComparisonCell.objects.published())
    )
    rows = []
    for criterion in criteria:
        cells = {cell.intervention_id: cell for cell in criterion.cells.all()}
        rows.append((criterion, [cells.get(i.pk) for i in interventions]))
    context = {
        "page": get_page(Page.Key.COMPARE),
        "families": by_family(interventions),
        "interventions": interventions,
        "rows": rows,
    }
    return TemplateResponse(request, "services/compare.html", context)


@public_page
def resources(request):
    all_resources = list(Resource.objects.all())
    kinds = [
        (value, label, [r for r in all_resources if r.kind == value])
        for value, label in Resource.Kind.choices
    ]
    context = {
        "page": get_page(Page.Key.RESOURCES),
        "kinds": [k for k in kinds if k[2]],
        "next_questions": next_questions(),
    }
    return TemplateResponse(request, "services/resources.html", context)


@public_page
def glossary(request):
    groups = by_initial(GlossaryTerm.objects.all(), text_of=lambda term: term.term)
    present = {letter for letter, _terms in groups}
    context = {
        "page": get_page(Page.Key.GLOSSARY),
        "groups": groups,
        "index": [(letter, letter in present) for letter in LETTERS],
    }
    return TemplateResponse(request, "services/glossary.html", context)


def next_questions():
    """The pages that answer a visitor's next question, in their declared order (one query)."""
    pages = {p.key: p for p in Page.objects.filter(key__in=Page.NEXT_QUESTIONS)}
    return [pages[key] for key in Page.NEXT_QUESTIONS if key in pages]


@public_page
def text_page(request, key, template=None):
    """About, privacy and the practical pages: made of their editable text.

    `template` (a path) adds what a page shows beyond its text; None: the plain text page.
    """
    context = {"page": get_page(key), "next_questions": next_questions()}
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
