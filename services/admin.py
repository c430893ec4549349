"""Django's admin looks for `services.admin` (autodiscover); the editors' workspace itself
lives in services/editorial/admin/, one module per area."""

from .editorial import admin  # noqa: F401  (registers every admin class)
