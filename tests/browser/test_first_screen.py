"""The first screen and the quick exit, on every page type, in both languages (issue 15):

- at 360 × 780 (and 1280 × 900) the header, the help strip and the page's own <h1> are in
  the first screen; on the home page, the guide's call to action and "need help now" too;
- at 320 pixels and at 200 % zoom, the header, the help strip and the start of the <h1> are;
- after scrolling to the bottom, the quick exit is in view, on top (nothing covers it);
- the menu opens without JavaScript.

Screenshots of each page type at 360 and 1280 go to tests/output/first-screen/ (git-ignored).
"""

from pathlib import Path

import pytest
from playwright.sync_api import expect

from .pages import PAGE_TYPES, open_guide_state

SCREENSHOTS = Path(__file__).resolve().parent.parent / "output" / "first-screen"
# name: (width, height). 200 % zoom of a 1280 × 900 window leaves 640 × 450 CSS pixels.
VIEWPORTS = {
    "phone": (360, 780),
    "desktop": (1280, 900),
    "small": (320, 640),
    "zoom200": (640, 450),
}
STATES = [(name, None) for name in PAGE_TYPES] + [("guide", "result"), ("guide", "risk")]

# The bottom edge of each element, and of the window, in CSS pixels.
BOXES = """(selectors) => {
    const found = {};
    for (const selector of selectors) {
        const el = document.querySelector(selector);
        const box = el && el.getBoundingClientRect();
        found[selector] = box && box.height > 0 ? {top: box.top, bottom: box.bottom} : null;
    }
    found.window = window.innerHeight;
    return found;
}"""
# True when the centre of the element is the element itself (or inside it): not covered.
ON_TOP = """(selector) => {
    const el = document.querySelector(selector);
    const box = el.getBoundingClientRect();
    const hit = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
    return box.top >= 0 && box.bottom <= window.innerHeight && el.contains(hit);
}"""


def visit(page, site, language, name, state):
    if state:
        open_guide_state(page, site, language, state)
    else:
        page.goto(site + PAGE_TYPES[name][language])
    page.wait_for_load_state()


def first_screen_misses(page, viewport, home):
    """What is not where the first-screen rule wants it, as [(selector, box, fold)]."""
    wanted = [".site-header", ".help-bar", "main h1", "[data-quick-exit]"]
    if home and viewport in ("phone", "desktop"):
        wanted += [".call-to-action .button", "#help-bar-title"]
    boxes = page.evaluate(BOXES, wanted)
    fold = boxes["window"]
    misses = []
    for selector in wanted:
        box = boxes[selector]
        # Whole at 360 and 1280; at 320 and at 200 % zoom, the <h1> at least starts on screen.
        partial = selector == "main h1" and viewport not in ("phone", "desktop")
        if box is None or box["top"] < 0 or (box["top"] if partial else box["bottom"]) > fold:
            misses.append((selector, box, fold))
    return misses


# One test per language walks every page type at every size: the live server is seeded once.
@pytest.mark.parametrize("language", ["fr", "en"])
def test_first_screen_and_quick_exit_on_every_page_type(site, page, language):
    """Header, help strip and <h1> on the first screen (home: the guide's button and "need
    help now" too); the quick exit in view and on top half way down and at the bottom."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    failures = []
    for viewport, (width, height) in VIEWPORTS.items():
        page.set_viewport_size({"width": width, "height": height})
        for name, state in STATES:
            label = f"{language}-{name}{'-' + state if state else ''}-{viewport}"
            visit(page, site, language, name, state)
            if viewport in ("phone", "desktop"):
                page.screenshot(path=SCREENSHOTS / f"{label}.png")
            failures += [
                (label, *miss) for miss in first_screen_misses(page, viewport, name == "home")
            ]
            for where in ("scrollHeight / 2", "scrollHeight"):
                page.evaluate(f"window.scrollTo(0, document.documentElement.{where})")
                if not page.evaluate(ON_TOP, "[data-quick-exit]"):
                    failures.append((label, "quick exit hidden after scrolling to", where))
    assert failures == []


@pytest.mark.parametrize("language", ["fr", "en"])
def test_the_guides_result_opens_with_the_quick_exit_in_view(site, page, language):
    page.set_viewport_size({"width": 360, "height": 780})
    open_guide_state(page, site, language, "risk")
    assert page.evaluate(ON_TOP, "[data-quick-exit]")
    boxes = page.evaluate(BOXES, ["main h1", "[data-quick-exit]"])
    # The crisis block's heading is not hidden under the sticky bar.
    assert boxes["main h1"]["top"] >= boxes["[data-quick-exit]"]["bottom"], boxes


GLOSSARY = {"fr": "Glossaire", "en": "Glossary"}


@pytest.mark.parametrize("language", ["fr", "en"])
def test_the_menu_opens_without_javascript_on_a_phone(site, browser, language):
    context = browser.new_context(java_script_enabled=False, viewport={"width": 360, "height": 780})
    page = context.new_page()
    page.goto(site + PAGE_TYPES["crisis"][language])
    nav = page.get_by_role("navigation", name="Menu principal" if language == "fr" else "Main menu")
    link = nav.get_by_role("link", name=GLOSSARY[language])
    expect(link).to_be_hidden()
    page.locator(".menu-button").click()
    expect(link).to_be_visible()
    link.click()
    expect(page).to_have_url(site + PAGE_TYPES["glossary"][language])
    context.close()


@pytest.mark.parametrize("javascript", [True, False], ids=["js-on", "js-off"])
def test_on_a_wide_screen_the_menu_shows_its_links_without_a_button(site, browser, javascript):
    context = browser.new_context(
        java_script_enabled=javascript, viewport={"width": 1280, "height": 900}
    )
    page = context.new_page()
    page.goto(site + PAGE_TYPES["home"]["en"])
    expect(page.locator(".menu-button")).to_be_hidden()
    expect(page.get_by_role("link", name="Glossary").first).to_be_visible()
    page.keyboard.press("Tab")  # skip link
    for _ in range(6):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.closest('.site-nav') !== null"):
            break
    assert page.evaluate("document.activeElement.closest('.site-nav') !== null")
    context.close()


def test_the_escape_shortcut_is_announced_only_with_javascript_and_skip_link_on_top(site, browser):
    for javascript in (True, False):
        context = browser.new_context(java_script_enabled=javascript)
        page = context.new_page()
        page.goto(site + PAGE_TYPES["home"]["en"])
        name = page.locator("[data-quick-exit]").evaluate("el => el.innerText")
        hint = page.locator("[data-exit-hint]")
        assert hint.evaluate("el => el.hidden") is (not javascript), name
        # The skip link shows above the sticky bar when focused.
        page.keyboard.press("Tab")
        assert page.evaluate(ON_TOP, ".skip-link")
        context.close()
