"""Admin sessions end after 12 hours or 30 idle minutes; passwords have 12 characters or more
(issue 14, item 14; ASVS 2.1 and 3.3)."""

import time

import pytest
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.urls import reverse

from services.editorial import admin_site

pytestmark = pytest.mark.django_db


# --- Item 14: sessions and passwords -------------------------------------------------------------


@pytest.mark.parametrize(
    ("started_ago", "idle"), [(13 * 3600, 60), (3600, 31 * 60)], ids=["12-hours", "30-minutes-idle"]
)
def test_an_old_or_idle_session_must_log_in_again(editor, started_ago, idle):
    session = editor.session
    now = time.time()
    session[admin_site.LOGIN_STARTED] = now - started_ago
    session[admin_site.LAST_SEEN] = now - idle
    session.save()
    response = editor.get(reverse("admin:index"))
    assert response.status_code == 302
    assert reverse("admin:login") in response.url


def test_an_active_session_stays(editor):
    assert editor.get(reverse("admin:index")).status_code == 200
    assert editor.get(reverse("admin:services_intervention_changelist")).status_code == 200


@pytest.mark.parametrize("password", ["short-pass1", "123456789012345", "password1234"])
def test_weak_passwords_are_refused(password):
    with pytest.raises(ValidationError):
        validate_password(password)


def test_a_twelve_character_passphrase_is_accepted():
    validate_password("lune verte 42")
