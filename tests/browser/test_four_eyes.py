"""Four eyes in a real browser, in French (issue 18): an Editor changes a help line's number,
previews it on the real page, visitors keep the approved one, a Reviewer reads the diff and
approves, visitors see the new one. Then the same for a new help line (a pending create).

Screenshots go to /tmp: the Reviewer's list and diff (pending-home.png, pending-diff.png), the
preview banner (pending-preview-1280.png, -360.png) and a new line's diff
(pending-create-diff-1280.png, -360.png).
"""

import re

import pytest
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice
from playwright.sync_api import Browser, Page, expect

from services.editorial.mfa import enrol
from services.models import PendingChange, Resource

from ..admin_roles import PASSWORD, user_in_role

FR = {"Accept-Language": "fr-CA,fr;q=0.9"}


def staff(username, role):
    """A staff account in `role`, enrolled for the two-step login."""
    user = user_in_role(role, username)
    enrol(user)
    return user


def log_in(page: Page, site, user):
    device = TOTPDevice.objects.get(user=user)
    code = f"{totp(device.bin_key, device.step, device.t0, device.digits):06d}"
    page.set_extra_http_headers(FR)
    page.goto(f"{site}/admin/login/?next=/admin/")
    page.locator("#id_username").fill(user.username)
    page.locator("#id_password").fill(PASSWORD)
    page.locator("#id_otp_token").fill(code)
    page.locator("input[type=submit], button[type=submit]").first.click()
    expect(page).to_have_url(f"{site}/admin/")


SIZES = {"1280": {"width": 1280, "height": 900}, "360": {"width": 360, "height": 780}}


def screenshots(page: Page, name):
    """`page` at a desktop's and a phone's size, to look at (then back to the first)."""
    for size, viewport in SIZES.items():
        page.set_viewport_size(viewport)
        page.screenshot(path=f"/tmp/{name}-{size}.png", full_page=False)
    page.set_viewport_size(SIZES["1280"])


def fill_hidden_tab(page: Page, selector, value):
    """A field on the language tab not shown (the English one), as typing there would."""
    page.locator(selector).evaluate("(field, value) => { field.value = value; }", value)


def help_line_text(browser: Browser, site):
    """The help lines page as a new visitor reads it (a fresh browser: nothing kept from
    before, since public pages may be kept a few seconds by design)."""
    visitor = browser.new_page(extra_http_headers=FR)
    visitor.goto(f"{site}/fr/ressources/")
    text = visitor.locator("main").inner_text()
    visitor.context.close()
    return text


@pytest.fixture
def people(writable_site, settings, django_user_model):
    settings.ADMIN_MFA = True
    settings.REVIEW_SELF_APPROVAL = False
    return (
        staff("editrice", "editor"),
        staff("reviseur", "reviewer"),
    )


def test_an_editor_changes_a_help_line_and_a_reviewer_approves_it(
    writable_site, people, browser: Browser, page: Page
):
    site = writable_site
    editor, reviewer = people
    line = Resource.objects.get(key="tel-jeunes")
    assert "263-2266" in help_line_text(browser, site)

    # The Editor changes the number (and its displayed form) and saves.
    log_in(page, site, editor)
    page.goto(f"{site}/admin/services/resource/{line.pk}/change/")
    page.locator("#id_phone").fill("1 800 263-2267")
    page.locator("#id_phone_display_fr").fill("1 800 263-2267")
    page.locator("input[name=_save]").click()
    expect(page.locator(".messagelist")).to_contain_text("attend une personne réviseure")
    expect(page.locator("#id_phone")).to_have_value("18002632267")  # their version, on the form
    line.refresh_from_db()
    assert line.phone == "18002632266"

    # They preview it on the real page: their number, under a banner saying visitors don't.
    link = page.get_by_role("link", name="Prévisualiser la modification en attente sur le site")
    page.goto(f"{site}{link.get_attribute('href')}")
    banner = page.locator("[data-pending-preview]")
    expect(banner).to_contain_text("les visiteurs voient encore la version approuvée")
    expect(page.locator("main")).to_contain_text("263-2267")
    screenshots(page, "pending-preview")

    # Visitors keep the approved number.
    text = help_line_text(browser, site)
    assert "263-2266" in text and "263-2267" not in text

    # The Reviewer sees it on the admin home, opens the diff, approves.
    reviewer_page = browser.new_page()
    log_in(reviewer_page, site, reviewer)
    panel = reviewer_page.locator("#pending-changes")
    expect(panel.get_by_role("heading")).to_have_text("En attente d'approbation (1)")
    expect(panel).to_contain_text("numéro de téléphone ou règle du guide")
    panel.screenshot(path="/tmp/pending-home.png")
    reviewer_page.screenshot(path="/tmp/pending-home-page.png", full_page=True)
    panel.get_by_role("link", name=re.compile("Tel-jeunes")).click()

    sensitive = reviewer_page.locator("tr.pending-sensitive")
    expect(sensitive.first).to_contain_text("vérifiez-le chiffre par chiffre")
    expect(reviewer_page.locator("tr.pending-sensitive ins").first).to_be_visible()
    expect(reviewer_page.locator("table.pending-diff")).to_contain_text("1-800-263-2266")  # EN
    reviewer_page.screenshot(path="/tmp/pending-diff.png", full_page=True)
    reviewer_page.get_by_role("button", name="Approuver et publier maintenant").click()
    expect(reviewer_page.locator(".messagelist")).to_contain_text("est en ligne maintenant")

    # Visitors see the new number at once.
    text = help_line_text(browser, site)
    assert "263-2267" in text and "263-2266" not in text
    assert PendingChange.objects.get().status == PendingChange.Status.APPROVED
    assert line.history.first().history_user == reviewer


def test_an_editor_adds_a_help_line_previews_it_and_a_reviewer_approves_it(
    writable_site, people, browser: Browser, page: Page
):
    site = writable_site
    editor, reviewer = people
    assert "Ligne Écoute ZZ" not in help_line_text(browser, site)

    log_in(page, site, editor)
    page.goto(f"{site}/admin/services/resource/add/")
    page.locator("#id_kind").select_option(Resource.Kind.CRISIS)
    page.locator("#id_name_fr").fill("Ligne Écoute ZZ")
    fill_hidden_tab(page, "#id_name_en", "ZZ listening line")
    page.locator("#id_description_fr").fill("Une ligne d'écoute pour les essais.")
    fill_hidden_tab(page, "#id_description_en", "A listening line for the tests.")
    page.locator("#id_phone").fill("1 800 555-0199")
    page.locator("input[name=_save]").click()
    expect(page.locator(".messagelist")).to_contain_text(
        "Votre ajout attend l'approbation d'une personne réviseure"
    )
    expect(page.locator("table.pending-diff")).to_contain_text("(nouveau)")
    assert not Resource.objects.filter(name_fr="Ligne Écoute ZZ").exists()
    assert "Ligne Écoute ZZ" not in help_line_text(browser, site)

    # The Editor previews the new line where visitors would find it.
    href = page.get_by_role("link", name="Prévisualiser sur le site").get_attribute("href")
    page.goto(f"{site}{href}")
    expect(page.locator("[data-pending-preview]")).to_contain_text(
        "les visiteurs ne le voient pas encore"
    )
    expect(page.locator("main")).to_contain_text("Ligne Écoute ZZ")
    screenshots(page, "pending-create-preview")
    assert "Ligne Écoute ZZ" not in help_line_text(browser, site)

    # The Reviewer reads it against « (nouveau) » and approves it.
    reviewer_page = browser.new_page()
    log_in(reviewer_page, site, reviewer)
    panel = reviewer_page.locator("#pending-changes")
    panel.get_by_role("link", name=re.compile("Ligne Écoute ZZ")).click()
    expect(reviewer_page.locator("table.pending-diff")).to_contain_text("Ligne Écoute ZZ")
    expect(reviewer_page.locator("tr.pending-sensitive").first).to_contain_text("chiffre par")
    screenshots(reviewer_page, "pending-create-diff")
    reviewer_page.get_by_role("button", name="Approuver et publier maintenant").click()
    expect(reviewer_page.locator(".messagelist")).to_contain_text("est en ligne maintenant")

    assert "Ligne Écoute ZZ" in help_line_text(browser, site)
    created = Resource.objects.get(name_fr="Ligne Écoute ZZ")
    assert created.history.first().history_user == reviewer
