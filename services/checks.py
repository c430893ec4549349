"""Deployment checks for what the public pages promise (`manage.py check --deploy`)."""

from django.conf import settings
from django.core.checks import Tags, Warning, register


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
