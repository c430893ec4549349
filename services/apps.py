from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ServicesConfig(AppConfig):
    name = "services"
    verbose_name = _("Site content")

    def ready(self):
        from . import checks, signals  # noqa: F401  (registers the checks; cache invalidation)
