"""Public pages come from the page cache, and any edit shows at once."""

import pytest

from services.models import Intervention

pytestmark = pytest.mark.django_db


def test_a_cached_page_needs_no_query(client, django_assert_num_queries):
    client.get("/fr/comparer/")
    with django_assert_num_queries(0):
        response = client.get("/fr/comparer/")
    assert response.status_code == 200


def test_an_edit_shows_on_the_next_visit(client):
    assert "Nouveau nom" not in client.get("/fr/services/").content.decode()
    coaching = Intervention.objects.get(key="coaching")
    coaching.name_fr = "Nouveau nom"
    coaching.save()
    assert "Nouveau nom" in client.get("/fr/services/").content.decode()


def test_a_query_string_does_not_make_a_new_cache_entry(client, django_assert_num_queries):
    client.get("/en/compare/")
    with django_assert_num_queries(0):
        assert client.get("/en/compare/?utm=junk").status_code == 200


def test_an_editors_browser_is_never_served_a_shared_copy(client, admin_user):
    client.force_login(admin_user)
    response = client.get("/fr/")
    assert "private" in response.headers["Cache-Control"]
    assert "no-cache" in response.headers["Cache-Control"]
