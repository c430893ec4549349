"""WSGI entry point for gunicorn."""

import os

from django.core.exceptions import ImproperlyConfigured
from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "orientation_site.settings")

application = get_wsgi_application()

# gunicorn runs no system check: refuse to start with catalogues missing or stale rather
# than serve English URL segments under /fr/ (orientation_site/checks.py).
from orientation_site.checks import check_compiled_catalogues  # noqa: E402

if problems := check_compiled_catalogues():
    raise ImproperlyConfigured("\n".join(f"{p.msg} {p.hint}" for p in problems))
