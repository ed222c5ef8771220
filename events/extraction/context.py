"""What a batch of articles shares: the NLP model, loaded once per command, never at import time."""
from __future__ import annotations

import itertools
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any, TypeVar

from events.extraction.gazetteer import Gazetteer
from events.extraction.recognise.nlp import MAX_PARSE_CHARS, SentenceParse, load_model, parse_texts, sentence_parses
from events.extraction.text.split import Sentence

Parser = Callable[[list[Sentence]], list[SentenceParse]]
Item = TypeVar("Item")


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

    def parsed_in_processes(self, items: Iterable[Item], text_of: Callable[[Item], str | None], workers: int,
                            batch_size: int) -> Iterator[Item]:
        """`items` in their order, each once the parse of its text (`text_of`; None: nothing to parse) is ready for
        parser(). The model runs in `workers` processes (nlp.pipe's n_process), fed ahead of the caller by a few
        batches, while the caller goes on with the items already parsed: its database writes stay in this process
        and in input order, so the records are those of one process."""
        if self.nlp is None:
            yield from items
            return
        from django.db import connections

        # The workers are forked from this process and must not share its database connections; one in a
        # transaction (a caller's atomic block) stays open, as closing it would end that transaction.
        for connection in connections.all(initialized_only=True):
            if not connection.in_atomic_block:
                connection.close()
        ahead, behind = itertools.tee((item, text_of(item)) for item in items)
        # A text with no parse to make still takes its place in the stream, as "", so that docs and items pair up.
        texts = (text if text and len(text) <= MAX_PARSE_CHARS else "" for _, text in ahead)
        for (item, text), doc in zip(behind, self.nlp.pipe(texts, batch_size=batch_size, n_process=workers),
                                     strict=True):
            if text and len(text) <= MAX_PARSE_CHARS:
                self._ahead = {text: doc}
            yield item

    def parser(self, text: str) -> Parser | None:
        """How the pure stages get the parse of `text`'s sentences; None when there is no model or the text is too
        long to be prose."""
        if self.nlp is None:
            return None
        [doc] = [self._ahead.pop(text)] if text in self._ahead else parse_texts(self.nlp, [text])
        if doc is None:
            return None
        return lambda sentences: sentence_parses(doc, sentences)
