"""Where an uncached page's time goes: cProfile over the real views and the seeded content.

Usage: `.venv/bin/python bench/profile_pages.py [N] [page ...]` (N renders a page, default 30).
Each public page is asked N times through Django's test Client, the whole middleware stack
included, with the page cache off (settings.PAGE_CACHE = False), after one warm-up request:
what `make bench`'s "(uncached)" rows measure, minus gunicorn. Prints, per page, the CPU time
of this process per request without the profiler (the quickest of BATCHES batches of N: on
a shared machine, CPU time moves less than wall time), then the functions with the most cumulative
time, in
milliseconds per request under the profiler (which roughly doubles Python's cost: compare
items with each other, not with the bench's figures).

"frame floor" is bench/floor_urls.py's frame: the site's frame and no content, the row
`make bench` compares every page with. Runs on a throwaway test database (tests.settings),
seeded with `seed_content`.
"""

import cProfile
import os
import pstats
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tests.settings")

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client, override_settings  # noqa: E402
from django.test.utils import setup_test_environment, teardown_test_environment  # noqa: E402

# As `make bench` posts it (bench/run.py), urlencoded as a browser sends a form.
GUIDE_FORM = "situation=grief&duration=months&impact=quite-a-lot&safety=safe&hope=talk"
FORM_TYPE = "application/x-www-form-urlencoded"
# name → (method, path): one of each public page type.
PAGES = {
    "frame floor": ("GET", "/floor/frame/"),
    "home": ("GET", "/fr/"),
    "interventions": ("GET", "/fr/services/"),
    "intervention": ("GET", "/fr/services/intervention-de-crise/"),
    "comparison": ("GET", "/fr/comparer/"),
    "compare pair": ("GET", "/fr/comparer/psychotherapie/intervention-de-crise/"),
    "guide GET": ("GET", "/fr/quel-service-choisir/"),
    "guide POST": ("POST", "/fr/quel-service-choisir/"),
    "resources": ("GET", "/fr/ressources/"),
    "glossary": ("GET", "/fr/glossaire/"),
    "text page": ("GET", "/fr/a-propos/"),
    "near you": ("GET", "/fr/pres-de-chez-toi/"),
    "region": ("GET", "/fr/pres-de-chez-toi/montreal/"),
}
BATCHES = 3
TOP = int(os.environ.get("PROFILE_TOP", "12"))
# Entries too generic to say anything: the Client, the handler, the middleware and the
# template engine's own node walk wrap every request (WRAPPER: a share of the whole request).
SKIP = (
    "django/test/", "django/core/handlers/", "<built-in", "{method", "<string>", "middleware",
    "django/template/base.py", "django/utils/deprecation.py", "django/template/response.py",
    "bench/profile_pages.py", "request_limits.py", "django/views/decorators/",
    "django/template/backends/",
)  # fmt: skip
WRAPPER = 0.6


def ask(client, method, path):
    response = (
        client.post(path, GUIDE_FORM, content_type=FORM_TYPE)
        if method == "POST"
        else client.get(path)
    )
    assert response.status_code == 200, (path, response.status_code)


def profile(client, method, path, times):
    """(wall ms per request, [(cumulative ms per request, function)]) for one page."""
    ask(client, method, path)  # warm-up: imports, template loading, per-version memos
    batches = []
    for _ in range(BATCHES):  # the quickest batch: the least disturbed by other processes
        start = time.process_time()
        for _ in range(times):
            ask(client, method, path)
        batches.append((time.process_time() - start) * 1000 / times)
    wall = min(batches)
    profiler = cProfile.Profile()
    profiler.enable()
    for _ in range(times):
        ask(client, method, path)
    profiler.disable()
    stats = pstats.Stats(profiler).stats
    total = max(cumulative for (_cc, _nc, _tt, cumulative, _callers) in stats.values())
    rows = []
    for (filename, line, function), (_cc, _nc, _tt, cumulative, _callers) in stats.items():
        where = f"{filename.split('site-packages/')[-1].replace(str(ROOT) + '/', '')}:{line}"
        if any(skip in where for skip in SKIP) or cumulative > WRAPPER * total:
            continue
        rows.append((cumulative * 1000 / times, f"{function} ({where})"))
    rows.sort(reverse=True)
    return wall, total * 1000 / times, rows[:TOP]


def main():
    args = sys.argv[1:]
    times = int(args.pop(0)) if args and args[0].isdigit() else 30
    wanted = args or list(PAGES)
    setup_test_environment()
    old_name = connection.creation.create_test_db(verbosity=0)
    try:
        call_command("seed_content", verbosity=0)
        client = Client()
        # The floor's URLs include the site's: the frame beside every page, as `make bench`.
        with override_settings(PAGE_CACHE=False, ROOT_URLCONF="bench.floor_urls"):
            for name in wanted:
                wall, profiled, rows = profile(client, *PAGES[name], times)
                print(f"\n## {name}: {wall:.1f} ms CPU a request ({profiled:.1f} ms profiled)")
                for cumulative, function in rows:
                    print(f"{cumulative:8.2f} ms  {function}")
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)
        teardown_test_environment()


if __name__ == "__main__":
    main()
