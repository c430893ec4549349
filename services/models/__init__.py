"""Every model of the `services` app, re-exported so that `from services.models import X` works.

- `catalogue`: what visitors read (kinds of help, comparison, help lines, glossary, pages).
- `guide`: the questionnaire « Quel service choisir ? ».
- `seeding`: what `seed_content` last wrote, to tell an editor's change from ours.
- `caching`: the content version that retires cached pages.
"""

from .caching import ContentVersion
from .catalogue import (
    HTML_HELP,
    Criterion,
    Family,
    GlossaryTerm,
    Intervention,
    InterventionQuerySet,
    Page,
    Resource,
    Source,
    Trait,
    editor_note_field,
    order_field,
    reviewer_fields,
    sanitise_rich_text,
)
from .guide import Choice, ChoiceWeight, Question, QuestionQuerySet
from .seeding import SeedRecord

__all__ = [
    "HTML_HELP",
    "Choice",
    "ContentVersion",
    "ChoiceWeight",
    "Criterion",
    "Family",
    "GlossaryTerm",
    "Intervention",
    "InterventionQuerySet",
    "Page",
    "Question",
    "QuestionQuerySet",
    "Resource",
    "SeedRecord",
    "Source",
    "Trait",
    "editor_note_field",
    "order_field",
    "reviewer_fields",
    "sanitise_rich_text",
]
