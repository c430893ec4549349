"""The public pages' queries, each kept per content version and language (render_memo).

Every function takes the request first (the memo hook, `render_memo.memo_allowed`, decides
from it) and returns published content only, as lists and tuples of model instances that
templates read and never change. A draft never comes from here: the staff preview of a draft
(views.can_preview) queries on its own and, being an editor's request, memoises nothing.

Each helper's query count is the view's old one; on a memo hit it is zero.
"""

from django.db.models import Prefetch
from django.template.loader import render_to_string
from django.utils.html import format_html
from django.utils.translation import gettext as _

from orientation_site.render_memo import remember
from services.guide.forms import choices_of
from services.guide.selectors import load_guide, published_questions
from services.languages import object_urls, site_root
from services.models import (
    ComparisonCell,
    Criterion,
    Family,
    GlossaryTerm,
    Intervention,
    Page,
    Resource,
)

from .collation import by_initial
from .structured_data import intervention_json_ld as build_json_ld


def published_interventions(request):
    """[Intervention] published, in their order (one query)."""
    return remember(request, "published-interventions", lambda: list(_published()))


def _published():
    return Intervention.objects.published()


def page(request, key):
    """The Page of `key` with its sources prefetched, or None (two queries)."""
    return remember(request, "page", _page, key)


def _page(key):
    return Page.objects.prefetch_related("sources").filter(key=key).first()


def next_questions(request):
    """[Page] answering a visitor's next question, in their declared order (one query)."""
    return remember(request, "next-questions", _next_questions)


def _next_questions():
    pages = {p.key: p for p in Page.objects.filter(key__in=Page.NEXT_QUESTIONS)}
    return [pages[key] for key in Page.NEXT_QUESTIONS if key in pages]


def published_intervention(request, slug):
    """The published Intervention whose slug in this language is `slug`, with its sources and
    "At a glance" rows (cells with their criterion) prefetched; None if there is none."""
    return remember(request, "intervention", _published_intervention, slug)


def _published_intervention(slug):
    return (
        _published()
        .filter(slug=slug)
        .prefetch_related(
            "sources",
            Prefetch("cells", queryset=ComparisonCell.objects.select_related("criterion")),
        )
        .first()
    )


def related_pages(request):
    """(section pages, glance pages): {place: [Page]} for an intervention's sections and
    "At a glance" rows (one query for both)."""
    return remember(request, "related-pages", _related_pages)


def _related_pages():
    mappings = (Intervention.SECTION_PAGES, Intervention.GLANCE_PAGES)
    wanted = {key for mapping in mappings for keys in mapping.values() for key in keys}
    pages = {p.key: p for p in Page.objects.filter(key__in=wanted)}
    return tuple(
        {place: [pages[key] for key in keys if key in pages] for place, keys in mapping.items()}
        for mapping in mappings
    )


def intervention_json_ld(request, intervention):
    """The intervention page's JSON-LD (structured_data), kept per site root: without
    DJANGO_PUBLIC_URL its URLs hold the request's host."""

    def build(_slug, _root):
        return build_json_ld(request, intervention)

    return remember(request, "json-ld", build, intervention.slug, site_root(request))


def object_alternates(request, obj):
    """languages.object_urls(obj): its address in each language, kept per object."""
    key = (type(obj).__name__, obj.pk)
    return remember(request, "object-alternates", lambda _key: object_urls(obj), key)


def comparison_rows(request, interventions):
    """[(Criterion, [ComparisonCell or None per intervention])] for `interventions` (a sequence of
    published Intervention), criteria in their order (two queries)."""
    ids = tuple(i.pk for i in interventions)
    return remember(request, "comparison-rows", _comparison_rows, ids)


def _comparison_rows(ids):
    cells = ComparisonCell.objects.filter(intervention__in=ids)
    rows = []
    for criterion in Criterion.objects.prefetch_related(Prefetch("cells", queryset=cells)):
        cells = {cell.intervention_id: cell for cell in criterion.cells.all()}
        rows.append((criterion, [cells.get(pk) for pk in ids]))
    return rows


def psychotherapy_first(request):
    """The published interventions, psychotherapy's first: the comparison's columns."""

    def columns():
        interventions = published_interventions(request)
        return sorted(interventions, key=lambda i: i.family != Family.PSYCHOTHERAPY)

    return remember(request, "psychotherapy-first", columns)


def resource_kinds(request):
    """[(kind value, kind label, [Resource])] for the kinds that have resources (one query)."""
    return remember(request, "resource-kinds", _resource_kinds)


def _resource_kinds():
    everything = list(Resource.objects.all())
    kinds = [
        (value, label, [r for r in everything if r.kind == value])
        for value, label in Resource.Kind.choices
    ]
    return [kind for kind in kinds if kind[2]]


def glossary_groups(request):
    """[(letter, [GlossaryTerm])] in this language's alphabetical order (one query)."""

    def groups():
        return by_initial(GlossaryTerm.objects.all(), text_of=lambda term: term.term)

    return remember(request, "glossary-groups", groups)


def help_lines(request):
    """[Resource] shown in every page's header: the lines with a phone number (one query)."""
    return remember(request, "help-lines", _help_lines)


def _help_lines():
    return list(Resource.objects.filter(in_header=True).exclude(phone=""))


def guide_questions(request):
    """The guide's published questions with their answers (guide.selectors)."""
    return remember(request, "guide-questions", published_questions)


def guide_choices(request):
    """{question id: [(answer key, answer text)]} of the published guide (guide.forms)."""
    return remember(request, "guide-choices", lambda: choices_of(guide(request).questions))


def guide(request):
    """Everything the guide's scoring needs (guide.selectors.load_guide)."""
    return remember(request, "guide", load_guide)


def guide_help_lines(request, result):
    """(lines to show first, the rest of the crisis block) for a scored `result`, as
    guide.selectors.help_lines_for gives them, from the help lines kept per content version.

    Nothing is kept per answer: a memo keyed on what a visitor answered would keep a trace
    of it (docs/decisions/0003), and its hits could be timed.
    """
    lines = remember(request, "guide-lines", lambda: list(Resource.objects.all()))
    found = {line.pk: line for line in lines}
    first = [found[pk] for pk in result.show_first if pk in found]
    rest = []
    if result.risk:
        rest = [line for line in lines if line.in_crisis_block and line not in first]
    return first, rest


def guide_cards(request):
    """{intervention id: {"link", "summary", "where"}}: the parts of a guide result's card
    that are content alone, as HTML, for every published intervention at once.

    One entry for all of them, whatever a visitor answered: which cards a result shows
    leaves no trace in a memo (docs/decisions/0003).
    """
    return remember(request, "guide-cards", _guide_cards)


def _guide_cards():
    cards = {}
    for intervention in _published():
        url = intervention.get_absolute_url()
        name = intervention.name
        where = _("Where to find %(name)s") % {"name": name}
        cards[intervention.pk] = {
            "link": format_html('<a href="{}">{}</a>', url, name),
            "summary": format_html("<p>{}</p>", intervention.summary),
            "where": format_html('<p><a href="{}#where_to_find">{}</a></p>', url, where),
        }
    return cards


def guide_answer_rows(request):
    """{answer id: `<div><dt>question</dt><dd>answer</dd></div>`} for every answer of the
    published guide, at once: the result's "Your answers" list (never kept per answer)."""

    def rows():
        return {
            answer.pk: format_html("<div><dt>{}</dt><dd>{}</dd></div>", question.text, answer.text)
            for question in guide(request).questions
            for answer in question.answers.all()
        }

    return remember(request, "guide-answer-rows", rows)


def crisis_lines_html(request):
    """{help line id: its `partials/crisis_line.html` item} for every help line, at once:
    the lines a guide result shows first or in its crisis block (never kept per answer)."""

    def lines():
        return {
            line.pk: render_to_string("partials/crisis_line.html", {"resource": line})
            for line in remember(request, "guide-lines", lambda: list(Resource.objects.all()))
        }

    return remember(request, "crisis-lines-html", lines)
