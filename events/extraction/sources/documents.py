"""The plain data that flows into the pipeline: one article as read from disk, or why it could not be."""
from __future__ import annotations

import datetime
import hashlib
from dataclasses import dataclass, field


def hashable_text(text: str) -> str:
    return "\n".join(line.rstrip() for line in text.strip().split("\n"))


@dataclass(frozen=True)
class Document:
    """One article's text and whatever metadata came with it (sidecar JSON, JSON Lines, HTML head)."""

    file_name: str  # path as given, plus "#N" for the Nth line of a JSON Lines file
    text: str
    title: str = ""
    published: datetime.date | None = None
    url: str = ""
    outlet: str = ""
    warnings: tuple[str, ...] = field(default=())

    @property
    def content_hash(self) -> str:
        """SHA-256 of the text without trailing spaces on its lines nor blank lines around it: the same article saved
        twice, once with an extra blank line at its end, is read once."""
        return hashlib.sha256(hashable_text(self.text).encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class ReadFailure:
    """A file that yielded no article, and the reason, for the ingest report."""

    file_name: str
    reason: str
