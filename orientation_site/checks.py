"""System checks run by `manage.py check`, `runserver`, `migrate` and the WSGI start-up.

- The compiled catalogues: without a `.mo` (or with one older than its `.po`), Django falls
  back to the msgids silently, and the French URL segments become English ones
  (`/fr/compare/` instead of `/fr/comparer/`).
- In production (`check --deploy`): DJANGO_PUBLIC_URL, without which absolute URLs come
  from the request's Host header; and a contact address for the publisher (Law 25).
"""

from pathlib import Path

from django.conf import settings
from django.core.checks import Error, Tags, Warning, register

COMPILE_HINT = "Compile them with `make messages-compiled` (gettext's msgfmt)."


def catalogues():
    """[(po Path, mo Path)] for every `django.po` under LOCALE_PATHS."""
    found = []
    for folder in settings.LOCALE_PATHS:
        for po in sorted(Path(folder).glob("*/LC_MESSAGES/django.po")):
            found.append((po, po.with_suffix(".mo")))
    return found


@register(Tags.translation)
def check_compiled_catalogues(app_configs=None, **kwargs):
    """An error per catalogue that is not compiled, or older than its source."""
    errors = []
    for po, mo in catalogues():
        if not mo.exists():
            errors.append(
                Error(
                    f"{mo} is missing: the interface would show English msgids and the "
                    "French URLs would lose their translated segments.",
                    hint=COMPILE_HINT,
                    obj=str(po),
                    id="orientation.E001",
                )
            )
        elif mo.stat().st_mtime < po.stat().st_mtime:
            errors.append(
                Error(
                    f"{mo} is older than {po.name}: the latest translations are not compiled.",
                    hint=COMPILE_HINT,
                    obj=str(po),
                    id="orientation.E002",
                )
            )
    return errors


@register(Tags.security, deploy=True)
def check_public_url(app_configs=None, **kwargs):
    if settings.PUBLIC_URL:
        return []
    return [
        Warning(
            "DJANGO_PUBLIC_URL is not set: canonical links, hreflang alternates, the sitemap "
            "and the structured data take their host from each request.",
            hint="Set DJANGO_PUBLIC_URL to the site's address, e.g. https://orientation.example",
            id="orientation.W001",
        )
    ]


@register(Tags.security, deploy=True)
def publisher_contact(app_configs, **kwargs):
    """Law 25 asks for the contact of the person in charge of personal information on the site;
    About and the footer promise a way to report an error. Both need an address."""
    if settings.SITE_CONTACT_EMAIL or settings.PRIVACY_OFFICER_EMAIL:
        return []
    return [
        Warning(
            "No contact address: the footer, About and the privacy page cannot say how to "
            "reach the publisher or the person in charge of personal information.",
            hint="Set DJANGO_SITE_CONTACT_EMAIL (and DJANGO_PRIVACY_OFFICER_EMAIL if different).",
            id="services.W001",
        )
    ]
