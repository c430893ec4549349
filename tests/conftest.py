import pytest
from django.core.cache import cache
from django.core.management import call_command

from .admin_roles import client_for


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """Every test starts from the real bilingual content, loaded once."""
    with django_db_blocker.unblock():
        call_command("seed_content", verbosity=0)


@pytest.fixture(autouse=True)
def fresh_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def editor(django_user_model):
    """A logged-in client in the Editor role (English admin)."""
    return client_for(django_user_model, "editor")


@pytest.fixture
def reviewer(django_user_model):
    """A logged-in client in the Reviewer role (English admin)."""
    return client_for(django_user_model, "reviewer")
