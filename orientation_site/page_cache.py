"""Whole-page caching for public pages, invalidated whenever content changes.

Every cached page is stored with the *content version* it was rendered under. The version is
a number in the database (`ContentVersion`), raised by any save or delete of content in any
process — another gunicorn worker, `manage.py shell`, `seed_content`, another instance — in
the same transaction as the change. A hit reads it (one primary-key row) and serves the
stored page only if it was rendered under that number, so an edit shows on the next request
from every worker, with pages in each worker's memory or in Redis (decisions 0002, 0011).
"""

import hashlib
import os
import re
import time
from contextvars import ContextVar
from functools import wraps
from importlib import import_module

from django.conf import settings
from django.contrib.auth import SESSION_KEY
from django.core.cache import cache
from django.core.exceptions import DisallowedHost
from django.db import connection
from django.db.models import F
from django.http import HttpResponse
from django.utils.cache import (
    add_never_cache_headers,
    get_conditional_response,
    patch_cache_control,
    set_response_etag,
)

from services.models import ContentVersion

from .content_memo import memo_allowed, preview_version

# What describes a body, left out of a 304 (RFC 9110, 15.4.5).
BODY_HEADERS = {"content-length", "content-type", "content-encoding"}
# The request headers that can turn a hit into a 304 or 412 (RFC 9110, 13.1).
CONDITIONAL_HEADERS = frozenset(
    ("HTTP_IF_MATCH", "HTTP_IF_NONE_MATCH", "HTTP_IF_MODIFIED_SINCE", "HTTP_IF_UNMODIFIED_SINCE")
)
# Pages live in the application cache until content changes (or a day, to bound memory).
PAGE_TIMEOUT = 24 * 60 * 60
# The version read at the start of this request: one query per request, and every part of
# the page (the glossary's index, the workbench's panels) rendered under the same number.
_request_version = ContextVar("content_version", default=None)
# On SQLite: (file signature, version) of the last read in this process, and the files.
_last_read = (None, None)
_sqlite_files = {}
RECENT_WRITE = 100_000_000  # ns: well beyond the kernel's file-time granularity
SELECT_VERSION = f"SELECT version FROM {ContentVersion._meta.db_table} WHERE id = 1"  # noqa: S608
# The shape of Django's session keys (32 lowercase letters and digits): anything else is
# forged without asking the session store. deploy/nginx.conf's `map` uses the same pattern.
SESSION_KEY_SHAPE = re.compile(r"[a-z0-9]{32}")
# Set on a request whose page was rendered with staff-only parts (the editor bar): such a page
# is never stored, whatever page_cache_key said (services/editorial/templatetags/editor_bar.py).
RENDERED_FOR_EDITOR = "_rendered_for_editor"


def read_content_version():
    """The current content version (an integer; 0 before the first change is recorded).

    On SQLite, the database file's own metadata says whether anything was committed since
    the last read (file_signature): if not, the number read last is still the number, and
    the hit opens no connection at all.
    """
    global _last_read
    files = sqlite_files()
    signature = file_signature(files) if files else None
    last_signature, last_version = _last_read  # one tuple: threads never see half of it
    if signature is not None and signature == last_signature:
        return last_version
    version = query_content_version()
    # Remembered with the signature taken *before* the query: a commit in between shows as
    # a different signature next time, and the version is read again.
    _last_read = (signature, version)
    return version


def query_content_version():
    """One primary-key row, straight through the DB-API connection: Django's cursor wrappers
    and the ORM would double or triple the cost, so it is not in `connection.queries`."""
    # What Django's own cursors do first: drop a connection that died since the last request
    # (CONN_HEALTH_CHECKS), and mark it for closing if this query fails.
    connection.close_if_health_check_failed()
    connection.ensure_connection()
    with connection.wrap_database_errors:
        cursor = connection.connection.cursor()
        try:
            cursor.execute(SELECT_VERSION)
            row = cursor.fetchone()
        finally:
            cursor.close()
    return row[0] if row else 0


def sqlite_files():
    """(database file, its write-ahead log) on SQLite; None for another database or one in
    memory. Worked out once per database name."""
    name = connection.settings_dict["NAME"]
    if name not in _sqlite_files:
        on_disk = connection.vendor == "sqlite" and not connection.is_in_memory_db()
        _sqlite_files[name] = (str(name), f"{name}-wal") if on_disk else None
    return _sqlite_files[name]


def file_signature(files):
    """What changes whenever SQLite commits: each file's inode, size and modification time.

    None when the last change is too recent to trust: file times come from the kernel's
    coarse clock (a few milliseconds a tick), so a commit within the same tick as the one
    before could leave the same time behind. Past RECENT_WRITE, any commit moves it.
    """
    now = time.time_ns()
    signature = []
    for name in files:
        try:
            found = os.stat(name)
        except FileNotFoundError:
            signature.append(None)
            continue
        if now - found.st_mtime_ns < RECENT_WRITE:
            return None
        signature.append((found.st_ino, found.st_size, found.st_mtime_ns))
    return tuple(signature)


def content_version():
    """The content version this request renders under (a preview's own: content_memo.py)."""
    version = preview_version() or _request_version.get()
    return read_content_version() if version is None else version


def bump_content_version():
    """Retire every cached page in every process, when the current transaction commits.

    The update belongs to the editor's transaction: a worker never sees the new number
    before it can see the new content.
    """
    if not memo_allowed():  # previewing: rolled back anyway, and no lock while it renders
        return
    if not ContentVersion.objects.filter(pk=1).update(version=F("version") + 1):
        ContentVersion.objects.get_or_create(pk=1, defaults={"version": 2})


def expire_within(request, seconds):
    """Keep this request's page in the cache `seconds` at most (at least one), when part of
    it depends on time rather than content: the outdated-translation notice appears when a
    grace period ends (services/templatetags/translation_notice.py)."""
    current = getattr(request, "_page_cache_timeout", PAGE_TIMEOUT)
    request._page_cache_timeout = max(1, min(current, int(seconds) + 1))


def session_state(request):
    """What the session cookie names, memoised per request.

    "editor": a live session with a logged-in user; "session": live, nobody logged in;
    "dead": forged, expired or deleted; None: no session cookie.
    """
    state = getattr(request, "_session_state", False)
    if state is not False:
        return state
    key = request.COOKIES.get(settings.SESSION_COOKIE_NAME)
    if key is None:
        state = None
    elif not SESSION_KEY_SHAPE.fullmatch(key):
        state = "dead"
    else:
        store = import_module(settings.SESSION_ENGINE).SessionStore(key)
        logged_in = store.get(SESSION_KEY) is not None
        # Loading an unknown or expired key leaves the store without one.
        state = "editor" if logged_in else ("session" if store.session_key else "dead")
    request._session_state = state
    return state


def is_editor_request(request):
    """A request from someone logged in to the admin: never cached, never shared.

    A forged or stale session cookie does not count: its request gets the public page.
    """
    return session_state(request) == "editor"


def page_cache_key(request):
    """The cache key of a public response, or None when this request must not use the cache.

    The key holds no content version: each page is stored with the version it was rendered
    under, so a new rendering replaces the old one instead of leaving it to fill the cache.
    """
    if not settings.PAGE_CACHE or request.method not in ("GET", "HEAD"):
        return None
    if request.path.startswith(settings.STATIC_URL):
        return None  # whitenoise's, below
    try:
        host = request.get_host()
    except DisallowedHost:
        # Never served from the cache: orientation_site.middleware.allowed_host answers 400.
        return None
    if is_editor_request(request):
        return None
    # The scheme (HSTS, the HTTPS redirect) and the path (it holds the language): a query
    # string never changes a public page, and keying on it would let anyone fill the cache
    # with junk variants. Without a public URL, pages hold absolute URLs built from the
    # request: one copy per host.
    if settings.PUBLIC_URL:
        where = f"{request.scheme}:{request.path}"
    else:
        where = f"{request.scheme}://{host}{request.path}"
    digest = hashlib.sha256(where.encode()).hexdigest()[:32]
    # META rather than request.headers: this runs on every request, and builds nothing.
    encoding = "gzip" if "gzip" in request.META.get("HTTP_ACCEPT_ENCODING", "") else "identity"
    return f"page:{encoding}:{digest}"


def public_page(view=None, *, browsers_may_keep=True):
    """Mark a view's pages as public: our cache keeps them, and shared caches too.

    With `browsers_may_keep=False` (the guide's questionnaire) our cache still keeps the page,
    which holds nothing personal, but browsers and proxies are told `no-store`, so that Back
    never brings back a copy a visitor filled in. Usable as `@public_page` or
    `@public_page(browsers_may_keep=False)`.
    """
    if view is None:
        return lambda view: public_page(view, browsers_may_keep=browsers_may_keep)

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        if request.method not in ("GET", "HEAD") or is_editor_request(request):
            patch_cache_control(response, private=True, no_cache=True)
        elif not browsers_may_keep:
            add_never_cache_headers(response)
            patch_cache_control(response, no_store=True, private=True)
            response.cache_publicly = True
        else:
            patch_cache_control(response, public=True, max_age=settings.PUBLIC_PAGE_MAX_AGE)
            response.cache_publicly = True
        return response

    return wrapped


class PageCacheMiddleware:
    """Serve public pages whole — headers and compressed body — from the cache.

    At the top of the middleware stack, a hit skips everything below it: the security
    headers, sessions, locale, templates and compression. Each stored copy is a response
    that went through all of them on its way out, so it carries every security header; a
    request whose host ALLOWED_HOSTS refuses is never served from the cache, and goes down
    to the 400 of orientation_site.middleware.allowed_host.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        key = page_cache_key(request)
        if key is None:
            return self.get_response(request)
        if session_state(request) == "dead":
            # Hidden from the rest of the stack, which would otherwise vary the page on it.
            del request.COOKIES[settings.SESSION_COOKIE_NAME]
        version = read_content_version()
        stored = cache.get(key)
        if stored is not None and stored[0] == version:
            _version, content, headers = stored
            response = HttpResponse(content)
            response.headers = headers  # already validated when first stored
            if not CONDITIONAL_HEADERS.intersection(request.META):
                return response  # the usual case: a third of a hit's cost saved
            answer = get_conditional_response(request, etag=response.get("ETag"), response=response)
            if answer.status_code == 304:
                # Django's 304 keeps only the caching headers: give it the security ones too.
                for name, value in headers.items():
                    if name.lower() not in BODY_HEADERS:
                        answer.headers.setdefault(name, value)
            return answer
        token = _request_version.set(version)
        try:
            response = self.get_response(request)
        finally:
            _request_version.reset(token)
        if (
            getattr(response, "cache_publicly", False)
            and response.status_code == 200
            and not response.cookies
            and not getattr(request, RENDERED_FOR_EDITOR, False)
        ):
            # A HEAD request passes no ETag down (ConditionalGetMiddleware sets it for GET
            # only): the stored copy gets one, whatever the first method was.
            if not response.has_header("ETag"):
                set_response_etag(response)
            # Stored under the version read *before* rendering: an edit made meanwhile makes
            # this copy stale at once. The bytes and the headers object: much cheaper to
            # restore than a whole response.
            timeout = getattr(request, "_page_cache_timeout", PAGE_TIMEOUT)
            cache.set(key, (version, response.content, response.headers), timeout)
        return response
