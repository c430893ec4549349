"""Two gunicorn instances sharing one PostgreSQL and one Redis: an edit made through one
instance's admin shows at once on the other instance's public page.

Runs when DATABASE_URL points to PostgreSQL and REDIS_URL is set (as `.ci/run` does)."""

import os
import re
import secrets
import subprocess
import sys
import time
from urllib.parse import urlsplit, urlunsplit

import pytest
import requests

from .forms import form_values
from .servers import ROOT, free_port, gunicorn

DATABASE_URL = os.environ.get("DATABASE_URL", "")
REDIS_URL = os.environ.get("REDIS_URL", "")

pytestmark = pytest.mark.skipif(
    not (DATABASE_URL.startswith("postgres") and REDIS_URL),
    reason="needs PostgreSQL (DATABASE_URL) and Redis (REDIS_URL), as in .ci/run",
)


def with_path(url, path):
    parts = urlsplit(url)
    return urlunsplit((parts.scheme, parts.netloc, path, "", ""))


@pytest.fixture(scope="module")
def environment():
    """A database of its own, migrated and seeded, and a Redis database of its own."""
    import psycopg

    name = "orientation_instances"
    with psycopg.connect(with_path(DATABASE_URL, "/postgres"), autocommit=True) as connection:
        connection.execute(f"DROP DATABASE IF EXISTS {name}")
        connection.execute(f"CREATE DATABASE {name}")
    redis_url = with_path(REDIS_URL, "/3")
    env = {
        **os.environ,
        "DJANGO_DEBUG": "0",
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(40),
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
        "DATABASE_URL": with_path(DATABASE_URL, f"/{name}"),
        "REDIS_URL": redis_url,
        "DJANGO_SUPERUSER_PASSWORD": "a-long-test-password",
    }
    env.pop("DJANGO_SETTINGS_MODULE", None)

    def manage(*args):
        subprocess.run(
            [sys.executable, "manage.py", *args], cwd=ROOT, env=env, check=True, timeout=300
        )

    manage("migrate", "--no-input", "-v0")
    manage("seed_content", "-v0")
    manage("collectstatic", "--no-input", "-v0")
    manage("createsuperuser", "--no-input", "--username", "editor", "--email", "e@example.org")
    import redis

    redis.Redis.from_url(redis_url).flushdb()
    return env


def log_in(session, base):
    login = base + "/admin/login/"
    session.get(login, timeout=10)
    response = session.post(
        login,
        data={
            "csrfmiddlewaretoken": session.cookies["csrftoken"],
            "username": "editor",
            "password": "a-long-test-password",
            "next": "/admin/",
        },
        timeout=10,
    )
    assert response.url.endswith("/admin/"), response.status_code


def set_name(editor, base, environment, key, field, value):
    """Change one field of an intervention through the admin at `base`, as an editor would."""
    import psycopg

    with psycopg.connect(environment["DATABASE_URL"]) as connection:
        (pk,) = connection.execute(
            "SELECT id FROM services_intervention WHERE key = %s", [key]
        ).fetchone()
    change_url = f"{base}/admin/services/intervention/{pk}/change/"
    form = editor.get(change_url, timeout=10)
    fields = [
        (name, value if name == field else current)
        for name, current in form_values(form.text, "intervention_form")
    ]
    saved = editor.post(change_url, data=fields + [("_save", "Save")], timeout=10)
    assert saved.url.endswith("/admin/services/intervention/"), saved.text[:2000]


def test_an_edit_on_one_instance_shows_at_once_on_the_other(environment):
    with gunicorn(environment) as first, gunicorn(environment) as second:
        page = second + "/en/services/coaching/"
        before = requests.get(page, timeout=10)
        assert before.status_code == 200 and "Coaching" in before.text
        assert not before.cookies  # a public page: no cookie, cacheable
        assert requests.get(page, timeout=10).text == before.text  # now served from the cache

        editor = requests.Session()
        log_in(editor, first)
        new_name = "Coaching, edited on the other instance"
        set_name(editor, first, environment, "coaching", "name_en", new_name)

        after = requests.get(page, timeout=10)
        assert new_name in after.text
        listing = requests.get(second + "/en/services/", timeout=10)
        assert new_name in listing.text


def test_behind_the_shipped_nginx_visitors_share_pages_and_editors_bypass_them(
    environment, nginx_binary, tmp_path
):
    from bench.local_nginx import shipped_nginx

    # The shipped settings (DJANGO_PUBLIC_PAGE_MAX_AGE left at its default), as behind nginx.
    env = {**environment, "DJANGO_PROXY_COUNT": "1"}
    with gunicorn(env) as first, gunicorn(env) as second:
        upstreams = [base.removeprefix("http://") for base in (first, second)]
        with shipped_nginx(tmp_path, upstreams, free_port()) as proxy:
            path = "/fr/services/education-psychologique/"
            visitor = requests.get(proxy + path, timeout=10)
            assert visitor.status_code == 200 and not visitor.cookies
            again = requests.get(proxy + path, timeout=10)
            assert again.headers["X-Cache-Status"] == "HIT"
            assert again.text == visitor.text

            editor = requests.Session()
            log_in(editor, proxy)
            new_name = "Psychoéducation, modifiée derrière nginx"
            set_name(editor, proxy, environment, "psychoeducation", "name_fr", new_name)
            seen_by_editor = editor.get(proxy + path, timeout=10)
            assert seen_by_editor.headers["X-Cache-Status"] == "BYPASS"
            assert new_name in seen_by_editor.text
            assert "private" in seen_by_editor.headers["Cache-Control"]
            # Both instances show the edit at once …
            for base in (first, second):
                assert new_name in requests.get(base + path, timeout=10).text
            # … and nginx's shared copy within 10 seconds.
            deadline = time.monotonic() + 10
            while new_name not in requests.get(proxy + path, timeout=10).text:
                assert time.monotonic() < deadline, "nginx kept the old page over 10 s"
                time.sleep(0.5)

            stylesheet = re.search(r'href="(/static/[^"]+\.css)"', visitor.text).group(1)
            asset = requests.get(proxy + stylesheet, timeout=10)
            assert asset.status_code == 200
            assert "max-age=31536000" in asset.headers["Cache-Control"]
