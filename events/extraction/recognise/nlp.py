"""The statistical layer: spaCy's tokens, lemmas, dependency parse and named entities, as plain data.

spaCy runs once per article (in batches, through `Language.pipe`) in the ingest context; the pure stages only see
the `SentenceParse` values made here, cut to the pipeline's own sentences and with offsets relative to them.
"""
from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

    from events.extraction.text.split import Sentence

# spaCy's own limit is 1,000,000 characters; an article past this is not prose, and the rules alone read it.
MAX_PARSE_CHARS = 200_000


@dataclass(frozen=True)
class Token:
    text: str
    lemma: str
    pos: str
    dep: str
    head: int  # index in the sentence's tokens; a root (or a head outside the sentence) points at itself
    start: int  # offsets relative to the sentence
    end: int
    entity: str  # "PERSON", "GPE", "ORG", ... or ""


@dataclass(frozen=True)
class SentenceParse:
    tokens: tuple[Token, ...]
    persons: tuple[tuple[int, int], ...]  # PERSON entity spans, sentence-relative

    def index_at(self, offset: int) -> int | None:
        """The token covering a sentence offset."""
        starts = [t.start for t in self.tokens]
        i = bisect_left(starts, offset + 1) - 1
        if 0 <= i < len(self.tokens) and self.tokens[i].start <= offset < self.tokens[i].end:
            return i
        return None

    def children(self, index: int) -> list[int]:
        return [i for i, t in enumerate(self.tokens) if t.head == index and i != index]


def load_model(name: str) -> Language:
    """The English pipeline named by settings.SPACY_MODEL; an installed package name such as en_core_web_sm."""
    import spacy

    return spacy.load(name)


def parse_texts(nlp: Language, texts: list[str], batch_size: int = 16) -> list[Doc | None]:
    """One Doc per text, streamed through the model; None for a text too long to be prose."""
    fit = [i for i, text in enumerate(texts) if len(text) <= MAX_PARSE_CHARS]
    docs: list[Doc | None] = [None] * len(texts)
    for i, doc in zip(fit, nlp.pipe((texts[i] for i in fit), batch_size=batch_size), strict=True):
        docs[i] = doc
    return docs


def sentence_parses(doc: Doc, sentences: list[Sentence]) -> list[SentenceParse]:
    """Cut one article's Doc to the pipeline's sentences (whose offsets are in the same text)."""
    starts = [t.idx for t in doc]
    parses = []
    for sentence in sentences:
        first = bisect_left(starts, sentence.start)
        last = bisect_left(starts, sentence.end)
        span = doc[first:last]
        local = {token.i: k for k, token in enumerate(span)}
        tokens = tuple(
            Token(t.text, t.lemma_.lower(), t.pos_, t.dep_, local.get(t.head.i, k),
                  t.idx - sentence.start, t.idx + len(t.text) - sentence.start, t.ent_type_)
            for k, t in enumerate(span)
        )
        persons = tuple(
            (e.start_char - sentence.start, e.end_char - sentence.start)
            for e in doc.ents
            if e.label_ == "PERSON" and e.start_char >= sentence.start and e.end_char <= sentence.end
        )
        parses.append(SentenceParse(tokens, persons))
    return parses
