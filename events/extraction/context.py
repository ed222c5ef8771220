"""What a batch of articles shares: the NLP model, loaded once per command, never at import time."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from .nlp import SentenceParse, load_model, parse_texts, sentence_parses
from .split import Sentence

Parser = Callable[[list[Sentence]], list[SentenceParse]]


@dataclass
class IngestContext:
    """`model` names an installed spaCy pipeline (settings.SPACY_MODEL); "" runs the rules alone.

    The model is loaded the first time an article needs it, so a command that parses nothing loads nothing.
    """

    model: str = ""
    _docs: dict[str, Any] = field(default_factory=dict)

    @cached_property
    def nlp(self) -> Any:
        return load_model(self.model) if self.model else None

    def prepare(self, texts: list[str]) -> None:
        """Parse a batch of cleaned texts in one `nlp.pipe` run; `parser` then finds them here."""
        if self.nlp is None:
            return
        todo = [t for t in dict.fromkeys(texts) if t not in self._docs]
        for text, doc in zip(todo, parse_texts(self.nlp, todo), strict=True):
            self._docs[text] = doc

    def parser(self, text: str) -> Parser | None:
        """How the pure stages get the parse of `text`'s sentences (taken out of the batch cache once used)."""
        if self.nlp is None:
            return None
        doc = self._docs.pop(text, None)
        if doc is None and text not in self._docs:
            [doc] = parse_texts(self.nlp, [text])
        if doc is None:
            return None
        return lambda sentences: sentence_parses(doc, sentences)
