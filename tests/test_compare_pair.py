"""« Compare two »: a GET picker leading to a cached page for the pair, in each language."""

import pytest

from . import factories
from .helpers import url_in
from .html import page

pytestmark = pytest.mark.django_db

PAIR = {
    "fr": ("psychotherapie", "intervention-de-crise"),
    "en": ("psychotherapy", "crisis-intervention"),
}
CRITERIA = 7


@pytest.fixture(autouse=True)
def table():
    """The comparison page, two kinds of help (psychotherapy and crisis intervention) and
    CRITERIA rows, every cell filled."""
    factories.page("compare")
    psychotherapy = factories.intervention(
        key="psychotherapy",
        family="psychotherapy",
        order=2,
        **factories.both("slug", PAIR["fr"][0], PAIR["en"][0]),
    )
    crisis = factories.intervention(
        key="crisis", order=1, **factories.both("slug", PAIR["fr"][1], PAIR["en"][1])
    )
    columns = [psychotherapy, crisis]
    for order in range(CRITERIA):
        row = factories.criterion(order=order)
        for column in columns:
            factories.comparison_cell(row, column)


@pytest.mark.parametrize("language", ["fr", "en"])
def test_the_picker_leads_to_the_pairs_own_address(client, language):
    first, second = PAIR[language]
    response = client.get(
        url_in(language, "services:compare_choose"), {"first": first, "second": second}
    )
    pair = url_in(language, "services:compare_pair", first=first, second=second)
    assert response.status_code == 302 and response["Location"] == pair + "#main"
    assert not response.cookies


@pytest.mark.parametrize(
    "query",
    [{}, {"first": "psychotherapy", "second": "psychotherapy"}, {"first": "x", "second": "y"},
     {"first": "<script>", "second": "psychotherapy"}],
)  # fmt: skip
def test_a_wrong_choice_leads_back_to_the_full_table(client, query):
    response = client.get(url_in("en", "services:compare_choose"), query)
    assert response.status_code == 302
    assert response["Location"] == url_in("en", "services:compare") + "#compare-two"


@pytest.mark.parametrize("language", ["fr", "en"])
def test_the_pair_page_shows_two_columns_and_its_other_language(client, language):
    first, second = PAIR[language]
    response = client.get(url_in(language, "services:compare_pair", first=first, second=second))
    assert response.status_code == 200
    html = page(response)
    assert len(html.find_all("th", scope="col")) == 2
    assert len(html.find_all("th", scope="row")) == CRITERIA
    other = "en" if language == "fr" else "fr"
    toggle = html.find("a", class_="language-toggle")["href"]
    assert toggle == url_in(
        other, "services:compare_pair", first=PAIR[other][0], second=PAIR[other][1]
    )
    assert html.find("meta", name="robots")["content"] == "noindex, follow"
    # The picker shows the pair chosen.
    selected = [o["value"] for o in html.find_all("option") if "selected" in o]
    assert selected == [first, second]


@pytest.mark.parametrize("second", ["psychotherapy", "no-such-help"])
def test_a_pair_that_is_not_two_kinds_of_help_is_a_404(client, second):
    url = url_in("en", "services:compare_pair", first="psychotherapy", second=second)
    assert client.get(url).status_code == 404


def test_the_full_table_offers_the_picker_with_psychotherapy_first(client):
    html = page(client.get(url_in("fr", "services:compare")))
    form = html.find("form", id="compare-two")
    assert form["method"] == "get" and form["action"] == url_in("fr", "services:compare_choose")
    selected = [o["value"] for o in html.find_all("option") if "selected" in o]
    assert selected[0] == "psychotherapie"
