"""`manage.py evaluate ARTICLES GOLD`: ingest a folder of articles into an empty database and score what the API
serves against gold annotations (the format of ../shared/eval/gold/seeds.json; rules in events/evaluation/)."""
from __future__ import annotations

import io
import json
from pathlib import Path

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

from events.evaluation.records import api_records
from events.evaluation.scoring import format_score, score
from events.models import Article


class Command(BaseCommand):
    help = ("Ingest ARTICLES into this (empty) database and score the API's records against GOLD. "
            "Point DATABASE_URL at a new SQLite file: `make eval` does.")

    def add_arguments(self, parser) -> None:
        parser.add_argument("articles", type=Path, help="folder (or file) of articles")
        parser.add_argument("gold", type=Path, help="gold annotations (JSON)")
        parser.add_argument("--save-payload", type=Path, help="write the API's records to this JSON file")
        parser.add_argument("--json", type=Path, help="write the scores to this JSON file")

    def handle(self, *args, **options) -> str:
        articles: Path = options["articles"]
        try:
            gold = json.loads(options["gold"].read_text(encoding="utf-8"))
        except (OSError, ValueError) as error:
            raise CommandError(f"{options['gold']}: cannot read the gold annotations ({error})") from error
        if not articles.exists():
            raise CommandError(f"{articles}: no such file or folder")
        call_command("migrate", verbosity=0, interactive=False)
        if Article.objects.exists():
            raise CommandError("evaluate needs an empty database: set DATABASE_URL to a new SQLite file")
        try:
            call_command("ingest_articles", str(articles), verbosity=0, stdout=io.StringIO())
        except CommandError as error:
            self.stderr.write(f"warning: {error}")
        records = api_records()
        if options["save_payload"]:
            options["save_payload"].write_text(json.dumps(records, indent=1))
        result = score(gold, records)
        if options["json"]:
            summary = {name: {"precision": t.precision, "recall": t.recall, "f1": t.f1, "tp": t.tp, "fp": t.fp,
                              "fn": t.fn, "attributes": t.attributes}
                       for name, t in (("persons", result.persons), ("meetings", result.meetings),
                                       ("agreements", result.agreements))}
            options["json"].write_text(json.dumps({**summary, "overall_f1": result.overall}, indent=1))
        return format_score(result, verbose=options["verbosity"] >= 2)
