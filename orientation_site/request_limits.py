"""Request bodies refused by their declared size, before anything reads them (issue 14, item 11).

Django's DATA_UPLOAD_MAX_MEMORY_SIZE does not count uploaded files: a 60 MB multipart POST to the
guide was parsed to a temporary file. Public pages take a few kilobytes of form data at most,
the admin at most DATA_UPLOAD_MAX_MEMORY_SIZE; anything declaring more is refused at once with
the site's 400 page, in the visitor's language (a garbled length too).
"""

from django.conf import settings
from django.core.exceptions import RequestDataTooBig
from django.urls import get_resolver

ADMIN_PREFIX = "/admin/"


def body_limit(path):
    """The largest body (bytes) a request to `path` may send."""
    if path.startswith(ADMIN_PREFIX):
        return settings.DATA_UPLOAD_MAX_MEMORY_SIZE
    return settings.PUBLIC_REQUEST_MAX_BYTES


class RequestLimitsMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        declared = request.META.get("CONTENT_LENGTH") or "0"
        if not (declared.isascii() and declared.isdigit()) or int(declared) > body_limit(
            request.path
        ):
            handler = get_resolver().resolve_error_handler(400)
            # The body is never read (gunicorn's sync workers close the connection after it).
            return handler(request, RequestDataTooBig("Request body over the limit."))
        return self.get_response(request)
