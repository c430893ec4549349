"""The guide's safety in a real browser: the crisis block after a risk answer, the quick exit
leaving no answer behind Back (JavaScript on and off, with and without the back-forward
cache), and the path for someone worried about another person — in both languages."""

import contextlib

import pytest
from playwright.sync_api import expect

from .pages import PAGE_TYPES

NEUTRAL = {"fr": "https://meteo.gc.ca/", "en": "https://weather.gc.ca/"}
SUBMIT = {"fr": "Voir l'aide qui pourrait convenir", "en": "See which help may fit"}
SUICIDAL = {"fr": "Je pense au suicide", "en": "I have thoughts of suicide"}
ANSWERS = ["#situation-grief", "#duration-months", "#impact-a-lot", "#hope-talk"]


@pytest.fixture(scope="session")
def bfcache_browser(browser_type, browser_type_launch_args):
    """Chromium with the back-forward cache on, as in a visitor's Chrome (Playwright turns
    it off by default)."""
    browser = browser_type.launch(
        **browser_type_launch_args, ignore_default_args=["--disable-back-forward-cache"]
    )
    yield browser
    browser.close()


@pytest.fixture(
    params=[(True, True), (True, False), (False, True), (False, False)],
    ids=["js-bfcache", "js", "nojs-bfcache", "nojs"],
)
def visitor(request, browser, bfcache_browser):
    javascript, bfcache = request.param
    context = (bfcache_browser if bfcache else browser).new_context(java_script_enabled=javascript)
    for url in NEUTRAL.values():
        context.route(url + "**", lambda route: route.fulfill(body="weather", status=200))
    page = context.new_page()
    page.javascript = javascript
    yield page
    context.close()


def leave_and_come_back(page, language):
    page.locator("[data-quick-exit]").click()
    page.wait_for_url(NEUTRAL[language])
    # Chromium's own "resubmit the form?" page is an error for Playwright, not for us.
    # A page restored from the back-forward cache fires no "load" event: waiting for one
    # would time out (30 s) and prove nothing. Wait for the navigation, then for the document
    # to be complete, which a restored one already is.
    # Without JavaScript no script can ask the document: the "load" event is waited for.
    if not page.javascript:
        with contextlib.suppress(Exception):
            page.go_back(wait_until="load", timeout=10_000)
        return
    with contextlib.suppress(Exception):
        page.go_back(wait_until="commit", timeout=10_000)
    with contextlib.suppress(Exception):
        page.wait_for_function("document.readyState === 'complete'", timeout=10_000)


@pytest.mark.parametrize("language", ["fr", "en"])
def test_after_the_quick_exit_back_shows_no_answer(site, visitor, language):
    visitor.goto(site + PAGE_TYPES["guide"][language])
    for selector in ANSWERS:
        visitor.check(selector)
    visitor.check("#safety-suicidal-thoughts")
    visitor.get_by_role("button", name=SUBMIT[language]).click()
    expect(visitor.locator(".crisis-first")).to_be_visible()
    leave_and_come_back(visitor, language)
    # Whatever the browser shows now — the empty questionnaire, or its own "resubmit?" page —
    # no answer is ticked and the result is gone.
    assert visitor.locator("input[type=radio]:checked").count() == 0
    assert visitor.locator(".crisis-first, .your-answers, .recommendations").count() == 0


@pytest.mark.parametrize("language", ["fr", "en"])
def test_after_the_quick_exit_from_the_questionnaire_back_shows_it_empty(site, visitor, language):
    visitor.goto(site + PAGE_TYPES["home"][language])
    visitor.goto(site + PAGE_TYPES["guide"][language])
    visitor.check("#safety-suicidal-thoughts")
    visitor.check("#situation-grief")
    leave_and_come_back(visitor, language)
    assert visitor.locator("input[type=radio]:checked").count() == 0


@pytest.mark.parametrize("language", ["fr", "en"])
def test_a_lone_suicidal_answer_shows_the_crisis_block_on_the_first_screen(site, browser, language):
    context = browser.new_context(viewport={"width": 360, "height": 780})
    page = context.new_page()
    page.goto(site + PAGE_TYPES["guide"][language])
    page.get_by_label(SUICIDAL[language]).check()
    page.get_by_role("button", name=SUBMIT[language]).click()
    crisis = page.locator(".crisis-first")
    expect(crisis).to_be_visible()
    expect(page.locator(".error-summary")).to_have_count(0)
    call = crisis.locator("a[href='tel:+18662773553']").first
    box = call.bounding_box()
    assert box["y"] >= 0 and box["y"] + box["height"] <= 780, box  # no scrolling needed
    context.close()


@pytest.mark.parametrize("language", ["fr", "en"])
def test_someone_worried_about_another_person_finds_their_page(site, visitor, language):
    visitor.goto(site + PAGE_TYPES["guide"][language])
    visitor.locator(".for-someone-else a").click()
    visitor.wait_for_url(site + PAGE_TYPES["worried"][language])
    expect(visitor.locator("main h1")).to_be_visible()
    expect(visitor.locator("main")).to_contain_text("911")
    assert visitor.context.cookies() == []


def test_the_language_toggle_on_the_result_keeps_the_answers(site, visitor):
    visitor.goto(site + PAGE_TYPES["guide"]["fr"])
    visitor.check("#safety-unsafe-at-home")
    visitor.get_by_role("button", name=SUBMIT["fr"]).click()
    expect(visitor.locator(".crisis-first")).to_be_visible()
    visitor.locator("button.language-toggle").click()
    visitor.wait_for_load_state()
    assert visitor.locator("html").get_attribute("lang") == "en"
    expect(visitor.locator(".crisis-first")).to_contain_text("SOS violence conjugale")
    assert "?" not in visitor.url
