from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ServicesConfig(AppConfig):
    name = "services"
    verbose_name = _("Site content")

    def ready(self):
        from . import signals  # noqa: F401  (connects cache invalidation)
        from .guide import checks

        checks.register()
