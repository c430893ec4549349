"""Delete the admin's login records older than LOGIN_RECORD_DAYS, as the privacy page states.

django-axes keeps, for each admin login and failed attempt, the username, the IP address and
the browser's user agent (AccessAttempt, AccessFailureLog, AccessLog). Run this daily (cron,
a scheduled task); it prints how many records of each kind it deleted.
"""

import datetime

from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils import timezone


class Command(BaseCommand):
    help = "Delete admin login records (with IP addresses) older than DJANGO_LOGIN_RECORD_DAYS."

    def handle(self, *args, **options):
        limit = timezone.now() - datetime.timedelta(days=settings.LOGIN_RECORD_DAYS)
        for model in (AccessAttempt, AccessFailureLog, AccessLog):
            deleted, _ = model.objects.filter(attempt_time__lt=limit).delete()
            self.stdout.write(f"{model.__name__}: {deleted} deleted")
