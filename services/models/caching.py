"""The content version that retires cached pages: bookkeeping, never shown to visitors."""

from django.db import models


class ContentVersion(models.Model):
    """One row whose number goes up with every change to the content.

    It lives in the database because the database is the one thing every process shares:
    each gunicorn worker, `manage.py shell`, `seed_content`, every instance. A cached page is
    served only while the number it was rendered under is still this one.
    (orientation_site/page_cache.py;
    docs/decisions/0011-the-content-version-lives-in-the-database.md)
    """

    version = models.PositiveBigIntegerField(default=1)

    class Meta:
        verbose_name = "content version"

    def __str__(self):
        return str(self.version)
