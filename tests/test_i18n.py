"""Every interface string exists in French and English."""

from pathlib import Path

import polib
import pytest
from django.conf import settings

LOCALE = Path(settings.BASE_DIR) / "locale"


@pytest.mark.parametrize("language", ["fr", "en"])
def test_every_interface_string_is_translated(language):
    catalogue = polib.pofile(str(LOCALE / language / "LC_MESSAGES" / "django.po"))
    assert len(catalogue) > 50
    untranslated = [e.msgid for e in catalogue.untranslated_entries()]
    fuzzy = [e.msgid for e in catalogue.fuzzy_entries()]
    assert untranslated == [] and fuzzy == []
    assert not catalogue.metadata_is_fuzzy  # a fuzzy header is left out when compiled


@pytest.mark.parametrize("language", ["fr", "en"])
def test_the_compiled_catalogue_is_up_to_date(language):
    source = polib.pofile(str(LOCALE / language / "LC_MESSAGES" / "django.po"))
    compiled = polib.mofile(str(LOCALE / language / "LC_MESSAGES" / "django.mo"))
    compiled_strings = {(entry.msgctxt, entry.msgid): entry.msgstr for entry in compiled}
    for entry in source.translated_entries():
        if entry.msgid_plural:
            continue
        assert compiled_strings.get((entry.msgctxt, entry.msgid)) == entry.msgstr, entry.msgid


def test_url_segments_are_plain_ascii():
    catalogue = polib.pofile(str(LOCALE / "fr" / "LC_MESSAGES" / "django.po"))
    for entry in catalogue:
        # URL segments: urls.py's own, and the fixed pages' (their registry, models/pages.py).
        places = {path for path, _line in entry.occurrences}
        if entry.msgid.endswith("/") and places & {"services/urls.py", "services/models/pages.py"}:
            assert entry.msgstr.isascii() and entry.msgstr == entry.msgstr.lower()
