"""Site-wide HTTP plumbing placed at the top of the stack (see MIDDLEWARE in settings.py).

Both run before anything that can answer early (whitenoise, the page cache, redirects), so
that their effect holds for every response.
"""

from django.conf import settings
from django.core.exceptions import DisallowedHost
from django.core.handlers.exception import response_for_exception
from django.utils import translation


def security_headers(get_response):
    """Set, on every response, the headers Django's own middleware does not:

    - `Permissions-Policy`: turns off the browser features the site never uses;
    - `Cross-Origin-Resource-Policy: same-origin`: other sites may not embed our responses.
    """

    headers = {
        "Permissions-Policy": settings.PERMISSIONS_POLICY,
        "Cross-Origin-Resource-Policy": settings.CROSS_ORIGIN_RESOURCE_POLICY,
    }

    def middleware(request):
        response = get_response(request)
        for name, value in headers.items():
            response.headers.setdefault(name, value)
        return response

    return middleware


def allowed_host(get_response):
    """Answer 400 to a Host that ALLOWED_HOSTS refuses, on every path, cached or not.

    Django validates the host only when something asks for it (`request.get_host()`), and
    static files and cached pages are answered before anything does. The 400 page speaks the
    language of the path (`/en/…`), French otherwise.
    """

    def middleware(request):
        try:
            request.get_host()
        except DisallowedHost as error:
            language = translation.get_language_from_path(request.path_info)
            with translation.override(language or settings.LANGUAGE_CODE):
                # Django's own handling: the security log, then handler400.
                return response_for_exception(request, error)
        return get_response(request)

    return middleware
