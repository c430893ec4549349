"""The admin fits a 1280-pixel screen (issue 15): every list's columns in view, the home page
grouped by what editors work on. Screenshots go to /tmp for a person to look at."""

import pytest
from playwright.sync_api import Page, expect

from .test_admin_editing import editor_page  # noqa: F401  (the fixture)


@pytest.fixture
def site(writable_site):
    """These tests log an editor in and save: each gets its own copy of the content."""
    return writable_site


LISTS = [
    "intervention",
    "page",
    "criterion",
    "comparisoncell",
    "resource",
    "glossaryterm",
    "question",
    "answer",
    "answerrule",
    "answerweight",
    "reviewedprofile",
    "region",
    "accesspoint",
    "source",
]


@pytest.mark.parametrize("model", LISTS)
def test_every_column_of_every_list_is_in_view_at_1280(site, editor_page: Page, model):  # noqa: F811
    editor_page.goto(f"{site}/admin/services/{model}/")
    table = editor_page.locator("#result_list")
    expect(table).to_be_visible()
    # The list scrolls inside its box when too wide: what matters is that box's width.
    overflow = table.evaluate(
        "t => Math.max(t.scrollWidth - t.closest('.results').clientWidth,"
        " t.getBoundingClientRect().right - document.documentElement.clientWidth)"
    )
    if model in ("intervention", "resource", "comparisoncell", "answerrule"):
        editor_page.screenshot(path=f"/tmp/editors-ux-list-{model}.png")
    assert overflow <= 0, f"{model}: the last column ends {overflow:.0f} px past the screen"


def test_the_admin_home_is_grouped_by_what_editors_work_on(site, editor_page: Page):  # noqa: F811
    editor_page.goto(f"{site}/admin/")
    editor_page.screenshot(path="/tmp/editors-ux-home-1280.png", full_page=True)
    captions = editor_page.locator("#content-main .app-services caption, #content-main caption")
    names = [text.strip().casefold() for text in captions.all_inner_texts()]
    assert names[:3] == ["pages", "types d'aide", "tableau comparatif"], names
    # The panels use the width of the screen, not Django's 600-pixel dashboard column.
    width = editor_page.locator("#workbench").evaluate("e => e.getBoundingClientRect().width")
    assert width >= 800
