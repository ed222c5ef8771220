"""The one step that writes: an article's extraction into the database, merged with what is there.

Runs inside the caller's transaction. Never writes a field a curator locked (a meeting's "participants", an agreement's
"parties" and "meetings" included), nor anything but a new source into a verified or rejected record (participants
and links included). A locked list drives nothing either: a kept meeting link dates no agreement, and someone a
meeting's locked participants keep out is not seen in office on its day.
"""
from __future__ import annotations

import datetime
from collections.abc import Iterable, Sequence

from django.db import connection, models
from django.db.models import Q
from simple_history.utils import bulk_create_with_history, update_change_reason

from events.extraction.recognise.agreements import agreement_key
from events.extraction.recognise.cues import occasion_key
from events.extraction.recognise.titles import TitleMention
from events.extraction.report import ArticleResult
from events.extraction.resolve.article import AgreementCandidate, SentenceFacts
from events.extraction.resolve.matching import AgreementFacts, MeetingFacts, same_agreement, same_meeting
from events.extraction.resolve.meetings import MeetingCandidate
from events.extraction.resolve.people import ArticlePerson, full_name, name_tokens, unaccented
from events.extraction.store import snapshot
from events.extraction.store.evidence import (
    agreement_evidence,
    meeting_evidence,
    person_evidence,
    tenure_evidence,
)
from events.extraction.store.reasons import ingest_reason
from events.extraction.store.tenures import Sightings
from events.extraction.text.dates import ResolvedDate
from events.models import (
    Agreement,
    AgreementMeeting,
    AgreementSource,
    Article,
    Country,
    Meeting,
    MeetingSource,
    Office,
    Participant,
    Person,
    PersonAlias,
    PersonSource,
    Tenure,
    TenureSource,
)
from events.models.base import Extracted
from events.models.meetings import meeting_title

MIN_PARTICIPANTS = 2


class Sources:
    """An article's sources, kept until the article's records are written, then inserted in one query per kind.

    The article is new in this transaction (the pipeline has just created it), so none of its sources exists yet:
    `get_or_create` asked the database each time for a row it could not hold, and a record the article names twice
    keeps its first evidence here as it did there.
    """

    def __init__(self, article: Article):
        self.article = article
        self.rows: dict[tuple[type[models.Model], int], models.Model] = {}

    def add(self, model: type[models.Model], record: models.Model, fields: dict) -> None:
        self.rows.setdefault((model, record.pk), model(record=record, article=self.article, **fields))

    def write(self) -> None:
        kinds: dict[type[models.Model], list[models.Model]] = {}
        for (model, _), row in self.rows.items():
            kinds.setdefault(model, []).append(row)
        for model, rows in kinds.items():
            model.objects.bulk_create(rows)
        self.rows.clear()


def _add_source(sources: Sources | None, model: type[models.Model], record: models.Model, article: Article,
                fields: dict) -> None:
    if sources is None:  # a caller outside save_extraction: at once
        model.objects.get_or_create(record=record, article=article, defaults=fields)
    else:
        sources.add(model, record, fields)


def save_extraction(article: Article, extraction, result: ArticleResult) -> None:
    countries = snapshot.countries()
    facts = extraction.analysis.facts
    # Sources went in with two to four queries each (get_or_create), some 11 of an article's 65 (200 generated
    # articles, SQLite): now one insert per kind, once the records are written.
    sources = Sources(article)
    # When the article shows each person in their offices: gathered as persons and meetings are saved, written last.
    sightings = Sightings(article)
    records = PersonRecords([p.known.key for p in extraction.persons if p.known is not None])
    persons = {p.index: save_person(p, article, countries, result, facts, sources, sightings, records)
               for p in extraction.persons}
    # Read once per article, not once per agreement, and only those the article's agreements could be.
    known_agreements = snapshot.known_agreements(extraction.agreements)
    agreements = {a.name: save_agreement(a, article, countries, result, known_agreements, facts, sources)
                  for a in extraction.agreements}
    for candidate in extraction.meetings:
        if len(candidate.participants) < MIN_PARTICIPANTS:
            continue  # a meeting is of named people: "the foreign ministers of the two countries met" names nobody
        meeting = save_meeting(candidate, article, persons, extraction.analysis.people.persons, countries, result,
                               facts, sources, records)
        people = [persons[i] for i in candidate.participants]
        if meeting.is_locked("participants"):
            # Whom the curator's list (or a verified meeting) keeps out was not at the meeting, by their word: its day
            # shows them in no office. One query, only for such a meeting.
            present = set(meeting.participants.values_list("person_id", flat=True))
            people = [person for person in people if person.pk in present]
        sightings.meeting(meeting, people, candidate.planned)
        for name in candidate.agreements:
            for agreement in {agreements.get(name)} - {None}:
                if meeting.is_protected or agreement.is_protected:
                    continue  # a curator has decided on it: the link is theirs to make
                if agreement.is_locked("meetings") and not AgreementMeeting.objects.filter(
                        agreement=agreement, meeting=meeting).exists():
                    # The curator decided at which meetings it was discussed: a link they removed stays out.
                    result.note("meeting link", f"{agreement} at {meeting}", "locked", candidate.sentences[0].text)
                    continue
                signed = agreement.status == Agreement.Status.SIGNED
                role = AgreementMeeting.Role.SIGNED if signed else AgreementMeeting.Role.DISCUSSED
                link, made = AgreementMeeting.objects.get_or_create(agreement=agreement, meeting=meeting,
                                                                    defaults={"role": role})
                if made:
                    update_change_reason(link, ingest_reason(article))
                if not (signed and meeting.date and agreement.signed_date is None):
                    continue
                if agreement.is_locked("meetings"):
                    # The links are the curator's, the ones kept too: what the article reads into one (signed there,
                    # so on that day) is no longer the ingest's to act on. The curator is told.
                    result.note("signing date", f"{agreement} at {meeting}", "locked", candidate.sentences[0].text)
                elif not agreement.is_locked("signed_date"):
                    # Signed at the meeting the same sentence reports: the meeting's date is the signing date.
                    agreement.signed_date, agreement.signed_precision = meeting.date, meeting.date_precision
                    _save(agreement, article, update_fields=["signed_date", "signed_precision"])
    sightings.write(result)
    sources.write()


def _save(record, article: Article, **kwargs) -> None:
    """Save with the article named as the reason in the record's history; a new extracted record gets its stable
    uid."""
    if record._state.adding and isinstance(record, Extracted):
        record.give_stable_uid()
    record._change_reason = ingest_reason(article)
    record.save(**kwargs)


def _hold(record: models.Model, *related: str) -> None:
    """Re-read a found record and lock its row until the article's transaction ends (PostgreSQL; SQLite has one
    writer at a time). The ingest saves every field of what it read: without the lock, a curator's edit committed
    between that read and the save was written over with the old values, and the field's lock with it.

    On SQLite there is nothing to re-read: a transaction reads one snapshot from its first query to its end (and a
    write after another connection's commit fails instead of writing over it), so the record as read is the record
    as it is. The re-read, and the re-read of a found meeting's participants it led to, cost a query or two for
    each record an article finds (0.2 of an article's 43 queries, 50 generated articles after 200; more as the
    database fills and reports find more)."""
    if connection.vendor == "sqlite":
        return
    record.refresh_from_db(from_queryset=_for_update(type(record), *related))


def _for_update(model: type[models.Model], *related: str) -> models.QuerySet:
    """The rows of `model` (with `related` read along), locked as they are read until the transaction ends."""
    return model._base_manager.select_for_update(of=("self",)).select_related(*related)


def _protected(kind: str, record, evidence: str, result: ArticleResult) -> bool:
    """A verified or rejected record gains the article as a source and nothing else; the report says so."""
    if record.is_protected:
        result.note(kind, f"{record} ({record.review_state})", "protected", evidence)
    return record.is_protected


def _set(record, field: str, value) -> bool:
    """Write a field unless a curator owns it; True when it changed."""
    if value in (None, "") or record.is_locked(field) or getattr(record, field) == value:
        return False
    setattr(record, field, value)
    return True


# ----------------------------------------------------------------------------- people

class PersonRecords:
    """The stored persons an article names, with what saving each reads of them (aliases, tenures and their
    offices), kept current as the article writes them. The persons the resolve stage matched are read together, in
    three queries, each row locked until the article's transaction ends; one found by name is read alone. Each was
    four queries or more (7.5 of an article's 34, 100 generated articles after 900)."""

    def __init__(self, keys: Iterable[int] = ()):
        self.records: dict[int, Person] = {}
        self.aliases: dict[int, set[str]] = {}  # lower-cased
        self.tenures: dict[int, list[Tenure]] = {}
        self._read(keys, persons=True)

    def find(self, person: ArticlePerson) -> Person | None:
        """The stored person the article's person is (held, as _hold holds a record), or None."""
        if person.known is not None:
            self._read([person.known.key], persons=True)
            return self.records.get(person.known.key)
        record = find_person(person)
        if record is None:
            return None
        if record.pk in self.records:  # named earlier in the article: the record as it has been held and written
            return self.records[record.pk]
        _hold(record, "country")
        self.records[record.pk] = record
        self._read([record.pk], persons=False)
        return record

    def created(self, record: Person) -> None:
        """A person the article made: no aliases or tenures but those it gives them."""
        self.records[record.pk], self.aliases[record.pk], self.tenures[record.pk] = record, set(), []

    def tenure(self, record: Person, office: Office) -> Tenure | None:
        return next((t for t in self._ordered(record) if t.office_id == office.pk), None)

    def add_tenure(self, tenure: Tenure) -> None:
        self.tenures[tenure.person_id].append(tenure)

    def offices(self, record: Person) -> list[Office]:
        """The person's offices by their tenures, in a fixed order whatever the database: tenures sort by start date
        alone by default, and the NULL dates (first on SQLite, last on PostgreSQL) gave a participant another
        office on each database."""
        self._read([record.pk], persons=False)
        return [tenure.office for tenure in self._ordered(record)]

    def _ordered(self, record: Person) -> list[Tenure]:
        return sorted(self.tenures[record.pk], key=lambda t: (t.start_date is not None, t.start_date or 0, t.pk))

    def _read(self, keys: Iterable[int], persons: bool) -> None:
        keys = sorted(set(keys) - set(self.tenures))
        if not keys:
            return
        if persons:
            # With its country: the person's offices and participations read it, one query each otherwise.
            self.records.update((p.pk, p) for p in _for_update(Person, "country").filter(pk__in=keys))
        for key in keys:
            self.aliases[key], self.tenures[key] = set(), []
        for key, name in PersonAlias.objects.filter(person_id__in=keys).values_list("person_id", "name"):
            self.aliases[key].add(name.lower())
        for tenure in _for_update(Tenure, "office").filter(person_id__in=keys).order_by("pk"):
            self.tenures[tenure.person_id].append(tenure)


def find_person(person: ArticlePerson) -> Person | None:
    """The stored person an article's person the resolve stage did not match is, by name."""
    query = Q()
    # Full names when the article has one: a bare "Mohamed" or "Abdel Aziz" is anyone's (resolve.people.full_name).
    full = [name for name in person.names if full_name(name_tokens(name))]
    for name in full or person.names:
        query |= Q(aliases__name__iexact=name) | Q(name__iexact=name)
    hits = list(Person.objects.filter(query).select_related("country").distinct())
    if person.country:
        hits = [h for h in hits if not h.country or h.country.code == person.country] or hits
    return hits[0] if len(hits) == 1 else None


def save_person(person: ArticlePerson, article: Article, countries: dict, result: ArticleResult,
                facts: Sequence[SentenceFacts] = (), sources: Sources | None = None,
                sightings: Sightings | None = None, records: PersonRecords | None = None) -> Person:
    records = records if records is not None else PersonRecords()
    record = records.find(person)
    country = countries.get(person.country)
    created = record is None
    if record is None:
        record = Person(name=person.name, country=country)
        _save(record, article)
        records.created(record)
        result.note("person", record.name, "created", person.evidence)
    elif _protected("person", record, person.evidence, result):
        pass
    else:
        changed = False
        if len(name_tokens(person.name)) > len(name_tokens(record.name)):
            changed |= _set(record, "name", person.name)
        if record.country_id is None:
            changed |= _set(record, "country", country)
        if changed:
            _save(record, article)
        result.note("person", record.name, "merged", person.evidence)
    if not record.is_protected:
        existing = records.aliases[record.pk]
        # One alias per spelling whatever its case: "al-sudani" and "Al-Sudani" in one article are one name. A name
        # with accents is kept without them too, so an article (or a search) that writes "Cavusoglu" finds
        # "Çavuşoğlu": the database's lookup compares letters as written.
        names = [*person.names, *(unaccented(n) for n in person.names)]
        spellings = {name.lower(): name for name in reversed(names)}
        new = [PersonAlias(person=record, name=n) for key, n in reversed(spellings.items()) if key not in existing]
        if new:  # with none, bulk_create_with_history writes nothing but still builds a history manager (1% of a run)
            # With history: an alias an ingest adds is a change a curator can see on the person's history page.
            bulk_create_with_history(new, PersonAlias, default_change_reason=ingest_reason(article))
            existing.update(alias.name.lower() for alias in new)
    _add_source(sources, PersonSource, record, article, person_evidence(person, facts).source_fields())
    for title in person.titles:
        # With no country for the title nor the person (an IMF Managing Director), the office has none: the
        # title is kept rather than lost.
        office_country = countries.get(title.country) or record.country
        office = _office(title, office_country, None if created else records.offices(record))
        tenure = records.tenure(record, office)
        if tenure is None:
            tenure = Tenure(person=record, office=office)
            _save(tenure, article)
            records.add_tenure(tenure)
            result.note("tenure", str(tenure), "created", person.evidence)
        if sightings is not None:
            sightings.held(record, tenure, office, office_country, person.evidence)
        _add_source(sources, TenureSource, tenure, article, tenure_evidence(person, title, facts).source_fields())
    return record


def _office(title: TitleMention, country: Country | None, held: list[Office] | None) -> Office:
    """The post a title names: title, country and ministry (Office's identity). A title given without its ministry
    ("Vice Minister", where an earlier article said "Foreign Ministry Vice Minister") is the one post of that title the
    known holder already has (`held`: their offices), if exactly one; else the post with no ministry."""
    if not title.ministry and held is not None:
        country_id = country.pk if country is not None else None
        same = {office.pk: office for office in held if office.title == title.title and office.country_id == country_id}
        if len(same) == 1:
            return _with_country(next(iter(same.values())), country)
    office, _ = Office.objects.get_or_create(country=country, title=title.title, ministry=title.ministry,
                                             defaults={"kind": title.kind})
    return _with_country(office, country)


def _with_country(office: Office, country: Country | None) -> Office:
    """The office with the country it was read by standing in for its relation: a new tenure's uid names the
    office's country, which was read again (every column) for each office found rather than made."""
    if country is not None and office.country_id == country.pk:
        office.country = country
    return office


# ----------------------------------------------------------------------------- meetings

def stored_facts(meeting: Meeting, ever: frozenset[int] = frozenset()) -> MeetingFacts:
    """A stored meeting as matching sees it (participants by person id); `ever`: every person its participants have
    been, of whom those it no longer has are the ones a curator took out."""
    date = ResolvedDate(meeting.date, meeting.date_precision, meeting.date_text) if meeting.date else None
    participants = frozenset(p.person_id for p in meeting.participants.all() if p.person_id)
    return MeetingFacts(
        kind=meeting.kind, participants=participants,
        date=date, country=meeting.country.code if meeting.country_id else "", city=meeting.city,
        occasion=occasion_key(meeting.occasion) if meeting.occasion else frozenset(), former=ever - participants,
    )


def ever_participants(meetings: list[Meeting]) -> dict[int, frozenset[int]]:
    """Every person each meeting's participants have been, from their history, for the meetings whose participants a
    curator decided (locked): an ingest never takes a participant out, and a curator's removal or replacement (in the
    admin, by a revert) locks the list. One query, and none when no such meeting is among them."""
    curated = [meeting.pk for meeting in meetings if "participants" in meeting.locked_fields]
    ever: dict[int, set[int]] = {}
    if curated:
        rows = (Participant.history.filter(meeting_id__in=curated, person_id__isnull=False)
                .values_list("meeting_id", "person_id").distinct())
        for meeting_id, person_id in rows:
            ever.setdefault(meeting_id, set()).add(person_id)
    return {meeting_id: frozenset(people) for meeting_id, people in ever.items()}


def find_meeting(candidate: MeetingCandidate, people: set[int]) -> Meeting | None:
    # A dated candidate is no meeting of another year (same_meeting: dates are compatible only within one year),
    # so the meetings read for it, by occasion above all, do not grow with the years the database holds.
    year = candidate.date.date.year if candidate.date is not None else None
    query = Q(pk__in=shared_by_two(people, year))
    if candidate.occasion:
        query |= ~Q(occasion="")
    pool = Meeting.objects.filter(query).select_related("country").prefetch_related("participants")
    if year is not None:
        pool = pool.filter(snapshot.of_year(year))
    facts = candidate.facts(participants=frozenset(people))
    if facts.occasion:
        # Only meetings at an occasion that can be the candidate's: same_meeting tells two occasions apart before
        # anything else. Every meeting with an occasion (of the year) was read, with its participants, for every
        # candidate at one, and they grew with the database (py-spy, ingest of 1,700 generated articles).
        pool = pool.filter(Q(occasion="") | Q(occasion__in=snapshot.occasions_matching(facts.occasion, year)))
    pool = list(pool)
    ever = ever_participants(pool)
    hits = [m for m in pool if same_meeting(stored_facts(m, ever.get(m.pk, frozenset())), facts)]
    # The closest date first: a day beats a month beats nothing.
    hits.sort(key=lambda m: (m.date is None, {"day": 0, "month": 1, "year": 2}.get(m.date_precision, 3)))
    return hits[0] if hits else None


def shared_by_two(people: set[int], year: int | None = None) -> list[int]:
    """The meetings (of `year` or undated, when given) two or more of the people are or were participants of.

    Away from a shared occasion, same_meeting needs all of the smaller side's people, two at least, on the other
    side: two of them at the meeting. Every meeting any of them took part in was read, with its participants (a
    foreign minister's year of meetings), and that grew with the database (py-spy: find_meeting 3.9% of an ingest's
    time at its start, 10.6% at 2,500 generated articles). A meeting whose participants a curator replaced or removed
    has the report's people, as it was first read, in its participants' history; whether they still count is
    ever_participants' question (only where the list is locked).

    One query that counts the people of each meeting before it looks at any meeting's date: reading the date of
    every meeting of each person's (to keep the year's pairs) was most of the cost, 6.9% of an ingest at 27,000
    generated articles (py-spy), 5.4 against 1.5 ms for three people with 660 participations."""
    if len(people) < 2:
        return []
    ids = sorted(people)
    marks = ", ".join(["%s"] * len(ids))
    dated, params = "", [*ids, *ids]
    if year is not None:
        dated = "WHERE m.date IS NULL OR (m.date >= %s AND m.date < %s)"
        params += [datetime.date(year, 1, 1), datetime.date(year + 1, 1, 1)]
    # UNION keeps each (meeting, person) once, so a meeting's count is its number of the people.
    sql = (f"WITH pairs(meeting_id, person_id) AS ("
           f"SELECT meeting_id, person_id FROM {Participant._meta.db_table} WHERE person_id IN ({marks}) "
           f"UNION SELECT meeting_id, person_id FROM {Participant.history.model._meta.db_table} "
           f"WHERE person_id IN ({marks})), "
           f"twice(meeting_id) AS (SELECT meeting_id FROM pairs GROUP BY meeting_id HAVING COUNT(*) >= 2) "
           f"SELECT t.meeting_id FROM twice t JOIN {Meeting._meta.db_table} m ON m.id = t.meeting_id {dated} "
           f"ORDER BY 1")
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return [meeting_id for (meeting_id,) in cursor.fetchall()]


def save_meeting(candidate: MeetingCandidate, article: Article, persons: dict[int, Person],
                 article_people: list[ArticlePerson], countries: dict, result: ArticleResult,
                 facts: Sequence[SentenceFacts] = (), sources: Sources | None = None,
                 records: PersonRecords | None = None) -> Meeting:
    people = [persons[i] for i in candidate.participants]
    records = records if records is not None else PersonRecords()
    source = meeting_evidence(candidate, facts)
    evidence = source.text
    meeting = find_meeting(candidate, {p.pk for p in people})
    created = meeting is None
    if not created:
        _hold(meeting, "country")  # its participants are read again below, under the lock
    fields = {
        "kind": candidate.kind or Meeting.Kind.IN_PERSON,
        "status": Meeting.Status.PLANNED if candidate.planned else Meeting.Status.HELD,
        "occasion": candidate.occasion.name if candidate.occasion else "",
        "city": candidate.city,
        "country": countries.get(candidate.country),
    }
    if meeting is None:
        meeting = Meeting(title=_title(people, candidate), summary=candidate.sentences[0].text[:1000], **fields)
        _date_fields(meeting, candidate)
        _save(meeting, article)
        result.note("meeting", str(meeting), "created", evidence)
    elif _protected("meeting", meeting, evidence, result):
        pass
    else:
        changed = False
        for field, value in fields.items():
            if field == "kind" and value == Meeting.Kind.IN_PERSON:
                continue
            if field == "status" and meeting.status == Meeting.Status.HELD:
                continue  # once reported held, a preview does not make it planned again
            if field == "occasion" and meeting.occasion and len(meeting.occasion) >= len(value):
                continue
            if not getattr(meeting, field if field != "country" else "country_id") or field in {"kind", "status", "occasion"}:
                changed |= _set(meeting, field, value)
        better_date = candidate.date and candidate.date_explicit and (meeting.date is None or _finer(candidate, meeting))
        if better_date and not meeting.is_locked("date"):
            _date_fields(meeting, candidate)
            changed = True
        if changed:
            _save(meeting, article)
        result.note("meeting", str(meeting), "merged", evidence)
    # A meeting made just now has no participants yet: no query to find that out (a found one has them prefetched).
    participants = [] if created else list(meeting.participants.all())
    existing = {p.person_id for p in participants}
    # A meeting names each participant once: two people the article spells alike cannot both be recorded under one
    # name (the constraint would fail the whole article), so the second is left out.
    names = {p.raw_name.casefold() for p in participants}
    joining: list[Participant] = []
    for index, person in zip(candidate.participants, people, strict=True):
        holder = article_people[index]
        if person.pk in existing or meeting.is_protected or holder.name.casefold() in names:
            continue
        if meeting.is_locked("participants"):
            # The curator decided who took part: someone they removed (or never added) stays out.
            result.note("participant", f"{holder.name} at {meeting}", "locked", evidence)
            continue
        office = _office_at(records.offices(person), holder)
        side = ""
        if meeting.country_id and person.country_id:
            side = Participant.Side.HOST if meeting.country_id == person.country_id else Participant.Side.GUEST
        joining.append(Participant(meeting=meeting, person=person, raw_name=holder.name, office=office,
                                   country=person.country, side=side))
        existing.add(person.pk)
        names.add(holder.name.casefold())
    if joining:
        # In one insert with their versions, not a save (and a version) each.
        bulk_create_with_history(joining, Participant, default_change_reason=ingest_reason(article))
    _add_source(sources, MeetingSource, meeting, article, source.source_fields())
    return meeting


def _finer(candidate: MeetingCandidate, meeting: Meeting) -> bool:
    order = {"year": 0, "month": 1, "day": 2}
    return order[candidate.date.precision] > order.get(meeting.date_precision, -1)


def _date_fields(meeting: Meeting, candidate: MeetingCandidate) -> None:
    if candidate.date is None:
        return
    meeting.date = candidate.date.date
    meeting.date_precision = candidate.date.precision
    meeting.date_text = candidate.date.text[:100]


def _title(people: list[Person], candidate: MeetingCandidate) -> str:
    return meeting_title([p.name for p in people], candidate.occasion.name if candidate.occasion else "")


def _office_at(offices: list[Office], holder: ArticlePerson) -> Office | None:
    """The office the article gives the person; the first of their offices (PersonRecords.offices) otherwise."""
    titles = [t.title for t in holder.titles]
    for office in offices:
        if office.title in titles:
            return office
    return offices[0] if offices else None


# ----------------------------------------------------------------------------- agreements

def find_agreement(candidate: AgreementCandidate, known: list[Agreement]) -> Agreement | None:
    for agreement in known:
        parties = frozenset(c.code for c in agreement.parties.all())
        names = [agreement.name, *agreement.aliases]
        if any(same_agreement(AgreementFacts(agreement_key(n), parties), candidate.facts()) for n in names):
            return agreement
    return None


def save_agreement(candidate: AgreementCandidate, article: Article, countries: dict, result: ArticleResult,
                   known: list[Agreement], facts: Sequence[SentenceFacts] = (),
                   sources: Sources | None = None) -> Agreement:
    agreement = find_agreement(candidate, known)
    if agreement is not None:
        _hold(agreement)
    source = agreement_evidence(candidate, facts)
    evidence = source.text
    if agreement is None:
        agreement = Agreement(name=candidate.name[:300], aliases=sorted(candidate.aliases), kind=candidate.kind,
                              status=candidate.status or Agreement.Status.UNKNOWN)
        if candidate.year:
            agreement.signed_date, agreement.signed_precision = datetime.date(candidate.year, 1, 1), "year"
        _save(agreement, article)
        known.append(agreement)
        result.note("agreement", agreement.name, "created", evidence)
    elif _protected("agreement", agreement, evidence, result):
        pass
    else:
        aliases = sorted(set(agreement.aliases) | candidate.aliases | {candidate.name} - {agreement.name})
        changed = _set(agreement, "aliases", aliases)
        if candidate.status and agreement.status == Agreement.Status.UNKNOWN:
            changed |= _set(agreement, "status", candidate.status)
        if changed:
            _save(agreement, article)
        result.note("agreement", agreement.name, "merged", evidence)
    if not agreement.is_protected:
        # Only the parties it lacks: add() makes a version of the agreement even when it adds nothing.
        parties = {countries[c] for c in candidate.parties if c in countries} - set(agreement.parties.all())
        if parties and agreement.is_locked("parties"):
            # The curator decided who the parties are: a country they removed (or never added) stays out.
            for party in sorted(parties, key=lambda country: country.code):
                result.note("party", f"{party.code} of {agreement}", "locked", evidence)
        elif parties:
            agreement._change_reason = ingest_reason(article)  # that version names the article, as a save's does
            agreement.parties.add(*parties)
    _add_source(sources, AgreementSource, agreement, article, source.source_fields())
    return agreement


