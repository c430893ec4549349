"""An Editor at work in the French admin, in a real browser under the site's CSP (issue 15):
the rich-text editor, a French-only draft, and History showing exactly what changed."""

import re

import pytest
from django.test import Client
from playwright.sync_api import Page, expect

from services.models import GlossaryTerm, Intervention
from services.models import Page as SitePage

from ..admin_roles import user_in_role


@pytest.fixture
def site(writable_site):
    """These tests log an editor in and save: each gets its own copy of the content."""
    return writable_site


SCREENSHOTS = "/tmp"


def logged_in(site, page: Page, role):
    """`page` logged in as a new user in `role` ("editor", "reviewer"), the admin in French,
    at 1280 × 900."""
    user = user_in_role(role, {"editor": "editrice", "reviewer": "reviseur"}[role])
    client = Client()
    client.force_login(user)
    page.context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": site}]
    )
    page.set_extra_http_headers({"Accept-Language": "fr"})
    page.set_viewport_size({"width": 1280, "height": 900})
    return page


@pytest.fixture
def editor_page(site, page: Page, django_user_model):
    """A browser page logged in as an Editor: their changes to live content wait (four eyes)."""
    return logged_in(site, page, "editor")


@pytest.fixture
def reviewer_page(site, page: Page, django_user_model):
    """A browser page logged in as the only Reviewer, whose saves go live at once."""
    return logged_in(site, page, "reviewer")


def script_refusals(page: Page):
    """Scripts the CSP blocked. (Tiptap also tries to add a <style> element, which the CSP
    blocks too: its rules are in the editor's own stylesheet, so nothing is lost.)"""
    refused = []
    page.on(
        "console",
        lambda m: (
            refused.append(m.text) if "Content Security" in m.text and "script" in m.text else None
        ),
    )
    return refused


def test_the_rich_text_editor_saves_clean_html(site, reviewer_page: Page):
    refused = script_refusals(reviewer_page)
    about = SitePage.objects.get(key="about")
    reviewer_page.goto(f"{site}/admin/services/page/{about.pk}/change/")
    editor = reviewer_page.locator(".prose-editor:has(#id_body_fr) [contenteditable=true]")
    expect(editor).to_be_visible()
    # The textarea holding the HTML is hidden: an editor never sees a tag.
    expect(reviewer_page.locator("textarea#id_body_fr")).to_be_hidden()
    editor.scroll_into_view_if_needed()
    reviewer_page.screenshot(path=f"{SCREENSHOTS}/editors-ux-change-form.png", full_page=False)
    editor.click()
    reviewer_page.keyboard.press("Control+End")
    reviewer_page.keyboard.press("Enter")
    reviewer_page.keyboard.press("Control+b")
    reviewer_page.keyboard.type("Texte important")
    reviewer_page.keyboard.press("Control+b")
    reviewer_page.get_by_role("button", name=re.compile("Enregistrer$")).first.click()
    expect(reviewer_page.locator(".messagelist")).to_be_visible()
    about.refresh_from_db()
    assert "<strong>Texte important</strong>" in about.body_fr
    tags = set(re.findall(r"<(\w+)", about.body_fr))
    assert tags <= {"p", "strong", "em", "ul", "ol", "li", "a", "h2", "h3", "br"}, tags
    attributes = set(re.findall(r"<\w+\s+([^>]*)>", about.body_fr))
    assert all(
        set(re.findall(r"([\w-]+)=", attrs)) <= {"href", "rel", "hreflang"} for attrs in attributes
    ), attributes
    assert refused == []


def test_an_editor_saves_a_french_only_draft(site, editor_page: Page):
    editor_page.goto(f"{site}/admin/services/intervention/add/")
    editor_page.locator("#id_name_fr").press_sequentially("Groupe d'entraide")
    # The address fills itself from the name, and stays editable.
    expect(editor_page.locator("#id_slug_fr")).to_have_value("groupe-dentraide")
    editor_page.get_by_role("button", name=re.compile("^Enregistrer$")).first.click()
    expect(editor_page.locator(".messagelist")).to_be_visible()
    expect(editor_page.locator(".errornote")).to_have_count(0)
    draft = Intervention.objects.get(name_fr="Groupe d'entraide")
    assert draft.status == Intervention.Status.DRAFT
    assert not draft.name_en
    editor_page.goto(f"{site}/admin/")
    expect(editor_page.locator("#translation-gaps")).to_contain_text("Groupe d'entraide")


def test_a_one_field_edit_shows_exactly_one_changed_field_in_history(site, reviewer_page: Page):
    term = GlossaryTerm.objects.get(key="psychotherapy")
    reviewer_page.goto(f"{site}/admin/services/glossaryterm/{term.pk}/change/")
    definition = reviewer_page.locator("#id_definition_fr")
    definition.fill(definition.input_value() + " Il se soigne.")
    reviewer_page.get_by_role("button", name=re.compile("^Enregistrer$")).first.click()
    expect(reviewer_page.locator(".messagelist")).to_be_visible()
    reviewer_page.goto(f"{site}/admin/services/glossaryterm/{term.pk}/history/")
    latest = reviewer_page.locator("#change-history tbody tr").first
    expect(latest.locator("dt")).to_have_count(1)
    expect(latest.locator("dt")).to_have_text("Définition [FR]")
    expect(latest.locator("ins")).to_contain_text("Il se soigne")
    expect(reviewer_page.locator("#change-history")).not_to_contain_text("None")
    reviewer_page.screenshot(path=f"{SCREENSHOTS}/editors-ux-history.png", full_page=False)
