"""Phone numbers written in a text become links a phone can dial (`tel:`) or text (`sms:`).

Applied once, when a page is rendered, by the typesetting pass (services/typography.py), so
editors type numbers as they read them and the page cache keeps the result until content
changes. Only text between tags is read: attributes, existing links and controls are left as
they are (typography.typeset_html decides where links may go).

What counts as a number (the shapes of services/models/phones.py, as the site writes them):
- a North American number, groups split by spaces or hyphens, with or without the leading 1,
  digits or letters (1 866 277-3553, 1-800-263-2266, 514 600-1002, 1 866 APPELLE) →
  `tel:+1XXXXXXXXXX` (the E.164 form, RFC 3966);
- a 3-digit service number (211…911, 988, « 9-8-8 »), optionally followed by its menu
  option (« 811, option 2 ») → `tel:811` (the option is chosen once connected);
- a 5- or 6-digit short code (535353, 686868) → `sms:`, since it can only receive texts.
A number right after a verb of texting (« texte au », « text CONNECT to ») in the same part
of a sentence, with no verb of calling there, gets `sms:` instead of `tel:`.
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
# Letters on a phone's keypad (ITU E.161).
KEYPAD = str.maketrans(
    {letter: str(digit) for digit, letters in [
        (2, "ABC"), (3, "DEF"), (4, "GHI"), (5, "JKL"), (6, "MNO"), (7, "PQRS"), (8, "TUV"),
        (9, "WXYZ")] for letter in letters}
)  # fmt: skip


def href(match, before=""):
    """The `tel:` or `sms:` address of a NUMBER match; `before` is the text preceding it."""
    if match.group("short"):
        return f"sms:{match.group('short')}"
    if match.group("service"):
        digits = match.group("service").replace("-", "")
    else:
        digits = re.sub(r"\D", "", match.group("nanp").upper().translate(KEYPAD))
        digits = f"+{digits}" if len(digits) == 11 else f"+1{digits}"
    clause = CLAUSE_END.split(before[-60:])[-1]
    scheme = "sms" if TEXT_VERB.search(clause) and not CALL_VERB.search(clause) else "tel"
    return f"{scheme}:{digits}"


def link_phone_numbers(text):
    """Wrap each number of a run of text (no tags; HTML-escaped already) in a link.

    The number's own spaces become non-breaking and the link cannot wrap (`nowrap`), so the
    number stays whole on screen and when copied.
    """
    if not DIGIT.search(text):
        return text  # most runs of text: one quick scan instead of the full pattern
    pieces = []
    position = 0
    for match in NUMBER.finditer(text):
        pieces.append(text[position : match.start()])
        shown = match.group(0).replace(" ", NBSP)
        link = href(match, text[position : match.start()])
        pieces.append(f'<a class="phone-link nowrap" href="{link}">{shown}</a>')
        position = match.end()
    pieces.append(text[position:])
    return "".join(pieces)
