"""schema.org JSON-LD for an intervention page: a MedicalWebPage with its FAQ-like sections."""

import json

from django.utils.html import strip_tags
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from services.languages import absolute_url
from services.models import Family

IN_LANGUAGE = {"fr": "fr-CA", "en": "en-CA"}
# Characters that would let text close the <script> element (as Django's json_script does).
ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


def intervention_json_ld(request, intervention):
    name = intervention.name
    language = IN_LANGUAGE.get(get_language(), get_language())
    url = absolute_url(request, intervention.get_absolute_url())
    data = {
        "@context": "https://schema.org",
        "@type": "MedicalWebPage",
        "url": url,
        "name": name,
        "description": intervention.meta_description,
        "inLanguage": language,
        "audience": {"@type": "PeopleAudience", "geographicArea": "Québec"},
        "about": {
            "@type": "PsychologicalTreatment"
            if intervention.family == Family.PSYCHOTHERAPY
            else "Thing",
            "name": name,
            "description": intervention.summary,
        },
        "citation": [
            {
                "@type": "CreativeWork",
                "name": source.title,
                "url": source.url,
                "inLanguage": source.language,
                "publisher": {"@type": "Organization", "name": source.publisher},
            }
            for source in intervention.sources.all()
        ],
        "hasPart": {
            "@type": "FAQPage",
            "inLanguage": language,
            "mainEntity": [
                {
                    # Each section asked as the question a visitor has in mind (SECTIONS).
                    "@type": "Question",
                    "name": section.question % {"name": name},
                    "acceptedAnswer": {
                        "@type": "Answer",
                        "text": " ".join(strip_tags(getattr(intervention, section.field)).split()),
                    },
                }
                for section in intervention.SECTIONS
            ],
        },
    }
    data.update(review_dates(intervention))
    # Escaped for a <script> element by ESCAPES: JSON the template must not touch again.
    return mark_safe(json.dumps(data, ensure_ascii=False).translate(ESCAPES))  # noqa: S308


def review_dates(item):
    """A review is claimed only when a practitioner signed off (reviewer_name); otherwise the
    date is when the page was last updated, as the visible « Mis à jour le » says. A draft an
    Editor added has no date yet (it is only seen in preview)."""
    if not item.last_reviewed:
        return {}
    if not item.reviewer_name:
        return {"dateModified": item.last_reviewed.isoformat()}
    return {
        "lastReviewed": item.last_reviewed.isoformat(),
        "reviewedBy": {
            "@type": "Person",
            "name": item.reviewer_name,
            "jobTitle": item.reviewer_profession,
        },
    }
