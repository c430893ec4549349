"""`manage.py audit_guide`: every combination of the guide's answers, checked.

Prints the number of combinations, how often each kind of help comes first, second and
third, the reviewed profiles, and every violation with its answers. Exits 1 on any
violation or broken profile (CI runs it on the seeded content).
"""

from django.core.management.base import BaseCommand, CommandError

from services.guide.audit import LIMIT
from services.guide.selectors import audit_stored_guide


class Command(BaseCommand):
    help = "Score every combination of the guide's answers and check its safety invariants."

    def add_arguments(self, parser):
        parser.add_argument(
            "--limit",
            type=int,
            default=LIMIT,
            help="Above this many combinations, check a deterministic sample of this size.",
        )

    def handle(self, *args, limit, **options):
        report, guide = audit_stored_guide(limit)
        names = {k.key: guide.interventions[k.id].name for k in guide.kinds}
        answer_text = {a.pk: f"{q.key}={a.key}" for q in guide.questions for a in q.answers.all()}
        how = "a deterministic sample (seed 0) of " if report.sampled else ""
        self.stdout.write(
            f"{report.combinations} combinations of answers; checked {how}"
            f"{report.checked} (with partial answers)."
        )
        self.stdout.write(f"\n{'kind of help':<40} {'1st':>6} {'2nd':>6} {'3rd':>6}")
        for key, ranks in sorted(report.positions.items(), key=lambda kv: -kv[1][1]):
            self.stdout.write(
                f"{key + ' (' + str(names[key]) + ')':<40.40} "
                f"{ranks[1]:>6} {ranks[2]:>6} {ranks[3]:>6}"
            )
        self.stdout.write(f"\nReviewed profiles: {len(report.profiles)}")
        for profile in report.profiles:
            status = "ok  " if profile.ok else "FAIL"
            detail = "; ".join(profile.problems) or ", ".join(profile.ranked)
            self.stdout.write(f"  {status} {profile.key}: {detail}")
        if report.violations:
            self.stdout.write(f"\n{len(report.violations)} violations:")
            for violation in report.violations[:200]:
                answers = ", ".join(answer_text.get(a, str(a)) for a in violation.answers)
                self.stdout.write(f"  {violation.message}  [{answers}]")
        if not report.ok:
            broken = sum(not p.ok for p in report.profiles)
            raise CommandError(
                f"{len(report.violations)} violations, {broken} broken reviewed profiles."
            )
        self.stdout.write(self.style.SUCCESS("\nNo violation."))
