"""Write the database's content in the data-file format that `seed_content` reads.

A site can then be backed up, reviewed in a diff, and restored: seeding an export into an
empty database reproduces every field in both languages.
"""

import yaml

from services.editorial.translation_status import translated_field_names

from ..languages import in_language
from ..models import Answer, AnswerRule, Criterion, Intervention, Question, Resource
from .loader import ANSWERS, KINDS, LANGUAGES, as_json


def record_of(kind, obj):
    record = {"key": obj.key}
    yaml_names = {model_name: yaml_name for yaml_name, model_name in kind.renamed.items()}
    for name in kind.plain:
        model_name = kind.renamed.get(name, name)
        value = getattr(obj, model_name)
        if model_name == "status":
            value = value == Intervention.PUBLICATION.published
        record[yaml_names.get(model_name, name)] = as_json(value)
    for name in translated_field_names(kind.model):
        record[name] = {code: in_language(obj, name, code) or "" for code in LANGUAGES}
    if kind.sources:
        record["sources"] = sorted(source.key for source in obj.sources.all())
    return record


def rule_record(rule):
    """A safety rule as the data file writes it, e.g. `{never: couple-family}`."""
    target = rule.resource if rule.kind == AnswerRule.Kind.SHOW_FIRST else rule.intervention
    record = {rule.kind: target.key}
    if rule.kind == AnswerRule.Kind.ALWAYS:
        record["explanation"] = {
            code: in_language(rule, "explanation", code) or "" for code in LANGUAGES
        }
    return record


def export_content():
    """All content as one dict, in the order `seed_content` loads it."""
    content = {}
    for kind in KINDS:
        objects = kind.model.objects.all()
        if kind.sources:
            objects = objects.prefetch_related("sources")
        if kind.links:
            objects = objects.select_related(*kind.links)
        content[kind.section] = [record_of(kind, obj) for obj in objects]

    cells = {}
    for criterion in Criterion.objects.prefetch_related("cells__intervention"):
        cells[criterion.key] = {
            cell.intervention.key: {code: in_language(cell, "text", code) for code in LANGUAGES}
            for cell in criterion.cells.all()
        }
    for record in content["criteria"]:
        record["cells"] = cells.get(record["key"], {})

    content["crisis_block"] = list(
        Resource.objects.filter(in_crisis_block=True).values_list("key", flat=True)
    )
    answers = Answer.objects.prefetch_related(
        "weights__intervention", "rules__intervention", "rules__resource"
    ).order_by("order", "pk")
    by_question = {}
    for answer in answers:
        record = record_of(ANSWERS, answer)
        record["weights"] = {w.intervention.key: w.weight for w in answer.weights.all()}
        record["rules"] = [rule_record(rule) for rule in answer.rules.all()]
        by_question.setdefault(answer.question_id, []).append(record)
    keys = dict(Question.objects.values_list("key", "pk"))
    for record in content["questions"]:
        record["answers"] = by_question.get(keys[record["key"]], [])
    return content


def dump(content):
    return yaml.safe_dump(content, allow_unicode=True, sort_keys=False, width=100)
