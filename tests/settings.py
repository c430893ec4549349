"""Test-only overrides: fast hashing, plain static storage, an isolated cache."""

import os

os.environ.setdefault("DJANGO_SECRET_KEY", "tests-only-not-a-secret")
os.environ.setdefault("DJANGO_DEBUG", "0")
# Said here, not silently: tests that are not about the admin's two-step login skip it (and so
# do the servers they start). tests/test_mfa.py turns it on.
os.environ.setdefault("DJANGO_ADMIN_MFA", "0")

from orientation_site.settings import *  # noqa: F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
# Hashed names need collectstatic first; the live server serves through the finders.
STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
if not os.environ.get("REDIS_URL"):
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
ALLOWED_HOSTS = ["testserver", "localhost", "127.0.0.1"]
# Serve static files from the source folders, without collectstatic.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
# Who publishes the site and who answers for personal information, as a deployment sets them.
SITE_CONTACT_EMAIL = "contact@orientation.example"
PRIVACY_OFFICER_EMAIL = "vie-privee@orientation.example"
PRIVACY_OFFICER_TITLE = {"fr": "Direction générale", "en": "Executive director"}
