"""Phone numbers written in a text become links a phone can dial (`tel:`) or text (`sms:`).

Applied once, when a page is rendered, by the typesetting pass (services/catalogue/typography.py),
so
editors type numbers as they read them and the page cache keeps the result until content
changes. Only text between tags is read: attributes, existing links and controls are left as
they are (typography.typeset_html decides where links may go).

What counts as a number (the shapes of services/models/phones.py, as the site writes them):
- a North American number, groups split by spaces or hyphens, with or without the leading 1,
  digits or letters (1 866 277-3553, 1-800-263-2266, 514 600-1002, 1 866 APPELLE) →
  `tel:+1XXXXXXXXXX` (the E.164 form, RFC 3966);
- a 3-digit service number (211…911, 988, « 9-8-8 »), optionally followed by its menu
  option (« 811, option 2 ») → `tel:811` (the option is chosen once connected);
- a 5- or 6-digit short code (535353, 686868) → `sms:`, since it can only receive texts —
  only after a verb of texting: elsewhere such a number is a street number (« 12345
  boulevard Albert-Hudon ») or a count.
A number right after a verb of texting (« texte au », « text CONNECT to ») in the same part
of a sentence, with no verb of calling there, gets `sms:` instead of `tel:`. A 3-digit
number that is part of a larger one (« 2 811 appels », « 811 000 ») or follows an article,
page or bill number (« art. 211 », « projet de loi 988 ») is left as text.
"""

import re

NBSP = "\u00a0"
DIGIT = re.compile(r"\d")
GAP = "[ \u00a0-]"
NUMBER = re.compile(
    r"(?<![\w/.,$-])"
    r"(?:(?P<nanp>(?:1" + GAP + r")?[2-9]\d\d" + GAP + r"(?:\d{3}" + GAP + r"\d{4}|[A-Z]{7}))"
    r"|(?P<service>[2-9]11|988|9-8-8)(?P<option>,?[ \u00a0]option[ \u00a0]\d)?"
    r"|(?P<short>\d{5,6}))"
    r"(?![\w/-]|[.,]\d|[ \u00a0\u202f]?[$%])"
)
# The part of a sentence a number belongs to ends at these marks (or at another number).
CLAUSE_END = re.compile(r"[.!?;:(),]")
TEXT_VERB = re.compile(r"\b(?:text\w*|texto\w*|sms)\b", re.IGNORECASE)
CALL_VERB = re.compile(r"\b(?:appel\w*|call\w*|compos\w*|t[ée]l[ée]phon\w*|phone)\b", re.I)
# A service number preceded by these is something else: the end of a French thousands group
# (« 2 811 »), an article, page, bill or other reference number.
NOT_A_SERVICE_BEFORE = re.compile(
    r"(?:\d[ \u00a0\u202f]|\b(?:art|article|articles|page|pages|p|loi|bill|section|chapitre|"
    r"chapter|no|n°|numéro|number|règlement|regulation)\.?[ \u00a0]*)$",
    re.IGNORECASE,
)
# …or followed by another group of three digits (« 811 000 »).
NOT_A_SERVICE_AFTER = re.compile(r"[ \u00a0\u202f]\d{3}(?!\d)")
# Letters on a phone's keypad (ITU E.161).
KEYPAD = str.maketrans(
    {letter: str(digit) for digit, letters in [
        (2, "ABC"), (3, "DEF"), (4, "GHI"), (5, "JKL"), (6, "MNO"), (7, "PQRS"), (8, "TUV"),
        (9, "WXYZ")] for letter in letters}
)  # fmt: skip


def texting(before):
    """Whether the part of a sentence ending `before` asks to text, not to call."""
    clause = CLAUSE_END.split(before[-60:])[-1]
    return bool(TEXT_VERB.search(clause)) and not CALL_VERB.search(clause)


def is_a_number_to_reach(match, before, after):
    """Whether a NUMBER match is a number to call or text, given the text around it."""
    if match.group("short"):
        return texting(before)
    if match.group("service"):
        return not (NOT_A_SERVICE_BEFORE.search(before) or NOT_A_SERVICE_AFTER.match(after))
    return True


def href(match, before=""):
    """The `tel:` or `sms:` address of a NUMBER match; `before` is the text preceding it."""
    if match.group("short"):
        return f"sms:{match.group('short')}"
    if match.group("service"):
        digits = match.group("service").replace("-", "")
    else:
        digits = re.sub(r"\D", "", match.group("nanp").upper().translate(KEYPAD))
        digits = f"+{digits}" if len(digits) == 11 else f"+1{digits}"
    return f"{'sms' if texting(before) else 'tel'}:{digits}"


def link_phone_numbers(text, context=""):
    """Wrap each number of a run of text (no tags; HTML-escaped already) in a link.

    `context`: the text of the same sentence before this run (across inline tags such as
    <strong>), which says whether a number is one to text.

    The number's own spaces become non-breaking and the link cannot wrap (`nowrap`), so the
    number stays whole on screen and when copied.
    """
    if not DIGIT.search(text):
        return text  # most runs of text: one quick scan instead of the full pattern
    pieces = []
    position = 0  # the end of the last number linked
    previous = 0  # the end of the last number-shaped match: a clause ends at a number
    for match in NUMBER.finditer(text):
        before = (context if previous == 0 else "") + text[previous : match.start()]
        previous = match.end()
        if not is_a_number_to_reach(match, before, text[match.end() :]):
            continue  # left as text, copied with what follows
        pieces.append(text[position : match.start()])
        shown = match.group(0).replace(" ", NBSP)
        link = href(match, before)
        pieces.append(f'<a class="phone-link nowrap" href="{link}">{shown}</a>')
        position = match.end()
    pieces.append(text[position:])
    return "".join(pieces)
