"""Request bodies refused by their declared size, before anything reads them (issue 14, item 11).

Django's DATA_UPLOAD_MAX_MEMORY_SIZE does not count uploaded files: a 60 MB multipart POST to the
guide was parsed to a temporary file. Public pages take a few kilobytes of form data at most,
the admin at most DATA_UPLOAD_MAX_MEMORY_SIZE; anything declaring more gets a 413 at once.
"""

from django.conf import settings
from django.http import HttpResponse, HttpResponseBadRequest
from django.utils.translation import gettext as _

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
        if not (declared.isascii() and declared.isdigit()):
            return HttpResponseBadRequest(_("The request was not understood."))
        if int(declared) > body_limit(request.path):
            response = HttpResponse(_("This request is too large."), status=413)
            # The rest of the body is never read: the connection cannot be reused.
            response["Connection"] = "close"
            return response
        return self.get_response(request)
