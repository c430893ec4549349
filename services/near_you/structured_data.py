"""schema.org JSON-LD for a region page: the page, and each public establishment serving it.

CISSS and CIUSSS are public bodies of Québec's health and social services network (within
Santé Québec since December 2024), hence `GovernmentOrganization`; `areaServed` is the
territory they serve, or the whole region when no narrower territory is given.
"""

import json

from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from services.catalogue.structured_data import ESCAPES, IN_LANGUAGE

from ..models import AccessPoint


def area(name):
    return {"@type": "AdministrativeArea", "name": name}


def establishment(point, region):
    data = {
        "@type": "GovernmentOrganization",
        "name": point.name,
        "areaServed": area(point.territory or region.name),
    }
    if point.url:
        data["url"] = point.url
    if point.phone_display:
        data["telephone"] = point.phone_display
    return data


def region_json_ld(request, region, points):
    """A WebPage about the region, with its establishments as `mentions`; safe in <script>."""
    data = {
        "@context": "https://schema.org",
        "@type": "WebPage",
        "url": request.build_absolute_uri(region.get_absolute_url()),
        "name": region.name,
        "description": region.meta_description,
        "inLanguage": IN_LANGUAGE.get(get_language(), get_language()),
        "about": area(region.name),
        "mentions": [
            establishment(point, region)
            for point in points
            if point.kind == AccessPoint.Kind.ESTABLISHMENT and point.region_id == region.pk
        ],
    }
    if region.last_reviewed:  # empty until a Reviewer first checks the region
        data["lastReviewed"] = region.last_reviewed.isoformat()
    return mark_safe(json.dumps(data, ensure_ascii=False).translate(ESCAPES))  # noqa: S308
