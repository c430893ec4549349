"""The admin site: two-step login, session limits, and the role matrix on every registered admin.

Installed as Django's default admin site by `services.apps.OrientationAdminConfig`, so every
`@admin.register` in the project — and in Django's own apps — goes through `register` below.
"""

import time
from functools import wraps

from django.conf import settings
from django.contrib import admin
from django.contrib.admin.utils import unquote
from django.contrib.auth import logout
from django.contrib.contenttypes.models import ContentType
from django.contrib.contenttypes.views import shortcut
from django.http import Http404, HttpResponseBadRequest
from django.urls import path
from django.utils.translation import gettext as _

# Session keys: when this login began, and when its user last did something in the admin.
LOGIN_STARTED = "orientation_login_started"
LAST_SEEN = "orientation_last_seen"
# The last-seen time is written at most this often (seconds): not one session save per click.
LAST_SEEN_GRANULARITY = 60


def start_session_clock(sender, request, user, **kwargs):
    """Connected to `user_logged_in`: the 12-hour and 30-minute limits count from here."""
    if request is not None and hasattr(request, "session"):
        now = time.time()
        request.session[LOGIN_STARTED] = now
        request.session[LAST_SEEN] = now


def session_expired(request):
    """Whether this admin session is past its absolute or idle limit (settings, in seconds).

    ASVS 3.3.2: re-authentication after 12 hours, 30 minutes idle (issue 14, item 14).
    """
    now = time.time()
    started = request.session.get(LOGIN_STARTED)
    last_seen = request.session.get(LAST_SEEN, started)
    if started is None or last_seen is None:
        return True  # a session from before these limits, or forged into shape
    if now - started > settings.ADMIN_SESSION_MAX_AGE:
        return True
    if now - last_seen > settings.ADMIN_SESSION_IDLE_TIMEOUT:
        return True
    if now - last_seen > LAST_SEEN_GRANULARITY:
        request.session[LAST_SEEN] = now
    return False


def has_nul(request):
    """A NUL in the path or the form: PostgreSQL cannot store or compare it (a 500 there)."""
    if "\x00" in request.path:
        return True
    data = [request.GET]
    if request.method == "POST" and request.content_type in (
        "application/x-www-form-urlencoded",
        "multipart/form-data",
    ):
        data.append(request.POST)
    return any(
        "\x00" in key or any("\x00" in value for value in values)
        for query in data
        for key, values in query.lists()
    )


class OrientationAdminSite(admin.AdminSite):
    login_template = "admin/mfa_login.html"
    # The side bar repeated the home page's list and took 276 of 1280 pixels from every list
    # (issue 15): the home page and the breadcrumbs lead everywhere it did.
    enable_nav_sidebar = False

    @property
    def login_form(self):
        from .mfa import AdminLoginForm

        return AdminLoginForm

    def register(self, model_or_iterable, admin_class=None, **options):
        from .admin.guards import guard

        return super().register(
            model_or_iterable, guard(admin_class or admin.ModelAdmin), **options
        )

    def has_permission(self, request):
        if not super().has_permission(request):
            return False
        return not settings.ADMIN_MFA or request.user.is_verified()

    def admin_view(self, view, cacheable=False):
        inner = super().admin_view(view, cacheable)

        @wraps(view)
        def guarded(request, *args, **kwargs):
            if has_nul(request):
                return HttpResponseBadRequest(_("The request was not understood."))
            if request.user.is_authenticated and session_expired(request):
                logout(request)
            return inner(request, *args, **kwargs)

        return guarded

    def get_app_list(self, request, app_label=None):
        from .admin.home import grouped

        app_list = super().get_app_list(request, app_label)
        return app_list if app_label else grouped(app_list)

    def each_context(self, request):
        context = super().each_context(request)
        context["mfa_off"] = not settings.ADMIN_MFA
        return context

    def get_urls(self):
        urls = super().get_urls()
        guarded = path(
            "r/<int:content_type_id>/<path:object_id>/",
            self.admin_view(self.view_on_site),
            name="view_on_site",
        )
        return [guarded if getattr(url, "name", None) == "view_on_site" else url for url in urls]

    def view_on_site(self, request, content_type_id, object_id):
        """Django's « view on site » redirect, for objects this user may view (else a 404).

        Without this check, any staff member learns a draft's address (issue 14, item 6).
        """
        try:
            model = ContentType.objects.get_for_id(content_type_id).model_class()
        except ContentType.DoesNotExist:
            raise Http404 from None
        model_admin = self._registry.get(model)
        if model_admin is None or not model_admin.has_view_permission(request):
            raise Http404
        obj = model_admin.get_object(request, unquote(object_id))
        if obj is None or not model_admin.has_view_permission(request, obj):
            raise Http404
        return shortcut(request, content_type_id, object_id)
