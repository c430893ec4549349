"""The same page in the other language: for the toggle and the hreflang alternates."""

from django.conf import settings
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
