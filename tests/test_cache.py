"""Public pages come from the page cache, and any edit shows at once."""

import pytest
from django.core.cache import cache
from django.http import HttpResponse

from services.models import Intervention
from services.page_cache import (
    PageCacheMiddleware,
    bump_content_version,
    content_version,
    page_cache_key,
)

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


def test_a_page_rendered_while_an_editor_saves_is_not_served_afterwards(rf):
    renderings = []

    def render_during_an_edit(request):
        renderings.append(request.path)
        response = HttpResponse("page")
        response.cache_publicly = True
        bump_content_version()  # an editor saves while this page is being rendered
        return response

    middleware = PageCacheMiddleware(render_during_an_edit)
    middleware(rf.get("/fr/a-propos/"))
    middleware(rf.get("/fr/a-propos/"))
    assert len(renderings) == 2


def test_a_new_rendering_replaces_the_stale_copy_instead_of_adding_one(rf):
    def render(request):
        response = HttpResponse("page")
        response.cache_publicly = True
        return response

    middleware = PageCacheMiddleware(render)
    request = rf.get("/fr/a-propos/")
    middleware(request)
    bump_content_version()
    middleware(request)
    version, content, _headers = cache.get(page_cache_key(request))
    assert version == content_version()
