from django.core.management.base import BaseCommand, CommandError

from services.workbench import translation_gaps


class Command(BaseCommand):
    help = (
        "List every visitor-facing field filled in one language and empty in the other; "
        "exit with an error when there is any."
    )

    def handle(self, *args, **options):
        gaps = translation_gaps()
        for gap in gaps:
            self.stdout.write(
                f"{gap.kind} «{gap.obj}»: missing in {gap.language.upper()}: "
                f"{', '.join(gap.fields)} ({gap.url})"
            )
        if gaps:
            raise CommandError(f"{len(gaps)} translation gap(s).")
        self.stdout.write("Every visitor-facing field is filled in both languages.")
