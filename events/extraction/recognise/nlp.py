"""The statistical layer: spaCy's tokens, lemmas, dependency parse and named entities, as plain data.

spaCy runs once per article (in batches, through `Language.pipe`) in the ingest context; the pure stages only see
the `SentenceParse` values made here, cut to the pipeline's own sentences and with offsets relative to them.
"""
from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

    from events.extraction.text.split import Sentence

# spaCy's own limit is 1,000,000 characters; an article past this is not prose, and the rules alone read it.
MAX_PARSE_CHARS = 200_000


class Token(NamedTuple):
    # A named tuple, not a frozen dataclass: one is made for every token of every article, and a frozen dataclass's
    # __init__ (a setattr through object per field) was a third of sentence_parses.
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
        i = bisect_left(self._starts, offset + 1) - 1
        if 0 <= i < len(self.tokens) and self.tokens[i].start <= offset < self.tokens[i].end:
            return i
        return None

    def children(self, index: int) -> list[int]:
        return list(self._children.get(index, ()))

    # Made on first use, once per sentence: the rules ask for a token's children and offsets many times each, and
    # walking all the tokens at each question made those walks quadratic in the sentence's length.
    @cached_property
    def _starts(self) -> list[int]:
        return [t.start for t in self.tokens]

    @cached_property
    def _children(self) -> dict[int, list[int]]:
        children: dict[int, list[int]] = {}
        for i, token in enumerate(self.tokens):
            if token.head != i:
                children.setdefault(token.head, []).append(i)
        return children


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
    # Read once per article, not per sentence: every entity was looked at for each sentence, and each token's head
    # was made a spaCy Token object to read its index.
    heads = [t.head.i for t in doc]
    persons = _person_spans(doc)
    lowered: dict[str, str] = {}  # an article repeats its lemmas: each lower-cased once
    parses = []
    for sentence in sentences:
        first = bisect_left(starts, sentence.start)
        last = bisect_left(starts, sentence.end)
        tokens = []
        for k, t in enumerate(doc[first:last]):
            head = heads[first + k]
            lemma = t.lemma_
            if lemma not in lowered:
                lowered[lemma] = lemma.lower()
            start = starts[first + k] - sentence.start
            tokens.append(Token(t.text, lowered[lemma], t.pos_, t.dep_, head - first if first <= head < last else k,
                                start, start + len(t.text), t.ent_type_))
        parses.append(SentenceParse(tuple(tokens), _persons_within(persons, sentence)))
    return parses


def _person_spans(doc: Doc) -> list[tuple[int, int]]:
    """The PERSON entities' character spans, in order of start (spaCy's entities never overlap)."""
    return sorted(((e.start_char, e.end_char) for e in doc.ents if e.label_ == "PERSON"), key=lambda span: span[0])


def _persons_within(persons: list[tuple[int, int]], sentence: Sentence) -> tuple[tuple[int, int], ...]:
    """The spans inside the sentence, sentence-relative: found by bisection, not by asking every entity."""
    found = []
    for i in range(bisect_left(persons, (sentence.start,)), len(persons)):
        start, end = persons[i]
        if start >= sentence.end:
            break  # this one and all after it start past the sentence
        if end <= sentence.end:
            found.append((start - sentence.start, end - sentence.start))
    return tuple(found)
