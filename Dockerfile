# Orientation — production image: gunicorn serving Django, static files through whitenoise.
FROM python:3.11-slim-bookworm

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    PORT=8000

# gettext compiles the translations at build time; nothing else is needed at run time.
# Not pinned: Debian's security updates should land on every rebuild.
# hadolint ignore=DL3008
RUN apt-get update \
    && apt-get install -y --no-install-recommends gettext \
    && rm -rf /var/lib/apt/lists/* \
    && useradd --create-home --uid 10001 orientation

WORKDIR /app
COPY pyproject.toml constraints.txt README.md manage.py ./
COPY orientation_site ./orientation_site
COPY services ./services
COPY templates ./templates
COPY static ./static
COPY locale ./locale
# Editable: the code runs from /app, where the templates and static files are.
RUN pip install -c constraints.txt -e .
# collectstatic needs settings, not secrets: a throwaway key for the build step only.
RUN for po in locale/*/LC_MESSAGES/django.po; do msgfmt --check-format -o "${po%.po}.mo" "$po"; done \
    && DJANGO_SECRET_KEY=build-only DJANGO_DEBUG=0 python manage.py collectstatic --no-input \
    && chown -R orientation:orientation /app

USER 10001
EXPOSE 8000
HEALTHCHECK --interval=30s --timeout=3s --start-period=10s --retries=3 \
    CMD ["python", "-c", "import os, urllib.request; urllib.request.urlopen('http://127.0.0.1:' + os.environ.get('PORT', '8000') + '/healthz', timeout=2)"]
CMD ["gunicorn", "--config", "orientation_site/gunicorn.conf.py", "orientation_site.wsgi"]
