"""Two-step login for the admin (ASVS 2.x/4.3.1): a password, then a code from an app.

django-otp (docs/decisions/0010-two-step-login-with-django-otp.md): a TOTP device per account
(RFC 6238: 6 digits, 30-second steps, the apps people already have) and ten single-use
recovery codes. `manage.py mfa enrol|reset USER` gives an account its device; the login form
asks for the code. `DJANGO_ADMIN_MFA=0` turns the second step off for development only, and
says so: a system check warning, a log line at start-up, and a banner on every admin page.
"""

import logging

from django import forms
from django.conf import settings
from django.contrib.admin.forms import AdminAuthenticationForm
from django.core import checks
from django.core.validators import MaxLengthValidator
from django.db import transaction
from django.utils.translation import gettext_lazy as _
from django_otp.forms import OTPAuthenticationFormMixin
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

logger = logging.getLogger(__name__)

RECOVERY_CODES = 10
# Usernames are at most 150 characters (User.username); longer ones never reach the
# authentication backends, nor django-axes' table (255 characters on PostgreSQL).
USERNAME_MAX_LENGTH = 150


class AdminLoginForm(OTPAuthenticationFormMixin, AdminAuthenticationForm):
    """The admin's login: username, password and — unless DJANGO_ADMIN_MFA=0 — a code."""

    otp_token = forms.CharField(
        label=_("Code from your authentication app"),
        help_text=_("6 digits, or one of your recovery codes."),
        required=False,
        max_length=32,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}),
    )
    otp_error_messages = {
        **OTPAuthenticationFormMixin.otp_error_messages,
        "token_required": _("Enter the code from your authentication app."),
        "invalid_token": _("This code is not valid. Check your app's clock and try again."),
        "device_required": _("This code is not valid. Check your app's clock and try again."),
    }

    def __init__(self, request=None, *args, **kwargs):
        super().__init__(request, *args, **kwargs)
        self.fields["username"].validators.append(MaxLengthValidator(USERNAME_MAX_LENGTH))
        if not settings.ADMIN_MFA:
            del self.fields["otp_token"]

    def clean(self):
        cleaned_data = super().clean()
        if settings.ADMIN_MFA:
            user = self.get_user()
            if user is not None and not has_device(user):
                raise forms.ValidationError(
                    _(
                        "Your account has no authentication app yet. Ask the site's "
                        "administrator to enrol you (manage.py mfa enrol)."
                    ),
                    code="no_device",
                )
            self.clean_otp(user)
        return cleaned_data

    def _chosen_device(self, user):
        """Six digits: the authentication app; anything else: a recovery code.

        django-otp checks one chosen device (and counts its failures, slowing guesses down);
        the form has no device menu, so the code's shape chooses.
        """
        token = (self.cleaned_data.get("otp_token") or "").strip()
        model = TOTPDevice if token.isdigit() and len(token) == 6 else StaticDevice
        return model.objects.filter(user=user, confirmed=True).first()


def has_device(user):
    return TOTPDevice.objects.filter(user=user, confirmed=True).exists()


@transaction.atomic
def enrol(user):
    """Replace `user`'s devices with a new TOTP device and new recovery codes.

    Returns (otpauth:// URI for the app, [recovery codes]). Any earlier device stops working:
    this is also how a lost phone is reset.
    """
    TOTPDevice.objects.filter(user=user).delete()
    StaticDevice.objects.filter(user=user).delete()
    device = TOTPDevice.objects.create(user=user, name=_("Authentication app"), confirmed=True)
    recovery = StaticDevice.objects.create(user=user, name=_("Recovery codes"), confirmed=True)
    codes = [StaticToken.random_token() for _index in range(RECOVERY_CODES)]
    StaticToken.objects.bulk_create(StaticToken(device=recovery, token=code) for code in codes)
    return device.config_url, codes


def remove_devices(user):
    """Remove every device: the account cannot log in to the admin until enrolled again."""
    TOTPDevice.objects.filter(user=user).delete()
    StaticDevice.objects.filter(user=user).delete()


@checks.register(checks.Tags.security)
def mfa_is_on(app_configs, **kwargs):
    """Never off silently: `manage.py check`, runserver and the deploy check all say so."""
    if settings.ADMIN_MFA:
        return []
    return [
        checks.Warning(
            "DJANGO_ADMIN_MFA=0: the admin accepts a password alone.",
            hint="Only for development on your own machine. Unset it (or set 1) anywhere else.",
            id="orientation.W003",
        )
    ]


def warn_when_off():
    if not settings.ADMIN_MFA:
        logger.warning("DJANGO_ADMIN_MFA=0: the admin's two-step login is OFF (development only).")
