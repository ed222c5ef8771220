"""Where in the article a record was read: the evidence sentence(s), their offsets, and the words that name the record.

A source keeps them so that a curator sees the very words the extraction matched, rather than a guess from the
record's current names. Offsets are those of the cleaned article text (`events.extraction.text.clean`), where the
sentences were split.
"""
from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from events.extraction.recognise.titles import TitleMention
from events.extraction.resolve.article import AgreementCandidate, SentenceFacts
from events.extraction.resolve.meetings import MeetingCandidate
from events.extraction.resolve.people import ArticlePerson
from events.extraction.text.split import Sentence

MAX_EVIDENCE = 2000  # a meeting's sentences, joined


@dataclass(frozen=True)
class Evidence:
    text: str
    start: int | None = None
    end: int | None = None
    matched: tuple[str, ...] = ()

    def source_fields(self) -> dict:
        """The fields of a new source row (PersonSource, MeetingSource ...)."""
        return {"evidence": self.text, "start": self.start, "end": self.end, "matched": list(self.matched)}


def _fact(facts: Sequence[SentenceFacts], sentence: Sentence) -> SentenceFacts | None:
    if 0 <= sentence.index < len(facts) and facts[sentence.index].sentence is sentence:
        return facts[sentence.index]
    return next((f for f in facts if f.sentence.start == sentence.start and f.sentence.text == sentence.text), None)


def _words(text: str, spans: Iterable[tuple[int, int]]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(text[start:end] for start, end in sorted(spans) if end > start and text[start:end].strip()))


def person_evidence(person: ArticlePerson, facts: Sequence[SentenceFacts]) -> Evidence:
    """The sentence the person was first named in, and every mention of them there (names, titles, pronouns)."""
    fact = next((f for f in facts if f.sentence.index in person.sentences and f.sentence.text == person.evidence), None)
    if fact is None:
        return Evidence(person.evidence)
    spans = [(start, end) for start, end, index in fact.spans if index == person.index]
    return Evidence(person.evidence, fact.sentence.start, fact.sentence.end, _words(fact.sentence.text, spans))


def tenure_evidence(person: ArticlePerson, title: TitleMention, facts: Sequence[SentenceFacts]) -> Evidence:
    """The person's evidence, with the title's words too when that sentence gives it."""
    evidence = person_evidence(person, facts)
    fact = next((f for f in facts if evidence.start is not None and f.sentence.start == evidence.start), None)
    if fact is None:
        return evidence
    # "Australian Foreign Minister ... Indonesian Foreign Minister": the one of the tenure's country.
    same = [t for t in fact.titles if t.title == title.title and (t.country == title.country or not title.country)]
    titles = _words(fact.sentence.text, [(t.start, t.end) for t in same])
    return Evidence(evidence.text, evidence.start, evidence.end, tuple(dict.fromkeys([*evidence.matched, *titles])))


def meeting_evidence(candidate: MeetingCandidate, facts: Sequence[SentenceFacts]) -> Evidence:
    """The meeting's sentences joined, from the first one's start to the last one's end; its participants', date's
    and place's words in them."""
    text = " ".join(s.text for s in candidate.sentences)[:MAX_EVIDENCE]
    matched: list[str] = []
    for sentence in candidate.sentences:
        fact = _fact(facts, sentence)
        if fact is not None:
            spans = [(start, end) for start, end, index in fact.spans if index in candidate.participants]
            matched += _words(sentence.text, spans)
    for mention in (candidate.date_mention, candidate.place):
        if mention is not None and mention.text and mention.text in text:
            matched.append(mention.text)
    return Evidence(text, candidate.sentences[0].start, candidate.sentences[-1].end, tuple(dict.fromkeys(matched)))


def agreement_evidence(candidate: AgreementCandidate, facts: Sequence[SentenceFacts]) -> Evidence:
    """The first sentence that names the agreement, and its name as written there."""
    sentence = candidate.sentences[0]
    fact = _fact(facts, sentence)
    names = {candidate.name, *candidate.aliases}
    spans = [(m.start, m.end) for m in fact.agreements if m.name in names or set(m.aliases) & names] if fact else []
    return Evidence(sentence.text, sentence.start, sentence.end, _words(sentence.text, spans))
