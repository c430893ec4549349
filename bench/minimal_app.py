"""The framework's floor: one Django view returning a short page, no database, no template.

Served by the same gunicorn config as the site, so the ratio site / minimal measures what our
own code costs."""

import os

from django.conf import settings

if not settings.configured:
    settings.configure(
        DEBUG=False,
        SECRET_KEY=os.environ.get("DJANGO_SECRET_KEY", "bench-only"),
        ALLOWED_HOSTS=["127.0.0.1", "localhost"],
        ROOT_URLCONF="bench.minimal_urls",
        MIDDLEWARE=[],
        INSTALLED_APPS=[],
    )

from django.core.wsgi import get_wsgi_application

from bench.minimal_urls import minimal, urlpatterns  # noqa: F401

application = get_wsgi_application()
