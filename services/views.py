"""Public pages. Each reads published content only and is served from the page cache.

Their queries are in services/selectors.py, kept per content version (render_memo), so an
uncached page renders its template without asking the database again."""

from django.conf import settings
from django.db import connection
from django.db.models import Q
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.template.response import TemplateResponse
from django.templatetags.static import static
from django.utils.translation import get_language
from django.views.decorators.cache import never_cache

from . import selectors
from .collation import LETTERS
from .languages import home_urls
from .models import Family, Intervention, Page
from .page_cache import is_editor_request, public_page


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


@never_cache
def healthz(request):
    """For load balancers: the app answers and reaches its database."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except Exception:
        return HttpResponse("database unavailable\n", status=503, content_type="text/plain")
    return HttpResponse("ok\n", content_type="text/plain")


def favicon(request):
    """Browsers ask for /favicon.ico on their own: point them at the site's icon."""
    return redirect(static("img/favicon.svg"), permanent=True)


def page_not_found(request, exception):
    return render(request, "404.html", {"alternates": home_urls()}, status=404)


def bad_request(request, exception):
    return render(request, "400.html", {"alternates": home_urls()}, status=400)
