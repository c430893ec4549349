"""Load the bilingual content from YAML into the database without undoing editors' work.

For every object it writes, the loader keeps a `SeedRecord` of the values it wrote. On a later
run a field is updated only while it still holds what the loader last wrote there: a field an
editor changed is left alone, and so is an object an editor deleted. Running it twice changes
nothing.
"""

import datetime
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from django.db import models, transaction

from ..models import (
    AccessPoint,
    AnswerRule,
    Choice,
    ChoiceWeight,
    Criterion,
    GlossaryTerm,
    Intervention,
    Page,
    Question,
    Region,
    Resource,
    ReviewedProfile,
    SeedRecord,
    Source,
    Trait,
)
from ..sanitize import clean_html
from ..translation_status import translated_field_names

DEFAULT_CONTENT = Path(__file__).resolve().parent / "data"
LANGUAGES = ("fr", "en")


def read_content(path=DEFAULT_CONTENT):
    """Read one YAML file, or every YAML file below a folder, merged by top-level key."""
    path = Path(path)
    files = sorted(path.rglob("*.yaml")) if path.is_dir() else [path]
    content = {}
    for file in files:
        data = yaml.safe_load(file.read_text(encoding="utf-8")) or {}
        for section, records in data.items():
            if section not in SECTIONS:
                raise ValueError(f"{file}: unknown section {section!r}")
            content.setdefault(section, []).extend(records)
    return content


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
                values[f"{name}_{language}"] = clean_html(text) if name in rich and text else text
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
CHOICES = Kind(
    "choices",
    Choice,
    plain=("order", "risk_signal", "distress"),
    defaults={"risk_signal": False, "distress": False},
)
RULE_KINDS = {kind.value for kind in AnswerRule.Kind}


def mark_crisis_block(content):
    """The help lines listed under `crisis_block` (guide.yaml) get `in_crisis_block`; the
    others lose it. Raises ValueError for a key that names no help line."""
    keys = set(content.get("crisis_block", []))
    resources = content.get("resources", [])
    unknown = keys - {record["key"] for record in resources}
    if unknown:
        raise ValueError(f"crisis_block: unknown help lines {sorted(unknown)}")
    for record in resources:
        record["in_crisis_block"] = record["key"] in keys


def open_changes():
    """{(model label, object id): the field names its open pending change proposes}: fields
    never overwritten (the Reviewer decides; approval applies to what is live then)."""
    from ..models import PendingChange
    from ..pending.changes import field_for

    found = {}
    for change in PendingChange.objects.open().select_related("content_type"):
        model = change.content_type.model_class()
        if model is not None:
            names = {field_for(model, key).name for key in change.values}
            found[(model._meta.label_lower, change.object_id)] = names
    return found


class Seeder:
    def __init__(self):
        self.counts = {"created": 0, "updated": 0, "kept": 0, "unchanged": 0}
        self.records = {(r.model, r.key): r for r in SeedRecord.objects.all()}
        self.waiting = open_changes()
        self.sources_by_key = {}

    # Reading an object's current values ---------------------------------------------------

    def snapshot(self, obj, names):
        values = {}
        for name in names:
            if name == "sources":
                values[name] = sorted(obj.sources.values_list("key", flat=True))
            else:
                values[name] = as_json(getattr(obj, name))
        return values

    def assign(self, obj, name, value):
        if name != "sources":  # set after save
            setattr(obj, name, value)

    # Writing ------------------------------------------------------------------------------

    def apply(self, model, key, wanted, lookup, defaults=None):
        """Create or update one object; return it, or None if an editor deleted it."""
        label = model._meta.label_lower
        record = self.records.get((label, key))
        obj = model.objects.filter(**lookup).first()
        if obj is None:
            if record is not None:
                self.counts["kept"] += 1  # an editor deleted it: respect that
                return None
            obj = model(**lookup, **(defaults or {}))
            for name, value in wanted.items():
                self.assign(obj, name, value)
            obj.full_clean(exclude=["sources"], validate_unique=False)
            obj.save()
            self.set_sources(obj, wanted)
            self.remember(label, key, {n: as_json(v) for n, v in wanted.items()})
            self.counts["created"] += 1
            return obj

        previous = record.values if record else {}
        current = self.snapshot(obj, wanted)
        remembered = dict(previous)
        changed = []
        waiting = self.waiting.get((label, obj.pk), set())
        for name, value in wanted.items():
            value_json = as_json(value)
            if name in waiting:
                self.counts["kept"] += 1  # an Editor's change waits for a Reviewer: it wins
            elif current[name] == value_json:
                remembered[name] = value_json
            elif name in previous and current[name] == previous[name]:
                self.assign(obj, name, value)
                changed.append(name)
                remembered[name] = value_json
            else:
                self.counts["kept"] += 1  # an editor's change wins
        if changed:
            # The same checks as a new object and the admin (a help line's number, above all).
            obj.full_clean(exclude=["sources"], validate_unique=False)
            obj.save()
            if "sources" in changed:
                self.set_sources(obj, wanted)
            self.counts["updated"] += 1
        else:
            self.counts["unchanged"] += 1
        if remembered != previous:
            self.remember(label, key, remembered)
        return obj

    def set_sources(self, obj, wanted):
        if "sources" in wanted:
            obj.sources.set([self.sources_by_key[k] for k in wanted["sources"]])

    def remember(self, label, key, values):
        record, _ = SeedRecord.objects.update_or_create(
            model=label, key=key, defaults={"values": values}
        )
        self.records[(label, key)] = record

    # Sections -----------------------------------------------------------------------------

    def seed(self, content):
        objects = {}
        self.seeded_keys = {
            kind.section: {record["key"] for record in content.get(kind.section, [])}
            for kind in KINDS
        }
        mark_crisis_block(content)
        for kind in KINDS:
            objects[kind.section] = {}
            for record in content.get(kind.section, []):
                key = record["key"]
                values = kind.values(record)
                if not self.resolve_links(kind, key, values, objects):
                    continue  # what it belongs to was deleted by an editor
                obj = self.apply(kind.model, key, values, {"key": key})
                if obj is not None:
                    objects[kind.section][key] = obj
            if kind.model is Source:
                self.sources_by_key = {s.key: s for s in Source.objects.all()}
        self.seed_traits(content.get("criteria", []), objects)
        self.seed_choices(content.get("questions", []), objects)
        return self.counts

    def resolve_links(self, kind, key, values, objects):
        """Replace each linked key by its object; False when an editor deleted the object."""
        for name, section in kind.links.items():
            target = values[name]
            if target is None:
                continue
            if target not in self.seeded_keys[section]:
                raise ValueError(f"{kind.section} {key}: unknown {name} {target!r}")
            values[name] = objects[section].get(target)
            if values[name] is None:
                return False
        return True

    def seed_traits(self, criteria, objects):
        interventions = objects["interventions"]
        for criterion_record in criteria:
            criterion = objects["criteria"].get(criterion_record["key"])
            for intervention_key, texts in (criterion_record.get("traits") or {}).items():
                if intervention_key not in self.seeded_keys["interventions"]:
                    raise ValueError(
                        f"criterion {criterion_record['key']}: "
                        f"unknown intervention {intervention_key!r}"
                    )
                intervention = interventions.get(intervention_key)
                if criterion is None or intervention is None:
                    continue  # an editor deleted the row or the column
                wanted = {f"text_{lang}": (texts.get(lang) or "").strip() for lang in LANGUAGES}
                self.apply(
                    Trait,
                    f"{criterion.key}:{intervention_key}",
                    wanted,
                    {"criterion": criterion, "intervention": intervention},
                )

    def seed_choices(self, questions, objects):
        interventions = objects["interventions"]
        for question_record in questions:
            question = objects["questions"].get(question_record["key"])
            if question is None:
                continue  # an editor deleted the question
            for record in question_record.get("choices") or []:
                key = f"{question.key}:{record['key']}"
                lookup = {"question": question, "key": record["key"]}
                choice = self.apply(Choice, key, CHOICES.values(record), lookup)
                if choice is None:
                    continue
                for intervention_key, weight in (record.get("weights") or {}).items():
                    if intervention_key not in self.seeded_keys["interventions"]:
                        raise ValueError(f"choice {key}: unknown intervention {intervention_key!r}")
                    intervention = interventions.get(intervention_key)
                    if intervention is not None:
                        self.apply(
                            ChoiceWeight,
                            f"{key}:{intervention_key}",
                            {"weight": int(weight)},
                            {"choice": choice, "intervention": intervention},
                        )
                self.seed_rules(choice, key, record.get("rules") or [], objects)

    def seed_rules(self, choice, choice_key, rules, objects):
        """One `AnswerRule` per entry such as `{never: couple-family}`, `{show_first:
        sos-violence-conjugale}` or `{always: psychotherapy, explanation: {fr, en}}`."""
        for order, rule in enumerate(rules, 1):
            (kind,) = [name for name in rule if name in RULE_KINDS] or [None]
            if kind is None:
                raise ValueError(f"choice {choice_key}: a rule needs one of {sorted(RULE_KINDS)}")
            target_key = rule[kind]
            section, field_name = (
                ("resources", "resource")
                if kind == AnswerRule.Kind.SHOW_FIRST
                else ("interventions", "intervention")
            )
            if target_key not in self.seeded_keys[section]:
                raise ValueError(f"choice {choice_key}: unknown {field_name} {target_key!r}")
            target = objects[section].get(target_key)
            if target is None:
                continue  # an editor deleted it
            texts = rule.get("explanation") or {}
            wanted = {"order": order * 10}
            for language in LANGUAGES:
                wanted[f"explanation_{language}"] = (texts.get(language) or "").strip()
            self.apply(
                AnswerRule,
                f"{choice_key}:{kind}:{target_key}",
                wanted,
                {"choice": choice, "kind": kind, field_name: target},
            )


def seed_content(path=DEFAULT_CONTENT):
    """Load the content at `path`; return counts of created/updated/kept/unchanged.

    Raises GuideSafetyError (and writes nothing) when the result would leave the guide
    without its safety net (services/guide/safety.py).
    """
    from ..guide.safety import GuideSafetyError, problems, suspended

    content = read_content(path)
    with transaction.atomic(), suspended():
        counts = Seeder().seed(content)
        found = problems()
        if found:
            raise GuideSafetyError(found)
        return counts
