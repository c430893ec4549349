"""The quick exit without JavaScript: our own address, which sends the visitor on to the
neutral site and makes Back show no answer (docs/decisions/0007-quick-exit-and-back.md).

Two things travel with the redirect:

- `Clear-Site-Data: "cache"` (W3C Clear Site Data): browsers that honour it empty their HTTP
  cache of this site.
- A cookie that holds nothing (`left=1`) and expires after `LEFT_SECONDS`. Chromium drops the
  `no-store` pages it kept in its back-forward cache when a cookie of the site changes, so the
  questionnaire does not come back with its answers ticked (measured with Chromium 156; its
  Clear-Site-Data alone does not evict them). And a browser that re-sends the guide's answers
  from its history when Back is pressed gets the empty questionnaire while the cookie lives.

With JavaScript, the button leaves directly (site.js) and a page brought back by Back empties
itself.
"""

from django.conf import settings
from django.http import HttpResponseRedirect
from django.utils.cache import add_never_cache_headers
from django.utils.translation import get_language


def neutral_site_url(language=None):
    """The neutral, everyday site for `language` (default: the active one), from settings."""
    urls = settings.QUICK_EXIT_URL
    return urls.get(language or get_language(), urls["fr"])


LEFT_COOKIE = "left"
LEFT_SECONDS = 120


def just_left(request):
    """True when this browser used the quick exit less than `LEFT_SECONDS` ago."""
    return LEFT_COOKIE in request.COOKIES


def quick_exit(request):
    """302 to the neutral site, clearing this site's caches in the browser on the way."""
    response = HttpResponseRedirect(neutral_site_url())
    response["Clear-Site-Data"] = '"cache"'
    response.set_cookie(
        LEFT_COOKIE,
        "1",
        max_age=LEFT_SECONDS,
        secure=request.is_secure(),
        httponly=True,
        samesite="Lax",
    )
    add_never_cache_headers(response)
    return response
