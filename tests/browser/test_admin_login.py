"""An Editor's two-step login in a real browser, under the site's CSP (issue 14, item 13)."""

import pytest
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice
from playwright.sync_api import Page, expect

from services.editorial.mfa import enrol
from services.models import PendingChange, Resource

from ..admin_roles import PASSWORD, user_in_role


@pytest.fixture
def editor(writable_site, settings, django_user_model):
    settings.ADMIN_MFA = True
    user = user_in_role("editor", "editrice")
    enrol(user)
    return user


def code_for(user):
    device = TOTPDevice.objects.get(user=user)
    return f"{totp(device.bin_key, device.step, device.t0, device.digits):06d}"


def blocked_by_csp(page: Page):
    refused = []
    page.on("console", lambda m: refused.append(m.text) if "Content Security" in m.text else None)
    return refused


def fill_login(page: Page, site, code):
    page.goto(f"{site}/admin/login/?next=/admin/")
    page.get_by_label("Username").fill("editrice")
    page.get_by_label("Password").fill(PASSWORD)
    if code is not None:
        page.get_by_label("Code from your authentication app").fill(code)
    page.get_by_role("button", name="Log in").click()


def test_an_editor_logs_in_with_a_code_and_edits(writable_site, editor, page: Page):
    page.set_extra_http_headers({"Accept-Language": "en"})
    refused = blocked_by_csp(page)
    fill_login(page, writable_site, code_for(editor))
    expect(page).to_have_url(f"{writable_site}/admin/")
    line = Resource.objects.get(key="info-social-811")
    page.goto(f"{writable_site}/admin/services/resource/{line.pk}/change/")
    page.locator("#id_hours_en").fill("Every day, all day. Free.")
    page.get_by_role("button", name="Save", exact=True).click()
    # A help line is live: the Editor's change waits for a Reviewer (issue 18).
    expect(page.locator(".messagelist")).to_contain_text("waits for a Reviewer")
    expect(page.locator("#id_hours_en")).to_have_value("Every day, all day. Free.")
    pending = PendingChange.objects.open().for_object(line).get()
    assert pending.values == {"hours_en": "Every day, all day. Free."}
    assert refused == []


@pytest.mark.parametrize("code", [None, "000000"], ids=["no-code", "wrong-code"])
def test_without_the_code_there_is_no_admin_page(writable_site, editor, page: Page, code):
    page.set_extra_http_headers({"Accept-Language": "en"})
    fill_login(page, writable_site, code)
    expect(page.locator(".errornote")).to_be_visible()
    page.goto(f"{writable_site}/admin/services/resource/")
    expect(page).to_have_url(f"{writable_site}/admin/login/?next=/admin/services/resource/")
