"""The site's own settings and middleware with the floor views of bench/floor_urls.py: what
our Django configuration costs before any page content (sessions, locale, CSP, compression…)."""

from orientation_site.settings import *  # noqa: F403

ROOT_URLCONF = "bench.floor_urls"
