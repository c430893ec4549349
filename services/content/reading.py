"""Reading the data files: every YAML file below `data/`, merged by top-level section."""

from pathlib import Path

import yaml

from .kinds import SECTIONS

DEFAULT_CONTENT = Path(__file__).resolve().parent / "data"


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
