"""Every public page, in both languages: the frame every visitor relies on."""

from urllib.parse import urlsplit

import pytest
from django.urls import reverse
from django.utils import translation

from services.models import PAGES, Intervention
from services.models.pages import url_name

from .html import page

pytestmark = pytest.mark.django_db

LANGUAGES = ["fr", "en"]
# Every fixed page, from the one declaration the site uses (the registry, PAGES).
FIXED_PAGES = [url_name(page.key) for page in PAGES]


def url_in(language, name, **kwargs):
    with translation.override(language):
        return reverse(name, kwargs=kwargs)


def all_public_urls(language):
    urls = [url_in(language, name) for name in FIXED_PAGES]
    with translation.override(language):
        urls += [i.get_absolute_url() for i in Intervention.objects.published()]
    return urls


def public_urls():
    """(language, url) for every public page; built inside the test, after seeding."""
    return [(language, url) for language in LANGUAGES for url in all_public_urls(language)]


def test_the_expected_french_and_english_addresses():
    assert url_in("fr", "services:compare") == "/fr/comparer/"
    assert url_in("en", "services:compare") == "/en/compare/"
    assert url_in("fr", "services:intervention", slug="intervention-de-crise") == (
        "/fr/services/intervention-de-crise/"
    )
    crisis = Intervention.objects.get(key="crisis")
    with translation.override("en"):
        assert crisis.get_absolute_url() == "/en/services/crisis-intervention/"
    with translation.override("fr"):
        assert crisis.get_absolute_url() == "/fr/services/intervention-de-crise/"


def test_every_page_answers_in_its_language_with_the_frame(client):
    pages = public_urls()
    assert len(pages) == 2 * (len(FIXED_PAGES) + 9)
    for language, url in pages:
        response = client.get(url)
        assert response.status_code == 200, url
        html = page(response)
        assert html.find("html")["lang"] == language, url
        # Skip link first, then the quick exit and the language toggle.
        links = [attrs for tag, attrs in html.tags if tag == "a"]
        assert links[0]["href"] == "#main", url
        assert "data-quick-exit" in links[1], url
        assert links[2]["class"] == "language-toggle", url
        assert html.find("main", id="main") is not None


@pytest.mark.parametrize("language", LANGUAGES)
def test_help_lines_are_on_every_page_as_call_links(client, language):
    for url in all_public_urls(language):
        html = page(client.get(url))
        hrefs = {attrs.get("href") for tag, attrs in html.tags if tag == "a"}
        for number in ("tel:911", "tel:+18662773553", "tel:988", "tel:811"):
            assert number in hrefs, (url, number)
        assert "APPELLE" in html.text


def test_the_toggle_leads_to_the_same_page_in_the_other_language_and_back(client):
    for language, url in public_urls():
        other = "en" if language == "fr" else "fr"
        html = page(client.get(url))
        toggle = html.find("a", class_="language-toggle")
        assert toggle["hreflang"] == other and toggle["lang"] == other
        target = toggle["href"]
        assert target.startswith(f"/{other}/"), (url, target)
        response = client.get(target)
        assert response.status_code == 200, target
        back = page(response).find("a", class_="language-toggle")["href"]
        assert back == url, (url, target, back)


def test_hreflang_alternates_point_both_ways(client):
    for language, url in public_urls():
        html = page(client.get(url))
        alternates = {
            attrs["hreflang"]: urlsplit(attrs["href"]).path
            for attrs in html.find_all("link", rel="alternate")
        }
        assert set(alternates) == {"fr", "en", "x-default"}, url
        assert alternates[language] == url
        assert alternates["x-default"] == alternates["fr"]
        assert urlsplit(html.find("link", rel="canonical")["href"]).path == url


def test_public_pages_set_no_cookie_and_do_not_vary_on_it(client):
    for _language, url in public_urls():
        response = client.get(url)
        assert not response.cookies, url
        assert "Set-Cookie" not in response.headers
        assert "Cookie" not in response.headers.get("Vary", ""), url


def test_nothing_is_loaded_from_another_host(client):
    for _language, url in public_urls():
        html = page(client.get(url))
        for tag, attrs in html.tags:
            loaded = attrs.get("src") if tag in {"script", "img", "iframe", "source"} else None
            if tag == "link" and attrs.get("rel") in {"stylesheet", "icon", "preload"}:
                loaded = attrs.get("href")
            if loaded:
                assert loaded.startswith("/") and not loaded.startswith("//"), (url, loaded)


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
    assert ("Page introuvable" if language == "fr" else "Page not found") in html.text
    assert "tel:911" in response.content.decode()


@pytest.mark.parametrize(
    "path", ["/de/", "/xx/services/", "/fr/services/%C3%A9t%C3%A9/", "/en/services/../../etc/"]
)
def test_unknown_languages_and_odd_slugs_are_404_not_500(client, path):
    assert client.get(path).status_code == 404


def test_a_slug_from_the_other_language_redirects_to_this_languages_page(client):
    response = client.get("/en/services/intervention-de-crise/")
    assert response.status_code == 301
    assert response.headers["Location"] == "/en/services/crisis-intervention/"


def test_a_draft_intervention_is_hidden_from_visitors(client):
    crisis = Intervention.objects.get(key="crisis")
    crisis.status = Intervention.Status.DRAFT
    crisis.save()
    assert client.get("/fr/services/intervention-de-crise/").status_code == 404
    assert "intervention-de-crise" not in client.get("/fr/services/").content.decode()


def test_the_comparison_table_has_every_published_intervention_and_criterion(client):
    response = client.get(url_in("en", "services:compare"))
    html = page(response)
    columns = html.find_all("th", scope="col")
    rows = html.find_all("th", scope="row")
    assert len(columns) == Intervention.objects.published().count()
    assert len(rows) >= 6
    region = html.find("div", class_="table-scroll")
    assert region["role"] == "region" and region["tabindex"] == "0"


def test_sitemap_lists_both_languages_with_alternates(client):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    body = response.content.decode()
    assert "/fr/services/intervention-de-crise/" in body
    assert "/en/services/crisis-intervention/" in body
    assert 'hreflang="en"' in body and 'hreflang="fr"' in body and "x-default" in body


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


def test_an_untranslated_field_falls_back_to_french_marked_as_french(client):
    crisis = Intervention.objects.get(key="crisis")
    crisis.summary_en = ""
    crisis.save()
    html = page(client.get("/en/services/crisis-intervention/"))
    lead = html.find("p", class_="lead")
    assert lead["lang"] == "fr"
    assert crisis.summary_fr.split()[0] in html.text


def test_favicon_requests_find_the_icon(client):
    response = client.get("/favicon.ico")
    assert response.status_code == 301
    assert response.headers["Location"].endswith(".svg")
