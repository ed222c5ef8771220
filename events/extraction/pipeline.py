"""One article through the whole pipeline: clean → split → recognise → resolve → persist."""
from __future__ import annotations

import datetime
import functools
from dataclasses import dataclass

from django.db import connection, transaction

from events.extraction import fields, limits
from events.extraction.context import IngestContext, Parser
from events.extraction.gazetteer import active
from events.extraction.limits import Deadline, LimitExceeded
from events.extraction.recognise.nlp import MAX_PARSE_CHARS
from events.extraction.report import ArticleResult, Status
from events.extraction.resolve.article import (
    AgreementCandidate,
    Analysis,
    RuleMentions,
    analyse,
    collect_agreements,
    reference_date,
    rule_mentions,
)
from events.extraction.resolve.meetings import (
    MeetingCandidate,
    apply_location_context,
    assume_hosts,
    meeting_candidates,
    merge_candidates,
    resolve_dates,
)
from events.extraction.resolve.people import ArticlePerson, KnownPerson
from events.extraction.resolve.roles import settle_participants
from events.extraction.sources.documents import Document
from events.extraction.store import persist, snapshot
from events.extraction.text.clean import Cleaned, clean
from events.extraction.text.split import Sentence, split_sentences
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
    # A piece of a run cut at the sentence limit reaches here with nothing found in it (resolve.article.analyse), so
    # no meeting, nor a meeting's date or place, is read from it.
    candidates = meeting_candidates(analysis)
    resolve_dates(candidates, analysis, reference)
    merged = merge_candidates(candidates)
    apply_location_context(merged, analysis)
    assume_hosts(merged, analysis)
    return merged


def extract(cleaned: Cleaned, published: datetime.date | None, known: list[KnownPerson],
            anchor=None, raw_text: str = "", parser: Parser | None = None,
            deadline: Deadline | None = None, found: dict[Sentence, RuleMentions] | None = None) -> Extraction:
    """The pure pipeline. `anchor` may date an undated article from a meeting the database knows; `deadline` is
    checked after each stage; `found` may hold the sentences' rule mentions already (resolve.article.rule_mentions)."""
    check = deadline.check if deadline is not None else lambda stage: None
    analysis = analyse(cleaned.text, known, dateline=cleaned.dateline, parse=parser, found=found)
    check("recognising")
    # The raw text still has the header the clean stage took off: "2025/01/13 17:42 KST".
    reference = reference_date(raw_text or cleaned.text, published)
    meetings = build_meetings(analysis, reference)
    if reference is None and anchor is not None:
        reference = anchor(meetings)
        if reference is not None:
            meetings = build_meetings(analysis, reference)
    check("building meetings")
    kept = settle_participants(analysis.people.persons, meetings)
    extraction = Extraction(analysis, meetings, collect_agreements(analysis), reference, kept)
    check("settling participants")
    return extraction


def ingest_document(document: Document, *, context: IngestContext, dry_run: bool = False,
                    deadline: Deadline | None = None) -> ArticleResult:
    """One article in one transaction: its records, or (failed, with the reason) nothing at all.

    The limits in settings (events.extraction.limits) hold for each article: past its time budget, or naming more
    persons or meetings than allowed, it fails with that reason and the caller's batch goes on.
    """
    article_limits = limits.Limits.from_settings()
    deadline = deadline or Deadline(article_limits.seconds)
    # Countries and their names as the database holds them, so a curator's edit reaches extraction.
    with active(context.lexicon), limits.active(article_limits):
        try:
            return _ingest(document, context=context, dry_run=dry_run, deadline=deadline)
        except LimitExceeded as exceeded:
            return ArticleResult(document.file_name, Status.FAILED, reason=str(exceeded),
                                 warnings=list(document.warnings))


def parse_ahead(documents: list[Document], *, context: IngestContext) -> None:
    """Parse a batch of articles in one pass of the model, before they are ingested one by one."""
    context.prepare(text_to_parse(document) for document in documents)


def text_to_parse(document: Document) -> str:
    """The text of the article that _ingest gives the model."""
    return _cleaned(fields.clean_document(document)[0].text).text


def _cleaned(text: str) -> Cleaned:
    """clean(text). The ingest cleans each article twice: for its batch's parse ahead (text_to_parse), then when
    ingesting it; so the last two batches' results are kept (Cleaned is frozen), and the second is a look-up. Only
    texts the model would parse: a held text is then at most MAX_PARSE_CHARS, and what is held stays small."""
    return _clean_kept(text) if len(text) <= MAX_PARSE_CHARS else clean(text)


_clean_kept = functools.lru_cache(maxsize=32)(clean)


def _ingest(document: Document, *, context: IngestContext, dry_run: bool, deadline: Deadline) -> ArticleResult:
    document, cleaning = fields.clean_document(document)
    result = ArticleResult(document.file_name, Status.NEW, warnings=[*document.warnings, *cleaning])
    if not document.text.strip():
        return ArticleResult(document.file_name, Status.FAILED, reason="the article has no text")
    if Article.objects.filter(content_hash=document.content_hash).exists():
        result.status = Status.UNCHANGED
        return result
    cleaned = _cleaned(document.text)
    if not cleaned.text.strip():
        return ArticleResult(document.file_name, Status.FAILED, reason="nothing but page furniture in the text")
    deadline.check("cleaning")
    found = rule_mentions(split_sentences(cleaned.text))
    _check_named_persons(found)
    deadline.check("counting names")
    published = document.published or cleaned.published
    parser = context.parser(cleaned.text)  # the slow part, done before taking the lock
    deadline.check("parsing")
    with transaction.atomic():
        # What the database knows is read, and what the article adds is written, by one ingest at a time: two
        # processes would otherwise both find "Narendra Modi" unknown and both create him.
        _lock_writes()
        if Article.objects.filter(content_hash=document.content_hash).exists():  # another process was first
            result.status = Status.UNCHANGED
            return result
        extraction = extract(cleaned, published, snapshot.known_people(cleaned.text), anchor=snapshot.anchor_date,
                             raw_text=document.text, parser=parser, deadline=deadline, found=found)
        _check_extraction(extraction, result)
        fields.check_extraction(extraction)
        article = Article.objects.create(
            file_name=document.file_name, title=document.title or cleaned.title, outlet=document.outlet,
            url=document.url, published=published, text=document.text, content_hash=document.content_hash,
        )
        persist.save_extraction(article, extraction, result)
        # Past the budget here, the exception rolls back everything this article wrote.
        deadline.check("storing")
        if dry_run:
            transaction.set_rollback(True)
    return result


# pg_advisory_xact_lock's key for "an ingest is reading and writing records"; any fixed 64-bit number will do.
INGEST_LOCK = 0x6469706C6F6D6163  # "diplomac"


def _lock_writes() -> None:
    """On PostgreSQL, wait for any other ingest's article transaction to end (the lock ends with this one's).
    SQLite allows one writer at a time by itself."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [INGEST_LOCK])


def _check_named_persons(found: dict[Sentence, RuleMentions]) -> None:
    """Fail early an article that names more persons than allowed: resolving who is who compares each name with
    the others, which is cheap for an article's dozens of names but not for a list of thousands. A piece of a cut run
    has no mentions (rule_mentions), as no person is read from it."""
    limit = limits.current().persons
    names = {m.name for mentions in found.values() for m in mentions.people if m.name}
    # Names in two spellings ("Modi", "Narendra Modi") are one person, so only far more names than allowed fail here;
    # the exact count of persons is checked after resolving.
    if len(names) > 2 * limit:
        raise limits.over("person names", len(names), limit, "INGEST_MAX_PERSONS")


def _check_extraction(extraction: Extraction, result: ArticleResult) -> None:
    allowed = limits.current()
    persons = len(extraction.analysis.people.persons)
    if persons > allowed.persons:
        raise limits.over("persons", persons, allowed.persons, "INGEST_MAX_PERSONS")
    if len(extraction.meetings) > allowed.meetings:
        raise limits.over("meetings", len(extraction.meetings), allowed.meetings, "INGEST_MAX_MEETINGS")
    cut = sum(fact.sentence.cut for fact in extraction.analysis.facts)
    if cut:
        result.warnings.append(f"{cut:,} pieces of sentences over {allowed.sentence_chars:,} characters "
                               "(INGEST_MAX_SENTENCE_CHARS), cut at spaces: not prose, so no person, office, "
                               "meeting or agreement was read from them")
