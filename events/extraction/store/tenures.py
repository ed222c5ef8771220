"""When an article shows a person in an office: the tenure's first and last sightings, and the end of a tenure
whose one-holder office a later article shows someone else holding.

What counts as a sighting: the day of a held meeting the person took part in, in the article that gives them the
title; failing any, the article's date of publication. An article without either says nothing about when.
"""
from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.utils import timezone
from simple_history.utils import get_history_manager_for_model

from events.extraction.report import ArticleResult
from events.extraction.store.reasons import ingest_reason
from events.models import Article, Country, DatePrecision, Meeting, Office, Person, ReviewState, Tenure
from events.models.base import period_end, period_start

# What this step writes of a tenure.
SIGHTING_FIELDS = ["seen_from", "seen_from_precision", "seen_until", "seen_until_precision", "ended_by",
                   "ended_by_precision", "updated_at"]

# Of two sightings starting the same day ("March 2024", "1 March 2024"), the coarser is kept, first or last: it says
# no more than is known.
COARSENESS = {DatePrecision.YEAR: 0, DatePrecision.MONTH: 1, DatePrecision.DAY: 2}


@dataclass(frozen=True)
class Seen:
    """A day (or the month or year) a person was seen in an office."""

    date: datetime.date
    precision: str

    @property
    def start(self) -> datetime.date:
        return period_start(self.date, self.precision)

    @property
    def end(self) -> datetime.date:
        return period_end(self.date, self.precision)

    def first_key(self) -> tuple[datetime.date, int]:
        """Order for the earliest sighting: by the day its period starts, the coarser before the finer."""
        return (self.start, COARSENESS[self.precision])

    def last_key(self) -> tuple[datetime.date, int]:
        """Order for the latest sighting: by the day its period starts (all that is sure of it), the coarser after."""
        return (self.start, -COARSENESS[self.precision])

    def before(self, other: Seen) -> bool:
        """Certainly earlier: this period is over before the other begins ("March 2024" is not before 20 March)."""
        return self.end < other.start


def stored(date: datetime.date | None, precision: str) -> Seen | None:
    return Seen(date, precision or DatePrecision.DAY) if date else None


class Sightings:
    """An article's tenures and the days it shows their holders, written once its meetings are saved."""

    def __init__(self, article: Article):
        self.article = article
        self.tenures: dict[int, Tenure] = {}
        self.holders: dict[int, list[Tenure]] = {}  # person id -> the tenures the article gives them
        self.evidence: dict[int, str] = {}
        self.met: dict[int, set[Seen]] = {}  # person id -> days of held meetings they took part in

    def held(self, person: Person, tenure: Tenure, office: Office, country: Country | None, evidence: str) -> None:
        """The article gives the person the office of this tenure (in `country`, None for an office without one)."""
        if tenure.pk in self.tenures:
            return
        # What the records already read stands in for their relations, so naming the tenure in the report costs no
        # query: the office was got or created with this very country.
        tenure.person, tenure.office = person, office
        if country is not None and office.country_id == country.pk:
            office.country = country
        self.tenures[tenure.pk] = tenure
        self.holders.setdefault(person.pk, []).append(tenure)
        self.evidence[tenure.pk] = evidence

    def meeting(self, meeting: Meeting, people: list[Person], planned: bool) -> None:
        """The people took part in the meeting: on its day, they held the offices the article gives them."""
        if planned or meeting.status != Meeting.Status.HELD or meeting.date is None:
            return
        if self.article.published and meeting.date > self.article.published:
            return  # not yet held when the article was written, whatever the record says
        for person in people:
            self.met.setdefault(person.pk, set()).add(Seen(meeting.date, meeting.date_precision))

    def days(self, person_id: int) -> list[Seen]:
        """The days the article shows the person in their offices."""
        if self.met.get(person_id):
            return list(self.met[person_id])
        return [Seen(self.article.published, DatePrecision.DAY)] if self.article.published else []

    def write(self, result: ArticleResult) -> None:
        """Save the tenures whose sightings or end the article changes (a query each, and one for their versions),
        and one query to read the other holders of the article's one-holder offices."""
        changed: dict[int, Tenure] = {}
        for person_id, tenures in self.holders.items():
            days = self.days(person_id)
            if not days:
                continue  # undated: nothing to record, nothing to end
            for tenure in tenures:
                if self._see(tenure, min(days, key=Seen.first_key), max(days, key=Seen.last_key), result):
                    changed[tenure.pk] = tenure
        changed.update((tenure.pk, tenure) for tenure in self._ended(result))
        if not changed:
            return
        now = timezone.now()
        for tenure in changed.values():
            tenure.updated_at = now  # what save() would set (auto_now)
            # Only the fields this step decides: a tenure read here without a row lock (another holder's, in _ended)
            # no longer has its other columns written back. An UPDATE each, not bulk_update, whose CASE for every
            # field cost more to build than the queries it saved (py-spy).
            Tenure.objects.filter(pk=tenure.pk).update(**{field: getattr(tenure, field) for field in SIGHTING_FIELDS})
        # Their versions in one insert, not one each through save()'s signals (2.4 changed tenures an article, 200
        # generated articles).
        get_history_manager_for_model(Tenure).bulk_history_create(
            list(changed.values()), update=True, default_change_reason=ingest_reason(self.article), default_date=now)

    # ------------------------------------------------------------------------- first and last sightings

    def _see(self, tenure: Tenure, first: Seen, last: Seen, result: ArticleResult) -> bool:
        """Widen the tenure's sightings to the article's; True when it changed."""
        if tenure.is_protected:
            return False  # a curator's decision: the article is its source and nothing more
        seen_from = stored(tenure.seen_from, tenure.seen_from_precision)
        seen_until = stored(tenure.seen_until, tenure.seen_until_precision)
        ended_by = stored(tenure.ended_by, tenure.ended_by_precision)
        new_from, new_until = seen_from, seen_until
        if _writable(tenure, "seen_from") and (seen_from is None or first.first_key() < seen_from.first_key()):
            new_from = first
        if ended_by is not None and not last.before(ended_by):
            # Seen again once another holder had the office (a return, a wrong date, two people taken for one): one
            # tenure cannot say it, so the curator is told and the sightings are not stretched over the other's.
            result.note("tenure", str(tenure), "after_end", self.evidence.get(tenure.pk, ""))
        elif _writable(tenure, "seen_until") and (seen_until is None or last.last_key() > seen_until.last_key()):
            new_until = last
        if new_from is not None and new_until is not None and new_until.start < new_from.start:
            return False  # only a curator's lock on the other bound gets here: theirs stands
        if (new_from, new_until) == (seen_from, seen_until):
            return False
        for field, seen in (("seen_from", new_from), ("seen_until", new_until)):
            if seen is not None:
                setattr(tenure, field, seen.start)
                setattr(tenure, f"{field}_precision", seen.precision)
        return True

    # ------------------------------------------------------------------------- one holder at a time

    def _ended(self, result: ArticleResult) -> list[Tenure]:
        """Tenures of the article's one-holder offices that another holder's later sighting ends; overlapping
        sightings are reported instead. Both ways: an article about the earlier holder may come second."""
        offices = {t.office_id for t in self.tenures.values() if _one_holder(t.office) and t.seen_from}
        if not offices:
            return []
        # One query for every holder of those offices the database knows: the comparison needs them all. Offices of
        # an organisation ("President" of the EU is two posts) are no country's.
        holders = list(Tenure.objects.filter(office_id__in=offices, office__country__kind=Country.Kind.COUNTRY)
                       .exclude(review_state=ReviewState.REJECTED).select_related("person", "office__country")
                       .order_by("pk"))
        # The article's own tenures as it has just changed them (saved after this).
        holders = [self.tenures.get(t.pk, t) for t in holders]
        ended: list[Tenure] = []
        compared: set[frozenset[int]] = set()
        for tenure in holders:
            if tenure.pk not in self.tenures:
                continue
            for other in holders:
                pair = frozenset({tenure.pk, other.pk})
                if other.office_id != tenure.office_id or other.person_id == tenure.person_id or pair in compared:
                    continue
                compared.add(pair)
                order = _order(tenure, other)
                if order is None:
                    if _sighted(tenure) and _sighted(other):
                        result.note("tenure", f"{tenure} and {other}", "overlap", self.evidence.get(tenure.pk, ""))
                    continue
                earlier, later = order
                if _end_by(earlier, later):
                    ended.append(earlier)
                    result.note("tenure", str(earlier), "ended", self.evidence.get(tenure.pk, ""))
        return ended


def _writable(tenure: Tenure, field: str) -> bool:
    return not (tenure.is_locked(field) or tenure.is_locked(f"{field}_precision"))


def _one_holder(office: Office) -> bool:
    return office.kind in Office.ONE_HOLDER_KINDS and office.country_id is not None


def _sighted(tenure: Tenure) -> bool:
    return tenure.seen_from is not None and tenure.seen_until is not None


def _order(a: Tenure, b: Tenure) -> tuple[Tenure, Tenure] | None:
    """The tenure all of whose sightings come before all of the other's, then the other; None when their sightings
    overlap (or their order is not certain), or either has none: an undated tenure never ends, nor ends another."""
    if not (_sighted(a) and _sighted(b)):
        return None
    if stored(a.seen_until, a.seen_until_precision).before(stored(b.seen_from, b.seen_from_precision)):
        return a, b
    if stored(b.seen_until, b.seen_until_precision).before(stored(a.seen_from, a.seen_from_precision)):
        return b, a
    return None


def _end_by(earlier: Tenure, later: Tenure) -> bool:
    """Record that `earlier` had ended by `later`'s first sighting, unless it says so already or more tightly, has
    an end of its own, or a curator owns it; True when it changed."""
    if earlier.is_protected or earlier.end_date is not None or not _writable(earlier, "ended_by"):
        return False
    successor = stored(later.seen_from, later.seen_from_precision)
    known = stored(earlier.ended_by, earlier.ended_by_precision)
    if known is not None and known.end <= successor.end:
        return False  # the tightest bound is the period that is over first: "10 June" beats "June"
    earlier.ended_by, earlier.ended_by_precision = successor.start, successor.precision
    return True
