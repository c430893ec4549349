"""Security: headers, production settings, admin throttling, and hostile requests."""

import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings
from django.test import Client, override_settings
from django.urls import reverse

pytestmark = pytest.mark.django_db

ROOT = Path(settings.BASE_DIR)


def directives(response):
    policy = response.headers["Content-Security-Policy"]
    return {part.split()[0]: part.split()[1:] for part in policy.split(";") if part.strip()}


@pytest.mark.parametrize("url", ["/fr/", "/en/which-service/", "/fr/nulle-part/", "/healthz"])
def test_every_response_carries_the_security_headers(client, url):
    response = client.get(url)
    csp = directives(response)
    assert csp["default-src"] == ["'self'"]
    assert csp["script-src"] == ["'self'"]
    assert csp["frame-ancestors"] == ["'none'"]
    assert csp["form-action"] == ["'self'"]
    assert csp["base-uri"] == ["'none'"]
    assert "unsafe-inline" not in response.headers["Content-Security-Policy"]
    assert "unsafe-eval" not in response.headers["Content-Security-Policy"]
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Referrer-Policy"] == "same-origin"
    assert response.headers["Cross-Origin-Opener-Policy"] == "same-origin"
    assert "camera=()" in response.headers["Permissions-Policy"]
    assert response.headers["X-Frame-Options"] == "DENY"


@override_settings(SECURE_HSTS_SECONDS=31536000, SECURE_HSTS_INCLUDE_SUBDOMAINS=True)
def test_hsts_is_sent_over_https(client):
    response = client.get("/fr/", secure=True)
    assert response.headers["Strict-Transport-Security"].startswith("max-age=31536000")


def run_python(code, **environment):
    env = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    env.update(environment)
    return subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )


def test_production_settings_pass_the_deploy_check():
    result = run_python(
        "import django, sys; from django.core.management import call_command;"
        "sys.argv=['manage.py'];"
        "import os; os.environ['DJANGO_SETTINGS_MODULE']='orientation_site.settings';"
        "django.setup(); call_command('check', deploy=True, fail_level='WARNING')",
        DJANGO_DEBUG="0",
        DJANGO_SECURE_SSL="1",
        DJANGO_SECRET_KEY=secrets.token_urlsafe(50),
        DJANGO_ALLOWED_HOSTS="orientation.example",
        DJANGO_SITE_CONTACT_EMAIL="contact@orientation.example",
    )
    assert result.returncode == 0, result.stderr[-2000:]


def test_starting_without_a_secret_key_fails_clearly():
    result = run_python("import orientation_site.settings", DJANGO_DEBUG="0")
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY is required" in result.stderr


def test_under_ssl_the_admin_cookies_are_secure():
    result = run_python(
        "from orientation_site import settings as s;"
        "print(s.SESSION_COOKIE_SECURE, s.SESSION_COOKIE_HTTPONLY, s.SESSION_COOKIE_SAMESITE,"
        " s.CSRF_COOKIE_SECURE, s.SECURE_SSL_REDIRECT, s.SECURE_HSTS_SECONDS)",
        DJANGO_DEBUG="0",
        DJANGO_SECURE_SSL="1",
        DJANGO_SECRET_KEY="x" * 60,
    )
    assert result.stdout.split() == ["True", "True", "Lax", "True", "True", "31536000"]


def test_the_admin_login_locks_after_repeated_failures(client, django_user_model):
    django_user_model.objects.create_superuser("editor", "editor@example.org", "right-password")
    url = reverse("admin:login")
    for attempt in range(1, settings.AXES_FAILURE_LIMIT + 1):
        response = client.post(url, {"username": "editor", "password": "wrong"})
        assert response.status_code == (429 if attempt == settings.AXES_FAILURE_LIMIT else 200)
    locked = client.post(url, {"username": "editor", "password": "right-password"})
    assert locked.status_code in (403, 429)
    assert "_auth_user_id" not in client.session


def test_public_pages_still_set_no_cookie_with_throttling_on(client):
    assert not client.get("/fr/").cookies


# --- Hostile requests -------------------------------------------------------------------------

PREFIXES = [
    "/fr/",
    "/en/",
    "/",
    "/de/",
    "/xx/",
    "/fr/services/",
    "/en/services/",
    "/admin/",
    "/static/",
    "/en/glossary/",
    "/fr/quel-service-choisir/",
]
NASTY_PATHS = [
    "../../../../etc/passwd",
    "..%2f..%2f..%2fetc%2fpasswd",
    "%2e%2e/%2e%2e/etc/passwd",
    "....//....//etc/passwd",
    "%00",
    "index%00.html",
    "%ff%fe",
    "%c3%28",
    "%e2%82",
    "%",
    "%%",
    "%zz",
    "a" * 5000,
    "é" * 500,
    "<script>alert(1)</script>",
    "'; DROP TABLE services_intervention; --",
    "${jndi:ldap://x}",
    "services/intervention-de-crise/%00/",
    "static/../settings.py",
    "~root",
    "%252e%252e%252f",
    "\\..\\..\\windows\\win.ini",
    "wp-login.php",
    ".env",
    ".git/config",
]
QUERIES = ["?" + "q=" + "x" * 100_000, "?%00=%00", "?a=%ff", "?" + "&".join(["k=v"] * 2000)]
METHODS = ["PUT", "DELETE", "PATCH", "OPTIONS", "TRACE", "PROPFIND"]


def hostile_requests():
    for prefix in PREFIXES:
        for path in NASTY_PATHS:
            yield "GET", prefix + path, {}
    for url in ["/fr/", "/en/compare/", "/fr/quel-service-choisir/", "/healthz"]:
        for query in QUERIES:
            yield "GET", url + query, {}
        for method in METHODS:
            yield method, url, {}
    for host in ["evil.example", "localhost:99999", "a" * 300, "127.0.0.1@evil", ""]:
        yield "GET", "/fr/", {"HTTP_HOST": host}
    yield "POST", "/fr/quel-service-choisir/", {"junk": "x" * (3 * 1024 * 1024)}
    yield "POST", "/en/which-service/", {"situation": "\x00" * 1000}
    yield "POST", "/en/which-service/", {"situation": ["grief", "goal"]}


def send(client, method, url, extra):
    if method == "POST":
        return client.post(url, extra)
    return client.generic(method, url, **extra)


def test_hostile_requests_never_get_a_5xx_nor_a_stack_trace():
    # As a server would answer: exceptions become error pages instead of failing the test.
    client = Client(raise_request_exception=False)
    requests = list(hostile_requests())
    assert len(requests) >= 300
    for method, url, extra in requests:
        response = send(client, method, url, extra)
        shown = f"{method} {url[:80]}"
        assert response.status_code < 500, shown
        body = response.content.decode("utf-8", "replace")
        assert "Traceback" not in body and "Exception Value" not in body, shown
        assert "<script>alert(1)</script>" not in body, shown
        if response.status_code in (400, 404) and url.startswith(("/fr/", "/en/")):
            assert f'<html lang="{url[1:3]}"' in body, shown
