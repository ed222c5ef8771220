"""Extraction scored against gold annotations, by the rules of ../shared/eval/CONTRACT.md.

Persons match by their names as sets of words; a meeting matches the gold meeting it shares at least two
participants with (best overlap and right date first, one to one); an agreement by the words of its name. Records
marked `"required": false` are neither demanded nor penalised. Pure: gold and payload in, a `Score` out.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from . import payload as api
from .names import agreement_similarity, person_key, words

AGREEMENT_THRESHOLD = 0.75


@dataclass
class Table:
    tp: int
    fp: int
    fn: int
    attributes: dict[str, float | None] = field(default_factory=dict)
    details: dict[str, list[str]] = field(default_factory=dict)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class Score:
    persons: Table
    meetings: Table
    agreements: Table

    @property
    def overall(self) -> float:
        return (self.persons.f1 + self.meetings.f1 + self.agreements.f1) / 3


def required(record: dict) -> bool:
    return record.get("required", True)


class Tally:
    """Attribute accuracy: right / scored."""

    def __init__(self, *names: str) -> None:
        self.counts = {name: [0, 0] for name in names}

    def add(self, name: str, right: bool) -> None:
        self.counts[name][0] += bool(right)
        self.counts[name][1] += 1

    def rates(self) -> dict[str, float | None]:
        return {k: (right / total if total else None) for k, (right, total) in self.counts.items()}


def _gold_ids(gold_persons: list[dict]) -> dict[frozenset, str]:
    ids: dict[frozenset, str] = {}
    for person in gold_persons:
        for name in [person["name"], *person.get("aliases", [])]:
            ids.setdefault(person_key(name), person["id"])
    return ids


def _resolve(ids: dict[frozenset, str], names: list[str]) -> str | None:
    return next((ids[person_key(n)] for n in names if person_key(n) in ids), None)


def _one_to_one(candidates: list[tuple]) -> dict[int, int]:
    """Greedy assignment, best candidate first: (score, required, -gold index, extracted index)."""
    gold_taken: dict[int, int] = {}
    extracted_taken: set[int] = set()
    for _, _, negative_gi, ei in sorted(candidates, reverse=True):
        if -negative_gi not in gold_taken and ei not in extracted_taken:
            gold_taken[-negative_gi] = ei
            extracted_taken.add(ei)
    return gold_taken


def _table(gold_records: list[dict], matched: dict[int, int], extracted_count: int) -> Table:
    tp = sum(1 for gi in matched if required(gold_records[gi]))
    fn = sum(1 for gi, g in enumerate(gold_records) if required(g) and gi not in matched)
    return Table(tp, extracted_count - len(matched), fn)


def score_persons(gold: dict, extracted: list[dict]) -> Table:
    ids, by_id = _gold_ids(gold["persons"]), {p["id"]: p for p in gold["persons"]}
    seen: dict[str, dict] = {}
    fp: list[str] = []
    for person in extracted:
        pid = _resolve(ids, api.person_names(person))
        if pid is None or pid in seen:
            fp.append(api.first(person, "name", default="?"))
        else:
            seen[pid] = person
    tally = Tally("full_name", "country", "office")
    for pid, person in seen.items():
        want = by_id[pid]
        tally.add("full_name", set(words(api.first(person, "name", default=""))) == set(words(want["name"])))
        tally.add("country", api.code(person.get("country")) == want["country"])
        if want.get("offices"):
            titles = [set(words(t)) for t in api.office_titles(person)]
            tally.add("office", any(set(w) <= t for w in want["offices"] for t in titles))
    missed = [p["name"] for p in gold["persons"] if required(p) and p["id"] not in seen]
    tp = sum(1 for pid in seen if required(by_id[pid]))
    return Table(tp, len(fp), len(missed), tally.rates(), {"false_positives": fp, "missed": missed})


def date_right(gold_meeting: dict, date: str | None) -> bool:
    if not date or len(date) < api.WIDTH[gold_meeting.get("min_precision", "day")]:
        return False
    common = min(len(date), len(gold_meeting["date"]))
    return date[:common] == gold_meeting["date"][:common]


def score_meetings(gold: dict, extracted: list[dict]) -> Table:
    ids = _gold_ids(gold["persons"])
    seen = []
    for meeting in extracted:
        people = [_resolve(ids, [api.participant_name(p)]) for p in meeting.get("participants") or []]
        seen.append(({p for p in people if p}, sum(p is None for p in people), api.meeting_date(meeting)))
    candidates = []
    for gi, g in enumerate(gold["meetings"]):
        want = set(g["participants"])
        for ei, (have, unknown, date) in enumerate(seen):
            shared = len(want & have)
            if shared < min(2, len(want)):
                continue
            bonus = (0.5 if g.get("date_scored", True) else 0.1) if date_right(g, date) else 0.0
            if g.get("country") and api.meeting_country(extracted[ei]) == g["country"]:
                bonus += 0.05
            candidates.append((shared / (len(want | have) + unknown) + bonus, required(g), -gi, ei))
    matched = _one_to_one(candidates)
    table = _table(gold["meetings"], matched, len(extracted))
    tally = Tally("date", "country", "participants_exact")
    for gi, ei in matched.items():
        g, (have, unknown, date) = gold["meetings"][gi], seen[ei]
        if not required(g):
            continue
        if g.get("date_scored", True):
            tally.add("date", date_right(g, date))
        if g.get("country"):
            tally.add("country", api.meeting_country(extracted[ei]) == g["country"])
        tally.add("participants_exact", have == set(g["participants"]) and unknown == 0)
    table.attributes = tally.rates()
    table.details = {
        "missed": [f'{g["id"]} {"+".join(g["participants"])} {g["date"]}' for gi, g in enumerate(gold["meetings"])
                   if required(g) and gi not in matched],
        "false_positives": ["+".join(api.participant_name(p) for p in extracted[ei].get("participants") or [])
                            for ei in set(range(len(extracted))) - set(matched.values())],
    }
    return table


def score_agreements(gold: dict, extracted: list[dict]) -> Table:
    candidates = []
    for gi, g in enumerate(gold["agreements"]):
        for ei, agreement in enumerate(extracted):
            best = max((agreement_similarity(a, b) for a in [g["name"], *g.get("aliases", [])]
                        for b in api.agreement_names(agreement)), default=0.0)
            if best >= AGREEMENT_THRESHOLD:
                candidates.append((best, required(g), -gi, ei))
    matched = _one_to_one(candidates)
    table = _table(gold["agreements"], matched, len(extracted))
    table.details = {
        "missed": [g["name"] for gi, g in enumerate(gold["agreements"]) if required(g) and gi not in matched],
        "false_positives": [api.first(extracted[ei], "name", "title", default="?")
                            for ei in set(range(len(extracted))) - set(matched.values())],
    }
    return table


def score(gold: dict, records: dict[str, list[dict]]) -> Score:
    """`records` holds what the API lists under "persons", "meetings" and "agreements"."""
    return Score(score_persons(gold, records["persons"]), score_meetings(gold, records["meetings"]),
                 score_agreements(gold, records["agreements"]))


def format_score(result: Score, verbose: bool = False) -> str:
    lines = [f"{'':12}{'P':>7}{'R':>7}{'F1':>7}   tp  fp  fn   attributes"]
    for name in ("persons", "meetings", "agreements"):
        t: Table = getattr(result, name)
        attributes = " ".join(f"{k}={v:.2f}" for k, v in t.attributes.items() if v is not None)
        lines.append(f"{name:12}{t.precision:7.2f}{t.recall:7.2f}{t.f1:7.2f}  {t.tp:3} {t.fp:3} {t.fn:3}   {attributes}")
        if verbose:
            lines += [f"  {name} {kind}: {item}" for kind, items in t.details.items() for item in items]
    lines.append(f"overall F1 {result.overall:.3f}")
    return "\n".join(lines)
