"""Editorial rules the tests hold the content to (see docs/safe-messaging.md)."""

import re

# Phrases that break safe-messaging guidance, lowercased, in both languages.
FORBIDDEN_PHRASES = [
    "committed suicide",
    "commit suicide",
    "commits suicide",
    "committing suicide",
    "successful suicide",
    "failed suicide",
    "unsuccessful suicide",
    "suicide epidemic",
    "political suicide",
    "commettre un suicide",
    "a commis un suicide",
    "suicide réussi",
    "suicide raté",
    "tentative réussie",
    "épidémie de suicide",
    "suicide politique",
]

# Capitalised words that are not acronyms: a phone word, a texting keyword, "SOS" in a name,
# "IN" in the code of a Revenu Québec publication (IN-130).
NOT_ACRONYMS = {"APPELLE", "CONNECT", "OK", "SOS", "IN"}

# An acronym as visitors see it: two or more capital letters (TAG, CLSC, PQPTM…).
ACRONYM = re.compile(r"\b[A-ZÀ-Ý]{2,}\b")
