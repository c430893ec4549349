from django.core.management.base import BaseCommand, CommandError

from services.editorial.outdated import outdated_report
from services.editorial.workbench import translation_gaps


class Command(BaseCommand):
    help = (
        "List every visitor-facing field filled in one language and empty in the other, and "
        "every text marked outdated (the other language changed alone); exit with an error "
        "when there is any."
    )

    def handle(self, *args, **options):
        gaps = translation_gaps()
        for gap in gaps:
            self.stdout.write(
                f"{gap.kind} «{gap.obj}»: missing in {gap.language.upper()}: "
                f"{', '.join(gap.fields)} ({gap.url})"
            )
        stale = outdated_report()
        for item in stale:
            self.stdout.write(
                f"{item.kind} «{item.obj}»: outdated in {item.language.upper()} since "
                f"{item.since:%Y-%m-%d}: {', '.join(item.fields)} ({item.url})"
            )
        problems = []
        if gaps:
            problems.append(f"{len(gaps)} translation gap(s)")
        if stale:
            problems.append(f"{len(stale)} outdated translation(s)")
        if problems:
            raise CommandError("; ".join(problems) + ".")
        self.stdout.write(
            "Every visitor-facing field is filled in both languages, and none is outdated."
        )
