"""Keyboard only: the order of the first stops, the guide with Tab/Space/Enter, visible focus."""

import pytest

from .pages import PAGE_TYPES

FOCUS_VISIBLE = """() => {
    const el = document.activeElement;
    const style = getComputedStyle(el);
    return style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2
        || style.boxShadow !== 'none';
}"""
FOCUSED = """() => {
    const el = document.activeElement;
    return {tag: el.tagName, cls: el.className, href: el.getAttribute('href'),
            type: el.type, name: el.name, text: el.textContent.trim().slice(0, 40)};
}"""


@pytest.mark.parametrize(
    "name", ["home", "crisis", "compare", "guide", "near-you", "region", "404"]
)
@pytest.mark.parametrize("language", ["fr", "en"])
def test_tab_reaches_skip_link_then_quick_exit_then_language(site, page, name, language):
    page.goto(site + PAGE_TYPES[name][language])
    page.keyboard.press("Tab")
    assert page.evaluate(FOCUSED)["href"] == "#main"
    assert page.evaluate(FOCUS_VISIBLE)
    assert page.locator(".skip-link").is_visible()
    page.keyboard.press("Tab")
    assert page.evaluate("() => document.activeElement.hasAttribute('data-quick-exit')")
    assert page.evaluate(FOCUS_VISIBLE)
    page.keyboard.press("Tab")
    assert "language-toggle" in page.evaluate(FOCUSED)["cls"]
    assert page.evaluate(FOCUS_VISIBLE)


@pytest.mark.parametrize("language", ["fr", "en"])
def test_the_guide_completes_with_the_keyboard_alone(site, page, language):
    page.goto(site + PAGE_TYPES["guide"][language])
    answered = set()
    for _ in range(200):
        page.keyboard.press("Tab")
        focused = page.evaluate(FOCUSED)
        assert page.evaluate(FOCUS_VISIBLE), focused
        if focused["type"] == "radio" and focused["name"] not in answered:
            page.keyboard.press("Space")
            answered.add(focused["name"])
        elif focused["tag"] == "BUTTON" and focused["type"] == "submit":
            page.keyboard.press("Enter")
            break
    page.wait_for_selector(".recommendation")
    assert len(answered) == 5


def test_skip_link_moves_focus_to_the_content(site, page):
    page.goto(site + PAGE_TYPES["crisis"]["fr"])
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    assert page.evaluate("() => document.activeElement.id") == "main"


@pytest.mark.parametrize("javascript", [True, False], ids=["js-on", "js-off"])
def test_quick_exit_lands_on_the_neutral_site(site, browser, javascript):
    context = browser.new_context(java_script_enabled=javascript)
    context.route("https://meteo.gc.ca/**", lambda route: route.fulfill(body="meteo"))
    page = context.new_page()
    page.goto(site + PAGE_TYPES["resources"]["fr"])
    page.locator("[data-quick-exit]").click()
    page.wait_for_url("https://meteo.gc.ca/")
    context.close()
