"""Site-wide HTTP plumbing placed at the top of the stack (see MIDDLEWARE in settings.py).

Both run before anything that can answer early (whitenoise, the page cache, redirects), so
that their effect holds for every response.
"""

from csp.constants import HEADER
from csp.middleware import CheckableLazyObject, CSPMiddleware
from csp.utils import build_policy
from django.conf import settings
from django.core.exceptions import DisallowedHost
from django.core.handlers.exception import response_for_exception
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.utils import translation

# django-csp's per-response customisations (its decorators), which need the full treatment.
CSP_CUSTOMISED = ("_csp_config", "_csp_update", "_csp_replace", "_csp_exempt")
_site_policy = {}


@receiver(setting_changed)
def _forget_policy(setting, **kwargs):
    if setting.startswith("CONTENT_SECURITY_POLICY"):
        _site_policy.clear()


class ContentSecurityPolicy(CSPMiddleware):
    """django-csp's middleware, with the site-wide policy built once rather than per response.

    It runs on every response, cached pages included, where rebuilding the same header cost
    a quarter of a hit. A response with its own policy (django-csp's decorators), a nonce,
    a report-only policy or excluded prefixes goes through django-csp unchanged.
    """

    def process_response(self, request, response):
        policy = settings.CONTENT_SECURITY_POLICY or {}
        if (
            settings.DEBUG
            or getattr(settings, "CONTENT_SECURITY_POLICY_REPORT_ONLY", None)
            or policy.get("EXCLUDE_URL_PREFIXES")
            or getattr(request, "_csp_nonce", None) is not None
            or any(hasattr(response, name) for name in CSP_CUSTOMISED)
        ):
            return super().process_response(request, response)
        if "header" not in _site_policy:
            _site_policy["header"] = build_policy()
        if _site_policy["header"] and HEADER not in response:
            response[HEADER] = _site_policy["header"]
        # As django-csp does: a nonce asked for after this point is an error, not a silent gap.
        request.csp_nonce = CheckableLazyObject(self._csp_nonce_post_response)
        return response


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
