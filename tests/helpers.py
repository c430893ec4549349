"""Helpers shared by test modules (one place: no test module imports another's).

Addresses in a language, the site's public addresses as the database has them, the glossary's
acronyms, a snapshot of the content tables, and running Python in a fresh process.
"""

import os
import subprocess
import sys
from pathlib import Path

from django.conf import settings
from django.urls import reverse
from django.utils import translation

from services.content_rules import ACRONYM
from services.models import (
    AccessPoint,
    ComparisonCell,
    Criterion,
    GlossaryTerm,
    Intervention,
    Page,
    Region,
    Resource,
    Source,
)
from services.models.pages import PAGES, url_name

ROOT = Path(settings.BASE_DIR)
LANGUAGES = ["fr", "en"]
OTHER = {"fr": "en", "en": "fr"}
# Every fixed page, from the one declaration the site uses (the registry, PAGES).
FIXED_PAGES = [url_name(page.key) for page in PAGES]


def url_in(language, name, **kwargs):
    """reverse(name, kwargs) in `language`, e.g. url_in("fr", "services:compare")."""
    with translation.override(language):
        return reverse(name, kwargs=kwargs)


def all_public_urls(language):
    """Every fixed page and every published intervention's page in `language` (read from the
    database: call it inside a test)."""
    urls = [url_in(language, name) for name in FIXED_PAGES]
    with translation.override(language):
        urls += [i.get_absolute_url() for i in Intervention.objects.published()]
    return urls


def region_urls(language):
    """Every region's page in `language`."""
    with translation.override(language):
        return [region.get_absolute_url() for region in Region.objects.all()]


def glossary_words():
    """The acronyms the glossary explains, in either language: {"TAG", "GAD", …}."""
    words = set()
    for term in GlossaryTerm.objects.all():
        for value in (term.term_fr, term.term_en):
            words.update(ACRONYM.findall(value))
    return words


CONTENT_MODELS = [
    Source,
    Intervention,
    Criterion,
    ComparisonCell,
    Resource,
    GlossaryTerm,
    Page,
    Region,
    AccessPoint,
]


def snapshot():
    """Every field of every content object, to compare two states of the database:
    {(model name, pk): {attname: value}} (updated_at left out)."""
    state = {}
    for model in CONTENT_MODELS:
        for obj in model.objects.all():
            values = {
                f.attname: getattr(obj, f.attname)
                for f in model._meta.concrete_fields
                if f.attname != "updated_at"
            }
            state[(model.__name__, obj.pk)] = values
    return state


def run_python(code, **environment):
    """Run `code` in a new Python process at the project's root, without the DJANGO_*
    variables of this one (plus `environment`). Returns the CompletedProcess (text)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    env.update(environment)
    return subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )
