"""Typography applied once, when a page is rendered, so that editors type ordinary spaces.

French (Québec usage, Office québécois de la langue française, « Espacement avant et après
les signes de ponctuation »): a non-breaking space before the colon and inside « »; no space
before ? ! and ; ; a non-breaking space between a number and its unit (24 h, 140 $, 65 %).
Both languages: a phone number never breaks across lines — its groups are joined by
non-breaking spaces (so a copied number stays whole) and it is wrapped in a `nowrap` span so
that its hyphen cannot break either.

Only text between tags changes: tags, attributes (URLs, `tel:` links) and the contents of
<script>, <style>, <pre>, <code> and <textarea> are left as they are. Outside links and
controls, phone numbers also become `tel:`/`sms:` links (services/catalogue/phone_links.py).
"""

import re

from .phone_links import link_phone_numbers

NBSP = "\u00a0"
SPACES = "[ \u00a0\u202f]"
TAG_OR_TEXT = re.compile(r"(<[^>]*>)")
# Elements whose contents are not text to typeset.
RAW = frozenset(("script", "style", "pre", "code", "textarea"))
TAG_NAME = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9]*)")
LANG_ATTRIBUTE = re.compile(r"""\slang=["']?([a-zA-Z-]+)""")
# Elements in which a phone number must not become a link: links cannot nest, and a link
# inside a control or a disclosure's summary would steal its click.
NO_LINK = {"a", "button", "label", "option", "select", "summary", "textarea", "title"}
VOID = {"br", "img", "input", "link", "meta", "hr", "source", "wbr"}

# North American numbers as written on the site: 1 866 277-3553, 1-800-263-2266,
# 514 600-1002, 1 866 APPELLE. Short codes (911, 811, 988, 535353) cannot break.
PHONE = re.compile(
    r"(?<![\w-])(?:1[ \u00a0-])?\d{3}[ \u00a0-](?:\d{3}[ \u00a0-]\d{4}|[A-Z]{7})(?![\w-])"
)
COLON = re.compile(SPACES + r"*:(?=\s|$)")
OPENING_GUILLEMET = re.compile("«" + SPACES + "*")
CLOSING_GUILLEMET = re.compile(SPACES + "*»")
NO_SPACE_BEFORE = re.compile(SPACES + r"+(?=[?!;])")
NUMBER_AND_UNIT = re.compile(r"(\d) (?=(?:h|min|ans|jours)\b|\$|%)")


def french_punctuation(text):
    """Québec spacing around : « » ? ! ; and between a number and its unit, in plain text."""
    text = COLON.sub(NBSP + ":", text)
    text = OPENING_GUILLEMET.sub("«" + NBSP, text)
    text = CLOSING_GUILLEMET.sub(NBSP + "»", text)
    text = NO_SPACE_BEFORE.sub("", text)
    return NUMBER_AND_UNIT.sub(r"\1" + NBSP, text)


def whole_phone_numbers(text, markup=True):
    """Join each phone number's groups with non-breaking spaces; with `markup`, wrap it in a
    `<span class="nowrap">` (the text must be HTML, since the span is HTML)."""

    def keep_whole(match):
        number = match.group(0).replace(" ", NBSP)
        return f'<span class="nowrap">{number}</span>' if markup else number

    return PHONE.sub(keep_whole, text)


# The only characters a rule above acts on (every phone number has digits): a run without
# any — the whitespace between tags, most words — is left as it is after one scan.
MAY_CHANGE = re.compile(r"[\d:«»?!;]")


def typeset_text(text, language, markup=True, links=False, context=""):
    """One run of text (no tags): French punctuation in French, whole phone numbers always;
    with `links` (HTML only), each number is also a link to dial or text it."""
    if not MAY_CHANGE.search(text):
        return text
    if language == "fr":
        text = french_punctuation(text)
    if markup and links:
        return link_phone_numbers(text, context)
    return whole_phone_numbers(text, markup=markup)


# Elements that end the sentence a number belongs to.
BLOCKS = frozenset(
    [
        "p",
        "li",
        "td",
        "th",
        "dd",
        "dt",
        "div",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "br",
        "ul",
        "ol",
        "dl",
        "table",
        "tr",
        "section",
        "article",
        "details",
        "summary",
        "blockquote",
    ]
)


def typeset_html(html, language):
    """Apply `typeset_text` to every text run of an HTML fragment.

    Raw elements are skipped, and so is any element marked as another language (a `lang`
    attribute other than `language`, such as an English title cited on a French page).
    Phone numbers become links except inside the elements of NO_LINK.
    """
    parts = TAG_OR_TEXT.split(html)
    # The sentence so far, across inline tags (« texte au <strong>535353</strong> »): whether
    # a number is one to text depends on it. A block starts a new one.
    sentence = ""
    raw_depth = 0
    no_link_depth = 0
    foreign = []  # [tag name, depth] of the element in another language we are inside
    for index, part in enumerate(parts):
        if index % 2:  # a tag
            tag = TAG_NAME.match(part)
            if tag is None:
                continue
            closing, name = tag.group(1) == "/", tag.group(2).lower()
            if name in RAW:
                raw_depth = max(raw_depth + (-1 if closing else 1), 0)
            if name in BLOCKS:
                sentence = ""
            if name in NO_LINK:
                no_link_depth = max(no_link_depth + (-1 if closing else 1), 0)
            if foreign and name == foreign[0][0]:
                foreign[0][1] += -1 if closing else 1
                if foreign[0][1] == 0:
                    foreign.clear()
            elif (
                not foreign
                and not closing
                and "lang=" in part  # one scan before the pattern: most tags have none
                and name not in VOID
                and not part.endswith("/>")
            ):
                lang = LANG_ATTRIBUTE.search(part)
                if lang and lang.group(1).split("-")[0].lower() != language:
                    foreign.append([name, 1])
        elif part and not raw_depth and not foreign:
            parts[index] = typeset_text(
                part, language, links=not no_link_depth, context=sentence[-60:]
            )
            sentence += part
    return "".join(parts)
