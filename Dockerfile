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

# At run time, production needs (README, "Deploying"): DJANGO_SECRET_KEY, DJANGO_PUBLIC_URL
# (every absolute URL is built from it, never from a request's Host), DJANGO_ALLOWED_HOSTS,
# DATABASE_URL, and behind deploy/nginx.conf DJANGO_PROXY_COUNT=1 (the client's address for
# the admin's login throttling). Without REDIS_URL each worker caches pages in its own memory;
# edits still reach every worker at once (the content version is read from the database).
USER 10001
EXPOSE 8000
# Asks /healthz with a Host the site accepts: any other gets a 400.
HEALTHCHECK --interval=30s --timeout=3s --start-period=10s --retries=3 \
    CMD ["python", "-m", "orientation_site.healthcheck"]
CMD ["gunicorn", "--config", "orientation_site/gunicorn.conf.py", "orientation_site.wsgi"]
