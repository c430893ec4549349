"""Attacks on the merge of pending previews, pending creates and the render memos (review)."""

import html

import pytest
from django.contrib.auth.models import Group
from django.db import connection
from django.test import Client
from django.urls import reverse
from django.utils import translation

from orientation_site import render_memo
from services.editorial import roles
from services.editorial.pending import approval, changes
from services.models import (
    AccessPoint,
    Answer,
    AnswerRule,
    ComparisonCell,
    GlossaryTerm,
    Resource,
)

from . import factories
from .admin_roles import client_for, user_in_role

pytestmark = pytest.mark.django_db


def staff(django_user_model, username, group):
    person = django_user_model.objects.create_user(username, is_staff=True)
    person.groups.add(Group.objects.get(name=group))
    return person


def test_approving_a_change_whose_source_was_deleted_since_leaves_no_dangling_row(
    django_user_model,
):
    """A pending change names its sources by id; one deleted before approval must not be
    written as a link to nothing (an IntegrityError at commit: a 500 for the Reviewer)."""
    kept, gone = factories.source(), factories.source()
    row = factories.intervention(sources=[kept])
    editor = staff(django_user_model, "redac", roles.EDITOR)
    reviewer = staff(django_user_model, "relect", roles.REVIEWER)
    pending = changes.propose(row, editor, m2m={"sources": [kept.pk, gone.pk]})
    assert pending is not None
    gone.delete()
    with pytest.raises(approval.ApprovalRefused, match="supprimée depuis"):
        approval.approve(pending, reviewer)
    connection.check_constraints()  # what the commit would check: nothing was written
    pending.refresh_from_db()
    assert pending.is_open and list(row.sources.all()) == [kept]


MARK = "Zzrevue"


def kept_anywhere(mark):
    """Whether any render memo of this process holds `mark`."""
    return mark in str(list(render_memo._store.entries.values()))


@pytest.mark.parametrize("role", ["editor", "reviewer"])
def test_a_previewed_new_help_line_never_reaches_a_visitors_help_bar(role, settings):
    """A new in-header help line, previewed (GET and HEAD) on the home page, then a visitor on
    the same process, every page rendered (no page cache): the help bar is memoised."""
    settings.PAGE_CACHE = False
    factories.help_line(in_header=True)
    author = user_in_role("editor", "redactrice")
    line = Resource(kind=Resource.Kind.CRISIS, phone="18005550199", in_header=True)
    line.name_fr, line.name_en = f"Ligne {MARK}", f"Line {MARK}"
    line.header_label_fr, line.header_label_en = f"Écoute {MARK}", f"Listen {MARK}"
    line.description_fr, line.description_en = "Une ligne.", "A line."
    pending = changes.propose_new(line, author)
    visitor = Client()
    for path in ("/fr/", "/en/"):
        assert MARK not in visitor.get(path).content.decode()  # memos filled
    previewer = client_for(role) if role == "reviewer" else Client()
    if role == "editor":
        previewer.force_login(author)
    for path in ("/fr/", "/en/"):
        shown = previewer.get(path, {"preview": pending.pk})
        assert shown.status_code == 200 and MARK in shown.content.decode(), path
        assert previewer.head(path, {"preview": pending.pk}).status_code == 200
    for path in ("/fr/", "/en/", "/fr/lignes-d-aide/", "/en/help-lines/"):
        assert MARK not in visitor.get(path).content.decode(), path
        assert MARK not in visitor.head(path).content.decode(), path
    assert not kept_anywhere(MARK)
    assert not Resource.objects.filter(name_fr__contains=MARK).exists()


def unsaved_copy(saved, model, parent_field, parent):
    """An unsaved `model` row with `saved`'s values under `parent` (its key and id left out)."""
    skipped = {"_state", "id", "key", f"{parent_field}_id"}
    values = {k: v for k, v in vars(saved).items() if k not in skipped}
    return model(**{parent_field: parent}, **values)


def orphan_place():
    row = factories.region()
    return row, unsaved_copy(factories.access_point(row), AccessPoint, "region", row)


def orphan_answer():
    row = factories.question()
    return row, unsaved_copy(factories.answer(row), Answer, "question", row)


def orphan_cell():
    row = factories.criterion()
    return row, unsaved_copy(factories.comparison_cell(row), ComparisonCell, "criterion", row)


@pytest.mark.parametrize("build", [orphan_place, orphan_answer, orphan_cell])
def test_a_pending_create_whose_parent_was_deleted_is_refused_cleanly(build, django_user_model):
    parent, new = build()
    author = user_in_role("editor", "redactrice")
    pending = changes.propose_new(new, author)
    parent.delete()
    reviewer = client_for("reviewer")
    review = reverse("admin:services_pendingchange_change", args=[pending.pk])
    assert reviewer.get(review).status_code == 200
    assert reviewer.get(reverse("admin:services_pendingchange_changelist")).status_code == 200
    for path in ("/fr/", "/en/", "/fr/comparer/", "/fr/quel-service-choisir/"):
        assert reviewer.get(path, {"preview": pending.pk}).status_code in (200, 404), path
    assert reviewer.post(review, {"_approve": 1}).status_code == 400
    sent = reviewer.post(review, {"_send_back": 1, "comment": "Le parent a disparu."})
    assert sent.status_code == 302
    editor = Client()
    editor.force_login(author)
    assert editor.get(review).status_code == 200


def test_a_pending_always_rule_to_a_draft_is_refused_on_approval():
    question = factories.question_with_answers(risk_signal=True)
    answer = question.answers.order_by("order").last()
    draft = factories.draft_intervention()
    rule = AnswerRule(answer=answer, kind=AnswerRule.Kind.ALWAYS, intervention=draft)
    rule.explanation_fr, rule.explanation_en = "Parce que.", "Because."
    pending = changes.propose_new(rule, user_in_role("editor", "redactrice"))
    reviewer = client_for("reviewer")
    review = reverse("admin:services_pendingchange_change", args=[pending.pk])
    refused = reviewer.post(review, {"_approve": 1})
    assert refused.status_code == 400
    assert not AnswerRule.objects.filter(intervention=draft).exists()
    pending.refresh_from_db()
    assert pending.is_open


def test_every_kind_of_change_shows_on_the_next_uncached_render(settings):
    settings.PAGE_CACHE = False
    first, second = factories.source(title="Premier guide"), factories.source(title="Second")
    row = factories.intervention(sources=[first])
    term = factories.glossary_term()
    with translation.override("fr"):
        page, glossary = row.get_absolute_url(), reverse("services:glossary")
    visitor = Client()

    def shows(path, words):
        return words in html.unescape(visitor.get(path).content.decode())

    assert shows(page, "Premier guide") and not shows(page, "Second")
    row.sources.add(second)  # an m2m change
    assert shows(page, "Second")
    second.title = "Second, retitré"
    second.save()  # a source's own record
    assert shows(page, "Second, retitré")
    row.sources.remove(first)
    assert not shows(page, "Premier guide")

    assert not shows(glossary, "Définition revue")
    term.definition_fr = "Définition revue."
    pending = changes.propose(term, user_in_role("editor", "redactrice"))
    reviewer = client_for("reviewer")
    review = reverse("admin:services_pendingchange_change", args=[pending.pk])
    assert not shows(glossary, "Définition revue")  # pending: not yet
    assert reviewer.post(review, {"_approve": 1}).status_code == 302
    assert shows(glossary, "Définition revue")
    record = term.history.order_by("history_id").first()
    record.instance.save()  # a revert to the first version, as History does it
    assert not shows(glossary, "Définition revue")


@pytest.mark.parametrize("value", ["abc", "0", "9" * 25, "1%00", "-1", "١"])
def test_odd_pending_change_ids_in_the_admin_are_never_a_500(value):
    reviewer = client_for("reviewer")
    review = f"/admin/services/pendingchange/{value}/change/"
    assert reviewer.get(review).status_code in (302, 400, 404)
    for model in ("resource", "glossaryterm", "question"):
        assert reviewer.get(f"/admin/services/{model}/{value}/change/").status_code in (
            302,
            400,
            404,
        )
    assert reviewer.post(review, {"_approve": 1}).status_code in (302, 400, 403, 404)
    add = reverse("admin:services_resource_add")
    assert reviewer.get(add, {"_pending": value}).status_code == 200


def test_junk_404s_do_not_flush_the_memos_every_visitor_uses(settings):
    """Each 404 path typesets a text of its own, kept in the bounded memo: MAX_ENTRIES junk
    addresses, from anyone, evict every page's memos (each uncached render pays in full)."""
    settings.PAGE_CACHE = False
    visitor = Client()
    visitor.get("/fr/")
    kept = set(render_memo._store.entries)
    for number in range(render_memo.MAX_ENTRIES + 10):
        visitor.get(f"/fr/introuvable-{number}/")
    assert kept <= set(render_memo._store.entries)


@pytest.mark.parametrize("kind", ["edit", "create"])
def test_a_previewed_glossary_term_never_reaches_a_visitors_glossary_or_links(kind, settings):
    settings.PAGE_CACHE = False
    term = factories.glossary_term(**{"term_fr": "ZQX (zq)", "expansion_fr": "Zèta"})
    factories.page("about", body_fr="<p>Le ZQX et le ZQY.</p>")
    author = user_in_role("editor", "redactrice")
    if kind == "edit":
        term.expansion_fr = f"Zèta {MARK}"
        pending = changes.propose(term, author)
    else:
        new = GlossaryTerm(term_fr="ZQY (zy)", term_en="ZQY (zy)")
        new.expansion_fr, new.definition_fr, new.definition_en = MARK, "Déf.", "Def."
        pending = changes.propose_new(new, author)
    with translation.override("fr"):
        pages = (reverse("services:glossary"), reverse("services:about"))
    visitor, editor = Client(), Client()
    editor.force_login(author)
    for path in pages:
        assert MARK not in visitor.get(path).content.decode()
    for path in pages:
        assert MARK in editor.get(path, {"preview": pending.pk}).content.decode(), path
    for path in pages:
        assert MARK not in visitor.get(path).content.decode(), path
    assert not kept_anywhere(MARK)


def test_what_a_guide_post_leaves_in_the_memos_does_not_depend_on_the_answers(settings):
    """Decision 0003: a memo must keep no trace of what a visitor answered, not even which
    code path the answers took (its hits could be timed)."""
    settings.PAGE_CACHE = False
    kind = factories.intervention()
    factories.help_line(in_header=True)
    question = factories.question_with_answers(risk_signal=True)
    risky, calm = question.answers.order_by("order")[:2]
    factories.answer_weight(calm, kind)
    with translation.override("fr"):
        guide = reverse("services:guide")
    form = "application/x-www-form-urlencoded"
    kept = []
    for answer in (calm, risky):
        render_memo.clear_memos()
        Client().get(guide)  # the questionnaire, as every visitor first sees it
        response = Client().post(guide, f"{question.key}={answer.key}", content_type=form)
        assert 'class="your-answers"' in response.content.decode()
        assert ('class="crisis-first"' in response.content.decode()) == (answer == risky)
        kept.append({key[2:] for key in render_memo._store.entries})
    assert kept[0] == kept[1]
