"""`manage.py ingest_articles PATH [PATH ...]`: read articles and put what they report into the database.

Thin on purpose: reading is events.extraction.reading, the work is events.extraction.pipeline, the report is
events.extraction.batch. This module parses arguments, loops, and prints.
"""
from __future__ import annotations

import argparse
import contextlib
import datetime
import sys
import traceback
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from events.extraction.batch import BatchReport, failed_result, format_article
from events.extraction.context import IngestContext
from events.extraction.report import ArticleResult, Status
from events.extraction.sources.documents import Document, ReadFailure
from events.extraction.sources.reading import iter_documents
from events.extraction.text.dates import parse_date_text

IngestFunction = Callable[..., ArticleResult]


def _date_argument(value: str) -> datetime.date:
    found = parse_date_text(value)
    if found is None:
        raise argparse.ArgumentTypeError(f"{value!r} is not a date (for example 2024-08-20 or 20 August 2024)")
    return found


def _positive_int(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        number = 0
    if number <= 0:
        raise argparse.ArgumentTypeError(f"{value!r} is not a positive whole number")
    return number


def _ingest_function() -> IngestFunction:
    # Imported when the command runs, not when Django loads commands: `--help` and argument errors need no pipeline.
    from events.extraction.pipeline import ingest_document

    return ingest_document


Item = Document | ReadFailure
# Articles parsed together in one stream through the model (nlp.pipe); a batch is held in memory at once.
PARSE_BATCH = 16


def _batches(items: Iterable[Item], size: int) -> Iterator[list[Item]]:
    batch: list[Item] = []
    for item in items:
        batch.append(item)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


def _text_to_parse(item: Item) -> str | None:
    # As in _parse_ahead, a speed-up only: an article this fails on is parsed when it is ingested (and fails there).
    if isinstance(item, ReadFailure):
        return None
    from events.extraction.pipeline import text_to_parse

    try:
        return text_to_parse(item)
    except Exception:
        return None


class Command(BaseCommand):
    help = (
        "Read news articles (plain text, HTML or JSON Lines files, or folders of them) and record the persons, "
        "offices, meetings and agreements they report. Exits non-zero if any article failed."
    )

    def add_arguments(self, parser: argparse.ArgumentParser) -> None:
        parser.add_argument("paths", nargs="+", metavar="PATH", help="article files or folders (walked recursively)")
        parser.add_argument("--published", type=_date_argument, metavar="DATE",
                            help="publication date of the article, for a single file whose text has none")
        parser.add_argument("--dry-run", action="store_true",
                            help="report what would be created and write nothing")
        parser.add_argument("--max-bytes", type=_positive_int, metavar="N",
                            help="skip (and report) files larger than this; default settings.INGEST_MAX_BYTES")
        parser.add_argument("--workers", type=_positive_int, default=1, metavar="N",
                            help="run the NLP parse in N processes (default 1: in this one); the database is still "
                                 "written by this process alone, in the order of the input")

    def handle(self, *args: str, **options) -> None:
        paths: list[str] = options["paths"]
        published: datetime.date | None = options["published"]
        if published is not None and (len(paths) != 1 or not Path(paths[0]).is_file()):
            raise CommandError("--published applies to a single article file; give exactly one file with it")
        max_bytes: int = options["max_bytes"] or settings.INGEST_MAX_BYTES
        dry_run: bool = options["dry_run"]
        verbosity: int = options["verbosity"]
        ingest = _ingest_function()
        context = IngestContext(settings.SPACY_MODEL)  # one model load for the whole batch

        report = BatchReport(dry_run=dry_run)
        items = iter_documents(paths, published=published, max_bytes=max_bytes)
        # A bar only for a person watching a terminal; logs and pipes get the report alone.
        progress = tqdm(items, unit=" articles", disable=not self.stdout.isatty(),
                        file=getattr(self.stderr, "_out", sys.stderr))
        def one(item: Item) -> None:
            if isinstance(item, ReadFailure):
                result = failed_result(item)
            else:
                self._warn(item.file_name, item.warnings)
                result = self._ingest(ingest, item, context=context, dry_run=dry_run,
                                      show_traceback=options.get("traceback", False))
                self._warn(item.file_name, [w for w in result.warnings if w not in item.warnings])
            report.add(result)
            if verbosity >= 2:
                with tqdm.external_write_mode():
                    self.stdout.write(format_article(result))

        if options["workers"] > 1:
            for item in context.parsed_in_processes(progress, _text_to_parse, options["workers"], PARSE_BATCH):
                one(item)
        else:
            for batch in _batches(progress, PARSE_BATCH):
                self._parse_ahead([item for item in batch if not isinstance(item, ReadFailure)], context)
                for item in batch:
                    one(item)
        progress.close()

        self.stdout.write(report.format())
        if report.failed:
            raise CommandError(f"{report.failed} of {report.read} articles failed (listed above)")

    def _parse_ahead(self, documents: list[Document], context: IngestContext) -> None:
        # A speed-up only: an article this fails on is parsed again, alone, when it is ingested (and fails there).
        with contextlib.suppress(Exception):
            from events.extraction.pipeline import parse_ahead

            parse_ahead(documents, context=context)

    def _ingest(self, ingest: IngestFunction, document: Document, *, context: IngestContext, dry_run: bool,
                show_traceback: bool) -> ArticleResult:
        # One article's error is that article's failure: the batch goes on, and the exit code tells.
        try:
            return ingest(document, context=context, dry_run=dry_run)
        except Exception as error:
            if show_traceback:
                traceback.print_exc(file=sys.stderr)
            return ArticleResult(document.file_name, Status.FAILED,
                                 reason=f"error while ingesting: {type(error).__name__}: {error}")

    def _warn(self, file_name: str, warnings: list[str] | tuple[str, ...]) -> None:
        for warning in warnings:
            with tqdm.external_write_mode():
                self.stderr.write(f"warning: {file_name}: {warning}")
