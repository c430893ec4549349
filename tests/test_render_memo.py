"""Memos kept per content version (orientation_site/render_memo.py): what an uncached render reuses.

Staff and previews neither read nor fill them; any content change retires them; a guide
answer leaves nothing in them; they are bounded.
"""

import pytest
from django.test import Client, RequestFactory, override_settings

from orientation_site import render_memo
from services.models import GlossaryTerm, Intervention

pytestmark = pytest.mark.django_db

# Every request renders its page: the page cache would hide what the memos do.
uncached = override_settings(PAGE_CACHE=False)


def stored_values():
    return list(render_memo._store.entries.values())


@uncached
def test_a_staff_draft_preview_fills_no_memo_and_a_visitor_then_sees_no_draft(editor):
    crisis = Intervention.objects.get(key="crisis")
    crisis.status = Intervention.Status.DRAFT
    crisis.save()
    url = "/en/services/crisis-intervention/"

    preview = editor.get(url)
    assert "Preview — draft" in preview.content.decode()
    for staff_page in ("/en/services/", "/en/compare/", "/en/"):
        assert editor.get(staff_page).status_code == 200
    assert stored_values() == []  # an editor's requests keep nothing

    visitor = Client()
    assert visitor.get(url).status_code == 404
    for page in ("/en/services/", "/en/compare/", "/en/"):
        body = visitor.get(page).content.decode()
        assert "/en/services/crisis-intervention/" not in body, page
    assert stored_values()  # the visitor's renders were kept


def test_the_hook_keeps_a_marked_request_off_every_memo():
    factory = RequestFactory()
    visitor = factory.get("/fr/")
    assert render_memo.memo_allowed(visitor)
    assert render_memo.remember(visitor, "answer", lambda: "published") == "published"

    preview = render_memo.bypass_memos(factory.get("/fr/"))
    assert not render_memo.memo_allowed(preview)
    # Reads nothing: its own value, not the visitor's…
    assert render_memo.remember(preview, "answer", lambda: "pending") == "pending"
    assert render_memo.remember_text(preview, "text", "pending text", str.upper) == "PENDING TEXT"
    # … and writes nothing: the visitor still gets the published value.
    assert render_memo.remember(factory.get("/fr/"), "answer", lambda: "other") == "published"
    assert "pending" not in str(stored_values()).lower()


def test_no_request_no_memo():
    assert not render_memo.memo_allowed(None)
    calls = []
    for _ in range(2):
        render_memo.remember(None, "counted", lambda: calls.append(1))
    assert len(calls) == 2


@uncached
def test_a_content_save_shows_on_the_next_uncached_render(client):
    pages = [
        "/en/services/coaching/",
        "/en/services/",
        "/en/compare/",
        "/en/services/crisis-intervention/",
    ]
    for page in pages:  # every memo of these pages filled
        assert "Coaching, renamed" not in client.get(page).content.decode()
    coaching = Intervention.objects.get(key="coaching")
    coaching.name_en = "Coaching, renamed"
    coaching.save()
    for page in pages:
        assert "Coaching, renamed" in client.get(page).content.decode(), page


@uncached
def test_a_glossary_edit_shows_on_the_next_uncached_render(client):
    term = GlossaryTerm.objects.filter(expansion_en__gt="").first()
    assert client.get("/en/glossary/").status_code == 200
    term.definition_en = "A definition edited just now."
    term.save()
    assert "A definition edited just now." in client.get("/en/glossary/").content.decode()


@uncached
def test_a_second_uncached_render_asks_the_database_nothing(client, django_assert_num_queries):
    for page in ("/fr/", "/fr/services/intervention-de-crise/", "/fr/comparer/", "/fr/glossaire/"):
        first = client.get(page).content
        with django_assert_num_queries(0):  # the content version is read past the ORM
            assert client.get(page).content == first


@uncached
def test_a_guide_answer_leaves_nothing_in_the_memos(client):
    answers = "situation=grief&duration=months&impact=quite-a-lot&safety=safe&hope=talk"
    form = "application/x-www-form-urlencoded"
    response = client.post("/fr/quel-service-choisir/", answers, content_type=form)
    assert 'class="your-answers"' in response.content.decode()
    kept = " ".join(str(value) for value in stored_values())
    assert "your-answers" not in kept and "recommendations" not in kept


def test_the_memo_keeps_the_most_recently_used_entries_only():
    memo = render_memo.BoundedMemo(3)
    for key in "abcd":
        memo.put(key, key.upper())
    assert memo.get("a") is None and len(memo) == 3
    memo.get("b")  # used: kept over c
    memo.put("e", "E")
    assert memo.get("b") == "B" and memo.get("c") is None
