"""Write the curated dataset: every record with natural keys, loadable into any database with `loaddata`."""
from django.core.management.base import BaseCommand

from events.dataset import dump_dataset


class Command(BaseCommand):
    help = ("Dump the events records (no history, no primary keys, natural keys everywhere) to PATH, "
            "e.g. fixtures/curated.json; `manage.py loaddata PATH` loads it into an empty or an ingested database.")

    def add_arguments(self, parser):
        parser.add_argument("path")

    def handle(self, *args, path: str, **options) -> str:
        dump_dataset(path, indent=1)
        return f"Wrote {path}." if options["verbosity"] else ""
