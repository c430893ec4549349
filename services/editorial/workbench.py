"""What editors need to see across the whole site: translation gaps, reviews due, readability.

Used by the admin's dashboard, the change forms, and the `check_translations` and
`review_due` commands.
"""

import datetime
from dataclasses import dataclass

from django.apps import apps
from django.conf import settings
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.text import capfirst

from services.languages import LANGUAGE_CODES, in_language
from services.models import AccessPoint, Intervention, Page, Region

from . import publishing, roles
from .readability import measure, plain_text
from .translation_status import missing_translations, translated_field_names

# Everything with a review (or verification) date that visitors see.
REVIEWED_MODELS = (Intervention, Page, Region, AccessPoint)


def change_url(obj):
    meta = obj._meta
    return reverse(f"admin:{meta.app_label}_{meta.model_name}_change", args=[obj.pk])


@dataclass(frozen=True)
class Gap:
    obj: object
    language: str
    fields: tuple

    @property
    def is_draft(self):
        return not roles.is_live(self.obj)

    @property
    def kind(self):
        return capfirst(self.obj._meta.verbose_name)

    @property
    def field_labels(self):
        meta = self.obj._meta
        return [str(meta.get_field(name).verbose_name) for name in self.fields]

    @property
    def url(self):
        return change_url(self.obj)


@dataclass(frozen=True)
class Stale(Gap):
    """Texts of one object in one language marked outdated (services/editorial/outdated.py)."""

    since: object = None
    overdue: bool = False


def translation_gaps(models=None):
    """Every visitor-facing field filled in one language and empty in the other, and every
    required one still empty (a draft's: what publishing it will need,
    services/editorial/publishing.py).

    `models`: only these (the ones a user may view); all of the app's by default.
    """
    gaps = []
    for model in models or apps.get_app_config("services").get_models():
        if not translated_field_names(model):
            continue
        for obj in model.objects.all():
            by_language = missing_translations(obj)
            for language, fields in publishing.gaps_by_language(obj).items():
                known = by_language.setdefault(language, [])
                known += [name for name in fields if name not in known]
            for language, fields in sorted(by_language.items()):
                gaps.append(Gap(obj, language, tuple(fields)))
    return gaps


def review_due(today=None, models=REVIEWED_MODELS):
    """Factual pages never reviewed or last reviewed over REVIEW_INTERVAL_DAYS ago, oldest first."""
    today = today or timezone.localdate()
    limit = today - datetime.timedelta(days=settings.REVIEW_INTERVAL_DAYS)
    due = []
    for model in models:
        due += list(model.objects.filter(Q(last_reviewed__lt=limit) | Q(last_reviewed=None)))
    return sorted(due, key=lambda obj: obj.last_reviewed or datetime.date.min)


def readable_fields(obj):
    """The long text fields whose readability an editor should watch."""
    if isinstance(obj, Intervention):
        return ["summary", *Intervention.RICH_TEXT_FIELDS]
    return ["intro", "body"]


def field_readability(obj):
    """[(field label, language, Readability)] for each long field of one object."""
    rows = []
    for name in readable_fields(obj):
        label = str(obj._meta.get_field(name).verbose_name)
        for code in LANGUAGE_CODES:
            text = plain_text(in_language(obj, name, code))
            if text:
                rows.append((label, code, measure(text, code)))
    return rows


def page_readability(obj):
    """{language: Readability} of one page's text taken as a whole, as visitors read it."""
    figures = {}
    for code in LANGUAGE_CODES:
        text = plain_text(*(in_language(obj, name, code) for name in readable_fields(obj)))
        if text:
            figures[code] = measure(text, code)
    return figures


def readability_misses():
    """[(object, language, Readability)] for the pages that miss their target."""
    misses = []
    objects = list(Intervention.objects.all()) + list(Page.objects.all())
    for obj in objects:
        for code, figures in page_readability(obj).items():
            if not figures.meets_target:
                misses.append((obj, code, figures))
    return misses
