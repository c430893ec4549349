"""« Compare two »: two kinds of help side by side, a table that fits a phone's width.

The picker is a plain GET form (it works without JavaScript). Its answer is not a page: the
page cache ignores query strings (orientation_site/page_cache.py), so `choose` only checks the two
slugs and redirects to the pair's own address, /fr/comparer/<a>/<b>/, which is cached like
any public page. Unknown or identical slugs lead back to the full table.
"""

from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import translation

from orientation_site.page_cache import public_page
from services.languages import language_links
from services.models import Intervention

from . import selectors


def pair_url(first, second):
    return reverse("services:compare_pair", kwargs={"first": first.slug, "second": second.slug})


def choose(request):
    """GET ?first=<slug>&second=<slug> → 302 to the pair's page (or to the full table)."""
    slugs = [request.GET.get("first", "")[:100], request.GET.get("second", "")[:100]]
    found = {i.slug: i for i in Intervention.objects.published().filter(slug__in=slugs)}
    if slugs[0] == slugs[1] or not all(slug in found for slug in slugs):
        return redirect(reverse("services:compare") + "#compare-two")
    return redirect(pair_url(found[slugs[0]], found[slugs[1]]) + "#main")


@public_page
def compare_pair(request, first, second):
    """The two kinds of help named by their slugs in this language; 404 otherwise."""
    # Kept per content version (services/catalogue/selectors.py): on a memo hit, no query.
    published = selectors.published_interventions(request)
    found = {i.slug: i for i in published if i.slug in (first, second)}
    if first == second or first not in found or second not in found:
        raise Http404
    pair = [found[first], found[second]]
    rows = selectors.comparison_rows(request, pair)

    def url(code):
        with translation.override(code):
            return pair_url(*pair)

    context = {
        "pair": pair,
        "rows": rows,
        "interventions": published,
        "alternates": language_links(url),
    }
    return TemplateResponse(request, "services/compare_pair.html", context)
