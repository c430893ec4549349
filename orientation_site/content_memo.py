"""The rule for memoising anything derived from content — and its one exception, a preview.

Results computed from content (the glossary's index, readability figures, lists of published
rows…) may be memoised under the content version (page_cache.content_version): any change to
content raises it. But while a pending change is previewed
(services/editorial/pending/preview.py) the page is rendered inside a transaction that is
rolled back, from content no version describes.
So, THE HOOK every memo must honour:

    if memo_allowed():  read and store the memo (keyed by content_version())
    else:               compute afresh, store nothing

As a second net, `content_version()` returns a preview's own negative number (no real version
is negative), so a memo that forgot to ask still shares nothing with a real rendering; and the
version is not raised while previewing (nothing is committed).
"""

import secrets
from contextlib import contextmanager
from contextvars import ContextVar

# The preview's own version number while a pending change is previewed, else None.
_preview_version = ContextVar("preview_version", default=None)


def memo_allowed():
    """Whether memoised results may be read or stored now: False while previewing."""
    return _preview_version.get() is None


def preview_version():
    """The number `content_version()` stands for while previewing (negative), else None."""
    return _preview_version.get()


@contextmanager
def previewing():
    """Render content that no content version describes: memos off, a version of its own."""
    token = _preview_version.set(-1 - secrets.randbits(62))
    try:
        yield
    finally:
        _preview_version.reset(token)
