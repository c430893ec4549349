"""SQL queries per public page at 1× and 10× content, on a throwaway test database.

Each page is counted on the first render under a content version (memos empty: what the
first visitor after an edit costs) and, at 1×, once more on a second render (memos warm:
what every later uncached render costs; orientation_site/render_memo.py)."""

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tests.settings")

import django  # noqa: E402

django.setup()

from django.core.cache import cache  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import (  # noqa: E402
    CaptureQueriesContext,
    setup_test_environment,
    teardown_test_environment,
)

from orientation_site.render_memo import clear_memos  # noqa: E402
from tests.factories import multiply_content  # noqa: E402

PAGES = [
    "/fr/",
    "/fr/services/",
    "/fr/services/intervention-de-crise/",
    "/fr/comparer/",
    "/fr/quel-service-choisir/",
    "/fr/ressources/",
    "/fr/glossaire/",
    "/fr/a-propos/",
    "/fr/pres-de-chez-toi/",
    "/fr/pres-de-chez-toi/montreal/",
]


def count(client, warm=False):
    """{url: queries} rendering each page without the page cache; memos emptied first,
    unless `warm` (then the page is rendered once before counting)."""
    counts = {}
    for url in PAGES:
        cache.clear()
        if warm:
            assert client.get(url).status_code == 200, url
            cache.clear()
        else:
            clear_memos()
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200, url
        counts[url] = len(queries)
    return counts


def main():
    setup_test_environment()
    old_name = connection.creation.create_test_db(verbosity=0)
    try:
        call_command("seed_content", verbosity=0)
        client = Client()
        once = count(client)
        warm = count(client, warm=True)
        multiply_content(10)
        tenfold = count(client)
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)
        teardown_test_environment()
    for url in PAGES:
        print(f"{url}\t{once[url]}\t{tenfold[url]}\t{warm[url]}")


if __name__ == "__main__":
    main()
