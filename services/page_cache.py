"""Whole-page caching for public pages, invalidated whenever content changes.

Every cached page is stored with the *content version* it was rendered under. Saving or
deleting any content bumps the version in the shared cache, so every instance that shares the
cache (Redis) stops serving the old pages at once, without having to know which pages an edit
touched. A hit reads the version and the page together: one round trip to Redis.
"""

import hashlib
import time
from functools import wraps

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse
from django.utils.cache import get_conditional_response, patch_cache_control

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
    """The cache key of a public response, or None when this request must not use the cache.

    The key holds no content version: each page is stored with the version it was rendered
    under, so a new rendering replaces the old one instead of leaving it to fill the cache.
    """
    if not settings.PAGE_CACHE or request.method not in ("GET", "HEAD"):
        return None
    if is_editor_request(request):
        return None
    # The path alone (it holds the language): a query string never changes a public page, and
    # keying on it would let anyone fill the cache with junk variants.
    digest = hashlib.sha256(request.path.encode()).hexdigest()[:32]
    # META rather than request.headers: this runs on every request, and builds nothing.
    encoding = "gzip" if "gzip" in request.META.get("HTTP_ACCEPT_ENCODING", "") else "identity"
    return f"page:{encoding}:{digest}"


def cached_page(key):
    """(content version, stored page or None), read in one round trip to the cache."""
    found = cache.get_many([VERSION_KEY, key])
    version = found.get(VERSION_KEY)
    if version is None:
        return content_version(), None
    stored = found.get(key)
    if stored is not None and stored[0] == version:
        return version, stored[1:]
    return version, None


def public_page(view):
    """Mark a view's pages as public: shared caches may keep them, and so does ours."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        if request.method not in ("GET", "HEAD") or is_editor_request(request):
            patch_cache_control(response, private=True, no_cache=True)
        else:
            patch_cache_control(response, public=True, max_age=settings.PUBLIC_PAGE_MAX_AGE)
            response.cache_publicly = True
        return response

    return wrapped


class PageCacheMiddleware:
    """Serve public pages whole — headers and compressed body — from the cache.

    Placed near the top of the middleware stack, a hit skips everything below it: sessions,
    locale, templates, compression and the database.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        key = page_cache_key(request)
        if key is not None:
            version, stored = cached_page(key)
            if stored is not None:
                content, headers = stored
                response = HttpResponse(content)
                response.headers = headers  # already validated when first stored
                return get_conditional_response(
                    request, etag=response.get("ETag"), response=response
                )
        response = self.get_response(request)
        if (
            key is not None
            and getattr(response, "cache_publicly", False)
            and response.status_code == 200
            and not response.cookies
        ):
            # Stored under the version read *before* rendering: an edit made meanwhile makes
            # this copy stale at once. The bytes and the headers object: much cheaper to
            # restore than a whole response.
            cache.set(key, (version, response.content, response.headers), PAGE_TIMEOUT)
        return response
