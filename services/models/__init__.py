"""Every model of the `services` app, re-exported so that `from services.models import X` works.

- `bases`, `fields`: what models share (abstract bases, the rich-text field, length bounds).
- `catalogue`: the kinds of help, their sections and the comparison table.
- `helplines`, `glossary`, `sources`: help lines and directories, the glossary, references.
- `pages`: the registry of fixed pages and their editable words.
- `guide`, `guide_rules`: the questionnaire « Quel service choisir ? » (questions, answers,
  weights; safety rules and reviewed profiles).
- `regions`: « Près de chez toi »: the 17 regions and the places to go in each.
- `seeding`: what `seed_content` last wrote, to tell an editor's change from ours.
- `caching`: the content version that retires cached pages.
- `safeguards`: outdated-translation markers and the last link check (bookkeeping).
- `pending`: changes to live content waiting for a Reviewer.
"""

from .bases import Publication, PublishedQuerySet, published_q
from .caching import ContentVersion
from .catalogue import (
    SECTIONS,
    ComparisonCell,
    Criterion,
    Family,
    Intervention,
    InterventionQuerySet,
)
from .fields import HTML_HELP, order_field, sanitise_rich_text
from .glossary import GlossaryTerm
from .guide import Answer, AnswerWeight, Question, QuestionQuerySet
from .guide_rules import AnswerRule, ReviewedProfile
from .helplines import Resource
from .pages import PAGES, Page
from .pending import PendingChange
from .regions import AccessPoint, AccessPointQuerySet, Region
from .safeguards import LinkCheck, OutdatedTranslation
from .seeding import SeedRecord
from .sources import Source

__all__ = [
    "HTML_HELP",
    "PAGES",
    "SECTIONS",
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
    "Publication",
    "PublishedQuerySet",
    "Question",
    "QuestionQuerySet",
    "Region",
    "Resource",
    "ReviewedProfile",
    "SeedRecord",
    "Source",
    "order_field",
    "published_q",
    "sanitise_rich_text",
]
