"""Orientation's one settings module, driven by the environment (see .env.example)."""

import os
from pathlib import Path
from urllib.parse import urlsplit

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

from orientation_site.environment import client_address, env_flag, env_list, public_url

BASE_DIR = Path(__file__).resolve().parent.parent.parent


DEBUG = env_flag("DJANGO_DEBUG")

SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "DJANGO_SECRET_KEY is required when DJANGO_DEBUG=0. Generate one with: "
            "python -c 'import secrets; print(secrets.token_urlsafe(50))'"
        )
    SECRET_KEY = "development-only-key-never-used-with-debug-off"  # noqa: S105


# The site's public address. Set in production: every absolute URL (canonical, hreflang
# alternates, sitemap, JSON-LD, robots.txt) is built from it and never from a request's Host.
PUBLIC_URL = public_url(os.environ.get("DJANGO_PUBLIC_URL", ""))
PUBLIC_HOST = urlsplit(PUBLIC_URL).netloc if PUBLIC_URL else ""

ALLOWED_HOSTS = env_list(
    "DJANGO_ALLOWED_HOSTS", urlsplit(PUBLIC_URL).hostname if PUBLIC_URL else "localhost,127.0.0.1"
)

# Trusted reverse proxies in front of the application (1 behind deploy/nginx.conf). The
# client's address comes from X-Forwarded-For only through that many proxies; with 0 it is
# the connection's address, never a header a client can forge.
try:
    PROXY_COUNT = int(os.environ.get("DJANGO_PROXY_COUNT", "0") or "0")
except ValueError:
    PROXY_COUNT = -1
if PROXY_COUNT < 0:
    raise ImproperlyConfigured(
        "DJANGO_PROXY_COUNT must be a whole number ≥ 0: the reverse proxies in front "
        "(0 when the application faces the clients itself, 1 behind deploy/nginx.conf)."
    )

INSTALLED_APPS = [
    # modeltranslation must come before the admin to add its tabbed fields.
    "modeltranslation",
    # Django's admin with our site: two-step login and the role matrix
    # (services/editorial/admin_site.py).
    "services.apps.OrientationAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "adminsortable2",
    "csp",
    "django_prose_editor",
    "axes",
    "simple_history",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "services",
]

MIDDLEWARE = [
    # Public pages straight from the cache, before any other work (orientation_site/page_cache.py).
    # Each stored copy went out through everything below, security headers included; a
    # request whose host ALLOWED_HOSTS refuses is never served from it.
    "orientation_site.page_cache.PageCacheMiddleware",
    # The security headers, above everything else that can answer early, so that every
    # response carries them: the 400 for an unknown host, redirects, static files, errors.
    "orientation_site.middleware.ContentSecurityPolicy",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "orientation_site.middleware.security_headers",
    "django.middleware.security.SecurityMiddleware",
    # Unknown hosts get a 400 on every path, before anything can answer.
    "orientation_site.middleware.allowed_host",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Compresses pages (with Django's BREACH mitigation), then ETags let browsers and proxies
    # revalidate a page without downloading it again.
    "django.middleware.gzip.GZipMiddleware",
    "django.middleware.http.ConditionalGetMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Admin security: who passed the second step, and bodies refused before they are read.
    "django_otp.middleware.OTPMiddleware",
    "orientation_site.request_limits.RequestLimitsMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # Records who made each edit in the admin's history.
    "simple_history.middleware.HistoryRequestMiddleware",
    # A pending change previewed on a public page, for staff who ask (services/editorial/pending/).
    "services.editorial.pending.preview.PendingPreviewMiddleware",
    # Last: it watches the admin's login attempts.
    "axes.middleware.AxesMiddleware",
]

AUTHENTICATION_BACKENDS = [
    # First: refuses a login while its username and address are locked out.
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
# Admin login throttling: 5 failures for one username from one address lock it for an hour.
# Axes keeps its records in the database, never in a cookie on public pages.
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = 1  # hours
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True


# The address axes counts failures against (django-ipware, through axes' settings).
AXES_IPWARE_META_PRECEDENCE_ORDER, AXES_IPWARE_PROXY_COUNT = client_address(PROXY_COUNT)
# Not strict: a client may send its own X-Forwarded-For, which the proxy extends.
IPWARE_STRICT = False

ROOT_URLCONF = "orientation_site.urls"
WSGI_APPLICATION = "orientation_site.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "orientation_site.context_processors.site",
            ],
            # The admin's own tags live with the editorial code, out of the public side's.
            "libraries": {
                name: f"services.editorial.templatetags.{name}"
                for name in ("editor_bar", "pending", "safeguards", "workbench")
            },
        },
    },
]

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=60,
        conn_health_checks=True,
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Pages are cached in each process's memory, or in Redis when several instances share it.
# Either way an edit reaches every process at once: the content version that retires cached
# pages is read from the database (orientation_site/page_cache.py, docs/decisions/0011).
REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "orientation",
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# How long a shared cache (a reverse proxy, a CDN, a browser) may keep a public page.
# The application's own page cache is invalidated on every content change instead.
# Short, so that an edit reaches visitors behind a proxy within seconds: the proxy revalidates
# its copy with If-None-Match (a 304 from the page cache) rather than keeping it for long.
PUBLIC_PAGE_MAX_AGE = int(os.environ.get("DJANGO_PUBLIC_PAGE_MAX_AGE", "5"))
# The application's whole-page cache; off only to measure or debug rendering.
PAGE_CACHE = env_flag("DJANGO_PAGE_CACHE", default=True)

# Languages: French first. Both are prefixed in URLs (/fr/, /en/).
LANGUAGE_CODE = "fr"
# Each language named in itself (an autonym), as the toggle shows it.
LANGUAGES = [("fr", "Français"), ("en", "English")]
LOCALE_PATHS = [BASE_DIR / "locale"]
USE_I18N = True
TIME_ZONE = "America/Toronto"
USE_TZ = True

MODELTRANSLATION_DEFAULT_LANGUAGE = "fr"
MODELTRANSLATION_LANGUAGES = ("fr", "en")
# A blank field falls back to the other language, so a visitor never sees a hole.
MODELTRANSLATION_FALLBACK_LANGUAGES = {"default": ("fr", "en")}
# The admin's French/English tabs need jQuery UI: served from here, never from a CDN.
JQUERY_UI_URL = "vendor/jquery-ui/jquery-ui.min.js"

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
WHITENOISE_MAX_AGE = 31536000 if not DEBUG else 0

# HTTPS, security headers, the Content-Security-Policy and the admin's security: one file
# a security review reads whole.
from .security import *  # noqa: E402, F403

# HTTPS redirects go to the public address's host, never to one a request named.
SECURE_SSL_HOST = PUBLIC_HOST or None

# Four eyes (services/editorial/pending/): may a Reviewer approve their own change while another
# Reviewer exists? Off: every change to live content is seen by a second person.
REVIEW_SELF_APPROVAL = env_flag("DJANGO_REVIEW_SELF_APPROVAL", default=False)

# A factual page is due for review when its last review is older than this.
REVIEW_INTERVAL_DAYS = int(os.environ.get("DJANGO_REVIEW_INTERVAL_DAYS", "365"))

# An English page whose text has been marked outdated (only the French changed) for longer
# than this says so, with a link to the French page (services/editorial/outdated.py).
TRANSLATION_GRACE_DAYS = int(os.environ.get("DJANGO_TRANSLATION_GRACE_DAYS", "14"))

# `manage.py check_links` (services/editorial/links.py): seconds per request, requests at once in
# all,
# and at once to one host (politeness towards small organisations' servers).
LINK_CHECK_TIMEOUT = float(os.environ.get("DJANGO_LINK_CHECK_TIMEOUT", "10"))
LINK_CHECK_WORKERS = int(os.environ.get("DJANGO_LINK_CHECK_WORKERS", "8"))
LINK_CHECK_PER_HOST = int(os.environ.get("DJANGO_LINK_CHECK_PER_HOST", "2"))

# Where the quick-exit control sends a visitor: a neutral, everyday site.
QUICK_EXIT_URL = {
    "fr": "https://meteo.gc.ca/",
    "en": "https://weather.gc.ca/",
}

# Who publishes the site (footer, About) and who answers for personal information (privacy
# page, as Québec's Law 25 requires: the title and contact of the person in charge).
SITE_PUBLISHER = os.environ.get("DJANGO_SITE_PUBLISHER", "Orientation")
SITE_CONTACT_EMAIL = os.environ.get("DJANGO_SITE_CONTACT_EMAIL", "")
PRIVACY_OFFICER_TITLE = {
    "fr": os.environ.get("DJANGO_PRIVACY_OFFICER_TITLE_FR", ""),
    "en": os.environ.get("DJANGO_PRIVACY_OFFICER_TITLE_EN", ""),
}
PRIVACY_OFFICER_EMAIL = os.environ.get("DJANGO_PRIVACY_OFFICER_EMAIL", "") or SITE_CONTACT_EMAIL
# How long personal data is kept, as the privacy page states it: records of admin logins
# (purged by `manage.py purge_login_records`) and the server's access log (rotated by the host).
LOGIN_RECORD_DAYS = int(os.environ.get("DJANGO_LOGIN_RECORD_DAYS", "30"))
SERVER_LOG_DAYS = int(os.environ.get("DJANGO_SERVER_LOG_DAYS", "14"))

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
    "loggers": {
        # Never log request bodies or query strings: the guide's answers must not leave a trace.
        "django.request": {"handlers": ["console"], "level": "ERROR", "propagate": False},
    },
}
