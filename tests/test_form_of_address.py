"""The public site says « tu », in every French word a visitor reads (decision 0014).

Plural « vous » (you and the practitioner, a couple, you and a relative) is correct and
allowed; the formal singular markers are not.
"""

import re
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
CONTENT = ROOT / "services" / "content" / "data"
CATALOGUE = ROOT / "locale" / "fr" / "LC_MESSAGES" / "django.po"
# Formal, singular address: never right on a « tu » site.
FORMAL = re.compile(
    r"\b(votre|vos|veuillez|s'il vous plaît|appelez|écrivez|consultez|contactez|cliquez|"
    r"choisissez|composez|textez|visitez|demandez|parlez|répondez|n'hésitez)\b",
    re.IGNORECASE,
)
# Interface strings whose every use is public (the admin's own strings say « vous »).
PUBLIC_SOURCES = (
    "templates/",
    "services/catalogue/views.py",
    "services/guide/",
    "services/near_you/",
)
# Document titles are cited in their own words, never rewritten.
NOT_OURS = {"sources.yaml"}


def french_values(node, where=""):
    """(where, text) for every French value of a translated field, anywhere in `node`."""
    if isinstance(node, dict):
        if "fr" in node and isinstance(node["fr"], str):
            yield where, node["fr"]
        for key, value in node.items():
            yield from french_values(value, f"{where}.{key}")
    elif isinstance(node, list):
        for index, value in enumerate(node):
            key = value.get("key", index) if isinstance(value, dict) else index
            yield from french_values(value, f"{where}[{key}]")


def content_texts():
    for path in sorted(CONTENT.rglob("*.yaml")):
        if path.name in NOT_OURS:
            continue
        for where, text in french_values(yaml.safe_load(path.read_text())):
            yield f"{path.relative_to(CONTENT)}{where}", text


def public_catalogue_strings(catalogue=CATALOGUE):
    """(msgid, French msgstr) for interface strings used only outside the admin."""
    entries = catalogue.read_text().split("\n\n")
    for entry in entries:
        locations = [
            path
            for line in entry.splitlines()
            if line.startswith("#: ")
            for path in line[3:].split()
        ]
        if not locations or entry.lstrip().startswith("#~"):
            continue
        if not all(
            path.startswith(PUBLIC_SOURCES) and not path.startswith("templates/admin/")
            for path in locations
        ):
            continue
        msgid = re.search(r'^msgid "(.*)"$', entry, re.MULTILINE)
        msgstrs = re.findall(r'^msgstr(?:\[\d\])? "(.*)"$', entry, re.MULTILINE)
        yield (msgid.group(1) if msgid else ""), " ".join(msgstrs)


def test_french_content_says_tu():
    formal = [
        (where, FORMAL.findall(text)) for where, text in content_texts() if FORMAL.search(text)
    ]
    assert formal == []


def test_french_interface_strings_for_visitors_say_tu():
    strings = list(public_catalogue_strings())
    assert len(strings) > 100  # the check sees the catalogue
    formal = [(msgid, text) for msgid, text in strings if FORMAL.search(text)]
    assert formal == []


def test_the_check_catches_a_formal_sentence(tmp_path):
    catalogue = tmp_path / "django.po"
    catalogue.write_text(
        '#: templates/base.html\nmsgid "Call 911"\nmsgstr "Appelez le 911"\n\n'
        '#: services/editorial/admin/catalogue.py\nmsgid "Leave empty"\nmsgstr "Laissez vide"\n'
    )
    found = list(public_catalogue_strings(catalogue))
    assert found == [("Call 911", "Appelez le 911")]
    assert FORMAL.search(found[0][1])
    assert FORMAL.search("Consultez votre CLSC.")
    assert not FORMAL.search("Ensemble, vous renforcez tes façons de faire face.")
