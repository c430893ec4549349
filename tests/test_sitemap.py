"""sitemap.xml agrees with the pages it lists, and every address in it answers directly."""

import re
from urllib.parse import urlsplit

import pytest

from . import factories
from .html import page

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def one_of_each():
    """Every fixed page, a kind of help and a region: one page of each kind the sitemap lists."""
    factories.every_page()
    factories.intervention()
    factories.access_point(factories.region())


def sitemap(client):
    body = client.get("/sitemap.xml").content.decode()
    entries = re.findall(r"<url>(.*?)</url>", body, re.S)
    assert entries
    return [
        (
            re.search(r"<loc>(.*?)</loc>", entry).group(1),
            dict(re.findall(r'hreflang="([^"]+)"\s+href="([^"]+)"', entry)),
        )
        for entry in entries
    ]


def test_every_address_in_the_sitemap_answers_200_directly(client):
    addresses = set()
    for loc, alternates in sitemap(client):
        addresses |= {loc, *alternates.values()}
    for address in sorted(addresses):
        response = client.get(urlsplit(address).path)
        assert response.status_code == 200, address


def test_the_sitemap_says_what_each_page_says_of_its_alternates(client):
    for loc, alternates in sitemap(client):
        assert set(alternates) == {"fr", "en", "x-default"}, loc
        assert alternates["x-default"] == alternates["fr"], loc
        links = {
            link["hreflang"]: link["href"]
            for link in page(client.get(urlsplit(loc).path)).find_all("link", rel="alternate")
        }
        assert links == alternates, loc
