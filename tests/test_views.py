"""Every public page, in both languages: the frame every visitor relies on."""

from urllib.parse import urlsplit

import pytest
from django.utils import translation

from services.models import PAGES, Intervention
from services.models.pages import url_name

from . import factories
from .helpers import LANGUAGES, url_in
from .html import page

pytestmark = pytest.mark.django_db

# Every fixed page, from the one declaration the site uses (the registry, PAGES), and the page
# of a kind of help.
PAGE_NAMES = [*(url_name(page.key) for page in PAGES), "services:intervention"]
PUBLIC = [(language, name) for language in LANGUAGES for name in PAGE_NAMES]
SLUGS = {"fr": "aide-a-essayer", "en": "help-on-trial"}
# The help bar's lines: (number to dial, number as written).
HEADER_LINES = [("911", "911"), ("18662773553", "1 866 APPELLE"), ("988", "988"), ("811", "811")]


@pytest.fixture(autouse=True)
def helping():
    """Every fixed page, the help bar's lines, and one published kind of help."""
    factories.every_page()
    for order, (phone, written) in enumerate(HEADER_LINES):
        factories.help_line(
            phone=phone,
            in_header=True,
            order=order,
            **factories.both("header_number", written, written),
        )
    return factories.intervention(
        **factories.both("slug", SLUGS["fr"], SLUGS["en"]),
        **factories.both("summary", "Un résumé en français.", "An English summary."),
    )


def public_url(language, name):
    """The address of the page `name` (a URL name of PAGE_NAMES) in `language`."""
    if name == "services:intervention":
        return url_in(language, name, slug=SLUGS[language])
    return url_in(language, name)


def test_the_expected_french_and_english_addresses(helping):
    assert url_in("fr", "services:compare") == "/fr/comparer/"
    assert url_in("en", "services:compare") == "/en/compare/"
    assert url_in("fr", "services:intervention", slug="aide-a-essayer") == (
        "/fr/services/aide-a-essayer/"
    )
    with translation.override("en"):
        assert helping.get_absolute_url() == "/en/services/help-on-trial/"
    with translation.override("fr"):
        assert helping.get_absolute_url() == "/fr/services/aide-a-essayer/"


@pytest.mark.parametrize(("language", "name"), PUBLIC)
def test_every_page_answers_in_its_language_with_the_frame(client, language, name):
    response = client.get(public_url(language, name))
    assert response.status_code == 200
    html = page(response)
    assert html.find("html")["lang"] == language
    # Skip link first, then the quick exit and the language toggle.
    links = [attrs for tag, attrs in html.tags if tag == "a"]
    assert links[0]["href"] == "#main"
    assert "data-quick-exit" in links[1]
    assert links[2]["class"] == "language-toggle"
    assert html.find("main", id="main") is not None


@pytest.mark.parametrize(("language", "name"), PUBLIC)
def test_help_lines_are_on_every_page_as_call_links(client, language, name):
    html = page(client.get(public_url(language, name)))
    hrefs = {attrs.get("href") for tag, attrs in html.tags if tag == "a"}
    assert {"tel:911", "tel:+18662773553", "tel:988", "tel:811"} <= hrefs
    assert "APPELLE" in html.text


@pytest.mark.parametrize(("language", "name"), PUBLIC)
def test_the_toggle_leads_to_the_same_page_in_the_other_language_and_back(client, language, name):
    url = public_url(language, name)
    other = "en" if language == "fr" else "fr"
    toggle = page(client.get(url)).find("a", class_="language-toggle")
    assert (toggle["hreflang"], toggle["lang"]) == (other, other)
    target = toggle["href"]
    assert target == public_url(other, name)
    response = client.get(target)
    assert response.status_code == 200
    assert page(response).find("a", class_="language-toggle")["href"] == url


@pytest.mark.parametrize(("language", "name"), PUBLIC)
def test_hreflang_alternates_point_both_ways(client, language, name):
    url = public_url(language, name)
    html = page(client.get(url))
    alternates = {
        attrs["hreflang"]: urlsplit(attrs["href"]).path
        for attrs in html.find_all("link", rel="alternate")
    }
    assert set(alternates) == {"fr", "en", "x-default"}
    assert alternates[language] == url
    assert alternates["x-default"] == alternates["fr"]
    assert urlsplit(html.find("link", rel="canonical")["href"]).path == url


@pytest.mark.parametrize(("language", "name"), PUBLIC)
def test_public_pages_set_no_cookie_and_do_not_vary_on_it(client, language, name):
    response = client.get(public_url(language, name))
    assert not response.cookies
    assert "Set-Cookie" not in response.headers
    assert "Cookie" not in response.headers.get("Vary", "")


@pytest.mark.parametrize(("language", "name"), PUBLIC)
def test_nothing_is_loaded_from_another_host(client, language, name):
    html = page(client.get(public_url(language, name)))
    for tag, attrs in html.tags:
        loaded = attrs.get("src") if tag in {"script", "img", "iframe", "source"} else None
        if tag == "link" and attrs.get("rel") in {"stylesheet", "icon", "preload"}:
            loaded = attrs.get("href")
        if loaded:
            assert loaded.startswith("/") and not loaded.startswith("//"), loaded


@pytest.mark.parametrize("language", LANGUAGES)
def test_public_pages_may_be_kept_by_a_shared_cache(client, language):
    response = client.get(url_in(language, "services:home"))
    cache_control = response.headers["Cache-Control"]
    assert "public" in cache_control and "max-age=" in cache_control


@pytest.mark.parametrize(
    ("accept_language", "expected"),
    [("en-CA,en;q=0.9", "/en/"), ("fr-CA,fr;q=0.9", "/fr/"), ("de-DE", "/fr/"), ("", "/fr/")],
)
def test_root_sends_visitors_to_their_language(client, accept_language, expected):
    headers = {"Accept-Language": accept_language} if accept_language else {}
    response = client.get("/", headers=headers)
    assert response.status_code == 302
    assert response.headers["Location"] == expected
    assert "Accept-Language" in response.headers["Vary"]


@pytest.mark.parametrize("language", LANGUAGES)
def test_an_unknown_intervention_is_a_404_in_the_visitors_language(client, language):
    response = client.get(url_in(language, "services:interventions") + "nothing-here/")
    assert response.status_code == 404
    html = page(response)
    assert html.find("html")["lang"] == language
    assert {"fr": "Page introuvable", "en": "Page not found"}[language] in html.text
    assert "tel:911" in response.content.decode()


@pytest.mark.parametrize(
    "path", ["/de/", "/xx/services/", "/fr/services/%C3%A9t%C3%A9/", "/en/services/../../etc/"]
)
def test_unknown_languages_and_odd_slugs_are_404_not_500(client, path):
    assert client.get(path).status_code == 404


def test_a_slug_from_the_other_language_redirects_to_this_languages_page(client):
    response = client.get("/en/services/aide-a-essayer/")
    assert response.status_code == 301
    assert response.headers["Location"] == "/en/services/help-on-trial/"


def test_a_draft_intervention_is_hidden_from_visitors(client, helping):
    assert "aide-a-essayer" in client.get("/fr/services/").text
    helping.status = Intervention.Status.DRAFT
    helping.save()
    assert client.get("/fr/services/aide-a-essayer/").status_code == 404
    assert "aide-a-essayer" not in client.get("/fr/services/").content.decode()


def test_the_comparison_table_has_every_published_intervention_and_criterion(client, helping):
    therapy = factories.intervention(family="psychotherapy")
    factories.draft_intervention()
    criteria = [factories.criterion(order=n) for n in range(3)]
    for criterion in criteria:
        for column in (helping, therapy):
            factories.comparison_cell(criterion, column)
    html = page(client.get(url_in("en", "services:compare")))
    columns = html.find_all("th", scope="col")
    rows = html.find_all("th", scope="row")
    assert len(columns) == 2
    assert len(rows) == len(criteria)
    region = html.find("div", class_="table-scroll")
    assert region["role"] == "region" and region["tabindex"] == "0"


def test_sitemap_lists_both_languages_with_alternates(client):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    body = response.content.decode()
    assert "/fr/services/aide-a-essayer/" in body
    assert "/en/services/help-on-trial/" in body
    for language in ("en", "fr", "x-default"):
        assert f'hreflang="{language}"' in body


def test_robots_and_health(client):
    robots = client.get("/robots.txt")
    assert robots.headers["Content-Type"].startswith("text/plain")
    assert "Sitemap: http://testserver/sitemap.xml" in robots.content.decode()
    health = client.get("/healthz")
    assert health.status_code == 200 and health.content == b"ok\n"


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_500_page_needs_no_database_and_speaks_the_language(language):
    from django.template.loader import render_to_string

    with translation.override(language):
        html = render_to_string("500.html")
    assert f'lang="{language}"' in html
    assert "tel:911" in html and "tel:+18662773553" in html


def test_pages_are_compressed_and_can_be_revalidated(client):
    first = client.get("/fr/", headers={"Accept-Encoding": "gzip"})
    assert first.headers["Content-Encoding"] == "gzip"
    etag = first.headers["ETag"]
    again = client.get("/fr/", headers={"Accept-Encoding": "gzip", "If-None-Match": etag})
    assert again.status_code == 304


def test_an_untranslated_field_falls_back_to_french_marked_as_french(client, helping):
    helping.summary_en = ""
    helping.save()
    html = page(client.get("/en/services/help-on-trial/"))
    lead = html.find("p", class_="lead")
    assert lead["lang"] == "fr"
    assert "Un résumé en français." in html.text


def test_favicon_requests_find_the_icon(client):
    response = client.get("/favicon.ico")
    assert response.status_code == 301
    assert response.headers["Location"].endswith(".svg")
