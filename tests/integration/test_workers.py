"""Several gunicorn workers without Redis (the Docker image's and a plain gunicorn's default),
alone and behind the shipped deploy/nginx.conf, on SQLite.

- A save in another process (`manage.py shell`) shows on the next request of every worker,
  from the page cache and, without it, from the memos of an uncached render.
- Behind nginx, with the default settings, it reaches visitors within 10 seconds.
- A forged session cookie gets the cached page, from nginx and from the application.
- nginx's own answers (static files) carry the same security headers as the application's.
"""

import os
import secrets
import subprocess
import sys
import time

import pytest
import requests

from .servers import ROOT, free_port, gunicorn

CHANGE_NAME = """
from services.models import Intervention
coaching = Intervention.objects.get(key="coaching")
coaching.name_{language} = {name!r}
coaching.save()
"""


@pytest.fixture(scope="module")
def environment(tmp_path_factory):
    """A SQLite database of its own, migrated and seeded; no Redis: each worker's memory."""
    folder = tmp_path_factory.mktemp("workers")
    env = {
        **os.environ,
        "DJANGO_DEBUG": "0",
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(40),
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
        "DATABASE_URL": f"sqlite:///{folder}/workers.sqlite3",
    }
    env.pop("REDIS_URL", None)
    env.pop("DJANGO_SETTINGS_MODULE", None)
    for command in (["migrate", "--no-input"], ["seed_content"], ["collectstatic", "--no-input"]):
        subprocess.run(
            [sys.executable, "manage.py", *command, "-v0"],
            cwd=ROOT,
            env=env,
            check=True,
            timeout=300,
        )
    return env


def save_elsewhere(env, language, name):
    """Change coaching's name from another process, as `manage.py shell` would."""
    code = CHANGE_NAME.format(language=language, name=name)
    command = [sys.executable, "manage.py", "shell", "-c", code]
    subprocess.run(command, cwd=ROOT, env=env, check=True, timeout=60)


def test_a_save_in_another_process_shows_on_every_workers_next_request(environment):
    with gunicorn(environment, workers=3) as base:
        page = base + "/en/services/coaching/"
        for _ in range(30):  # every worker has the page in its memory by now
            assert "Coaching" in requests.get(page, timeout=10).text
        save_elsewhere(environment, "en", "Coaching, saved from a shell")
        seen = [requests.get(page, timeout=10).text for _ in range(30)]
        stale = sum("Coaching, saved from a shell" not in text for text in seen)
        assert stale == 0, f"{stale} of 30 requests served the old page"


def test_without_the_page_cache_a_save_elsewhere_retires_every_workers_memos(environment):
    """The memos of an uncached render (orientation_site/render_memo.py) live in each worker's
    memory, kept per content version: a save in another process retires them all."""
    env = {**environment, "DJANGO_PAGE_CACHE": "0"}
    pages = ["/en/services/coaching/", "/en/services/", "/en/compare/"]
    with gunicorn(env, workers=3) as base:
        for _ in range(10):  # every worker has rendered, and memoised, every page by now
            for page in pages:
                assert requests.get(base + page, timeout=10).status_code == 200
        save_elsewhere(environment, "en", "Coaching, memo retired")
        for _ in range(10):
            for page in pages:
                text = requests.get(base + page, timeout=10).text
                assert "Coaching, memo retired" in text, page


def test_behind_nginx_an_edit_reaches_visitors_within_ten_seconds(
    environment, nginx_binary, tmp_path
):
    from bench.local_nginx import shipped_nginx

    with gunicorn(environment, workers=2) as first, gunicorn(environment, workers=2) as second:
        upstreams = [base.removeprefix("http://") for base in (first, second)]
        with shipped_nginx(tmp_path, upstreams, free_port()) as proxy:
            path = "/fr/services/coaching/"
            requests.get(proxy + path, timeout=10)
            assert requests.get(proxy + path, timeout=10).headers["X-Cache-Status"] == "HIT"
            name = "Coaching, modifié pendant que nginx garde la page"
            save_elsewhere(environment, "fr", name)
            saved = time.monotonic()
            while name not in requests.get(proxy + path, timeout=10).text:
                assert time.monotonic() - saved < 10, "nginx kept the old page over 10 s"
                time.sleep(0.2)


def test_behind_nginx_a_forged_session_cookie_gets_a_cached_page(
    environment, nginx_binary, tmp_path
):
    from bench.local_nginx import shipped_nginx

    with (
        gunicorn(environment, workers=2) as app,
        shipped_nginx(tmp_path, [app.removeprefix("http://")], free_port()) as proxy,
    ):
        path = "/en/compare/"
        requests.get(proxy + path, timeout=10)
        junk = requests.get(proxy + path, cookies={"sessionid": "x"}, timeout=10)
        assert junk.headers["X-Cache-Status"] == "HIT"
        # Shaped like a real key: nginx cannot tell, the application can.
        forged = requests.get(proxy + path, cookies={"sessionid": "a" * 32}, timeout=10)
        assert forged.headers["X-Cache-Status"] == "BYPASS"
        assert "public" in forged.headers["Cache-Control"]
        assert forged.text == junk.text


def test_nginx_answers_carry_the_applications_security_headers(environment, nginx_binary, tmp_path):
    from bench.local_nginx import shipped_nginx

    with (
        gunicorn(environment, workers=1) as app,
        shipped_nginx(tmp_path, [app.removeprefix("http://")], free_port()) as proxy,
    ):
        page = requests.get(proxy + "/fr/", timeout=10)
        stylesheet = page.text.split('rel="stylesheet" href="', 1)[1].split('"', 1)[0]
        asset = requests.get(proxy + stylesheet, timeout=10)
        assert asset.status_code == 200
        for name in [
            "Content-Security-Policy",
            "X-Frame-Options",
            "Permissions-Policy",
            "Cross-Origin-Resource-Policy",
            "X-Content-Type-Options",
            "Referrer-Policy",
        ]:
            # Once each on the page (the application's, not doubled by nginx) …
            assert len(page.raw.headers.getlist(name)) == 1, name
            # … and the same value on the file nginx served itself.
            assert policy(asset.headers[name]) == policy(page.headers[name]), name


def policy(value):
    """A header's value, its `;`-separated parts in any order."""
    return sorted(part.strip() for part in value.split(";"))


def test_the_containers_health_check_passes_with_a_public_host_only(environment):
    env = {**environment, "DJANGO_ALLOWED_HOSTS": "orientation.example,127.0.0.1"}
    with gunicorn(env, workers=1) as base:
        assert requests.get(base + "/healthz", headers={"Host": "evil.example"}).status_code == 400
        check = {
            **env,
            "PORT": base.rsplit(":", 1)[1],
            "DJANGO_ALLOWED_HOSTS": "orientation.example",
        }
        command = [sys.executable, "-m", "orientation_site.healthcheck"]
        assert subprocess.run(command, cwd=ROOT, env=check, timeout=30).returncode == 0
        wrong_host = {**check, "DJANGO_ALLOWED_HOSTS": "elsewhere.example"}
        assert subprocess.run(command, cwd=ROOT, env=wrong_host, timeout=30).returncode == 1
