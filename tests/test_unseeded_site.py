"""A database that is migrated but not seeded serves the site: the fixed pages' rows come from
a migration (services/migrations/0020_fixed_page_rows.py), and seed_content fills them later.

Run in a process of its own, on a SQLite file migrated from nothing: the test database of
the other tests is seeded once per session (tests/conftest.py).
"""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

VISIT = """
import json
from django.test import Client
from services.models import Page
found = {}
for path in ("/fr/", "/en/", "/fr/a-propos/", "/en/about/"):
    response = Client().get(path)
    html = response.content.decode()
    found[path] = [response.status_code, 'class="help-bar"' in html]
found["pages"] = sorted(Page.objects.values_list("key", flat=True))
found["home_fr"] = Page.objects.get(key="home").title_fr
print(json.dumps(found))
"""
SEED = """
import json
from services.content.loader import seed_content
print(json.dumps(seed_content()))
"""


def manage(env, *arguments):
    command = [sys.executable, "manage.py", *arguments]
    done = subprocess.run(command, cwd=ROOT, env=env, timeout=300, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    return done.stdout


@pytest.fixture(scope="module")
def unseeded(tmp_path_factory):
    """The environment of a fresh SQLite database, migrated and never seeded."""
    folder = tmp_path_factory.mktemp("unseeded")
    env = {
        **os.environ,
        # The tests' settings (static files without collectstatic), another database.
        "DJANGO_SETTINGS_MODULE": "tests.settings",
        "DATABASE_URL": f"sqlite:///{folder}/unseeded.sqlite3",
    }
    env.pop("REDIS_URL", None)
    manage(env, "migrate", "--no-input", "-v0")
    return env


def visit(env):
    return json.loads(manage(env, "shell", "-c", VISIT).strip().splitlines()[-1])


def test_a_migrated_database_serves_home_and_text_pages_before_any_seed(unseeded):
    found = visit(unseeded)
    for path in ("/fr/", "/en/", "/fr/a-propos/", "/en/about/"):
        assert found[path] == [200, True], path  # the page, with its help-lines bar
    assert "home" in found["pages"] and "privacy" in found["pages"]
    assert found["home_fr"] == "Accueil"


def test_seeding_after_the_migration_fills_the_pages_and_stays_idempotent(unseeded):
    first = json.loads(manage(unseeded, "shell", "-c", SEED).strip().splitlines()[-1])
    assert first["kept"] == 0  # the migration's titles are the loader's own: replaced
    again = json.loads(manage(unseeded, "shell", "-c", SEED).strip().splitlines()[-1])
    assert again["created"] == 0 and again["updated"] == 0
    found = visit(unseeded)
    assert found["/fr/"] == [200, True]
    assert found["home_fr"] != "Accueil"  # the seeded title replaced the default
