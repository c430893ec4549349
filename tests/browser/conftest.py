"""Playwright drives Debian's Chromium (/usr/bin/chromium) against pytest-django's live server."""

import os
import shutil

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from pytest_django.live_server_helper import LiveServer

from services.models import ContentVersion, SeedRecord

# Playwright's sync API runs an event loop in this thread; Django must allow ORM calls anyway.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
    "--disable-quic",
]


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/browser/" in str(item.fspath):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    if not shutil.which(CHROMIUM):
        pytest.fail(f"Chromium not found at {CHROMIUM}: run `make browser` (as root).")
    return {**browser_type_launch_args, "executable_path": CHROMIUM, "args": CHROMIUM_ARGS}


@pytest.fixture(scope="session")
def reading_server(django_db_setup, django_db_blocker):
    """A live server for tests that only read, started once for the session.

    pytest-django's `live_server` would make every test transactional: the tables emptied
    after each one and the content (about 2 s to load) loaded again. Most browser tests only
    read: they share this server and the content `django_db_setup` loaded (see `site`); the
    others ask for `writable_site`.
    """
    with django_db_blocker.unblock():
        server = LiveServer("localhost")
    yield server
    server.stop()


def content_fingerprint():
    """What a reading test must leave unchanged: (content version, users, seed records)."""
    return (
        ContentVersion.objects.values_list("version", flat=True).first(),
        get_user_model().objects.count(),
        SeedRecord.objects.count(),
    )


@pytest.fixture
def site(seeded_content, db, reading_server):
    """The base URL of a live server with the real content, for tests that only read.

    Yields: the URL, e.g. "http://localhost:41234". A test asking for it belongs to the
    content-acceptance suite (tests/conftest.py): as `db` tests, these run before any
    transactional test empties the tables, on the content loaded once for the session. Fails
    the test if it changed that content or added a user: such a test asks for `writable_site`.
    """
    before = content_fingerprint()
    yield reading_server.url
    if content_fingerprint() != before:
        pytest.fail("This test wrote to the database: request `writable_site`, not `site`.")


@pytest.fixture
def writable_site(transactional_db, reading_server):
    """The same live server, for a test that changes anything: the tables are emptied after
    it (a transactional test), and the next reading test loads the content again.

    Yields: the URL. It costs a content load (about 2 s) per test. One server for every
    test: with SQLite in memory, two servers sharing the test's connection trip over each
    other's thread checks.
    """
    call_command("seed_content", verbosity=0)
    return reading_server.url
