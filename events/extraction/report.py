"""What ingesting one article did, and the totals over a batch."""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field


class Status:
    NEW = "new"
    UNCHANGED = "unchanged"
    FAILED = "failed"


@dataclass
class RecordNote:
    """One record touched by an ingest, for `-v 2`: what, which, what happened, and the evidence."""

    kind: str  # "person", "meeting", "agreement", "tenure"
    label: str
    action: str  # "created", "merged", "unresolved", "locked"; for tenures also "ended", "overlap", "after_end"
    evidence: str = ""


@dataclass
class ArticleResult:
    file_name: str
    status: str
    reason: str = ""
    # "<kind>.<action>" -> count, e.g. "meeting.created", "person.merged", "participant.unresolved"
    counts: Counter = field(default_factory=Counter)
    records: list[RecordNote] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def note(self, kind: str, label: str, action: str, evidence: str = "") -> None:
        self.counts[f"{kind}.{action}"] += 1
        self.records.append(RecordNote(kind, label, action, evidence))
