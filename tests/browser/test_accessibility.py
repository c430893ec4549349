"""Accessibility in a real browser: axe-core (WCAG 2.0/2.1/2.2 A and AA) on every page type,
small screens, touch targets, zoom, reduced motion — and a screenshot of each for people."""

from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe

from .pages import PAGE_TYPES, open_guide_state

AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]
SCREENSHOTS = Path(__file__).resolve().parent.parent / "output" / "screenshots"
WIDTHS = [320, 1280]
# Controls that are not words inside a sentence, so WCAG 2.5.8 applies to them.
TARGETS = (
    ".utility-bar a, .site-nav a, .help-lines a, .button, button, input[type=radio], "
    ".footer-links a, .toc a, .breadcrumb a, .help-bar-more a, .az-index a, .glance-links a, "
    ".related-pages a, details > summary, .compare-picker select"
)
axe = Axe()

STATES = [(name, None) for name in PAGE_TYPES] + [
    ("guide", "errors"),
    ("guide", "result"),
    ("guide", "risk"),
]


def visit(page, site, language, name, state):
    if state:
        open_guide_state(page, site, language, state)
    else:
        page.goto(site + PAGE_TYPES[name][language])


def violations(page):
    results = axe.run(page, options={"runOnly": {"type": "tag", "values": AXE_TAGS}})
    return [
        (v["id"], [node["target"] for node in v["nodes"]][:3])
        for v in results.response["violations"]
    ]


@pytest.mark.parametrize("language", ["fr", "en"])
@pytest.mark.parametrize(("name", "state"), STATES, ids=[f"{n}-{s or 'page'}" for n, s in STATES])
def test_page_is_accessible_at_phone_and_desktop_widths(site, page, language, name, state):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    for width in WIDTHS:
        page.set_viewport_size({"width": width, "height": 2 * width if width < 400 else 900})
        visit(page, site, language, name, state)
        label = f"{language}-{name}{'-' + state if state else ''}-{width}"
        page.screenshot(path=SCREENSHOTS / f"{label}.png", full_page=True)
        assert page.locator("html").get_attribute("lang") == language
        assert violations(page) == [], label
        overflow = page.evaluate(
            "document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        assert overflow <= 0, (label, overflow)
        assert page.locator("[data-quick-exit]").is_visible()
        small = page.evaluate(
            """(selector) => [...document.querySelectorAll(selector)]
                // Shown only: not inside a closed <details> (the phone menu) nor display: none.
                .filter((el) => el.checkVisibility())
                .map((el) => [el.outerHTML.slice(0, 80), el.getBoundingClientRect()])
                .filter(([, box]) => box.width < 24 || box.height < 24)
                .map(([html, box]) => `${html} ${box.width}x${box.height}`)""",
            TARGETS,
        )
        assert small == [], label


@pytest.mark.parametrize("name", ["home", "compare", "crisis", "guide"])
def test_200_percent_zoom_keeps_everything_reachable(site, page, name):
    # 200 % zoom of a 1280-pixel window leaves 640 CSS pixels.
    page.set_viewport_size({"width": 640, "height": 450})
    page.goto(site + PAGE_TYPES[name]["fr"])
    assert page.evaluate(
        "document.documentElement.scrollWidth <= document.documentElement.clientWidth"
    )
    for locator in ["main h1", "[data-quick-exit]", ".help-lines a >> nth=0", ".site-footer"]:
        element = page.locator(locator).first
        element.scroll_into_view_if_needed()
        assert element.is_visible(), locator


def test_reduced_motion_turns_off_every_animation_and_transition(site, page):
    page.emulate_media(reduced_motion="reduce")
    page.goto(site + PAGE_TYPES["home"]["en"])
    moving = page.evaluate(
        """() => [...document.querySelectorAll('*')].filter((el) => {
            const style = getComputedStyle(el);
            return style.animationName !== 'none' ||
                   !['0s', ''].includes(style.transitionDuration);
        }).map((el) => el.tagName)"""
    )
    assert moving == []


def test_other_language_passages_carry_their_own_lang(site, page):
    page.goto(site + PAGE_TYPES["glossary"]["en"])
    french_terms = page.locator(".other-language [lang=fr]")
    assert french_terms.count() > 5
    page.goto(site + PAGE_TYPES["home"]["fr"])
    toggle = page.locator(".language-toggle")
    assert toggle.get_attribute("lang") == "en"


def test_the_accessibility_check_does_catch_a_violation(site, page):
    """Guards the harness: an unlabelled field and a missing alt text must be reported."""
    page.goto(site + PAGE_TYPES["about"]["fr"])
    page.evaluate(
        """() => document.querySelector('main').insertAdjacentHTML('beforeend',
            '<img src="/static/img/favicon.svg"><input type="text">')"""
    )
    found = {rule for rule, _nodes in violations(page)}
    assert {"image-alt", "label"} <= found
