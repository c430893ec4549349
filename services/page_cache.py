"""Whole-page caching for public pages, invalidated whenever content changes.

Every cached page is stored under the current *content version*. Saving or deleting any
content bumps the version in the shared cache, so every instance that shares the cache (Redis)
stops serving the old pages at once, without having to know which pages an edit touched.
"""

import hashlib
import time
from functools import wraps

from django.conf import settings
from django.core.cache import cache
from django.utils.cache import patch_cache_control
from django.utils.translation import get_language

VERSION_KEY = "content-version"
# Pages live in the application cache until content changes (or a day, to bound memory).
PAGE_TIMEOUT = 24 * 60 * 60


def content_version():
    version = cache.get(VERSION_KEY)
    if version is None:
        version = time.time_ns()
        # add() so that two instances starting together agree on one version.
        cache.add(VERSION_KEY, version, timeout=None)
        version = cache.get(VERSION_KEY, version)
    return version


def bump_content_version():
    cache.set(VERSION_KEY, time.time_ns(), timeout=None)


def is_editor_request(request):
    """A request from someone logged in to the admin: never cached, never shared.

    Reads only the cookie's presence, never the session itself, so that public responses
    do not gain `Vary: Cookie`.
    """
    return settings.SESSION_COOKIE_NAME in request.COOKIES


def page_cache_key(request):
    # The path alone: a query string never changes a public page, and keying on it would let
    # anyone fill the cache with junk variants.
    digest = hashlib.sha256(request.path.encode()).hexdigest()[:32]
    return f"page:{content_version()}:{get_language()}:{digest}"


def public_page(view):
    """Serve the view from the page cache, and let shared caches keep it briefly."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if request.method not in ("GET", "HEAD") or is_editor_request(request):
            response = view(request, *args, **kwargs)
            patch_cache_control(response, private=True, no_cache=True)
            return response
        key = page_cache_key(request)
        response = cache.get(key)
        if response is None:
            response = view(request, *args, **kwargs)
            if hasattr(response, "render"):
                response = response.render()
            if response.status_code == 200:
                cache.set(key, response, PAGE_TIMEOUT)
        patch_cache_control(response, public=True, max_age=settings.PUBLIC_PAGE_MAX_AGE)
        return response

    return wrapped
