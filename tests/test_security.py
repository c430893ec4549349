"""Security: headers, production settings, admin throttling, and hostile requests."""

import gzip
import secrets

import pytest
from django.conf import settings
from django.test import Client, override_settings
from django.urls import reverse

from . import factories
from .helpers import run_python

pytestmark = pytest.mark.django_db


def directives(response):
    policy = response.headers["Content-Security-Policy"]
    return {part.split()[0]: part.split()[1:] for part in policy.split(";") if part.strip()}


def assert_security_headers(response, shown=""):
    csp = directives(response)
    assert csp["default-src"] == ["'self'"], shown
    assert csp["script-src"] == ["'self'"], shown
    assert csp["frame-ancestors"] == ["'none'"], shown
    assert csp["form-action"] == ["'self'"], shown
    assert csp["base-uri"] == ["'none'"], shown
    assert "unsafe-inline" not in response.headers["Content-Security-Policy"], shown
    assert "unsafe-eval" not in response.headers["Content-Security-Policy"], shown
    assert response.headers["X-Content-Type-Options"] == "nosniff", shown
    assert response.headers["Referrer-Policy"] == "same-origin", shown
    assert response.headers["Cross-Origin-Opener-Policy"] == "same-origin", shown
    assert response.headers["Cross-Origin-Resource-Policy"] == "same-origin", shown
    assert "camera=()" in response.headers["Permissions-Policy"], shown
    assert response.headers["X-Frame-Options"] == "DENY", shown


# Every kind of response, including those answered before the view: a cached page, a 304,
# the 400 for an unknown host, redirects (language, trailing slash), static files, errors.
# (url, extra request headers, times requested: the last answer is checked.)
EVERY_KIND = [
    ("/fr/", {}, 1),
    ("/fr/", {}, 2),  # the second time, from the page cache
    ("/en/which-service/", {}, 1),
    ("/fr/nulle-part/", {}, 1),
    ("/healthz", {}, 1),
    ("/", {}, 1),
    ("/fr", {}, 1),
    ("/en/compare", {}, 1),
    ("/favicon.ico", {}, 1),
    ("/static/css/site.css", {}, 1),
    ("/sitemap.xml", {}, 1),
    ("/robots.txt", {}, 1),
    ("/admin/login/", {}, 1),
    ("/fr/", {"HTTP_HOST": "evil.example"}, 1),
    ("/static/css/site.css", {"HTTP_HOST": "evil.example"}, 1),
    ("/fr/%", {}, 1),
]


@pytest.fixture(autouse=True)
def pages():
    """Every fixed page, so that the site's pages answer 200 (and are cached)."""
    factories.every_page()


@pytest.mark.parametrize(
    ("url", "extra", "times"),
    EVERY_KIND,
    ids=[f"{url}-{extra.get('HTTP_HOST', '')}-{times}" for url, extra, times in EVERY_KIND],
)
def test_every_response_carries_the_security_headers(client, url, extra, times):
    for _ in range(times):
        response = client.get(url, **extra)
        if response.streaming:  # a static file: read it, which closes it as a server would
            b"".join(response.streaming_content)
    assert_security_headers(response)


def test_a_304_carries_the_security_headers(client):
    etag = client.get("/fr/").headers["ETag"]
    response = client.get("/fr/", HTTP_IF_NONE_MATCH=etag)
    assert response.status_code == 304
    assert_security_headers(response, "304")


@override_settings(SECURE_SSL_REDIRECT=True)
def test_the_https_redirect_carries_the_security_headers(client):
    response = client.get("/fr/")
    assert response.status_code == 301
    assert_security_headers(response, "https redirect")


def test_a_server_error_carries_the_security_headers(client, monkeypatch):
    from services.catalogue import views

    def broken(*args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(views, "get_page", broken)
    quiet = Client(raise_request_exception=False)
    response = quiet.get("/en/glossary/")
    assert response.status_code == 500
    assert_security_headers(response, "500")


@override_settings(SECURE_HSTS_SECONDS=31536000, SECURE_HSTS_INCLUDE_SUBDOMAINS=True)
def test_hsts_is_sent_over_https(client):
    response = client.get("/fr/", secure=True)
    assert response.headers["Strict-Transport-Security"].startswith("max-age=31536000")


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
        DJANGO_PUBLIC_URL="https://orientation.example",
        DJANGO_PROXY_COUNT="1",
    )
    assert result.returncode == 0, result.stderr[-2000:]


def test_the_deploy_check_asks_for_the_public_url():
    result = run_python(
        "import django, os; from django.core.management import call_command;"
        "os.environ['DJANGO_SETTINGS_MODULE']='orientation_site.settings';"
        "django.setup(); call_command('check', deploy=True, fail_level='WARNING')",
        DJANGO_SECURE_SSL="1",
        DJANGO_SECRET_KEY=secrets.token_urlsafe(50),
    )
    assert result.returncode != 0 and "DJANGO_PUBLIC_URL" in result.stderr


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
BAD_HOSTS = [
    "evil.example",
    "evil.example:80",
    "127.0.0.1:6666@evil.example",
    "a" * 300,
    "127.0.0.1@evil",
    "[::1]",
    "127.0.0.1/x",
    "",
]
FORGED_COOKIES = [
    "sessionid=x",
    "sessionid=" + "a" * 32,
    "sessionid=" + "k" * 5000,
    "sessionid=é; sessionid=%00",
    "sessionid",
    "=; ;;sessionid=\x01",
]


def hostile_requests():
    for prefix in PREFIXES:
        for path in NASTY_PATHS:
            yield "GET", prefix + path, {}
    for url in ["/fr/", "/en/compare/", "/fr/quel-service-choisir/", "/healthz"]:
        for query in QUERIES:
            yield "GET", url + query, {}
        for method in METHODS:
            yield method, url, {}
    # Field reports (issue 13): forged hosts on cached pages, static files and the admin;
    # HEAD first; forged and stale session cookies; junk validators and forwarded addresses.
    for url in ["/fr/", "/en/compare/", "/static/css/site.css", "/admin/login/", "/healthz"]:
        yield "GET", url, {}  # warm the caches first
        for host in BAD_HOSTS:
            yield "GET", url, {"HTTP_HOST": host}
            yield "HEAD", url, {"HTTP_HOST": host}
    for host in ["localhost:99999", "127.0.0.1:6666", "LOCALHOST", "localhost."]:
        yield "GET", "/fr/", {"HTTP_HOST": host}  # variants ALLOWED_HOSTS may accept
    for url in ["/fr/a-propos/", "/en/glossary/", "/fr/nulle-part/"]:
        yield "HEAD", url, {}
        for cookie in FORGED_COOKIES:
            yield "GET", url, {"HTTP_COOKIE": cookie}
            yield "HEAD", url, {"HTTP_COOKIE": cookie}
        for validator in ["*", "W/", '"' * 300, "x" * 8000, "\x00"]:
            yield "GET", url, {"HTTP_IF_NONE_MATCH": validator}
        yield "GET", url, {"HTTP_ACCEPT_ENCODING": "gzip;q=" + "9" * 500}
    for forwarded in ["junk", ", ,", "999.1.1.1", "::::", "1.1.1.1, " * 500, "\x00"]:
        login = {"username": "editor", "password": "wrong"}
        yield "LOGIN", "/admin/login/", {"HTTP_X_FORWARDED_FOR": forwarded, "data": login}
    yield "POST", "/fr/quel-service-choisir/", {"junk": "x" * (3 * 1024 * 1024)}
    yield "POST", "/en/which-service/", {"situation": "\x00" * 1000}
    yield "POST", "/en/which-service/", {"situation": ["grief", "goal"]}


def send(client, method, url, extra):
    if method == "POST":
        return client.post(url, extra)
    if method == "LOGIN":
        extra = dict(extra)
        return client.post(url, extra.pop("data"), **extra)
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
        # Every answer, early or not, carries the security headers.
        for header in ["Content-Security-Policy", "X-Frame-Options", "Permissions-Policy"]:
            assert header in response.headers, (shown, header)
        assert response.headers["Cross-Origin-Resource-Policy"] == "same-origin", shown
        if extra.get("HTTP_HOST") in BAD_HOSTS:
            assert response.status_code == 400, (shown, extra["HTTP_HOST"])
        if response.streaming:  # a static file: read it, which closes it as a server would
            b"".join(response.streaming_content)
            continue
        body = response.content
        if response.get("Content-Encoding") == "gzip":
            body = gzip.decompress(body)
        body = body.decode("utf-8", "replace")
        assert "Traceback" not in body and "Exception Value" not in body, shown
        assert "<script>alert(1)</script>" not in body, shown
        assert "evil" not in body, shown
        if method == "GET" and response.status_code in (400, 404) and url[:4] in ("/fr/", "/en/"):
            assert f'<html lang="{url[1:3]}"' in body, shown


def test_a_view_with_its_own_policy_still_gets_it(rf):
    """The site-wide policy is built once; django-csp's per-view decorators still apply."""
    from django.http import HttpResponse

    from orientation_site.middleware import ContentSecurityPolicy

    def view(request):
        response = HttpResponse("ok")
        response._csp_update = {"img-src": ["data:"]}
        return response

    custom = ContentSecurityPolicy(view)(rf.get("/"))
    assert "img-src 'self' data:" in custom.headers["Content-Security-Policy"]
    plain = ContentSecurityPolicy(lambda request: HttpResponse("ok"))(rf.get("/"))
    assert "data:" not in plain.headers["Content-Security-Policy"]
