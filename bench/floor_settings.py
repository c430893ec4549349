"""The site's own settings and middleware, with one minimal view as the only URL: the floor of
our Django configuration (sessions, locale, CSP, compression… but no template, no query)."""

from orientation_site.settings import *  # noqa: F403

ROOT_URLCONF = "bench.minimal_urls"
