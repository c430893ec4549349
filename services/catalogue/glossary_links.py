"""Link each acronym in a text to its glossary entry, so jargon is never left unexplained."""

import re

from django.core.cache import cache
from django.urls import reverse
from django.utils.html import format_html

from orientation_site.content_memo import memo_allowed
from orientation_site.page_cache import PAGE_TIMEOUT, content_version
from services.content_rules import ACRONYM
from services.languages import in_language
from services.models import GlossaryTerm

# A tag holds no `<`: with it excluded, a run of `<` is scanned once, not once per `<`.
TAG = re.compile(r"(<[^<>]*>)")
OPENING_LINK = re.compile(r"<a[\s>]")


def glossary_index(language):
    """{acronym: (entry key, expansion)} in one language, cached until content changes (not
    while a pending change is previewed: content_memo.py)."""
    memo = memo_allowed()
    cache_key = f"glossary-index:{content_version()}:{language}"
    index = cache.get(cache_key) if memo else None
    if index is None:
        index = {}
        for term in GlossaryTerm.objects.all():
            for acronym in ACRONYM.findall(in_language(term, "term", language) or ""):
                index.setdefault(acronym, (term.key, in_language(term, "expansion", language)))
        if memo:
            cache.set(cache_key, index, PAGE_TIMEOUT)
    return index


def link_acronyms(html, language):
    """The first time each known acronym appears outside a link, link it to the glossary."""
    index = glossary_index(language)
    glossary_url = reverse("services:glossary")
    linked = set()

    def link(match):
        word = match.group(0)
        if word not in index or word in linked:
            return word
        linked.add(word)
        key, expansion = index[word]
        return format_html(
            '<a class="term" href="{}#{}" title="{}">{}</a>', glossary_url, key, expansion, word
        )

    parts = TAG.split(html)
    in_link = False
    for position, part in enumerate(parts):
        if part.startswith("<"):
            if OPENING_LINK.match(part):
                in_link = True
            elif part.startswith("</a"):
                in_link = False
            continue
        if not in_link:
            parts[position] = ACRONYM.sub(link, part)
    return "".join(parts)
