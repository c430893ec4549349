from types import SimpleNamespace
from urllib.parse import quote

from django.conf import settings
from django.utils.functional import SimpleLazyObject
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from services.catalogue import selectors
from services.languages import alternate_urls, site_root

from .quick_exit import neutral_site_url
from .render_memo import remember


def site(request):
    """What every page's frame needs: help lines, the quick exit, the other language."""
    language = get_language()

    return {
        # The start of absolute URLs: DJANGO_PUBLIC_URL, or this request's host (lazy).
        "site_root": lambda: site_root(request),
        # Lazy: evaluated only by the templates that show them (not by the admin); kept per
        # content version (selectors.help_lines).
        "help_lines": lambda: selectors.help_lines(request),
        # Kept per path and language (render_memo): resolving the path costs a few reverses.
        "alternates": lambda: remember(request, "alternates", alternates, request.path),
        "quick_exit_url": neutral_site_url(language),
        "publisher": SimpleLazyObject(lambda: publisher(request)),
    }


def alternates(path):
    """alternate_urls for `path` (of the request being rendered)."""
    return alternate_urls(SimpleNamespace(path=path))


def publisher(request):
    """{name, email, error_report_href}: who publishes the site, from settings.

    The error report is a mailto link whose subject names the page (its path never holds a
    visitor's answers: the guide posts them).
    """
    email = settings.SITE_CONTACT_EMAIL
    subject = _("Error on the page %(path)s") % {"path": request.path}
    return {
        "name": settings.SITE_PUBLISHER,
        "email": email,
        "error_report_href": f"mailto:{email}?subject={quote(subject)}" if email else "",
    }
