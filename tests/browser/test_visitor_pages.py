"""The pages a visitor reads, in a real browser: the comparison, an intervention, the glossary,
the guide's errors, and numbers that can be tapped. Both languages, phone and desktop."""

import re

import pytest
from playwright.sync_api import expect

from services.catalogue.collation import sort_key

from .pages import PAGE_TYPES, SUBMIT, open_guide_state

LANGUAGES = ["fr", "en"]
PHONE = {"width": 360, "height": 780}
DESKTOP = {"width": 1280, "height": 900}
VIEWPORTS = {"phone": PHONE, "desktop": DESKTOP}

# For each column head: bring it into the frame, then measure the head, the first row's label
# and its cell in that column, and what the reader actually sees at the label's and the
# cell's centres (a sticky cell covering another would show there).
MEASURE_COLUMN = """([frame, index]) => {
  const table = frame.querySelector("table");
  const head = table.tHead.rows[0].cells[index];
  const row = table.tBodies[0].rows[0];
  const label = row.cells[0];
  const cell = row.cells[index];
  frame.scrollLeft = 0;
  frame.scrollTop = 0;
  cell.scrollIntoView({block: "nearest", inline: "end"});
  const box = (el) => el.getBoundingClientRect();
  const seen = (el) => {
    const r = box(el);
    const hit = document.elementFromPoint((r.left + r.right) / 2, (r.top + r.bottom) / 2);
    return el.contains(hit);
  };
  const f = box(frame), l = box(label), c = box(cell), h = box(head);
  return {
    frame: [f.left, f.right], label: [l.left, l.right], cell: [c.left, c.right],
    head: [h.left, h.right], labelSeen: seen(label), cellSeen: seen(cell), headSeen: seen(head),
    name: head.textContent.trim(),
  };
}"""


@pytest.fixture
def open_page(browser):
    """open_page(url, viewport, js=True) → a page; every context is closed at the end."""
    contexts = []

    def opener(url, viewport, js=True):
        context = browser.new_context(viewport=viewport, java_script_enabled=js)
        contexts.append(context)
        page = context.new_page()
        page.goto(url)
        return page

    yield opener
    for context in contexts:
        context.close()


@pytest.mark.parametrize("viewport", VIEWPORTS)
@pytest.mark.parametrize("language", LANGUAGES)
def test_every_comparison_column_is_reachable_with_its_row_label_in_view(
    site, open_page, language, viewport
):
    page = open_page(site + PAGE_TYPES["compare"][language], VIEWPORTS[viewport])
    frame = page.locator(".table-scroll")
    frame.scroll_into_view_if_needed()
    handle = frame.element_handle()
    columns = page.locator(".comparison thead th").count()
    assert columns == 9
    names = []
    for index in range(1, columns + 1):
        m = page.evaluate(MEASURE_COLUMN, [handle, index])
        names.append(m["name"])
        left, right = m["frame"]
        assert left - 1 <= m["label"][0] and m["label"][1] <= right, m
        assert left - 1 <= m["cell"][0] and m["cell"][1] <= right + 1, m
        assert m["label"][1] <= m["cell"][0] + 1, m  # the label never covers the cell
        assert m["labelSeen"] and m["cellSeen"] and m["headSeen"], m
    psychotherapy = {"fr": "Psychothérapie", "en": "Psychotherapy"}[language]
    assert names[0].startswith(psychotherapy)


@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_the_column_heads_stay_in_view_down_the_table(site, open_page, viewport):
    page = open_page(site + PAGE_TYPES["compare"]["fr"], VIEWPORTS[viewport])
    frame = page.locator(".table-scroll")
    frame.scroll_into_view_if_needed()
    frame.evaluate("f => { f.scrollTop = f.scrollHeight; }")
    top = frame.bounding_box()["y"]
    head = page.locator(".comparison thead th").first.bounding_box()
    assert abs(head["y"] - top) <= 2


def test_psychotherapy_stays_beside_the_labels_on_a_wide_screen(site, open_page):
    page = open_page(site + PAGE_TYPES["compare"]["en"], DESKTOP)
    frame = page.locator(".table-scroll")
    frame.scroll_into_view_if_needed()
    frame.evaluate("f => { f.scrollLeft = f.scrollWidth; }")
    label = page.locator(".comparison tbody th").first.bounding_box()
    pinned = page.locator(".comparison tbody td.pinned").first.bounding_box()
    assert abs(pinned["x"] - (label["x"] + label["width"])) <= 2


@pytest.mark.parametrize("language", LANGUAGES)
def test_an_intervention_page_opens_on_its_summary_with_sections_to_unfold(
    site, open_page, language
):
    page = open_page(site + PAGE_TYPES["crisis"][language], PHONE, js=False)
    glance = page.locator("#at-a-glance").bounding_box()
    sections = page.locator("details.section")
    assert glance["y"] < sections.first.bounding_box()["y"]
    assert sections.count() == 7
    opened = [s.get_attribute("open") is not None for s in sections.all()]
    assert opened == [True] + [False] * 6
    cost = page.locator("details#cost")
    expect(cost.locator(".section-body")).to_be_hidden()
    cost.locator("summary").click()
    expect(cost.locator(".section-body")).to_be_visible()
    expect(cost.locator(".related-pages a")).to_have_count(1)
    sources = page.locator(".sources-disclosure")
    count = int(re.search(r"\d+", sources.locator("summary").inner_text()).group(0))
    expect(sources.locator(".sources")).to_be_hidden()
    sources.locator("summary").click()
    expect(sources.locator(".sources li")).to_have_count(count)


@pytest.mark.parametrize("language", LANGUAGES)
def test_numbers_in_the_text_can_be_tapped(site, open_page, language):
    page = open_page(site + PAGE_TYPES["crisis"][language], PHONE)
    links = page.locator("main a.phone-link")
    assert links.count() >= 3
    for href in [link.get_attribute("href") for link in links.all()]:
        assert re.fullmatch(r"tel:(\+1\d{10}|\d{3})|sms:(\+1\d{10}|\d{5,6})", href), href
    expect(page.locator("main .at-a-glance a[href='tel:911']")).to_be_visible()
    urgent = {"fr": "/fr/aide-urgente/", "en": "/en/urgent-help/"}[language]
    page = open_page(site + urgent, PHONE)
    expect(page.locator("main a.phone-link[href='sms:535353']").first).to_be_attached()


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_glossary_is_in_dictionary_order_with_letters_to_jump_to(site, open_page, language):
    page = open_page(site + PAGE_TYPES["glossary"][language], PHONE)
    terms = page.locator(".glossary dfn").all_inner_texts()
    assert terms == sorted(terms, key=sort_key)
    letter = "E" if language == "fr" else "A"
    page.locator(".az-index").get_by_role("link", name=letter, exact=True).click()
    expect(page).to_have_url(re.compile(f"#letter-{letter.lower()}$"))
    heading = page.locator(f"#letter-{letter.lower()}")
    expect(heading).to_be_in_viewport()
    first = {"fr": "écoute active", "en": "active listening"}[language]
    expect(page.locator(f"#letter-{letter.lower()} ~ dl dfn").first).to_have_text(first)


@pytest.mark.parametrize("js", [True, False], ids=["js", "no-js"])
@pytest.mark.parametrize("language", LANGUAGES)
def test_a_blank_guide_lands_on_its_error_summary(site, open_page, language, js):
    page = open_page(site + PAGE_TYPES["guide"][language], PHONE, js=js)
    page.get_by_role("button", name=SUBMIT[language]).click()
    page.wait_for_load_state()
    summary = page.locator("#error-summary")
    expect(summary).to_be_in_viewport()
    # First in the page's main content, whatever scripts do.
    assert page.evaluate("document.querySelector('main').firstElementChild.id") == "error-summary"
    # The page opens at the top (no fragment): the quick exit stays in view above the summary.
    assert "#" not in page.url
    expect(page.locator("[data-quick-exit]").first).to_be_in_viewport()
    if js:
        assert page.evaluate("document.activeElement.id") == "error-summary"
    prefix = {"fr": "Erreur", "en": "Error"}[language]
    assert page.title().startswith(prefix)
    summary.get_by_role("link").first.click()
    expect(page.locator("fieldset").first).to_be_in_viewport()


@pytest.mark.parametrize("viewport", VIEWPORTS)
@pytest.mark.parametrize("language", LANGUAGES)
def test_comparing_two_kinds_of_help_fits_the_screen_without_javascript(
    site, open_page, language, viewport
):
    page = open_page(site + PAGE_TYPES["compare"][language], VIEWPORTS[viewport], js=False)
    picker = page.locator("#compare-two")
    second = {"fr": "Intervention de crise", "en": "Crisis intervention"}[language]
    picker.locator("select[name=second]").select_option(label=second)
    picker.get_by_role("button").click()
    page.wait_for_load_state()
    heads = page.locator(".comparison thead th").all_inner_texts()
    assert len(heads) == 2 and second in heads[1]
    frame = page.locator(".table-scroll")
    assert frame.evaluate("f => f.scrollWidth <= f.clientWidth")
    assert page.evaluate("document.documentElement.scrollWidth <= innerWidth")


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_printed_result_shows_addresses_and_numbers_and_no_start_again(site, page, language):
    open_guide_state(page, site, language, "result")
    page.emulate_media(media="print")
    after = "(el) => getComputedStyle(el, '::after').content"
    link = page.locator(".recommendation h3 a").first
    content = link.evaluate(after)
    assert "attr(href)" in content or link.get_attribute("href") in content, content
    vanity = page.locator(".help-bar a[href='tel:+18662773553']")
    content = vanity.evaluate(after)
    assert "attr(href)" in content or "tel:+18662773553" in content, content
    expect(page.locator(".start-again")).to_be_hidden()
