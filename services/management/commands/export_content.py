import sys

from django.core.management.base import BaseCommand

from services.content.exporter import dump, export_content


class Command(BaseCommand):
    help = (
        "Write all content, both languages, in the data-file format seed_content reads "
        "(to stdout, or to a file): a backup that can be reviewed in a diff and restored."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", nargs="?", help="A .yaml file to write; stdout if omitted.")

    def handle(self, *args, path=None, **options):
        text = dump(export_content())
        if path:
            with open(path, "w", encoding="utf-8") as file:
                file.write(text)
            self.stderr.write(f"Content written to {path}.")
        else:
            sys.stdout.write(text)
