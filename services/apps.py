from django.apps import AppConfig
from django.contrib.admin import apps as admin_apps
from django.utils.translation import gettext_lazy as _


class ServicesConfig(AppConfig):
    name = "services"
    verbose_name = _("Site content")

    def ready(self):
        from . import checks, history, keys, outdated, signals  # noqa: F401  (checks, keys, History, markers, cache)
        from .guide import checks as guide_checks

        guide_checks.register()


class OrientationAdminConfig(admin_apps.AdminConfig):
    """Django's admin, with the site that enforces two-step login and the role matrix."""

    default = False  # `services` itself is ServicesConfig
    default_site = "services.admin_site.OrientationAdminSite"

    def ready(self):
        super().ready()
        from django.contrib.auth.signals import user_logged_in

        from .admin_site import start_session_clock
        from .mfa import warn_when_off

        user_logged_in.connect(start_session_clock, dispatch_uid="orientation-session-clock")
        warn_when_off()
