"""A few journeys in a real browser."""

from playwright.sync_api import Page, expect


def test_switching_language_on_an_intervention_page_lands_on_its_counterpart(site, page: Page):
    page.goto(f"{site}/fr/")
    expect(page.locator("html")).to_have_attribute("lang", "fr")
    # Home shows the two families; the kinds of help are one link away (issue 15).
    page.get_by_role("link", name="Les huit types de soutien psychosocial").click()
    page.get_by_role("link", name="Intervention de crise").first.click()
    expect(page).to_have_url(f"{site}/fr/services/intervention-de-crise/")
    page.get_by_role("link", name="English").click()
    expect(page).to_have_url(f"{site}/en/services/crisis-intervention/")
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.get_by_role("heading", level=1)).to_have_text("Crisis intervention")


SMALL_SCREEN_PATHS = [
    "/fr/",
    "/en/",
    "/fr/services/",
    "/en/services/",
    "/fr/services/psychotherapie/",
    "/en/services/crisis-intervention/",
    "/fr/comparer/",
    "/en/compare/",
    "/fr/ressources/",
    "/en/resources/",
    "/fr/glossaire/",
    "/en/glossary/",
    "/fr/a-propos/",
    "/en/privacy/",
    "/fr/pres-de-chez-toi/",
    "/en/near-you/",
    "/fr/pres-de-chez-toi/montreal/",
    "/en/near-you/nord-du-quebec/",
    "/fr/nulle-part/",
]


def test_help_lines_are_visible_at_320_pixels_without_sideways_scroll(site, page: Page):
    page.set_viewport_size({"width": 320, "height": 640})
    for path in SMALL_SCREEN_PATHS:
        page.goto(site + path)
        expect(page.locator(".help-bar a[href='tel:911']")).to_be_visible()
        overflow = page.evaluate(
            "document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        assert overflow <= 0, (path, overflow)


def test_quick_exit_leaves_without_a_history_entry(site, page: Page):
    page.route("https://meteo.gc.ca/**", lambda route: route.fulfill(body="meteo", status=200))
    page.goto(f"{site}/fr/")
    page.goto(f"{site}/fr/services/")
    page.keyboard.press("Escape")
    page.keyboard.press("Escape")
    page.keyboard.press("Escape")
    page.wait_for_url("https://meteo.gc.ca/")
    page.go_back()
    # The services page was replaced: back leads to the home page, not the page we left.
    assert page.url == f"{site}/fr/"
