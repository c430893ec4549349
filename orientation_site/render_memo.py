"""Memos of what does not change between requests while the content stays the same.

An uncached page used to rebuild, on every request, things that only a content change can
change: the published interventions, a page's rows, the guide's weights, the glossary's
index, an editor's rich text cleaned and linked, the typeset frame. Each is now kept, in this
process's memory, under the *content version* the request renders under
(orientation_site/page_cache.py: a number in the database that every save of content, in any
process, raises in the same transaction). A change on any instance gives the next request a
new number, so it misses every memo and computes afresh; old entries age out of the bounded
store. This is not a page cache: the page is still rendered from its template on every
request (docs/decisions/0005, the render path).

Never memoised, never read from a memo (the one hook: `memo_allowed`):
- a request from a logged-in editor (a live admin session): what staff see may hold drafts
  (views.can_preview), and such a request is rare enough to cost nothing;
- a request marked by `bypass_memos` — the preview of a pending change on its real URL
  (issue 18) calls it on the request before rendering.

Thread safety: the store is a dict guarded by a lock; a value is computed outside the lock
(two threads may compute the same value once each, and the second one wins: both are equal).
"""

import hashlib
import threading
from collections import OrderedDict

from django.utils.translation import get_language

from orientation_site import content_memo

from .page_cache import content_version, is_editor_request

# The methods whose pages hold nothing a visitor sent.
SAFE = ("GET", "HEAD")
# Set on a request that must neither read nor fill a memo (see bypass_memos).
BYPASS = "_memo_bypass"
# Entries kept per process: values are small (rows of one page, a page's HTML text), so a few
# hundred entries cost a few megabytes at most (MAX_TEXT bounds the texts).
MAX_ENTRIES = 512
# A text longer than this (characters) is not kept: a page's body is ~60 000.
MAX_TEXT = 200_000


class BoundedMemo:
    """A least-recently-used mapping of at most `size` entries."""

    def __init__(self, size):
        self.size = size
        self.entries = OrderedDict()
        self.lock = threading.Lock()

    def get(self, key, default=None):
        with self.lock:
            if key not in self.entries:
                return default
            self.entries.move_to_end(key)
            return self.entries[key]

    def put(self, key, value):
        with self.lock:
            self.entries[key] = value
            self.entries.move_to_end(key)
            while len(self.entries) > self.size:
                self.entries.popitem(last=False)

    def clear(self):
        with self.lock:
            self.entries.clear()

    def __len__(self):
        return len(self.entries)


_store = BoundedMemo(MAX_ENTRIES)
_MISSING = object()


def memo_allowed(request):
    """Whether this request may read and fill the memos: the single switch.

    False for a logged-in editor (drafts may show), for a request marked by `bypass_memos`,
    and while a pending change is previewed (orientation_site/content_memo.py, the one rule
    every memo honours); False without a request (rendering outside a request: an email, a
    management command). True for every visitor.
    """
    if request is None or getattr(request, BYPASS, False) or not content_memo.memo_allowed():
        return False
    return not is_editor_request(request)


def bypass_memos(request):
    """Mark `request` so that nothing it renders reads or fills a memo (previews)."""
    setattr(request, BYPASS, True)
    return request


def request_version(request):
    """The content version `request` renders under, read once per request."""
    version = getattr(request, "_memo_version", None)
    if version is None:
        version = content_version()
        request._memo_version = version
    return version


def remember(request, name, compute, *args):
    """`compute(*args)`, kept per (content version, language, name, args).

    `name` says what is kept (e.g. "published-interventions"); `args` must be hashable and
    are passed to `compute`. Without `memo_allowed(request)`, computed every time and never
    kept. A lookup that found nothing (None) is not kept either: a junk slug must not push
    out what visitors use. Values are shared between requests: callers must not change them.
    """
    if not memo_allowed(request):
        return compute(*args)
    key = (request_version(request), get_language(), name, args)
    value = _store.get(key, _MISSING)
    if value is _MISSING:
        value = compute(*args)
        if value is not None:
            _store.put(key, value)
    return value


def remember_text(request, name, text, compute, frame=False):
    """`compute(text)` for a text (rich text, a rendered frame), kept per (content version,
    language, name, the text's digest). Texts over MAX_TEXT characters are not kept, nor any
    text of a POST unless `frame` (the text holds nothing the request sent: the header, the
    footer): the guide's answer page holds a visitor's answers, which are never kept, not
    even as a digest whose memo hit a stopwatch could detect (docs/decisions/0003)."""
    if len(text) > MAX_TEXT or not memo_allowed(request):
        return compute(text)
    if request.method not in SAFE and not frame:
        return compute(text)
    digest = hashlib.blake2b(text.encode(), digest_size=16).digest()
    return remember(request, name, lambda _digest: compute(text), digest)


def clear_memos():
    """Forget every memo of this process (tests: a rolled-back transaction takes back the
    content version a memo was kept under)."""
    _store.clear()
