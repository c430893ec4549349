"""The outdated-translation notice in a real browser: accessible at both widths, and its link
leads to the French page (issue 18)."""

import datetime

from django.utils import timezone

from services.models import OutdatedTranslation, Page

from .test_accessibility import violations


def test_the_notice_is_accessible_and_leads_to_the_french_page(writable_site, page, settings):
    site = writable_site
    settings.TRANSLATION_GRACE_DAYS = 14
    about = Page.objects.get(key=Page.Key.ABOUT)
    about.intro_fr = about.intro_fr + " Mis à jour."
    about.save()
    OutdatedTranslation.objects.update(since=timezone.now() - datetime.timedelta(days=20))
    for width in (320, 1280):
        page.set_viewport_size({"width": width, "height": 900})
        page.goto(site + "/en/about/")
        notice = page.locator(".translation-notice")
        assert notice.is_visible()
        assert violations(page) == [], width
    notice.get_by_role("link").click()
    page.wait_for_url("**/fr/a-propos/")
    assert page.locator("html").get_attribute("lang") == "fr"
    assert page.locator(".translation-notice").count() == 0
