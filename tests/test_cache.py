"""Public pages come from the page cache, and any edit shows at once."""

import re

import pytest
from django.core.cache import cache
from django.http import HttpResponse
from django.test import override_settings

from orientation_site.page_cache import (
    PageCacheMiddleware,
    bump_content_version,
    content_version,
    page_cache_key,
)

from . import factories

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def helping():
    """Every fixed page, and one published kind of help (its page is the one tested)."""
    factories.every_page()
    return factories.intervention(
        name_fr="Aide à essayer", slug_fr="aide-a-l-essai", slug_en="help-on-trial"
    )


def test_a_cached_page_needs_no_query_but_the_content_version(client, django_assert_num_queries):
    client.get("/fr/comparer/")
    # The version is read through the DB-API connection, outside Django's query log.
    with django_assert_num_queries(0):
        response = client.get("/fr/comparer/")
    assert response.status_code == 200


def test_an_edit_shows_on_the_next_visit(client, helping):
    assert "Aide à essayer" in client.get("/fr/services/").text
    assert "Nouveau nom" not in client.get("/fr/services/").content.decode()
    helping.name_fr = "Nouveau nom"
    helping.save()
    assert "Nouveau nom" in client.get("/fr/services/").content.decode()


def test_a_query_string_does_not_make_a_new_cache_entry(client, django_assert_num_queries):
    client.get("/en/compare/")
    with django_assert_num_queries(0):  # no rendering
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


# --- Field reports (issue 13): each test failed on the code before its fix ---------------------


def test_a_cached_page_is_refused_to_a_host_not_allowed(client):
    assert client.get("/fr/").status_code == 200  # now in the page cache
    for path in ["/fr/", "/en/compare/", "/static/css/site.css", "/healthz", "/"]:
        assert client.get(path, HTTP_HOST="evil.example").status_code == 400, path


def absolute_urls(body):
    """The site's own absolute URLs in a page (links to sources elsewhere left out)."""
    found = re.findall(r'(?:href="|"url": ")(https?://[^"]+)"', body)
    return {url for url in found if re.match(r"https?://(testserver|localhost|127\.0\.0\.1)", url)}


def test_absolute_urls_rendered_for_one_host_are_never_served_to_another(client):
    path = "/fr/services/aide-a-l-essai/"
    first = client.get(path, HTTP_HOST="127.0.0.1:6666")  # a port variant ALLOWED_HOSTS accepts
    assert any(url.startswith("http://127.0.0.1:6666/") for url in absolute_urls(first.text))
    for host in ["testserver", "localhost", "127.0.0.1"]:
        body = client.get(path, HTTP_HOST=host).text
        assert "127.0.0.1:6666" not in body, host
        ours = absolute_urls(body)
        assert ours and all(url.startswith(f"http://{host}/") for url in ours), host


@override_settings(PUBLIC_URL="https://orientation.example")
def test_with_a_public_url_every_absolute_url_is_built_from_it(client):
    pages = ["/fr/", "/en/services/help-on-trial/", "/sitemap.xml", "/robots.txt"]
    for path in pages:
        body = client.get(path, HTTP_HOST="127.0.0.1:6666").text
        found = set(re.findall(r"https?://[^\s\"<]+", body)) - {
            "http://www.sitemaps.org/schemas/sitemap/0.9",
            "http://www.w3.org/1999/xhtml",
        }
        ours = {url for url in found if "orientation.example" in url or "127.0.0.1" in url}
        assert ours, path
        assert all(url.startswith("https://orientation.example/") for url in ours), (path, ours)


@pytest.mark.parametrize("first", ["HEAD", "GET"])
def test_whatever_the_first_method_the_stored_copy_has_its_etag(client, first):
    client.generic(first, "/fr/comparer/")
    response = client.get("/fr/comparer/")
    assert response.status_code == 200 and response.headers.get("ETag")
    again = client.get("/fr/comparer/", HTTP_IF_NONE_MATCH=response.headers["ETag"])
    assert again.status_code == 304


@pytest.mark.parametrize(
    ("header", "value", "status"),
    [
        ("HTTP_IF_NONE_MATCH", "{etag}", 304),
        ("HTTP_IF_NONE_MATCH", '"another"', 200),
        ("HTTP_IF_MATCH", '"another"', 412),
        ("HTTP_IF_MATCH", "{etag}", 200),
    ],
)
def test_a_cached_page_answers_every_conditional_request(client, header, value, status):
    """A hit skips the conditional work only when the request asks for none (RFC 9110, 13.1)."""
    etag = client.get("/fr/comparer/").headers["ETag"]
    assert client.get("/fr/comparer/").status_code == 200  # now served from the cache
    response = client.get("/fr/comparer/", **{header: value.format(etag=etag)})
    assert response.status_code == status


def test_a_forged_session_cookie_gets_the_cached_page(client, django_assert_max_num_queries):
    client.get("/fr/comparer/")
    for value in ["x", "a" * 32, "k" * 40]:
        client.cookies["sessionid"] = value
        with django_assert_max_num_queries(1):  # the session lookup, for a well-shaped key
            response = client.get("/fr/comparer/")
        assert response.status_code == 200, value
        assert "public" in response.headers["Cache-Control"], value
        assert not response.cookies, value


def test_a_stale_session_cookie_gets_the_cached_page(client, admin_user):
    client.force_login(admin_user)
    stale = client.cookies["sessionid"].value
    client.logout()
    client.cookies["sessionid"] = stale
    response = client.get("/fr/")
    assert "public" in response.headers["Cache-Control"]


def test_a_logged_in_editor_still_bypasses_the_cache(client, admin_user):
    client.get("/fr/")
    client.force_login(admin_user)
    response = client.get("/fr/")
    assert "private" in response.headers["Cache-Control"]


def test_an_edit_saved_by_another_process_shows_on_the_next_request(client, helping):
    """Another worker, `manage.py shell`, `seed_content`: a process with its own memory that
    shares only the database with this one (each gunicorn worker has its own local cache)."""
    assert "Nom changé ailleurs" not in client.get("/fr/services/").text
    elsewhere = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache",
                             "LOCATION": "another-process"}}  # fmt: skip
    with override_settings(CACHES=elsewhere):
        helping.name_fr = "Nom changé ailleurs"
        helping.save()
    assert "Nom changé ailleurs" in client.get("/fr/services/").text


def test_on_sqlite_the_version_is_read_again_whenever_the_file_changed(tmp_path, monkeypatch):
    import os
    import time

    from orientation_site import page_cache

    database, wal = tmp_path / "db.sqlite3", tmp_path / "db.sqlite3-wal"
    database.write_bytes(b"committed")

    def age(path, seconds=2):
        then = time.time_ns() - seconds * 10**9
        os.utime(path, ns=(then, then))

    age(database)
    reads = []
    monkeypatch.setattr(page_cache, "sqlite_files", lambda: (str(database), str(wal)))
    monkeypatch.setattr(page_cache, "query_content_version", lambda: reads.append(1) or len(reads))
    monkeypatch.setattr(page_cache, "_last_read", (None, None))
    assert page_cache.read_content_version() == 1
    assert page_cache.read_content_version() == 1  # nothing committed since: no read
    database.write_bytes(b"committed again")  # just now: too recent to trust
    assert page_cache.read_content_version() == 2
    assert page_cache.read_content_version() == 3
    age(database, 1)
    assert page_cache.read_content_version() == 4
    assert page_cache.read_content_version() == 4
    wal.write_bytes(b"a commit in write-ahead mode")
    age(wal)
    assert page_cache.read_content_version() == 5
    assert len(reads) == 5
