"""Possible duplicates for a curator to confirm (merge) or dismiss: persons and meetings likely to be one.

- persons: the same surname and the same country (or one of them without a country), or a shared alias;
- meetings: the same resolved participants within a few days of each other.
A dismissed pair never comes back.
"""
from __future__ import annotations

import datetime
from collections import defaultdict
from dataclasses import dataclass
from itertools import combinations

from events.models import DismissedPair, Meeting, Person

NEAR_DAYS = 3


@dataclass(frozen=True)
class Pair:
    kind: str  # "person" or "meeting"
    first: Person | Meeting
    second: Person | Meeting
    reason: str


def _surname(name: str) -> str:
    words = name.split()
    return words[-1].lower() if words else ""


def person_pairs() -> list[Pair]:
    persons = list(Person.objects.select_related("country").prefetch_related("aliases").order_by("pk"))
    groups: dict[tuple, set[int]] = defaultdict(set)
    by_pk = {p.pk: p for p in persons}
    for person in persons:
        groups[("surname", _surname(person.name))].add(person.pk)
        for alias in person.aliases.all():
            groups[("alias", alias.name.lower())].add(person.pk)
    found: dict[tuple[int, int], str] = {}
    for (why, key), pks in groups.items():
        for a, b in combinations(sorted(pks), 2):
            first, second = by_pk[a], by_pk[b]
            if why == "surname" and first.country_id and second.country_id and first.country_id != second.country_id:
                continue
            found.setdefault((a, b), f"same surname ({key})" if why == "surname" else f"shared alias ({key})")
    return [Pair("person", by_pk[a], by_pk[b], reason) for (a, b), reason in found.items()]


def meeting_pairs() -> list[Pair]:
    meetings = [m for m in Meeting.objects.prefetch_related("participants").order_by("date", "pk") if m.date]
    people = {m.pk: frozenset(p.person_id for p in m.participants.all() if p.person_id) for m in meetings}
    pairs = []
    for i, first in enumerate(meetings):
        for second in meetings[i + 1:]:
            if second.date - first.date > datetime.timedelta(days=NEAR_DAYS):
                break
            if len(people[first.pk]) >= 2 and people[first.pk] == people[second.pk]:
                pairs.append(Pair("meeting", first, second, f"same participants within {NEAR_DAYS} days"))
    return pairs


def possible_duplicates() -> list[Pair]:
    """Every likely pair that no curator has dismissed."""
    dismissed = set(DismissedPair.objects.values_list("kind", "first_uid", "second_uid"))
    return [pair for pair in [*person_pairs(), *meeting_pairs()]
            if (pair.kind, *sorted([pair.first.uid, pair.second.uid])) not in dismissed]


def dismiss(pair_kind: str, first, second, user=None) -> DismissedPair:
    """Record that two records are not one, so the pair is not proposed again."""
    low, high = sorted([first.uid, second.uid])
    dismissed, _ = DismissedPair.objects.get_or_create(kind=pair_kind, first_uid=low, second_uid=high,
                                                       defaults={"dismissed_by": user})
    return dismissed
