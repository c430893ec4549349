"""Behind a reverse proxy: the client's address for the admin's login throttling
(DJANGO_PROXY_COUNT), the public address (DJANGO_PUBLIC_URL), and deploy/nginx.conf agreeing
with the application (its security headers, the session cookies that bypass its cache)."""

import re

import pytest
from django.conf import settings
from django.test import Client, override_settings
from django.urls import reverse

from .helpers import ROOT, run_python

pytestmark = pytest.mark.django_db


def behind_proxies(count):
    """The settings DJANGO_PROXY_COUNT=count gives (orientation_site.settings)."""
    from orientation_site.environment import client_address

    order, ipware_count = client_address(count)
    return override_settings(
        AXES_IPWARE_META_PRECEDENCE_ORDER=order, AXES_IPWARE_PROXY_COUNT=ipware_count
    )


def fail_to_log_in(client, times, **headers):
    url = reverse("admin:login")
    for _ in range(times):
        client.post(url, {"username": "editor", "password": "wrong"}, **headers)


def logs_in(client, **headers):
    url = reverse("admin:login")
    response = client.post(url, {"username": "editor", "password": "right-password"}, **headers)
    return response.status_code == 302


@behind_proxies(1)
def test_behind_the_proxy_one_persons_failures_lock_out_only_that_person(django_user_model):
    """Behind deploy/nginx.conf every request comes from nginx's address (REMOTE_ADDR)."""
    django_user_model.objects.create_superuser("editor", "editor@example.org", "right-password")
    nginx = {"REMOTE_ADDR": "127.0.0.1"}
    fail_to_log_in(Client(), settings.AXES_FAILURE_LIMIT, HTTP_X_FORWARDED_FOR="8.8.8.8", **nginx)
    assert not logs_in(Client(), HTTP_X_FORWARDED_FOR="8.8.8.8", **nginx)
    assert logs_in(Client(), HTTP_X_FORWARDED_FOR="1.1.1.1", **nginx)


@behind_proxies(1)
def test_behind_the_proxy_a_forged_forwarded_for_does_not_escape_the_lockout(django_user_model):
    """A client's own X-Forwarded-For is extended by nginx: only nginx's last entry counts."""
    django_user_model.objects.create_superuser("editor", "editor@example.org", "right-password")
    for forged in ["9.9.9.9", "10.0.0.1", "1.2.3.4", "5.6.7.8", "4.4.4.4"]:
        fail_to_log_in(Client(), 1, HTTP_X_FORWARDED_FOR=f"{forged}, 8.8.8.8")
    assert not logs_in(Client(), HTTP_X_FORWARDED_FOR="6.6.6.6, 8.8.8.8")


@behind_proxies(0)
def test_without_a_proxy_the_forwarded_for_header_is_never_believed(django_user_model):
    django_user_model.objects.create_superuser("editor", "editor@example.org", "right-password")
    for forged in ["9.9.9.9", "1.2.3.4", "5.6.7.8", "4.4.4.4", "8.8.4.4"]:
        fail_to_log_in(Client(), 1, HTTP_X_FORWARDED_FOR=forged, REMOTE_ADDR="8.8.8.8")
    assert not logs_in(Client(), HTTP_X_FORWARDED_FOR="7.7.7.7", REMOTE_ADDR="8.8.8.8")


@pytest.mark.parametrize(
    ("count", "expected"),
    [
        ("", "('REMOTE_ADDR',) None"),
        ("0", "('REMOTE_ADDR',) None"),
        ("1", "('HTTP_X_FORWARDED_FOR', 'REMOTE_ADDR') 0"),
        ("2", "('HTTP_X_FORWARDED_FOR', 'REMOTE_ADDR') 1"),
    ],
)
def test_the_proxy_count_sets_axes_client_address(count, expected):
    result = run_python(
        "from orientation_site import settings as s;"
        "print(s.AXES_IPWARE_META_PRECEDENCE_ORDER, s.AXES_IPWARE_PROXY_COUNT)",
        DJANGO_SECRET_KEY="x" * 60,
        DJANGO_PROXY_COUNT=count,
    )
    assert result.stdout.strip() == expected, result.stderr[-500:]


@pytest.mark.parametrize("count", ["-1", "one", "1.5"])
def test_a_bad_proxy_count_stops_start_up_clearly(count):
    result = run_python(
        "import orientation_site.settings", DJANGO_SECRET_KEY="x" * 60, DJANGO_PROXY_COUNT=count
    )
    assert result.returncode != 0 and "DJANGO_PROXY_COUNT" in result.stderr


@pytest.mark.parametrize("url", ["orientation.example", "https://", "https://a.example/fr/"])
def test_a_bad_public_url_stops_start_up_clearly(url):
    result = run_python(
        "import orientation_site.settings", DJANGO_SECRET_KEY="x" * 60, DJANGO_PUBLIC_URL=url
    )
    assert result.returncode != 0 and "DJANGO_PUBLIC_URL" in result.stderr


# --- deploy/nginx.conf agrees with the application --------------------------------------------

NGINX = (ROOT / "deploy" / "nginx.conf").read_text()


def nginx_fallback(variable):
    """The value nginx adds itself for `$variable` (its map's "" entry)."""
    block = NGINX.split(f" ${variable} {{", 1)[1].split("}", 1)[0]
    return re.search(r'""\s+"([^"]*)";', block).group(1)


def test_nginx_sends_the_applications_headers_on_what_it_answers_itself(client):
    response = client.get("/fr/")
    for variable, header in [
        ("orientation_csp", "Content-Security-Policy"),
        ("orientation_frame_options", "X-Frame-Options"),
        ("orientation_permissions_policy", "Permissions-Policy"),
        ("orientation_resource_policy", "Cross-Origin-Resource-Policy"),
        ("orientation_nosniff", "X-Content-Type-Options"),
        ("orientation_referrer_policy", "Referrer-Policy"),
    ]:
        ours = sorted(part.strip() for part in response.headers[header].split(";"))
        assert sorted(part.strip() for part in nginx_fallback(variable).split(";")) == ours


def test_nginx_bypasses_its_cache_for_the_session_keys_the_application_checks():
    from orientation_site.page_cache import SESSION_KEY_SHAPE

    pattern = re.search(r'"~\^(.+)\$"\s+1;', NGINX.split("$orientation_editor {", 1)[1]).group(1)
    assert pattern == SESSION_KEY_SHAPE.pattern
    assert "$cookie_sessionid" in NGINX and settings.SESSION_COOKIE_NAME == "sessionid"
