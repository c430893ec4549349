"""Two-step login for the admin (issue 14, item 13): password and a code, or no admin page."""

import re
from io import StringIO

import pytest
from django.core.management import call_command
from django.test import override_settings
from django.urls import reverse
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from services.editorial.mfa import enrol, mfa_is_on

from .admin_roles import user_in_role

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("mfa_on")]

PASSWORD = "correct horse battery staple"


@pytest.fixture
def mfa_on(settings):
    settings.ADMIN_MFA = True


@pytest.fixture
def editor(django_user_model):
    user = user_in_role("editor")
    _uri, codes = enrol(user)
    user.recovery_codes = codes
    return user


def current_code(user):
    device = TOTPDevice.objects.get(user=user)
    return f"{totp(device.bin_key, device.step, device.t0, device.digits):06d}"


def log_in(client, user, code):
    data = {"username": user.username, "password": PASSWORD, "next": reverse("admin:index")}
    if code is not None:
        data["otp_token"] = code
    return client.post(reverse("admin:login"), data, headers={"Accept-Language": "en"})


def test_password_and_code_open_the_admin(client, editor):
    response = log_in(client, editor, current_code(editor))
    assert response.status_code == 302
    assert client.get(reverse("admin:services_intervention_changelist")).status_code == 200


@pytest.mark.parametrize("code", [None, "", "000000", "12345678901234567890"])
def test_without_a_valid_code_there_is_no_admin_page(client, editor, code):
    response = log_in(client, editor, code)
    assert response.status_code == 200
    assert response.context["form"].errors
    after = client.get(reverse("admin:services_intervention_changelist"))
    assert after.status_code == 302 and reverse("admin:login") in after.url


def test_a_password_alone_session_gets_no_admin_page(client, editor):
    client.force_login(editor)  # the password step passed, never the second one
    response = client.get(reverse("admin:index"))
    assert response.status_code == 302 and reverse("admin:login") in response.url


def test_a_recovery_code_works_once(client, editor):
    code = editor.recovery_codes[0]
    assert log_in(client, editor, code).status_code == 302
    client.logout()
    assert log_in(client, editor, code).status_code == 200


def test_an_account_without_a_device_is_told_what_to_do(client, django_user_model):
    user = user_in_role("reviewer")
    response = log_in(client, user, "123456")
    assert "manage.py mfa enrol" in response.content.decode()


def test_reset_replaces_a_lost_device(client, editor):
    old_device = TOTPDevice.objects.get(user=editor)
    out = StringIO()
    call_command("mfa", "reset", editor.username, "--no-qr", stdout=out)
    assert "otpauth://totp/" in out.getvalue()
    assert len(re.findall(r"^  \w+$", out.getvalue(), re.MULTILINE)) == 10
    assert not TOTPDevice.objects.filter(pk=old_device.pk).exists()
    assert log_in(client, editor, editor.recovery_codes[1]).status_code == 200  # old codes dead
    assert log_in(client, editor, current_code(editor)).status_code == 302


def test_status_lists_accounts_without_a_device(django_user_model, editor):
    user_in_role("reviewer")
    out = StringIO()
    call_command("mfa", "status", stdout=out)
    assert "reviewer-user\tNO DEVICE" in out.getvalue()
    assert "editor-user\tdevice" in out.getvalue()


def test_the_login_page_runs_under_the_sites_csp(client):
    response = client.get(reverse("admin:login"))
    body = response.content.decode()
    assert 'name="otp_token"' in body
    assert "unsafe-inline" not in response.headers["Content-Security-Policy"]
    assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", body)  # no inline script
    assert " on" not in " ".join(re.findall(r"<[^>]+>", body)).replace(" one-time", "")


def test_switching_it_off_is_never_silent(client, settings, django_user_model):
    assert mfa_is_on(None) == []
    settings.ADMIN_MFA = False
    warnings = mfa_is_on(None)
    assert [w.id for w in warnings] == ["orientation.W003"]
    client.force_login(user_in_role("editor"))
    body = client.get(reverse("admin:index"), headers={"Accept-Language": "en"}).content.decode()
    assert "Two-step login is off" in body


@override_settings(ADMIN_MFA=True)
def test_the_code_field_is_not_asked_when_off(client, settings):
    settings.ADMIN_MFA = False
    assert 'name="otp_token"' not in client.get(reverse("admin:login")).content.decode()
