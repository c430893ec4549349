"""The editor bar in a real browser: a logged-in editor sees it and it leads to the admin;
a visitor, before and after, never does (the cached copy included)."""

from pathlib import Path

import pytest
from django.test import Client
from playwright.sync_api import expect

from services.models import Intervention

from ..admin_roles import user_in_role
from .pages import PAGE_TYPES

SCREENSHOTS = Path(__file__).resolve().parent.parent / "output" / "first-screen"
EDIT = {"fr": "Modifier cette page", "en": "Edit this page"}
HISTORY = {"fr": "Historique", "en": "History"}


@pytest.fixture
def editor_cookie(writable_site, django_user_model):
    """The session cookie of a logged-in Editor (two-step login is off in tests)."""
    site = writable_site
    user = user_in_role("editor", "editrice")
    client = Client()
    client.force_login(user)
    host = site.split("//")[1].split(":")[0]
    return {
        "name": "sessionid",
        "value": client.cookies["sessionid"].value,
        "domain": host,
        "path": "/",
    }


def has_bar(page):
    return page.locator(".editor-bar").count() > 0


@pytest.mark.parametrize("language", ["fr", "en"])
def test_an_editor_sees_the_bar_and_a_visitor_never_does(
    writable_site, browser, editor_cookie, language
):
    site = writable_site
    url = site + PAGE_TYPES["crisis"][language]
    visitor = browser.new_context()
    before = visitor.new_page()
    before.goto(url)  # the page cache now holds the visitor's copy
    assert not has_bar(before)

    editor = browser.new_context()
    editor.add_cookies([editor_cookie])
    page = editor.new_page()
    for width, height in [(360, 780), (1280, 900)]:
        page.set_viewport_size({"width": width, "height": height})
        page.goto(url)
        expect(page.locator(".editor-bar")).to_be_visible()
        page.screenshot(path=SCREENSHOTS / f"{language}-crisis-editor-{width}.png")
    crisis = Intervention.objects.get(key="crisis")
    expect(page.get_by_role("link", name=HISTORY[language], exact=True)).to_have_attribute(
        "href", f"/admin/services/intervention/{crisis.pk}/history/"
    )
    page.get_by_role("link", name=EDIT[language]).click()
    expect(page).to_have_url(f"{site}/admin/services/intervention/{crisis.pk}/change/")

    after = visitor.new_page()
    after.goto(url)
    assert not has_bar(after)
    editor.close()
    visitor.close()
