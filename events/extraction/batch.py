"""The report of an ingest batch: totals over the articles' results, and the text the command prints.

Only totals and the failures are kept, so a batch of any size reports in constant memory; records are printed
per article as they come (`format_article`) rather than held for the end.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from events.extraction.report import ArticleResult, Status
from events.extraction.sources.documents import ReadFailure

# The actions every report shows, in this order; any other action a result counts gets a column after them.
MAIN_ACTIONS = ("created", "merged", "unresolved")


@dataclass
class BatchReport:
    dry_run: bool = False
    statuses: Counter = field(default_factory=Counter)
    counts: Counter = field(default_factory=Counter)  # "<kind>.<action>" summed over the batch
    failures: list[tuple[str, str]] = field(default_factory=list)  # (file name, reason)

    def add(self, result: ArticleResult) -> None:
        self.statuses[result.status] += 1
        if result.status == Status.FAILED:
            self.failures.append((result.file_name, result.reason or "no reason given"))
        self.counts.update(result.counts)

    @property
    def read(self) -> int:
        return sum(self.statuses.values())

    @property
    def failed(self) -> int:
        return self.statuses[Status.FAILED]

    def format(self) -> str:
        lines = []
        if self.dry_run:
            lines.append("Dry run: nothing was written to the database.")
        lines += [
            f"Articles read: {self.read}",
            f"  new:         {self.statuses[Status.NEW]}",
            f"  unchanged:   {self.statuses[Status.UNCHANGED]}",
            f"  failed:      {self.failed}",
        ]
        for file_name, reason in self.failures:
            lines.append(f"    {file_name}: {reason}")
        lines += self._records_table()
        return "\n".join(lines)

    def _records_table(self) -> list[str]:
        if not any(self.counts.values()):
            return ["Records: none"]
        by_kind: dict[str, Counter] = {}
        for key, count in self.counts.items():
            kind, _, action = key.partition(".")
            by_kind.setdefault(kind, Counter())[action or "?"] += count
        others = sorted({action for actions in by_kind.values() for action in actions} - set(MAIN_ACTIONS))
        columns = [*MAIN_ACTIONS, *others]
        width = max(len(kind) for kind in by_kind) + 2
        header = "Records:".ljust(width + 2) + "".join(column.rjust(12) for column in columns)
        rows = [
            f"  {kind.ljust(width)}" + "".join(str(by_kind[kind][column]).rjust(12) for column in columns)
            for kind in sorted(by_kind)
        ]
        return [header, *rows]


def failed_result(failure: ReadFailure) -> ArticleResult:
    return ArticleResult(file_name=failure.file_name, status=Status.FAILED, reason=failure.reason)


def format_article(result: ArticleResult) -> str:
    """One article's outcome and every record it touched, with the evidence: the `-v 2` listing."""
    head = f"{result.file_name}: {result.status}"
    if result.reason:
        head += f" ({result.reason})"
    lines = [head]
    for record in result.records:
        lines.append(f"  {record.kind} {record.action}: {record.label}")
        if record.evidence:
            lines.append(f"      evidence: {record.evidence}")
    return "\n".join(lines)
