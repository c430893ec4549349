"""The list of regions and one region's page. Both are public and served from the page cache.

Query count is constant: the list is one query; a region page is the region, its sources, its
places to go with their sources, and the province-wide help lines (911, 811, 1 866 APPELLE),
whatever the number of places. Both are kept per content version (orientation_site/render_memo.py):
on a memo hit, no query at all.
"""

from django.db.models import Q
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse

from orientation_site.page_cache import public_page
from orientation_site.render_memo import remember

from ..languages import object_urls, site_root
from ..models import AccessPoint, Region, Resource
from .structured_data import region_json_ld

# The lines every region page repeats in its "right now" box, by their stable content keys
# (services/content/data/resources.yaml), in this order.
LINES_ON_EVERY_REGION = ("emergency-911", "info-social-811", "suicide-prevention")


def sections(points):
    """[(kind, label, [points])] in the order of AccessPoint.Kind, each kind present or not."""
    return [
        (value, label, [p for p in points if p.kind == value])
        for value, label in AccessPoint.Kind.choices
    ]


def lines_on_every_region():
    found = {r.key: r for r in Resource.objects.filter(key__in=LINES_ON_EVERY_REGION)}
    return [found[key] for key in LINES_ON_EVERY_REGION if key in found]


@public_page
def region_list(request):
    regions = remember(request, "regions", lambda: list(Region.objects.all()))
    return TemplateResponse(request, "services/region_list.html", {"regions": regions})


def region_rows(slug):
    """(region, its points, the lines on every region, the sources sorted) for the region
    whose slug in this language is `slug`; None if there is none."""
    region = Region.objects.filter(slug=slug).prefetch_related("sources").first()
    if region is None:
        return None
    points = list(AccessPoint.objects.for_region(region))
    sources = {source.pk: source for source in region.sources.all()}
    for point in points:
        sources.update((source.pk, source) for source in point.sources.all())
    ordered = sorted(sources.values(), key=lambda s: (s.publisher.casefold(), s.title))
    return region, points, lines_on_every_region(), ordered


@public_page
def region_detail(request, slug):
    rows = remember(request, "region", region_rows, slug)
    if rows is None:
        # A slug from the other language: send the visitor to this language's page.
        other = Region.objects.filter(Q(slug_fr=slug) | Q(slug_en=slug)).first()
        if other is not None:
            return redirect(other.get_absolute_url(), permanent=True)
        raise Http404
    region, points, lines, sources = rows

    def json_ld(_slug, _root):  # its URLs hold the request's host without a public URL
        return region_json_ld(request, region, points)

    context = {
        "region": region,
        "sections": sections(points),
        "lines": lines,
        "sources": sources,
        "alternates": remember(request, "region-alternates", lambda _s: object_urls(region), slug),
        "json_ld": remember(request, "region-json-ld", json_ld, slug, site_root(request)),
    }
    return TemplateResponse(request, "services/region_detail.html", context)
