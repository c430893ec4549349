"""The number of SQL queries a page needs does not grow with the amount of content."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from .factories import multiply_content

pytestmark = pytest.mark.django_db

PAGES = [
    ("services:home", {}),
    ("services:interventions", {}),
    ("services:intervention", {"slug": "intervention-de-crise"}),
    ("services:compare", {}),
    ("services:compare_pair", {"first": "psychotherapie", "second": "intervention-de-crise"}),
    ("services:resources", {}),
    ("services:glossary", {}),
    ("services:about", {}),
    ("services:near_you", {}),
    ("services:region", {"slug": "montreal"}),
]


def urls():
    with translation.override("fr"):
        return [reverse(name, kwargs=kwargs) for name, kwargs in PAGES]


def count_queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_query_count_is_the_same_at_ten_times_the_content(client, django_assert_num_queries):
    from django.core.cache import cache

    at_once = {}
    for url in urls():
        cache.clear()
        at_once[url] = count_queries(client, url)
        assert at_once[url] <= 8, (url, at_once[url])

    multiply_content(10)
    for url in urls():
        cache.clear()
        with django_assert_num_queries(at_once[url]):
            client.get(url)
