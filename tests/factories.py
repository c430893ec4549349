"""Rows for tests that build what they assert on: one plain function per content model.

Each function saves and returns a minimal valid row, published where the model has a draft
state, with distinct French and English words (so a test can tell which language it got) and
keyword overrides for any field, e.g. `intervention(family="psychotherapy", name_en="Art")`.
Keys and slugs are unique per call (`-1`, `-2`…), so tests never depend on the seeded content.

Every test builds the guide's rows (questions, answers, weights, rules) and comparison cells
through this module: a model renamed (as Choice → Answer and Trait → ComparisonCell were)
touches one file. Plain functions rather than factory_boy: each row is a single `create()`
with defaults, no sequences or sub-factories worth a dependency. Users in a role:
tests/admin_roles.py.
"""

import datetime
import itertools

from services.guide.safety import suspended
from services.models import (
    AccessPoint,
    Answer,
    AnswerRule,
    AnswerWeight,
    ComparisonCell,
    Criterion,
    GlossaryTerm,
    Intervention,
    Page,
    Question,
    Region,
    Resource,
    Source,
)

_numbers = itertools.count(1)
CHECKED = datetime.date(2026, 1, 15)


def unique(prefix):
    """A key no other row of this test run has, e.g. "intervention-7"."""
    return f"{prefix}-{next(_numbers)}"


def both(field, fr, en):
    """{field_fr: fr, field_en: en}: one translated field in the two languages."""
    return {f"{field}_fr": fr, f"{field}_en": en}


def _create(model, defaults, overrides, sources=()):
    row = model.objects.create(**{**defaults, **overrides})
    if sources:
        row.sources.set(sources)
    return row


def source(**overrides):
    """A public reference (Source), consulted on CHECKED."""
    key = overrides.pop("key", None) or unique("source")
    defaults = {
        "key": key,
        "title": f"Guide de référence {key}",
        "language": "fr",
        "publisher": "Ordre fictif",
        "url": f"https://example.org/{key}",
        "consulted": CHECKED,
    }
    return _create(Source, defaults, overrides)


def intervention(*, sources=(), **overrides):
    """A published kind of help (Intervention), in the support family unless
    `family="psychotherapy"`; every section filled in both languages."""
    key = overrides.pop("key", None) or unique("intervention")
    defaults = {
        "key": key,
        "family": "support",
        "status": Intervention.Status.PUBLISHED,
        "last_reviewed": CHECKED,
        **both("name", f"Accompagnement {key}", f"Support {key}"),
        **both("slug", f"accompagnement-{key}", f"support-{key}"),
        **both("summary", "Un soutien pour traverser une période difficile.", "Support."),
        **both("meta_description", "Ce que c'est et où le trouver.", "What it is."),
    }
    for field in Intervention.RICH_TEXT_FIELDS:
        defaults.update(both(field, f"<p>Texte {field}.</p>", f"<p>Text {field}.</p>"))
    return _create(Intervention, defaults, overrides, sources)


def draft_intervention(**overrides):
    return intervention(status=Intervention.Status.DRAFT, **overrides)


def page(key=Page.Key.ABOUT, *, sources=(), **overrides):
    """The fixed page `key` (a Page.Key), with a title, a lead and a body in both languages.
    Its row exists from the migrations (0020_fixed_page_rows): this fills it in."""
    defaults = {
        "last_reviewed": CHECKED,
        **both("title", f"Titre {key}", f"Title {key}"),
        **both("intro", f"Introduction {key}.", f"Introduction in English {key}."),
        **both("body", "<p>Corps du texte.</p>", "<p>Body text.</p>"),
        **both("meta_description", "Description.", "Description in English."),
    }
    row, _created = Page.objects.update_or_create(key=key, defaults={**defaults, **overrides})
    if sources:
        row.sources.set(sources)
    return row


def every_page():
    """One row per fixed page (Page.Key), so that every public address renders: {key: Page}."""
    return {key: page(key) for key in Page.Key.values}


def help_line(**overrides):
    """A crisis line (Resource) with a phone number, not in the header unless asked."""
    key = overrides.pop("key", None) or unique("line")
    defaults = {
        "key": key,
        "kind": Resource.Kind.CRISIS,
        "phone": "18662773553",
        **both("name", f"Ligne d'écoute {key}", f"Listening line {key}"),
        **both("description", "On répond jour et nuit.", "They answer day and night."),
        **both("phone_display", "1 866 277-3553", "1-866-277-3553"),
    }
    return _create(Resource, defaults, overrides)


def glossary_term(**overrides):
    key = overrides.pop("key", None) or unique("term")
    defaults = {
        "key": key,
        **both("term", f"Terme {key}", f"Term {key}"),
        **both("definition", "Une définition simple.", "A plain definition."),
    }
    return _create(GlossaryTerm, defaults, overrides)


def criterion(**overrides):
    """A row of the comparison table."""
    key = overrides.pop("key", None) or unique("criterion")
    defaults = {
        "key": key,
        **both("label", f"Critère {key}", f"Criterion {key}"),
        **both("help", "Une phrase d'explication.", "One sentence of explanation."),
    }
    return _create(Criterion, defaults, overrides)


def comparison_cell(criterion_row=None, intervention_row=None, **overrides):
    """One cell of the comparison table (today's model: ComparisonCell)."""
    defaults = {
        "criterion": criterion_row or criterion(),
        "intervention": intervention_row or intervention(),
        **both("text", "Oui, souvent", "Yes, often"),
    }
    return _create(ComparisonCell, defaults, overrides)


# --- The guide -----------------------------------------------------------------------------
# Built piece by piece as seed_content does, with the per-save safety checks suspended: a
# question saved before its risk answer would otherwise be refused. A test that asserts
# about the safety net builds its guide first, then changes it.


def question(**overrides):
    """A published guide question, without answers (see `answer`)."""
    key = overrides.pop("key", None) or unique("question")
    defaults = {"key": key, **both("text", f"Question {key} ?", f"Question {key}?")}
    with suspended():
        return _create(Question, defaults, overrides)


def answer(question_row=None, **overrides):
    """An answer to `question_row` (a new question if None) (today's model: Answer)."""
    key = overrides.pop("key", None) or unique("answer")
    defaults = {
        "question": question_row or question(),
        "key": key,
        **both("text", f"Réponse {key}", f"Answer {key}"),
        **both("reason", "Vous l'avez dit.", "You said so."),
    }
    with suspended():
        return _create(Answer, defaults, overrides)


def question_with_answers(count=3, **first_answer_fields):
    """A published question with `count` answers, the first with `first_answer_fields`
    (e.g. risk_signal=True)."""
    row = question()
    for index in range(count):
        answer(row, order=index, **(first_answer_fields if index == 0 else {}))
    return row


def answer_weight(answer_row, intervention_row, weight=3):
    """How much `answer_row` points to `intervention_row`, -5 to 5 ."""
    return AnswerWeight.objects.create(
        answer=answer_row, intervention=intervention_row, weight=weight
    )


def answer_rule(answer_row, kind, *, intervention_row=None, resource=None, **overrides):
    """A safety rule (AnswerRule) on `answer_rule`: kind "never", "always" (with an
    explanation in both languages) or "show_first" (with a help line)."""
    defaults = {
        "answer": answer_row,
        "kind": kind,
        "intervention": intervention_row,
        "resource": resource,
    }
    if kind == AnswerRule.Kind.ALWAYS:
        defaults.update(both("explanation", "Parce que c'est important.", "Because it matters."))
    return _create(AnswerRule, defaults, overrides)


# --- Near you ------------------------------------------------------------------------------


def region(**overrides):
    key = overrides.pop("key", None) or unique("region")
    # 20–99: never one of Québec's 17 codes, which the seeded content may hold.
    code = overrides.pop("code", None) or f"{next(_numbers) % 80 + 20}"
    defaults = {
        "key": key,
        "code": code,
        "last_reviewed": CHECKED,
        **both("name", f"Région {key}", f"Region {key}"),
        **both("slug", f"region-{key}", f"region-en-{key}"),
        **both("intro", "Les portes de la région.", "The region's doors."),
        **both("meta_description", "Où aller.", "Where to go."),
    }
    return _create(Region, defaults, overrides)


def access_point(region_row=None, **overrides):
    """A place to go in `region_row` (None: everywhere in Québec)."""
    key = overrides.pop("key", None) or unique("place")
    defaults = {
        "key": key,
        "region": region_row,
        "kind": AccessPoint.Kind.ESTABLISHMENT,
        "phone": "4186884240",
        "last_reviewed": CHECKED,
        **both("name", f"Établissement {key}", f"Establishment {key}"),
        **both("description", "Pour tout le monde.", "For everyone."),
        **both("phone_display", "418 688-4240", "418-688-4240"),
    }
    return _create(AccessPoint, defaults, overrides)


# --- Scale ---------------------------------------------------------------------------------


def multiply_content(times):
    """Add (times - 1) copies of every intervention (with cells), resource, term and place to go."""
    originals = list(Intervention.objects.all())
    criteria = list(Criterion.objects.all())
    for copy in range(1, times):
        for original in originals:
            clone = Intervention.objects.get(pk=original.pk)
            clone.pk = None
            clone.key = f"{original.key}-{copy}"
            clone.slug_fr = f"{original.slug_fr}-{copy}"
            clone.slug_en = f"{original.slug_en}-{copy}"
            clone.save()
            clone.sources.set(original.sources.all())
            ComparisonCell.objects.bulk_create(
                ComparisonCell(criterion=c, intervention=clone, text_fr="x", text_en="x")
                for c in criteria
            )
    for model in (Resource, GlossaryTerm):
        for original in list(model.objects.all()):
            for copy in range(1, times):
                clone = model.objects.get(pk=original.pk)
                clone.pk = None
                clone.key = f"{original.key}-{copy}"
                if model is Resource:
                    clone.in_header = False
                clone.save()
    for original in list(AccessPoint.objects.all()):
        for copy in range(1, times):
            clone = AccessPoint.objects.get(pk=original.pk)
            clone.pk = None
            clone.key = f"{original.key}-{copy}"
            clone.save()
            clone.sources.set(original.sources.all())
