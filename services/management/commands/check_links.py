from django.core.management.base import BaseCommand, CommandError

from services.editorial.links import check_links, collect_links, save_results


class Command(BaseCommand):
    help = (
        "Visit every external address in the content (sources, help lines, places to go, "
        "links inside texts), list each broken one with where it is used, keep the report "
        "for the admin home page, and exit with an error when any is broken."
    )

    def add_arguments(self, parser):
        parser.add_argument("--timeout", type=float, help="seconds per request (default 10)")
        parser.add_argument("--workers", type=int, help="requests at once (default 8)")
        parser.add_argument("--per-host", type=int, help="requests at once per host (default 2)")

    def handle(self, *args, timeout=None, workers=None, per_host=None, **options):
        links = collect_links()
        results = check_links(links, timeout=timeout, workers=workers, per_host=per_host)
        save_results(results)
        broken = [(link, answer) for link, answer in results if not answer.ok]
        for link, answer in broken:
            self.stdout.write(f"BROKEN {answer.problem}: {link.url}")
            for where in link.where:
                self.stdout.write(
                    f"  used in {where['kind']} «{where['object']}» (#{where['id']}), "
                    f"field {where['field']}"
                )
        if broken:
            raise CommandError(f"{len(broken)} of {len(links)} link(s) broken.")
        self.stdout.write(f"All {len(links)} link(s) answered.")
