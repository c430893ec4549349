"""Numbers a visitor dials or texts from a help line's page: validated, stored as digits.

Format (issue 18, « Links that can't rot »): a North American number, 10 digits with an
optional leading 1, area code and exchange starting with 2–9 and not of the form N11 (the
NANP rules); or a 3-digit service number (211…911, 988). A number to text may also be a
5- or 6-digit short code (535353, 686868). The `tel:`/`sms:` links are derived from the
digits (`Resource.tel_href`, `AccessPoint.tel_href`), never typed. Help lines and places to
go both use these fields, so the admin, its inline rows and `seed_content` (which validates
every object it writes) refuse the same numbers.
"""

import re

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

# Area code and exchange: NXX, where N is 2–9 and the code is not N11 (N11 codes are the
# service numbers themselves: 411, 911…; NANPA, « NPA allocation plan » and « CO codes »).
NXX = r"[2-9](?!11)\d\d"
NORTH_AMERICAN = re.compile(rf"1?{NXX}{NXX}\d{{4}}")
SERVICE_NUMBER = re.compile(r"[2-9]11|988")
SHORT_CODE = re.compile(r"\d{5,6}")
# What editors type around the digits: spaces, dashes, dots, brackets, a leading +.
SEPARATORS = re.compile(r"[\s\-.()+]")


def validate_phone_number(value):
    """Raise ValidationError unless `value` (digits) is a number one can call here."""
    if not (NORTH_AMERICAN.fullmatch(value) or SERVICE_NUMBER.fullmatch(value)):
        raise ValidationError(
            _(
                "Enter a North American number (10 digits, optionally starting with 1, for "
                "example 18662773553) or a 3-digit service number such as 811, 911 or 988."
            ),
            code="invalid_phone",
        )


def validate_text_number(value):
    """Raise ValidationError unless `value` (digits) can receive a text message."""
    if SHORT_CODE.fullmatch(value):
        return
    try:
        validate_phone_number(value)
    except ValidationError:
        raise ValidationError(
            _(
                "Enter a North American number, a 3-digit service number, or a 5- or 6-digit "
                "short code such as 535353."
            ),
            code="invalid_text_number",
        ) from None


class DialNumberField(models.CharField):
    """Digits only: separators an editor types (« 1 866 277-3553 ») are removed first."""

    def to_python(self, value):
        value = super().to_python(value)
        return SEPARATORS.sub("", value) if value else value
