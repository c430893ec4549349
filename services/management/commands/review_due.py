from django.conf import settings
from django.core.management.base import BaseCommand

from services.editorial.workbench import change_url, review_due


class Command(BaseCommand):
    help = "List the factual pages whose last review is older than DJANGO_REVIEW_INTERVAL_DAYS."

    def handle(self, *args, **options):
        due = review_due()
        for obj in due:
            kind = obj._meta.verbose_name
            reviewed = obj.last_reviewed.isoformat() if obj.last_reviewed else "never     "
            self.stdout.write(f"{reviewed}  {kind}: {obj} ({change_url(obj)})")
        self.stdout.write(
            f"{len(due)} page(s) due for review (older than {settings.REVIEW_INTERVAL_DAYS} days)."
        )
