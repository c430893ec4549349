"""« Près de chez toi / Near you » in a real browser: finding one's region by keyboard alone,
with JavaScript (the filter) and without (the plain list), and nothing kept."""

import pytest
from playwright.sync_api import expect

from .pages import PAGE_TYPES
from .test_keyboard import FOCUS_VISIBLE, FOCUSED

LIST = PAGE_TYPES["near-you"]


@pytest.fixture(params=[True, False], ids=["js-on", "js-off"])
def visitor(request, browser):
    context = browser.new_context(java_script_enabled=request.param)
    page = context.new_page()
    page.javascript = request.param
    yield page
    context.close()


def tab_until(page, wanted, limit=120):
    """Press Tab until `wanted(focused)` is true; every stop must show its focus."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        focused = page.evaluate(FOCUSED)
        assert page.evaluate(FOCUS_VISIBLE), focused
        if wanted(focused):
            return focused
    raise AssertionError("never reached")


@pytest.mark.parametrize("language", ["fr", "en"])
def test_a_visitor_finds_their_region_by_keyboard_alone(site, visitor, language):
    visitor.goto(site + LIST[language])
    if visitor.javascript:
        # The filter comes first: type part of the name, without its accent.
        tab_until(visitor, lambda f: f["tag"] == "INPUT")
        visitor.keyboard.type("cote-n")
        expect(visitor.locator("[data-region-list] li:visible")).to_have_count(1)
        focused = tab_until(visitor, lambda f: f["tag"] == "A")
    else:
        focused = tab_until(visitor, lambda f: f["tag"] == "A" and "Côte-Nord" in f["text"])
    assert "Côte-Nord" in focused["text"]
    visitor.keyboard.press("Enter")
    expect(visitor).to_have_url(site + LIST[language] + "cote-nord/")
    expect(visitor.get_by_role("heading", level=1)).to_contain_text("Côte-Nord")
    # The first of several: numbers in the region's text are links too (phone_links.py).
    expect(visitor.locator("main a[href='tel:911']").first).to_be_visible()
    assert visitor.context.cookies() == []


def test_without_javascript_the_whole_list_is_there_and_no_filter(site, visitor):
    visitor.goto(site + LIST["fr"])
    expect(visitor.locator("[data-region-list] a")).to_have_count(17)
    if visitor.javascript:
        expect(visitor.get_by_label("Tape le nom de ta région")).to_be_visible()
    else:
        expect(visitor.locator("[data-region-filter]")).to_be_hidden()


def test_the_filter_ignores_accents_announces_the_count_and_keeps_nothing(site, page):
    page.goto(site + LIST["fr"])
    box = page.get_by_label("Tape le nom de ta région")
    box.fill("monte")
    expect(page.locator("[data-region-list] li:visible")).to_have_count(1)
    expect(page.locator("#region-filter-count")).to_have_text("1 région affichée")
    box.fill("qu")
    expect(page.locator("#region-filter-count")).to_contain_text("régions affichées")
    box.fill("")
    expect(page.locator("[data-region-list] li:visible")).to_have_count(17)
    # Nothing typed goes into the address or the browser's storage.
    box.fill("laval")
    assert page.url == site + LIST["fr"]
    assert page.evaluate("() => localStorage.length + sessionStorage.length") == 0
    assert page.context.cookies() == []
    box.press("Enter")  # one region left: Enter opens it
    expect(page).to_have_url(site + "/fr/pres-de-chez-toi/laval/")


def test_the_toggle_on_a_region_page_lands_on_the_same_region(site, page):
    page.goto(site + PAGE_TYPES["region"]["fr"])
    page.get_by_role("link", name="English").click()
    expect(page).to_have_url(site + PAGE_TYPES["region"]["en"])
    expect(page.locator("html")).to_have_attribute("lang", "en")
    page.locator(".language-toggle").click()
    expect(page).to_have_url(site + PAGE_TYPES["region"]["fr"])
