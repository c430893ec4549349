from django.conf import settings


def permissions_policy(get_response):
    """Turn off, on every response, the browser features the site never uses."""

    def middleware(request):
        response = get_response(request)
        response.headers.setdefault("Permissions-Policy", settings.PERMISSIONS_POLICY)
        return response

    return middleware
