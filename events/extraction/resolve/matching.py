"""Whether two records are one: the same meeting, the same agreement.

The one place these questions are decided. The mentions of one article are merged with it, and the store stage asks it
again of what the database holds, so an article and the database never disagree on what "the same meeting" means.
"""
from __future__ import annotations

import datetime
from collections.abc import Hashable
from dataclasses import dataclass

from events.extraction.gazetteer import gazetteer
from events.extraction.text.dates import DateMention, ResolvedDate

IN_PERSON_KINDS = {"", "in_person", "summit_sidelines", "dialogue", "summit", "visit"}


@dataclass(frozen=True)
class MeetingFacts:
    """What decides whether two reports are of one meeting, whether they come from an article or the database."""

    kind: str
    participants: frozenset[Hashable]  # article person indexes, or database ids: comparable within one call
    date: ResolvedDate | None = None
    date_explicit: bool = True  # read from the meeting's own words (or stored), not inherited from its context
    country: str = ""
    city: str = ""
    occasion: frozenset[str] = frozenset()  # occasion_key() of the event's name
    date_mention: DateMention | None = None  # the words of a date no reference could resolve
    # A stored meeting's: people a curator took out of it (removed, or replaced by another person). Reports made
    # before the correction, and later ones repeating their error, still name them.
    former: frozenset[Hashable] = frozenset()


def same_meeting(a: MeetingFacts, b: MeetingFacts) -> bool:
    """Nothing tells them apart, and they share their people: all of the smaller side's (two at least), or, at one
    named occasion, any (but two pairs on a summit's sidelines are two bilaterals). Someone a curator took out of one
    still counts as at it when the other names them: without that, a report of the meeting as first read would no
    longer be of it, and would make it again."""
    if not kinds_compatible(a.kind, b.kind) or _dates_conflict(a, b) or _places_conflict(a, b):
        return False
    people_a = a.participants | (a.former & b.participants)
    people_b = b.participants | (b.former & a.participants)
    if a.occasion and b.occasion:
        if not occasions_match(a.occasion, b.occasion) or _two_bilaterals(a, b, people_a, people_b):
            return False
        return not (people_a and people_b) or bool(people_a & people_b)
    small, large = sorted((people_a, people_b), key=len)
    return len(small) >= 2 and small <= large


def _two_bilaterals(a: MeetingFacts, b: MeetingFacts, people_a: frozenset, people_b: frozenset) -> bool:
    """ "X met Y on the sidelines of the summit. Separately, Y and Z held a bilateral meeting": on a multilateral
    occasion's sidelines, two pairs with one person in common are two meetings, not one of three people. (At a
    two-country occasion, "the Kenya-Tanzania summit", reports naming different people of a side are one meeting.)"""
    sidelines = "summit_sidelines" in (a.kind, b.kind)
    return sidelines and len(people_a) == 2 and len(people_b) == 2 and len(people_a & people_b) == 1


def kinds_compatible(a: str, b: str) -> bool:
    return a == b or "" in (a, b) or (a in IN_PERSON_KINDS and b in IN_PERSON_KINDS)


def occasions_match(a: frozenset[str], b: frozenset[str]) -> bool:
    """Occasions agree when they share a distinctive word and no number tells them apart. The same words are the same
    occasion even when all are place names ("the India-Japan summit")."""
    numbers_a, numbers_b = {w for w in a if w.isdigit()}, {w for w in b if w.isdigit()}
    if numbers_a and numbers_b and not numbers_a & numbers_b:
        return False
    if a and a == b:
        return True
    shared = a & b
    distinctive = {w for w in shared - numbers_a if not gazetteer().is_place_word(w)}
    return bool(distinctive) or len(shared) >= 3


def _dates_conflict(a: MeetingFacts, b: MeetingFacts) -> bool:
    # An inherited date is the article's time, good to the year only: "During the call, ..." may look back weeks to a
    # call the article dated, but not to another year's.
    if a.date is not None and b.date is not None:
        return not _as_trusted(a).compatible(_as_trusted(b))
    if a.date is None and b.date is None and a.date_mention and b.date_mention \
            and a.date_mention.kind != "relative" and b.date_mention.kind != "relative":
        # With no reference date, "on Monday" and "on Tuesday evening" still tell two meetings apart; "over the next
        # two days" in a quote says nothing of when either took place.
        fields = ("kind", "year", "month", "day", "weekday", "relative")
        return any(getattr(a.date_mention, f) != getattr(b.date_mention, f) for f in fields)
    return False


def _as_trusted(facts: MeetingFacts) -> ResolvedDate:
    date = facts.date
    if facts.date_explicit:
        return date
    return ResolvedDate(datetime.date(date.date.year, 1, 1), "year", date.text)


def _places_conflict(a: MeetingFacts, b: MeetingFacts) -> bool:
    return bool(a.country and b.country and a.country != b.country) or bool(a.city and b.city and a.city != b.city)


@dataclass(frozen=True)
class AgreementFacts:
    key: frozenset[str]  # agreement_key() of a name or alias
    parties: frozenset[str] = frozenset()  # country codes


def same_agreement(a: AgreementFacts, b: AgreementFacts) -> bool:
    """Names that agree (one's words inside the other's, at least half of them), between the same parties: one pair's
    "Strategic Partnership" is not another pair's."""
    small, large = sorted((a.key, b.key), key=len)
    names_agree = small == large or (len(small) >= 2 and small <= large and len(small) / len(large) >= 0.5)
    if not names_agree:
        return False
    if a.parties and b.parties:
        return len(a.parties & b.parties) >= min(2, len(a.parties), len(b.parties))
    return True
