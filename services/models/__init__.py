"""Every model of the `services` app, re-exported so that `from services.models import X` works.

- `catalogue`: what visitors read (kinds of help, comparison, help lines, glossary, pages).
- `guide`, `guide_rules`: the questionnaire « Quel service choisir ? » (questions, answers,
  weights; safety rules and reviewed profiles).
- `regions`: « Près de chez toi »: the 17 regions and the places to go in each.
- `seeding`: what `seed_content` last wrote, to tell an editor's change from ours.
- `caching`: the content version that retires cached pages.
- `safeguards`: outdated-translation markers and the last link check (bookkeeping).
- `pending`: changes to live content waiting for a Reviewer.
"""

from .caching import ContentVersion
from .catalogue import (
    HTML_HELP,
    ComparisonCell,
    Criterion,
    Family,
    GlossaryTerm,
    Intervention,
    InterventionQuerySet,
    Page,
    Resource,
    Source,
    editor_note_field,
    order_field,
    reviewer_fields,
    sanitise_rich_text,
)
from .guide import Answer, AnswerWeight, Question, QuestionQuerySet
from .guide_rules import AnswerRule, ReviewedProfile
from .pending import PendingChange
from .regions import AccessPoint, AccessPointQuerySet, Region
from .safeguards import LinkCheck, OutdatedTranslation
from .seeding import SeedRecord

__all__ = [
    "HTML_HELP",
    "AccessPoint",
    "AccessPointQuerySet",
    "Answer",
    "AnswerRule",
    "AnswerWeight",
    "ComparisonCell",
    "ContentVersion",
    "Criterion",
    "Family",
    "GlossaryTerm",
    "Intervention",
    "InterventionQuerySet",
    "LinkCheck",
    "OutdatedTranslation",
    "Page",
    "PendingChange",
    "Question",
    "QuestionQuerySet",
    "Region",
    "Resource",
    "ReviewedProfile",
    "SeedRecord",
    "Source",
    "editor_note_field",
    "order_field",
    "reviewer_fields",
    "sanitise_rich_text",
]
