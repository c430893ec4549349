"""English msgids are the English text: make each translation its msgid, never a fuzzy guess."""

import sys

import polib

catalogue = polib.pofile(sys.argv[1], wrapwidth=0)
catalogue.metadata_is_fuzzy = False  # a fuzzy header would be left out of the compiled file
catalogue.metadata["Language"] = "en"
catalogue.metadata["Content-Type"] = "text/plain; charset=UTF-8"
for entry in catalogue:
    if entry.msgid_plural:
        entry.msgstr_plural = {0: entry.msgid, 1: entry.msgid_plural}
    else:
        entry.msgstr = entry.msgid
    entry.flags.clear()
    entry.previous_msgid = None
catalogue.save()
