"""HTTPS, headers, the Content-Security-Policy and the admin's security (issue 14), read
from the environment like the rest of the settings. `settings/__init__.py` imports every
name from here; nothing else should."""

from csp.constants import NONCE, NONE, SELF

from orientation_site.environment import env_flag

# HTTPS and headers.
SECURE_SSL = env_flag("DJANGO_SECURE_SSL")
SECURE_SSL_REDIRECT = SECURE_SSL
SESSION_COOKIE_SECURE = SECURE_SSL
CSRF_COOKIE_SECURE = SECURE_SSL
SECURE_HSTS_SECONDS = 31536000 if SECURE_SSL else 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = SECURE_SSL
SECURE_HSTS_PRELOAD = SECURE_SSL
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if SECURE_SSL else None
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_HTTPONLY = True

# Content-Security-Policy: nothing from another host, no inline script, no plug-ins, no framing.
# NONCE appears in the header only on a response that used `request.csp_nonce` (the admin's
# rich-text editor and its import map, services/editorial/admin/rich_text.py); public pages never
# do.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, NONCE],
        "style-src": [SELF],
        "img-src": [SELF],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "frame-ancestors": [NONE],
        "form-action": [SELF],
        "base-uri": [NONE],
    }
}
# Browser features the site never uses, turned off for every page.
PERMISSIONS_POLICY = (
    "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), "
    "microphone=(), payment=(), usb=(), interest-cohort=(), browsing-topics=()"
)
# Other sites may not embed the site's responses (pages, images, scripts).
CROSS_ORIGIN_RESOURCE_POLICY = "same-origin"

# --- Admin security (issue 14) -------------------------------------------------------------------
# One block: two-step login, sessions, passwords and request sizes. ASVS 4.0 level 2.
# Two-step login (TOTP + recovery codes, django-otp) for every admin account. Off only where a
# developer says so (`make run`, tests not about it); then a check warning and an admin banner.
ADMIN_MFA = env_flag("DJANGO_ADMIN_MFA", default=True)
OTP_TOTP_ISSUER = "Orientation"
# Sessions (ASVS 3.3): at most 12 hours after login, and 30 minutes without using the admin.
SESSION_COOKIE_AGE = 12 * 60 * 60
ADMIN_SESSION_MAX_AGE = SESSION_COOKIE_AGE
ADMIN_SESSION_IDLE_TIMEOUT = 30 * 60
# Passwords (ASVS 2.1): at least 12 characters, not common, not all digits, not like the name.
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
# Request bodies (orientation_site/request_limits.py refuses larger ones with 413 before reading
# them).
# Public pages take a few kilobytes at most (the guide's answers); the admin's longest form,
# an intervention in two languages with its comparison cells, stays well under 1 MiB.
PUBLIC_REQUEST_MAX_BYTES = 16 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = DATA_UPLOAD_MAX_MEMORY_SIZE
DATA_UPLOAD_MAX_NUMBER_FIELDS = 2000
# --- End of admin security ------------------------------------------------------------------------
