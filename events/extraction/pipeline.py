"""One article through the whole pipeline: clean → split → recognise → resolve → persist."""
from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.db import transaction

from events.extraction.context import IngestContext, Parser
from events.extraction.gazetteer import active
from events.extraction.report import ArticleResult, Status
from events.extraction.resolve.article import AgreementCandidate, Analysis, analyse, collect_agreements, reference_date
from events.extraction.resolve.meetings import (
    MeetingCandidate,
    apply_location_context,
    meeting_candidates,
    merge_candidates,
    resolve_dates,
)
from events.extraction.resolve.people import ArticlePerson, KnownPerson
from events.extraction.resolve.roles import settle_participants
from events.extraction.sources.documents import Document
from events.extraction.store import persist, snapshot
from events.extraction.text.clean import Cleaned, clean
from events.models import Article


@dataclass
class Extraction:
    """Everything the pure stages found in one article."""

    analysis: Analysis
    meetings: list[MeetingCandidate]
    agreements: list[AgreementCandidate]
    reference: datetime.date | None
    officials: set[int]  # indexes of the article's persons that become records

    @property
    def persons(self) -> list[ArticlePerson]:
        return [p for p in self.analysis.people.persons if p.index in self.officials]


def build_meetings(analysis: Analysis, reference: datetime.date | None) -> list[MeetingCandidate]:
    candidates = meeting_candidates(analysis)
    resolve_dates(candidates, analysis, reference)
    merged = merge_candidates(candidates)
    apply_location_context(merged, analysis)
    return merged


def extract(cleaned: Cleaned, published: datetime.date | None, known: list[KnownPerson],
            anchor=None, raw_text: str = "", parser: Parser | None = None) -> Extraction:
    """The pure pipeline. `anchor` may date an undated article from a meeting the database knows."""
    analysis = analyse(cleaned.text, known, dateline=cleaned.dateline, parse=parser)
    # The raw text still has the header the clean stage took off: "2025/01/13 17:42 KST".
    reference = reference_date(raw_text or cleaned.text, published)
    meetings = build_meetings(analysis, reference)
    if reference is None and anchor is not None:
        reference = anchor(meetings)
        if reference is not None:
            meetings = build_meetings(analysis, reference)
    kept = settle_participants(analysis.people.persons, meetings)
    return Extraction(analysis, meetings, collect_agreements(analysis), reference, kept)


def ingest_document(document: Document, *, context: IngestContext, dry_run: bool = False) -> ArticleResult:
    # Countries and their names as the database holds them, so a curator's edit reaches extraction.
    with active(context.lexicon):
        return _ingest(document, context=context, dry_run=dry_run)


def _ingest(document: Document, *, context: IngestContext, dry_run: bool) -> ArticleResult:
    result = ArticleResult(document.file_name, Status.NEW, warnings=list(document.warnings))
    if not document.text.strip():
        return ArticleResult(document.file_name, Status.FAILED, reason="the article has no text")
    if Article.objects.filter(content_hash=document.content_hash).exists():
        result.status = Status.UNCHANGED
        return result
    cleaned = clean(document.text)
    if not cleaned.text.strip():
        return ArticleResult(document.file_name, Status.FAILED, reason="nothing but page furniture in the text")
    published = document.published or cleaned.published
    extraction = extract(cleaned, published, snapshot.known_people(cleaned.text), anchor=snapshot.anchor_date,
                         raw_text=document.text, parser=context.parser(cleaned.text))
    with transaction.atomic():
        article = Article.objects.create(
            file_name=document.file_name, title=document.title or cleaned.title, outlet=document.outlet,
            url=document.url, published=published, text=document.text, content_hash=document.content_hash,
        )
        persist.save_extraction(article, extraction, result)
        if dry_run:
            transaction.set_rollback(True)
    return result
