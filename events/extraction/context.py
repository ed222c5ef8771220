"""What a batch of articles shares: the NLP model, loaded once per command, never at import time."""
from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from events.extraction.gazetteer import Gazetteer
from events.extraction.recognise.nlp import SentenceParse, load_model, parse_texts, sentence_parses
from events.extraction.text.split import Sentence

Parser = Callable[[list[Sentence]], list[SentenceParse]]


@dataclass
class IngestContext:
    """`model` names an installed spaCy pipeline (settings.SPACY_MODEL); "" runs the rules alone.

    The model is loaded the first time an article needs it, so a command that parses nothing loads nothing.
    """

    model: str = ""
    # Parses made ahead by prepare(), by text; each is taken once, so the map holds one batch at most.
    _ahead: dict[str, Any] = field(default_factory=dict, repr=False)

    @cached_property
    def nlp(self) -> Any:
        return load_model(self.model) if self.model else None

    @cached_property
    def lexicon(self) -> Gazetteer:
        """Countries, organisations and their names as the database holds them, read once per command."""
        from events.extraction.store.snapshot import lexicon  # the database is read on first use, never at import

        return lexicon()

    def prepare(self, texts: Iterable[str]) -> None:
        """Parse a batch of texts in one stream through the model (nlp.pipe), for parser() to take one by one."""
        if self.nlp is None:
            return
        texts = list(dict.fromkeys(texts))
        self._ahead = dict(zip(texts, parse_texts(self.nlp, texts, batch_size=max(1, len(texts))), strict=True))

    def parser(self, text: str) -> Parser | None:
        """How the pure stages get the parse of `text`'s sentences; None when there is no model or the text is too
        long to be prose."""
        if self.nlp is None:
            return None
        [doc] = [self._ahead.pop(text)] if text in self._ahead else parse_texts(self.nlp, [text])
        if doc is None:
            return None
        return lambda sentences: sentence_parses(doc, sentences)
