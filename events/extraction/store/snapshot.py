"""What the pipeline reads from the database before it writes: known people, and dated meetings to anchor on."""
from __future__ import annotations

import datetime
import json
import re
from collections.abc import Iterator, Mapping
from functools import lru_cache

from django.db import connection
from django.db.models import Prefetch, Q, QuerySet, TextField
from django.db.models.expressions import RawSQL
from django.db.models.functions import Cast

from events.extraction.gazetteer import Gazetteer, gazetteer
from events.extraction.recognise.agreements import agreement_key
from events.extraction.recognise.cues import occasion_key
from events.extraction.resolve.article import AgreementCandidate
from events.extraction.resolve.matching import AgreementFacts, occasions_match, same_agreement
from events.extraction.resolve.meetings import MeetingCandidate
from events.extraction.resolve.people import KnownPerson
from events.models import Agreement, Country, DatePrecision, Meeting, Person, PersonAlias, Tenure

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
    # As values, not models: the candidates grow with the people stored who share a common name word, and building a
    # Person, its Country (every column, JSON names included), its aliases and tenures for each was most of this read
    # (py-spy, 1,700 generated articles). The same three queries, in the orders the prefetches read them.
    people = list(Person.objects.filter(pk__in=_sharing_a_word(words, shares_a_word.pattern))
                  .order_by("pk").values_list("pk", "name", "country__code"))
    aliases: dict[int, list[str]] = {}
    posts: dict[int, list[tuple[str, str]]] = {}
    if people:
        ids = [pk for pk, _, _ in people]
        for person_id, alias in PersonAlias.objects.filter(person_id__in=ids).values_list("person_id", "name"):
            aliases.setdefault(person_id, []).append(alias)
        for person_id, title, kind in (Tenure.objects.filter(person_id__in=ids).order_by("pk")
                                       .values_list("person_id", "office__title", "office__kind")):
            posts.setdefault(person_id, []).append((title, kind))
    return [
        KnownPerson(pk, name, names, code or "", tuple(dict.fromkeys(posts.get(pk, ()))))
        for pk, name, code in people
        for names in [tuple(aliases.get(pk, ()))]
        if shares_a_word.search(name) or any(shares_a_word.search(alias) for alias in names)
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
    """Stored agreements a candidate could be: those of one of its parties, and those sharing a word of its name
    (only those with no parties, when every candidate has parties); of them, the ones whose names and parties agree
    with a candidate's (same_agreement). Parties prefetched."""
    words = {w for c in candidates for w in c.key if len(w) >= 3 and w.isalpha()}
    parties = {p for c in candidates for p in c.parties}
    if not words and not parties:
        return []
    # The parties' agreements as a subquery, not a join: joined, each agreement came once per party, each time
    # through the name's pattern (a Python call per row on SQLite), and needed a DISTINCT.
    links = Agreement.parties.through.objects
    query = Q(pk__in=links.filter(country__code__in=parties).values("agreement_id"))
    if words:
        by_name = Q(name__iregex=r"(^|[ .'-])(" + "|".join(sorted(words)[:MAX_LOOKUP_WORDS]) + r")")
        if all(c.parties for c in candidates):
            # A candidate with parties is never an agreement whose parties are all other countries (same_agreement):
            # those sharing one of its parties are read above, so by name only the agreements with no parties are
            # left to find. Read by name whatever their parties, the common words of agreement names ("agreement",
            # "cooperation") made the pool most of the database (py-spy: known_agreements 11.5% of an ingest at
            # 27,000 generated articles, most of it this pool).
            by_name = ~Q(pk__in=links.values("agreement_id")) & by_name
        query |= by_name
    # Those agreements read as names first, and made models (with their parties) only when a name of theirs agrees
    # with a candidate's, which same_agreement asks before the parties: sharing a country or a common word such as
    # "cooperation", they grew with the database, and building each with its parties' every column was 8% of an
    # ingest at 1,500 articles and rising (py-spy). The aliases are read as their JSON text, and each stored
    # agreement's names made keys once per process (_name_keys): decoding every row's JSON and keying its names
    # again was 5% of an ingest at 27,000 generated articles.
    keys = [c.key for c in candidates]
    pool = (Agreement.objects.filter(query).order_by("pk")
            .values_list("pk", "name", Cast("aliases", output_field=TextField())))
    names_of = {pk: _name_keys(gazetteer(), name, aliases) for pk, name, aliases in pool}
    named = {pk: names for pk, names in names_of.items() if any(_names_agree(n, key) for n in names for key in keys)}
    if not named:
        return []
    # Of those, only the ones whose parties agree too (same_agreement, as persist.find_agreement asks it): names such
    # as "Agreement on Trade Cooperation" are every pair's, and building each pair's as a model with its parties was
    # 9% of an ingest at 27,000 generated articles (py-spy), growing with the database.
    codes_of: dict[int, set[str]] = {pk: set() for pk in named}
    for pk, code in links.filter(agreement_id__in=named).values_list("agreement_id", "country__code"):
        codes_of[pk].add(code)
    facts = [c.facts() for c in candidates]
    ids = [pk for pk, names in named.items()
           if any(same_agreement(AgreementFacts(n, frozenset(codes_of[pk])), f) for n in names for f in facts)]
    if not ids:
        return []
    codes = Prefetch("parties", queryset=Country.objects.only("id", "code"))
    return list(Agreement.objects.filter(pk__in=ids).prefetch_related(codes).order_by("pk"))


@lru_cache(maxsize=8192)
def _agreement_key(lexicon: Gazetteer, name: str) -> frozenset[str]:
    """agreement_key of a stored name, under the lexicon it depends on (its place words)."""
    return agreement_key(name)


@lru_cache(maxsize=32768)
def _name_keys(lexicon: Gazetteer, name: str, aliases: str) -> tuple[frozenset[str], ...]:
    """The keys of a stored agreement's name and aliases (`aliases`: the JSON list as the database holds it)."""
    return tuple(_agreement_key(lexicon, n) for n in [name, *json.loads(aliases or "[]")])


def _names_agree(a: frozenset[str], b: frozenset[str]) -> bool:
    """same_agreement with the parties left out: what two names must do for their agreements to be one."""
    return same_agreement(AgreementFacts(a), AgreementFacts(b))


@lru_cache(maxsize=4096)
def _occasion_key(occasion: str) -> frozenset[str]:
    """occasion_key of a stored occasion: a database holds few distinct ones, each on many meetings."""
    return occasion_key(occasion)


def of_year(year: int, meeting: str = "") -> Q:
    """Meetings a candidate of `year` can be (same_meeting: dates are compatible only within one year), and the
    undated ones; `meeting` is the path to the meeting from another model ("meeting__")."""
    return (Q(**{f"{meeting}date__isnull": True})
            | Q(**{f"{meeting}date__gte": datetime.date(year, 1, 1), f"{meeting}date__lt": datetime.date(year + 1, 1, 1)}))


def occasions_matching(key: frozenset[str], year: int | None = None) -> list[str]:
    """The stored occasions (of meetings of `year` or undated, when given) that can be the occasion `key` names: those
    occasions_match allows, and those with no key of their own (which matching does not compare). One query, of the
    distinct occasions alone, whatever the number of meetings at them."""
    stored = Meeting.objects.exclude(occasion="")
    if year is not None:
        stored = stored.filter(of_year(year))
    occasions = stored.order_by().values_list("occasion", flat=True).distinct()
    return sorted(o for o in occasions if not _occasion_key(o) or occasions_match(key, _occasion_key(o)))


def anchor_date(meetings: list[MeetingCandidate]) -> datetime.date | None:
    """An undated article that reports a known, dated event can be dated by it.

    "are scheduled to hold the third round of the 2+2 on Tuesday evening", with the 2+2 already known to
    be on Tuesday 20 August 2024, puts the article's "now" on that day.
    """
    # Only words that need a "now" can be anchored, and only when they agree with the known date.
    anchorable = [c for c in meetings if c.occasion and c.date_mention is not None
                  and c.date_mention.kind in {"weekday", "month_day", "day_month"}]
    if not anchorable:
        return None
    # Read only for an article that can be anchored, and of the meetings with a day and an occasion only those at an
    # occasion one of its candidates can be at: all of them, read for each such article, grew with the database.
    # In the order of reading them all, so the first that dates the article is the one it was.
    day = Meeting.objects.exclude(occasion="").filter(date_precision=DatePrecision.DAY)
    occasions = sorted(o for o in day.order_by().values_list("occasion", flat=True).distinct()
                       if any(occasions_match(c.occasion.key, _occasion_key(o)) for c in anchorable))
    dated = list(day.filter(occasion__in=occasions))
    for candidate in anchorable:
        mention = candidate.date_mention
        for meeting in dated:
            if not occasions_match(candidate.occasion.key, _occasion_key(meeting.occasion)):
                continue
            if mention.weekday is not None and mention.weekday != meeting.date.weekday():
                continue
            if mention.day is not None and (mention.month, mention.day) != (meeting.date.month, meeting.date.day):
                continue
            return meeting.date
    return None
