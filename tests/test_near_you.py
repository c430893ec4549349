"""« Près de chez toi / Near you »: the list of regions and every region page, in both languages."""

import datetime
import json
import re
from urllib.parse import urlsplit

import pytest
from django.utils import translation
from django.utils.formats import date_format

from services.models import AccessPoint, Intervention, Region

from .helpers import LANGUAGES, OTHER, region_urls, url_in
from .html import page

pytestmark = pytest.mark.django_db


def main_of(response):
    body = response.content.decode()
    return body[body.index("<main") : body.index("</main>")]


def json_ld(response):
    match = re.search(r'<script type="application/ld\+json">(.*?)</script>', response.text, re.S)
    return json.loads(match.group(1))


def test_the_addresses_are_translated():
    assert url_in("fr", "services:near_you") == "/fr/pres-de-chez-toi/"
    assert url_in("en", "services:near_you") == "/en/near-you/"
    assert url_in("fr", "services:region", slug="montreal") == "/fr/pres-de-chez-toi/montreal/"
    assert url_in("en", "services:region", slug="montreal") == "/en/near-you/montreal/"


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_list_links_all_17_regions_without_javascript(client, language):
    response = client.get(url_in(language, "services:near_you"))
    assert response.status_code == 200
    html = page(response)
    hrefs = {attrs.get("href") for tag, attrs in html.tags if tag == "a"}
    assert set(region_urls(language)) <= hrefs
    assert Region.objects.count() == 17
    codes = sorted(Region.objects.values_list("code", flat=True))
    assert codes == [f"{n:02}" for n in range(1, 18)]
    # The filter is JavaScript's to show: hidden in the HTML, no form sent anywhere.
    assert "data-region-filter hidden" in response.text
    assert "<form" not in main_of(response)


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_region_page_answers_with_911_and_811_in_its_content(client, language):
    urls = region_urls(language)
    assert len(urls) == 17
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        html = page(response)
        assert html.find("html")["lang"] == language, url
        main = main_of(response)
        assert 'href="tel:911"' in main, url
        assert 'href="tel:811"' in main, url
        assert "option 2" in main, url
        assert html.find("h1") is not None


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_toggle_leads_to_the_same_region_and_back(client, language):
    for url in [url_in(language, "services:near_you"), *region_urls(language)]:
        toggle = page(client.get(url)).find("a", class_="language-toggle")
        target = toggle["href"]
        assert target.startswith(f"/{OTHER[language]}/"), (url, target)
        response = client.get(target)
        assert response.status_code == 200, target
        assert page(response).find("a", class_="language-toggle")["href"] == url


def test_a_translated_slug_leads_to_the_same_region(client):
    region = Region.objects.get(key="gaspesie-iles-de-la-madeleine")
    region.slug_en = "gaspe-peninsula-magdalen-islands"
    region.save()
    french = region_urls("fr")[list(Region.objects.all()).index(region)]
    toggle = page(client.get(french)).find("a", class_="language-toggle")["href"]
    assert toggle == "/en/near-you/gaspe-peninsula-magdalen-islands/"
    assert client.get(toggle).status_code == 200
    # The other language's slug sends the visitor to this language's address.
    response = client.get("/en/near-you/gaspesie-iles-de-la-madeleine/")
    assert response.status_code == 301
    assert response.headers["Location"] == toggle
    response = client.get("/fr/pres-de-chez-toi/gaspe-peninsula-magdalen-islands/")
    assert response.status_code == 301
    assert response.headers["Location"] == french


@pytest.mark.parametrize("language", LANGUAGES)
def test_an_unknown_region_is_a_404_in_the_visitors_language(client, language):
    response = client.get(url_in(language, "services:near_you") + "atlantide/")
    assert response.status_code == 404
    assert page(response).find("html")["lang"] == language


def test_hreflang_alternates_point_both_ways(client):
    for language in LANGUAGES:
        for url in [url_in(language, "services:near_you"), *region_urls(language)]:
            html = page(client.get(url))
            alternates = {
                attrs["hreflang"]: urlsplit(attrs["href"]).path
                for attrs in html.find_all("link", rel="alternate")
            }
            assert set(alternates) == {"fr", "en", "x-default"}, url
            assert alternates[language] == url


def test_region_pages_have_the_frame_and_load_nothing_from_another_host(client):
    for language in LANGUAGES:
        for url in [url_in(language, "services:near_you"), *region_urls(language)]:
            html = page(client.get(url))
            links = [attrs for tag, attrs in html.tags if tag == "a"]
            assert links[0]["href"] == "#main", url
            assert "data-quick-exit" in links[1], url
            assert links[2]["class"] == "language-toggle", url
            for tag, attrs in html.tags:
                loaded = attrs.get("src") if tag in {"script", "img", "iframe"} else None
                if tag == "link" and attrs.get("rel") in {"stylesheet", "icon", "preload"}:
                    loaded = attrs.get("href")
                if loaded:
                    assert loaded.startswith("/") and not loaded.startswith("//"), (url, loaded)
            # Inline scripts would break the CSP; only JSON-LD data is inline.
            for tag, attrs in html.tags:
                if tag == "script" and "src" not in attrs:
                    assert attrs.get("type") == "application/ld+json", url


def test_region_pages_set_no_cookie_and_store_nothing(client):
    for language in LANGUAGES:
        for url in [url_in(language, "services:near_you"), *region_urls(language)]:
            response = client.get(url)
            assert not response.cookies, url
            assert "Set-Cookie" not in response.headers, url
            assert "Cookie" not in response.headers.get("Vary", ""), url
            assert "public" in response.headers["Cache-Control"], url


def test_the_sitemap_lists_every_region_in_both_languages_with_alternates(client):
    body = client.get("/sitemap.xml").content.decode()
    for language in LANGUAGES:
        for url in [url_in(language, "services:near_you"), *region_urls(language)]:
            assert f"<loc>http://testserver{url}</loc>" in body, url
            assert f'hreflang="{language}" href="http://testserver{url}"' in body, url


@pytest.mark.parametrize("language", LANGUAGES)
def test_montreal_lists_its_five_ciusss_with_their_territories(client, language):
    response = client.get(url_in(language, "services:region", slug="montreal"))
    html = page(response)
    establishments = AccessPoint.objects.filter(
        region__key="montreal", kind=AccessPoint.Kind.ESTABLISHMENT
    )
    assert establishments.count() == 5
    serves = {"fr": "Dessert :", "en": "Serves:"}[language]
    for point in establishments:
        name = getattr(point, f"name_{language}")
        territory = getattr(point, f"territory_{language}")
        assert name.startswith("CIUSSS") and territory
        assert f"{name} {serves} {territory}" in html.text.replace("&#x27;", "'")
    data = json_ld(response)
    organisations = data["mentions"]
    assert len(organisations) == 5
    assert {org["@type"] for org in organisations} == {"GovernmentOrganization"}
    assert all(org["areaServed"]["name"] for org in organisations)
    assert data["inLanguage"] == f"{language}-CA"
    # Its crisis centres can be called.
    crisis = main_of(response)[main_of(response).index('id="crisis"') :]
    assert crisis.count('href="tel:+1514') >= 7


@pytest.mark.parametrize("language", LANGUAGES)
def test_nord_du_quebec_explains_nunavik_and_eeyou_istchee(client, language):
    response = client.get(url_in(language, "services:region", slug="nord-du-quebec"))
    text = page(response).text.replace("&#x27;", "'")
    for place in ("Nunavik", "Eeyou Istchee", "Jamésie"):
        assert place in text
    if language == "fr":
        assert "le 811 option 2 ne répond pas" in text
        assert "le CLSC de ton village" in text
    else:
        assert "811 option 2 does not answer" in text
        assert "your village's CLSC" in text
    # What to use instead: the community's CMC, and a 24/7 line for First Nations and Inuit.
    assert "Miyupimaatisiiun" in text
    assert 'href="tel:+18552423310"' in response.text
    names = [org["name"] for org in json_ld(response)["mentions"]]
    assert len(names) == 3


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_establishment_carries_json_ld_with_the_area_it_serves(client, language):
    for region in Region.objects.all():
        with translation.override(language):
            response = client.get(region.get_absolute_url())
            name = region.name
        data = json_ld(response)
        assert data["about"] == {"@type": "AdministrativeArea", "name": name}
        assert data["mentions"], region.key
        for org in data["mentions"]:
            assert org["@type"] in {"GovernmentOrganization", "MedicalOrganization"}
            assert org["areaServed"]["@type"] == "AdministrativeArea"


@pytest.mark.parametrize("language", LANGUAGES)
def test_intervention_and_resources_pages_lead_to_near_you(client, language):
    near_you = url_in(language, "services:near_you")
    with translation.override(language):
        urls = [i.get_absolute_url() for i in Intervention.objects.published()]
    urls.append(url_in(language, "services:resources"))
    for url in urls:
        main = main_of(client.get(url))
        assert f'href="{near_you}"' in main, url
    crisis = main_of(client.get(urls[0]))
    section = crisis[crisis.index('id="where_to_find"') :]
    assert section.index(f'href="{near_you}"') < section.index("</section>")


def test_a_region_shows_its_own_verification_date(client):
    region = Region.objects.get(key="laval")
    region.last_reviewed = datetime.date(2031, 1, 15)
    region.save()
    for language in LANGUAGES:
        with translation.override(language):
            shown = date_format(region.last_reviewed, "DATE_FORMAT")
            body = client.get(region.get_absolute_url()).content.decode()
        reviewed = body[body.index('class="reviewed"') :]
        assert shown in reviewed[: reviewed.index("</p>")], language
