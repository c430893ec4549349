"""The glossary in the order of a dictionary, in each language, with an A–Z index."""

import re

import pytest

from services.catalogue.collation import OTHER, by_initial, initial, sort_key

from . import factories
from .helpers import url_in


def test_accents_case_and_points_are_ignored_when_sorting():
    words = ["TTS", "écoute active", "Info-Social 811", "T.S.", "ordre", "TAG", "Élan"]
    assert sorted(words, key=sort_key) == [
        "écoute active",
        "Élan",
        "Info-Social 811",
        "ordre",
        "TAG",
        "T.S.",
        "TTS",
    ]


def test_accents_only_break_ties():
    assert sorted(["côté", "côte", "cote"], key=sort_key) == ["cote", "côte", "côté"]


def test_initials_group_accented_letters_with_their_base():
    assert initial("écoute") == "E"
    assert initial("811") == OTHER
    assert by_initial(["b", "á", "9"], str) == [(OTHER, ["9"]), ("A", ["á"]), ("B", ["b"])]


# Terms as (French, English), given out of order.
TERMS = [
    ("TTS", "TTS"),
    ("Info-Social 811", "Info-Social 811"),
    ("écoute active", "active listening"),
    ("ordre professionnel", "professional order"),
    ("Élan", "Momentum"),
]


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["fr", "en"])
def test_the_glossary_page_follows_dictionary_order_with_an_index(client, language):
    factories.page("glossary")
    for french, english in TERMS:
        factories.glossary_term(**factories.both("term", french, english))
    html = client.get(url_in(language, "services:glossary")).content.decode()
    terms = [re.sub(r"<[^>]+>", "", t) for t in re.findall(r"<dfn[^>]*>(.*?)</dfn>", html)]
    assert terms == sorted(terms, key=sort_key)
    if language == "fr":
        assert terms.index("écoute active") < terms.index("TTS")
        assert terms.index("écoute active") < terms.index("Info-Social 811")
    # Every index link leads to a letter's heading, and every heading is in the index.
    linked = re.findall(r'<a href="#(letter-[a-z])">', html)
    headings = re.findall(r'<h2 id="(letter-[a-z])"', html)
    assert linked and linked == headings
