import pytest
from django.core.cache import cache
from django.core.management import call_command

from services.render_memo import clear_memos

from .admin_roles import client_for


def database_order(item):
    """0: runs in a transaction rolled back (or reads only); 1: transactional, the tables
    emptied after it; 2: no database. pytest-django's own order."""
    marker = item.get_closest_marker("django_db")
    fixtures = item.fixturenames
    if (marker and marker.kwargs.get("transaction")) or {"transactional_db", "live_server"} & set(
        fixtures
    ):
        return 1
    return 0 if marker or "db" in fixtures else 2


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(items):
    """Tests that empty the tables run after every test that expects the content.

    pytest-django sorts them so, but pytest then groups the tests sharing a parametrised
    session fixture (Playwright's browser) together: the browser tests that write were pulled
    ahead of the other database tests, and emptied the tables under them. Sorted again, stably.
    """
    items.sort(key=database_order)


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """Every test starts from the real bilingual content, loaded once."""
    with django_db_blocker.unblock():
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
def editor(django_user_model):
    """A logged-in client in the Editor role (English admin)."""
    return client_for(django_user_model, "editor")


@pytest.fixture
def reviewer(django_user_model):
    """A logged-in client in the Reviewer role (English admin)."""
    return client_for(django_user_model, "reviewer")
