"""The site's own answers outside the content: the health check, the favicon, and the 400 and
404 pages (in the visitor's language, with links to the home page in both)."""

from django.db import connection
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.templatetags.static import static
from django.views.decorators.cache import never_cache

from services.languages import home_urls

from .render_memo import bypass_memos


@never_cache
def healthz(request):
    """For load balancers: the app answers and reaches its database."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except Exception:
        return HttpResponse("database unavailable\n", status=503, content_type="text/plain")
    return HttpResponse("ok\n", content_type="text/plain")


def favicon(request):
    """Browsers ask for /favicon.ico on their own: point them at the site's icon."""
    return redirect(static("img/favicon.svg"), permanent=True)


def page_not_found(request, exception):
    # Nothing of an error page is memoised: each junk address would add entries of its own
    # (its path is in the footer's error link) and push out what real pages reuse.
    bypass_memos(request)
    return render(request, "404.html", {"alternates": home_urls()}, status=404)


def bad_request(request, exception):
    bypass_memos(request)
    return render(request, "400.html", {"alternates": home_urls()}, status=400)
