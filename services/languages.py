"""The same page in the other language, and absolute addresses: for the toggle, the
hreflang alternates, the canonical link, the sitemap and the structured data."""

from django.conf import settings
from django.core.exceptions import DisallowedHost
from django.urls import reverse, translate_url
from django.utils import translation

# Every language the site speaks, French first (settings.LANGUAGES): the one list of codes.
LANGUAGE_CODES = tuple(code for code, _name in settings.LANGUAGES)


def field_in(field, code):
    """The name of `field`'s copy in language `code`: ("title", "en") → "title_en"
    (django-modeltranslation's naming)."""
    return f"{field}_{code}"


def in_language(obj, field, code, default=None):
    """`obj`'s `field` in language `code` (its `field_code` attribute), whatever language is
    active; `default` when the model has no such copy."""
    return getattr(obj, field_in(field, code), default)


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


def shown(obj, *fields):
    """(text, language code) of what a page shows for a translated field.

    The first of `fields` with text in the page's language, then the same in each fallback
    language (MODELTRANSLATION_FALLBACK_LANGUAGES), so `shown(line, "header_label", "name")`
    gives the English label, else the English name, and only then the French ones. The code
    is None when the text is in the page's language, else the language it fell back to (for
    `lang`, WCAG 3.1.2); ("", None) when no language has any.
    """
    current = translation.get_language()
    order = [current, *settings.MODELTRANSLATION_FALLBACK_LANGUAGES["default"]]
    order += LANGUAGE_CODES
    for code in dict.fromkeys(order):
        for field in fields:
            text = in_language(obj, field, code)
            if text:
                return text, (None if code == current else code)
    return "", None


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
