from django.conf import settings
from django.utils.translation import get_language

from .languages import alternate_urls, site_root
from .models import Resource


def site(request):
    """What every page's frame needs: help lines, the quick exit, the other language."""
    language = get_language()

    return {
        # The start of absolute URLs: DJANGO_PUBLIC_URL, or this request's host (lazy).
        "site_root": lambda: site_root(request),
        # Lazy: evaluated only by the templates that show them (not by the admin).
        "help_lines": Resource.objects.filter(in_header=True).exclude(phone=""),
        "alternates": lambda: alternate_urls(request),
        "quick_exit_url": settings.QUICK_EXIT_URL.get(language, settings.QUICK_EXIT_URL["fr"]),
    }
