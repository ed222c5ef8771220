"""What the pipeline reads from the database before it writes: known people, and dated meetings to anchor on."""
from __future__ import annotations

import datetime
import json
import re
from collections.abc import Iterator, Mapping
from functools import lru_cache

from django.db import connection
from django.db.models import Prefetch, Q, QuerySet
from django.db.models.expressions import RawSQL

from events.extraction.gazetteer import Gazetteer
from events.extraction.recognise.cues import occasion_key
from events.extraction.resolve.article import AgreementCandidate
from events.extraction.resolve.matching import occasions_match
from events.extraction.resolve.meetings import MeetingCandidate
from events.extraction.resolve.people import KnownPerson
from events.models import Agreement, Country, DatePrecision, Meeting, Person, Tenure

# Name words looked up per article: enough for any article's people, and a bound on the query's size.
MAX_LOOKUP_WORDS = 500
NAME_PARTICLES = {"bin", "bint", "binti", "ibn", "van", "von", "der", "den", "dos", "del", "ter"}


def lexicon() -> Gazetteer:
    """The reference data with countries and organisations as the database holds them (names, aliases, demonyms
    a curator may have edited); cities and office titles from the data files."""
    rows = list(Country.objects.values("code", "name", "aliases", "demonyms", "kind").order_by("code"))
    # A database without its countries (flushed, never migrated with data) reads with the data files' names.
    return _lexicon_of(json.dumps(rows)) if rows else _lexicon_of("")


@lru_cache(maxsize=4)
def _lexicon_of(rows: str) -> Gazetteer:
    """One lexicon per content: commands over an unchanged database share it, and the patterns compiled from it."""
    return Gazetteer(countries=json.loads(rows)) if rows else Gazetteer()


class CountriesByCode(Mapping):
    """The countries by code, each with only what the records need of it (its id, and its code for their names).

    Read as (code, id) pairs, and a country made a model instance (as `.only("id", "code")` makes it) when the article
    names it: building all ~250 instances for every article, to use two or three, was 3% of an ingest (py-spy, 1,000
    generated articles); reading every column of them, with their JSON names, had been 4%.
    """

    def __init__(self):
        self.ids = dict(Country.objects.values_list("code", "id"))
        self.made: dict[str, Country] = {}
        self.db = Country.objects.db

    def __getitem__(self, code: str) -> Country:
        if code not in self.made:
            self.made[code] = Country.from_db(self.db, ["id", "code"], [self.ids[code], code])
        return self.made[code]

    def __contains__(self, code: object) -> bool:
        return code in self.ids

    def __iter__(self) -> Iterator[str]:
        return iter(self.ids)

    def __len__(self) -> int:
        return len(self.ids)


def countries() -> CountriesByCode:
    """The countries an article's records may name, read once per article."""
    return CountriesByCode()


def name_words(text: str) -> list[str]:
    """Words of a text that could be part of a person's name (capitalised, or a particle such as "von" or "bin"),
    in order of first appearance."""
    words = dict.fromkeys(w for w in re.findall(r"[^\W\d_][^\W\d_'-]{2,}", text)
                          if w[0].isupper() or w in NAME_PARTICLES)
    return list(words)[:MAX_LOOKUP_WORDS]


def known_people(text: str) -> list[KnownPerson]:
    """People whose name or an alias shares a word with the text: all a new article could mention.

    A name "shares a word" when the word stands in it between NAME_WORD_SEPARATORS, in any case. The database
    finds the candidates through the word indexes of migration 0013, so the cost grows with the people the article
    could name, not with all the persons stored; the same test is then applied to each candidate here.
    """
    words = name_words(text)
    if not words:
        return []
    shares_a_word = re.compile(rf"(^|{NAME_WORD_SEPARATORS})({'|'.join(words)})($|{NAME_WORD_SEPARATORS})",
                               re.IGNORECASE)
    posts = Prefetch("tenures", Tenure.objects.select_related("office").only("person_id", "office__title",
                                                                                "office__kind").order_by("pk"))
    people = (Person.objects.filter(pk__in=_sharing_a_word(words, shares_a_word.pattern))
              .select_related("country").prefetch_related("aliases", posts).order_by("pk"))
    return [
        KnownPerson(person.pk, person.name, aliases, person.country.code if person.country else "",
                    tuple(dict.fromkeys((t.office.title, t.office.kind) for t in person.tenures.all())))
        for person in people
        for aliases in [tuple(a.name for a in person.aliases.all())]
        if shares_a_word.search(person.name) or any(shares_a_word.search(alias) for alias in aliases)
    ]


# What separates the words of a name, as migration 0013's events_name_words splits names on PostgreSQL.
NAME_WORD_SEPARATORS = "[ .'-]"


def _sharing_a_word(words: list[str], pattern: str) -> RawSQL | QuerySet:
    """Ids of the persons whose name or an alias may share one of the words: at least all that do."""
    if connection.vendor == "postgresql":
        lowered = [word.lower() for word in words]
        split = "events_name_words(name)"  # the expression of the indexes: lowered, split at NAME_WORD_SEPARATORS
        return RawSQL(
            f"SELECT id FROM events_person WHERE {split} && %s::text[] "
            f"UNION SELECT person_id FROM events_personalias WHERE {split} && %s::text[]", [lowered, lowered])
    if connection.vendor == "sqlite":
        # FTS5 reads a quoted string as one word, whatever it holds; the words are letters only anyway.
        query = " OR ".join(f'"{word}"' for word in words)
        return RawSQL(
            "SELECT rowid FROM person_name_words WHERE person_name_words MATCH %s UNION "
            "SELECT person_id FROM events_personalias WHERE id IN "
            "(SELECT rowid FROM person_alias_name_words WHERE person_alias_name_words MATCH %s)", [query, query])
    # Another database: the same test, on every name.
    return Person.objects.filter(Q(name__iregex=pattern) | Q(aliases__name__iregex=pattern)).values("pk")


def known_agreements(candidates: list[AgreementCandidate]) -> list[Agreement]:
    """Stored agreements a candidate could be: sharing a word of its name, or a party. Parties prefetched."""
    words = {w for c in candidates for w in c.key if len(w) >= 3 and w.isalpha()}
    parties = {p for c in candidates for p in c.parties}
    if not words and not parties:
        return []
    query = Q(parties__code__in=parties)
    if words:
        query |= Q(name__iregex=r"(^|[ .'-])(" + "|".join(sorted(words)[:MAX_LOOKUP_WORDS]) + r")")
    return list(Agreement.objects.filter(query).distinct().prefetch_related("parties").order_by("pk"))


def anchor_date(meetings: list[MeetingCandidate]) -> datetime.date | None:
    """An undated article that reports a known, dated event can be dated by it.

    "are scheduled to hold the third round of the 2+2 on Tuesday evening", with the 2+2 already known to
    be on Tuesday 20 August 2024, puts the article's "now" on that day.
    """
    dated = None
    for candidate in meetings:
        if not candidate.occasion:
            continue
        mention = candidate.date_mention
        # Only words that need a "now" can be anchored, and only when they agree with the known date.
        if mention is None or mention.kind not in {"weekday", "month_day", "day_month"}:
            continue
        if dated is None:
            # Read only for an article that can be anchored: it grows with the database.
            dated = list(Meeting.objects.exclude(occasion="").filter(date_precision=DatePrecision.DAY))
        for meeting in dated:
            if not occasions_match(candidate.occasion.key, occasion_key(meeting.occasion)):
                continue
            if mention.weekday is not None and mention.weekday != meeting.date.weekday():
                continue
            if mention.day is not None and (mention.month, mention.day) != (meeting.date.month, meeting.date.day):
                continue
            return meeting.date
    return None
