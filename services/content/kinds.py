"""How each section of the data files maps onto a model (`KINDS`), and the form values take
in a `SeedRecord` (`as_json`). Read by the loader and the exporter."""

import datetime
from dataclasses import dataclass, field

from django.db import models

from services.editorial.translation_status import translated_field_names

from ..languages import LANGUAGE_CODES, field_in
from ..models import (
    AccessPoint,
    Answer,
    AnswerRule,
    Criterion,
    GlossaryTerm,
    Intervention,
    Page,
    Question,
    Region,
    Resource,
    ReviewedProfile,
    Source,
)
from ..sanitize import clean_html

# The languages of every translated text in the data files (settings.LANGUAGES).
LANGUAGES = LANGUAGE_CODES


def as_json(value):
    """The form a value takes in a SeedRecord, and in comparisons."""
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, models.Model):  # a link to another object: by its stable key
        return value.key
    return value


@dataclass
class Kind:
    """How one section of the data file maps onto a model."""

    section: str
    model: type
    plain: tuple = ()
    sources: bool = False
    parse: dict = field(default_factory=dict)  # field -> function from YAML value to model
    defaults: dict = field(default_factory=dict)  # field -> value when the record omits it
    renamed: dict = field(default_factory=dict)  # YAML name -> model field name
    links: dict = field(default_factory=dict)  # field -> section whose key it names (or None)

    def values(self, record):
        """The flat field values an object should have, from one YAML record."""
        values = {}
        for name in self.plain:
            raw = record.get(name, self.defaults.get(name, ""))
            values[self.renamed.get(name, name)] = (
                self.parse[name](raw) if name in self.parse else raw
            )
        rich = set(getattr(self.model, "RICH_TEXT_FIELDS", ()))
        for name in translated_field_names(self.model):
            texts = record.get(name) or {}
            for language in LANGUAGES:
                text = (texts.get(language) or "").strip()
                # Stored the way the model's save() cleans it, so that comparisons hold.
                values[field_in(name, language)] = (
                    clean_html(text) if name in rich and text else text
                )
        if self.sources:
            values["sources"] = sorted(record.get("sources") or [])
        return values


def parse_date(value):
    """A date, or None for a page not reviewed yet (an Editor's draft)."""
    if value in (None, ""):
        return None
    return value if isinstance(value, datetime.date) else datetime.date.fromisoformat(value)


def parse_status(record_value):
    publication = Intervention.PUBLICATION
    return publication.published if record_value else publication.draft


KINDS = [
    Kind(
        "sources",
        Source,
        plain=("title", "language", "publisher", "url", "consulted"),
        parse={"consulted": parse_date},
    ),
    Kind(
        "interventions",
        Intervention,
        plain=(
            "family",
            "reserved",
            "order",
            "last_reviewed",
            "reviewer_name",
            "editor_note",
            "published",
        ),
        sources=True,
        parse={"last_reviewed": parse_date, "reserved": bool, "published": parse_status},
        renamed={"published": "status"},
    ),
    Kind("criteria", Criterion, plain=("order", "editor_note")),
    Kind(
        "resources",
        Resource,
        plain=(
            "kind",
            "order",
            "in_header",
            "in_crisis_block",
            "phone",
            "text_number",
            "editor_note",
        ),
        defaults={"in_crisis_block": False},
    ),
    Kind("glossary", GlossaryTerm, plain=("editor_note",)),
    Kind(
        "pages",
        Page,
        plain=("last_reviewed", "reviewer_name", "editor_note"),
        sources=True,
        parse={"last_reviewed": parse_date},
    ),
    Kind("questions", Question, plain=("order", "published"), defaults={"published": True}),
    Kind(
        "profiles",
        ReviewedProfile,
        plain=("answers", "expected_first", "never", "note"),
        defaults={"answers": {}, "expected_first": [], "never": []},
    ),
    Kind(
        "regions",
        Region,
        plain=("code", "order", "last_reviewed", "reviewer_name", "editor_note"),
        sources=True,
        parse={"last_reviewed": parse_date},
    ),
    # A place to go names its region by key; none means everywhere in Québec.
    Kind(
        "access_points",
        AccessPoint,
        plain=("region", "kind", "order", "phone", "last_reviewed", "editor_note"),
        sources=True,
        parse={"last_reviewed": parse_date},
        defaults={"region": None},
        links={"region": "regions"},
    ),
]
# `crisis_block` (guide.yaml) is a list of help-line keys, not a kind of its own.
SECTIONS = (*(kind.section for kind in KINDS), "crisis_block")
# Nested under each question in the data file.
ANSWERS = Kind(
    "answers",
    Answer,
    plain=("order", "risk_signal", "distress"),
    defaults={"risk_signal": False, "distress": False},
)
RULE_KINDS = {kind.value for kind in AnswerRule.Kind}
