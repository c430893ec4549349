"""The seeder: writes each object the data files describe, unless an editor changed it.

For every object it writes, it keeps a `SeedRecord` of the values it wrote. On a later run a
field is updated only while it still holds what was last written there: a field an editor
changed is left alone, and so is an object an editor deleted; a field a pending change
proposes waits for the Reviewer. The guide's parts: `guide_seeding.py`.
"""

from services.editorial.outdated import STILL_RIGHT

from ..languages import field_in
from ..models import ComparisonCell, SeedRecord, Source
from .guide_seeding import GuideSeeding
from .kinds import KINDS, LANGUAGES, as_json
from .reading import mark_crisis_block

# In a SeedRecord's values: the object holds a migration's default words, still to be filled.
PLACEHOLDER = "placeholder"


def open_changes():
    """{(model label, object id): the field names its open pending change proposes}: fields
    never overwritten (the Reviewer decides; approval applies to what is live then)."""
    from services.editorial.pending.changes import field_for

    from ..models import PendingChange

    found = {}
    for change in PendingChange.objects.open().select_related("content_type"):
        model = change.content_type.model_class()
        if model is not None:
            names = {field_for(model, key).name for key in change.values}
            found[(model._meta.label_lower, change.object_id)] = names
    return found


class Seeder(GuideSeeding):
    """Seeds one content tree: `seed(content)` returns created/updated/kept/unchanged counts."""

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

        previous = dict(record.values) if record else {}
        # A row a migration made with default words (0020's pages): replacing them is the
        # loader's first real write, not one language changing alone
        # (services/editorial/outdated.py).
        placeholder = previous.pop(PLACEHOLDER, False)
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
            if placeholder:
                setattr(obj, STILL_RIGHT, True)
            # The same checks as a new object and the admin (a help line's number, above all).
            obj.full_clean(exclude=["sources"], validate_unique=False)
            obj.save()
            if "sources" in changed:
                self.set_sources(obj, wanted)
            self.counts["updated"] += 1
        else:
            self.counts["unchanged"] += 1
        if remembered != previous or placeholder:
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
        self.seed_cells(content.get("criteria", []), objects)
        self.seed_answers(content.get("questions", []), objects)
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

    def seed_cells(self, criteria, objects):
        interventions = objects["interventions"]
        for criterion_record in criteria:
            criterion = objects["criteria"].get(criterion_record["key"])
            for intervention_key, texts in (criterion_record.get("cells") or {}).items():
                if intervention_key not in self.seeded_keys["interventions"]:
                    raise ValueError(
                        f"criterion {criterion_record['key']}: "
                        f"unknown intervention {intervention_key!r}"
                    )
                intervention = interventions.get(intervention_key)
                if criterion is None or intervention is None:
                    continue  # an editor deleted the row or the column
                wanted = {
                    field_in("text", lang): (texts.get(lang) or "").strip() for lang in LANGUAGES
                }
                self.apply(
                    ComparisonCell,
                    f"{criterion.key}:{intervention_key}",
                    wanted,
                    {"criterion": criterion, "intervention": intervention},
                )
