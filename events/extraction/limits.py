"""What one article may cost and create: limits a user sets (settings, from the environment), and the reason an
article fails when it reaches one.

The stages are pure and know nothing of settings: the pipeline reads `Limits` once per article and makes them
the limits in force (`active`), the way it makes the lexicon the reference data in force; the sentence splitter
reads the one it needs with `current()`.
"""
from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass


@dataclass(frozen=True)
class Limits:
    seconds: float = 120.0  # time budget of one article, from reading its text to committing its records
    sentence_chars: int = 2_000  # longer "sentences" are not prose: cut into pieces at spaces
    persons: int = 200  # persons one article may name
    meetings: int = 100  # meetings one article may report

    @classmethod
    def from_settings(cls) -> Limits:
        from django.conf import settings

        return cls(seconds=settings.INGEST_ARTICLE_SECONDS, sentence_chars=settings.INGEST_MAX_SENTENCE_CHARS,
                   persons=settings.INGEST_MAX_PERSONS, meetings=settings.INGEST_MAX_MEETINGS)


_ACTIVE: ContextVar[Limits | None] = ContextVar("limits", default=None)
_DEFAULT = Limits()


def current() -> Limits:
    """The limits a pipeline made active, else the defaults (for the stages called on their own, as tests do)."""
    return _ACTIVE.get() or _DEFAULT


@contextmanager
def active(limits: Limits) -> Iterator[None]:
    token = _ACTIVE.set(limits)
    try:
        yield
    finally:
        _ACTIVE.reset(token)


class LimitExceeded(Exception):
    """An article over one of its limits: its reason is the article's failure, and nothing of it is stored."""


def over(what: str, count: int, limit: int, setting: str) -> LimitExceeded:
    return LimitExceeded(f"over the limit: {count:,} {what}, the limit is {limit:,} per article ({setting})")


class Deadline:
    """The article's time budget, checked between stages (and once more before its transaction commits): past it,
    the article fails with that reason. Cooperative, so it never interrupts a write halfway."""

    def __init__(self, seconds: float, clock: Callable[[], float] = time.monotonic) -> None:
        self.seconds = seconds
        self.clock = clock
        self.ends = clock() + seconds

    def check(self, stage: str) -> None:
        if self.clock() > self.ends:
            raise LimitExceeded(
                f"over the time budget of {self.seconds:g} s per article (INGEST_ARTICLE_SECONDS), at {stage}")
