"""The test session: two suites on one database.

- Most tests build what they assert on (tests/factories.py, tests/admin_roles.py) in tables
  the migrations alone filled (the roles' groups, no content).
- The content-acceptance suite (`@pytest.mark.content`, or a module's `pytestmark`) asserts
  about the real bilingual content (services/content/data/): `seeded_content` loads it once,
  the first time a marked test runs, and every such test sees it.

Order (see `database_order`): the tests that build their own rows first, on empty tables; then
the content suite; then the transactional tests (which empty the tables after them); then the
tests without a database. `pytest -m content` / `-m "not content"` runs one suite.
"""

import pytest
from django.core.cache import cache
from django.core.management import call_command

from orientation_site.render_memo import clear_memos
from services.models import Intervention

from .admin_roles import client_for

CONTENT = "content"
# Modules that still read the seeded content though they assert about the code, not the
# content: in the content suite until they build their own rows (tests/factories.py).
STILL_ON_SEEDED_CONTENT = {
    "test_check_links.py",
    "test_four_eyes_adds.py",
    "test_guide_risk_rule.py",
    "test_pending_preview.py",
    "test_render_memo.py",
    "test_guide_safety.py",
    "test_guide_views.py",
    "test_near_you.py",
    "test_outdated_translations.py",
    "test_pages.py",
    "test_pending_changes.py",
    "test_pending_paths.py",
    "test_phone_links.py",
    "test_queries.py",
    "test_role_matrix.py",
    "test_workbench.py",
}


def database_order(item):
    """(group, suite): group 0 runs in a transaction rolled back (or reads only), 1 is
    transactional (the tables emptied after it), 2 needs no database; within a group, the
    tests that build their own rows (0) before the content suite (1)."""
    marker = item.get_closest_marker("django_db")
    fixtures = set(item.fixturenames)
    content = int(item.get_closest_marker(CONTENT) is not None)
    if (marker and marker.kwargs.get("transaction")) or {"transactional_db", "live_server"} & (
        fixtures
    ):
        return (1, content)
    return (0 if marker or "db" in fixtures else 2, content)


def pytest_itemcollected(item):
    """The content suite asks for its content (before `-m` selects tests by marker).

    A marked test gets `seeded_content` first among its fixtures (before `db` opens the
    test's transaction, so the content is loaded once for the session, not rolled back);
    a test that asks for `seeded_content` (or `site`) is marked."""
    if item.path.name in STILL_ON_SEEDED_CONTENT:
        item.add_marker(CONTENT)
    if "seeded_content" in item.fixturenames:
        item.add_marker(CONTENT)
    elif item.get_closest_marker(CONTENT):
        item.fixturenames.insert(0, "seeded_content")


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(items):
    """Tests are sorted by `database_order`.

    pytest-django sorts the transactional tests last, but pytest then groups the tests sharing
    a parametrised session fixture (Playwright's browser) together: the browser tests that
    write were pulled ahead of the other database tests, and emptied the tables under them.
    Sorted again, stably.
    """
    items.sort(key=database_order)


@pytest.fixture(scope="session")
def seeded_content(django_db_setup, django_db_blocker):
    """The real bilingual content, loaded once for the content-acceptance suite.

    Loaded again if a transactional test emptied the tables since (a run in an unusual
    order, e.g. with -p no:randomly off or a single file)."""
    with django_db_blocker.unblock():
        # Not SeedRecord: the migrations record the fixed pages' default titles (0020).
        if not Intervention.objects.exists():
            call_command("seed_content", verbosity=0)


@pytest.fixture(autouse=True)
def fresh_cache():
    # The memos too: a test's rolled-back transaction takes back the content version they
    # were kept under, and the next test may reach the same number with other content.
    cache.clear()
    clear_memos()
    yield
    cache.clear()
    clear_memos()


@pytest.fixture
def editor():
    """A logged-in client in the Editor role (English admin)."""
    return client_for("editor")


@pytest.fixture
def reviewer():
    """A logged-in client in the Reviewer role (English admin)."""
    return client_for("reviewer")
