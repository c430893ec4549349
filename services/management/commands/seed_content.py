from django.core.management.base import BaseCommand

from services.content.loader import DEFAULT_CONTENT, seed_content


class Command(BaseCommand):
    help = (
        "Load the bilingual content (services/content/data/ by default). Idempotent: a field an "
        "editor changed in the admin is never overwritten."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "path", nargs="?", default=DEFAULT_CONTENT, help="A YAML file or a folder of them."
        )

    def handle(self, *args, path, **options):
        counts = seed_content(path)
        if options["verbosity"] >= 1:
            self.stdout.write(
                "Content: {created} created, {updated} updated, {unchanged} unchanged, "
                "{kept} editor changes kept.".format(**counts)
            )
