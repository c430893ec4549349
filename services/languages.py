"""The same page in the other language, and absolute addresses: for the toggle, the
hreflang alternates, the canonical link, the sitemap and the structured data."""

from django.conf import settings
from django.core.exceptions import DisallowedHost
from django.urls import reverse, translate_url
from django.utils import translation


def language_links(url_in_language):
    """[{code, name, url}] for every language, from a function of the language code."""
    return [
        {"code": code, "name": name, "url": url_in_language(code)}
        for code, name in settings.LANGUAGES
    ]


def home_urls():
    def home(code):
        with translation.override(code):
            return reverse("services:home")

    return language_links(home)


def alternate_urls(request):
    """Translate the current path's prefix and segments; unknown paths lead to each home."""
    current = translation.get_language()

    def translated(code):
        url = translate_url(request.path, code)
        if code != current and url == request.path:
            with translation.override(code):
                return reverse("services:home")
        return url

    return language_links(translated)


def object_urls(obj):
    """For an object with translated slugs: its own URL in each language."""

    def url(code):
        with translation.override(code):
            return obj.get_absolute_url()

    return language_links(url)


def site_root(request):
    """The start of the site's absolute URLs: `https://orientation.example`, no trailing slash.

    DJANGO_PUBLIC_URL when set (production): never the request's Host, so a copy rendered for
    one host can be served to all. Unset (development): the request's scheme and validated
    host (the page cache then keeps one copy per host); "" for a host ALLOWED_HOSTS refuses.
    """
    if settings.PUBLIC_URL:
        return settings.PUBLIC_URL
    try:
        return f"{request.scheme}://{request.get_host()}"
    except DisallowedHost:
        return ""


def absolute_url(request, path):
    """`/fr/…` → `https://orientation.example/fr/…` (see site_root)."""
    return site_root(request) + path
