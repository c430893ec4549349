"""Alphabetical order as a reader expects it, in French and in English, without ICU.

French dictionaries sort « écoute active » among the E's: accents, case and punctuation are
ignored at first, and only break ties (Office québécois de la langue française, « Ordre
alphabétique »; the Unicode Collation Algorithm's first level does the same). Python's
`sorted` compares code points, which put « é » after « z » and every capital before every
lower-case letter; `locale.strxfrm` depends on the machine's locales.
"""

import string
import unicodedata

LETTERS = string.ascii_uppercase
OTHER = "#"  # the index entry for terms that start with a digit or a sign


def base_letters(text):
    """`text` without accents, case or punctuation: « Écoute-active » → "ecouteactive"."""
    decomposed = unicodedata.normalize("NFD", text.casefold())
    return "".join(c for c in decomposed if c.isalnum() and not unicodedata.combining(c))


def sort_key(text):
    """A key for `sorted`: letters first, then accents and case to break ties."""
    return (base_letters(text), text.casefold(), text)


def initial(text):
    """The A–Z index letter of `text` (OTHER when it does not start with a letter A–Z)."""
    first = base_letters(text)[:1].upper()
    return first if first in LETTERS else OTHER


def by_initial(items, text_of):
    """[(letter, [items])] in alphabetical order, only letters that have items.

    `text_of(item)` gives the text to sort on; OTHER's group comes first.
    """
    groups = {}
    for item in sorted(items, key=lambda item: sort_key(text_of(item))):
        groups.setdefault(initial(text_of(item)), []).append(item)
    order = [OTHER, *LETTERS]
    return sorted(groups.items(), key=lambda group: order.index(group[0]))
