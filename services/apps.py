from django.apps import AppConfig
from django.contrib.admin import apps as admin_apps
from django.utils.translation import gettext_lazy as _


class ServicesConfig(AppConfig):
    name = "services"
    verbose_name = _("Site content")

    def ready(self):
        # Importing these registers their checks and signal receivers: the site's checks,
        # keys for new rows, History, outdated-translation markers, the page cache's version.
        from orientation_site import checks  # noqa: F401

        from . import keys, signals  # noqa: F401
        from .editorial import history, outdated  # noqa: F401
        from .guide import checks as guide_checks

        guide_checks.register()


class OrientationAdminConfig(admin_apps.AdminConfig):
    """Django's admin, with the site that enforces two-step login and the role matrix."""

    default = False  # `services` itself is ServicesConfig
    default_site = "services.editorial.admin_site.OrientationAdminSite"

    def ready(self):
        super().ready()
        from django.contrib.auth.signals import user_logged_in

        from .editorial.admin_site import start_session_clock
        from .editorial.mfa import warn_when_off

        user_logged_in.connect(start_session_clock, dispatch_uid="orientation-session-clock")
        warn_when_off()
