"""Merging duplicates: two or more records of one person, meeting or agreement become one survivor.

Everything the losers carried moves to the survivor (aliases, tenures, participations, links, sources);
what the survivor already has is not doubled (one source per article, one participation per person).
The losers' names stay as aliases, meeting titles are rebuilt, and a Merge row keeps each loser's id so
that an old link still leads somewhere. The admin action only calls these functions.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from django.db import models, transaction

from events.curation import save_as_curator
from events.models import (
    Agreement,
    AgreementMeeting,
    Meeting,
    Merge,
    Participant,
    Person,
    PersonAlias,
    Tenure,
)
from events.models.base import Extracted, period_end


class MergeError(ValueError):
    """The records cannot be merged as asked (fewer than two, the survivor among the losers, mixed kinds)."""


@dataclass
class MergeResult:
    survivor: Extracted
    merged: list[str] = field(default_factory=list)  # the losers' labels
    moved: dict[str, int] = field(default_factory=dict)  # "participations" -> count moved to the survivor

    def count(self, what: str, number: int = 1) -> None:
        self.moved[what] = self.moved.get(what, 0) + number

    def __str__(self) -> str:
        moved = ", ".join(f"{n} {what}" for what, n in sorted(self.moved.items()) if n)
        return f"Merged {', '.join(self.merged)} into {self.survivor}" + (f" ({moved} moved)." if moved else ".")


def _check(survivor: Extracted, losers: Sequence[Extracted]) -> None:
    if not losers:
        raise MergeError("Choose at least one record to merge into the survivor.")
    if any(loser.pk == survivor.pk for loser in losers):
        raise MergeError("The survivor cannot also be merged away.")
    if any(type(loser) is not type(survivor) for loser in losers):
        raise MergeError("Only records of one kind can be merged.")


def _move_sources(loser: Extracted, survivor: Extracted, result: MergeResult) -> None:
    """The loser's sources become the survivor's; an article that already supports the survivor is not doubled."""
    sources = type(survivor).sources.rel.related_model.objects
    known = set(sources.filter(record=survivor).values_list("article_id", flat=True))
    moving = sources.filter(record=loser).exclude(article_id__in=known)
    result.count("sources", moving.update(record=survivor))


def _fill_blanks(loser: Extracted, survivor: Extracted, names: Sequence[str]) -> None:
    """Fields the survivor leaves empty take the loser's value."""
    for name in names:
        field_ = type(survivor)._meta.get_field(name)
        if getattr(survivor, field_.attname) in (None, "") and getattr(loser, field_.attname) not in (None, ""):
            setattr(survivor, field_.attname, getattr(loser, field_.attname))


def _retire(loser: Extracted, survivor: Extracted, kind: str, user, result: MergeResult) -> None:
    """Delete the loser, keeping where it went; merges into the loser now lead to the survivor."""
    Merge.objects.filter(kind=kind, survivor_uid=loser.uid).update(survivor_uid=survivor.uid)
    Merge.objects.create(kind=kind, old_id=loser.pk, old_uid=loser.uid, old_label=str(loser)[:300],
                         survivor_uid=survivor.uid, merged_by=user)
    result.merged.append(str(loser))
    loser._history_user = user
    loser._change_reason = f"merged into #{survivor.pk} {survivor}"[:100]
    loser.delete()


def _rebuild_titles(meeting_ids: set[int], user) -> None:
    for meeting in Meeting.objects.filter(pk__in=meeting_ids):
        if meeting.rebuild_title():
            save_as_curator(meeting, user, "title rebuilt after a merge", update_fields=["title", "updated_at"])


# ----------------------------------------------------------------------------- persons

@transaction.atomic
def merge_persons(*, survivor: Person, losers: Sequence[Person], user=None) -> MergeResult:
    _check(survivor, losers)
    result = MergeResult(survivor)
    meetings: set[int] = set()
    for loser in losers:
        meetings |= set(Participant.objects.filter(person=loser).values_list("meeting_id", flat=True))
        _move_aliases(loser, survivor, result)
        _move_tenures(loser, survivor, user, result)
        _move_participations(loser, survivor, result)
        _move_sources(loser, survivor, result)
        _fill_blanks(loser, survivor, ["country"])
        if loser.notes and loser.notes not in survivor.notes:
            survivor.notes = "\n\n".join(filter(None, [survivor.notes, loser.notes]))
        _retire(loser, survivor, Merge.Kind.PERSON, user, result)
    save_as_curator(survivor, user, f"merged {', '.join(result.merged)} into it")
    _rebuild_titles(meetings, user)
    return result


def _move_aliases(loser: Person, survivor: Person, result: MergeResult) -> None:
    known = {name.lower() for name in survivor.aliases.values_list("name", flat=True)}
    for alias in PersonAlias.objects.filter(person=loser):
        if alias.name.lower() in known:
            continue  # the same spelling, already the survivor's; it goes with the loser
        alias.person = survivor
        alias.save(update_fields=["person"])
        known.add(alias.name.lower())
        result.count("aliases")
    if loser.name.lower() not in known | {survivor.name.lower()}:
        PersonAlias.objects.create(person=survivor, name=loser.name)
        result.count("aliases")


def _move_tenures(loser: Person, survivor: Person, user, result: MergeResult) -> None:
    for tenure in Tenure.objects.filter(person=loser):
        same = Tenure.objects.filter(person=survivor, office_id=tenure.office_id, start_date=tenure.start_date).first()
        if same is None:
            tenure.person = survivor
            save_as_curator(tenure, user, f"moved from #{loser.pk} {loser} by a merge")
            result.count("tenures")
        else:  # the same office from the same day: one tenure, with both tenures' sources
            _move_sources(tenure, same, result)
            _fill_blanks(tenure, same, ["end_date", "end_precision"])
            _join_sightings(tenure, same)
            save_as_curator(same, user, f"joined by a tenure of #{loser.pk} {loser} in a merge")


def _join_sightings(loser: Tenure, survivor: Tenure) -> None:
    """One person's two tenures of one office become one: seen from the first of their sightings to the last. An
    end another holder set that the joined sightings pass goes: it was one of the two, seen later, that set it."""
    for bound, earliest in (("seen_from", True), ("seen_until", False)):
        theirs, ours = getattr(loser, bound), getattr(survivor, bound)
        if theirs is not None and (ours is None or (theirs < ours if earliest else theirs > ours)):
            setattr(survivor, bound, theirs)
            setattr(survivor, f"{bound}_precision", getattr(loser, f"{bound}_precision"))
    _fill_blanks(loser, survivor, ["ended_by", "ended_by_precision"])
    if survivor.ended_by and survivor.seen_until and \
            period_end(survivor.seen_until, survivor.seen_until_precision) >= survivor.ended_by:
        survivor.ended_by, survivor.ended_by_precision = None, ""


def _move_participations(loser: Person, survivor: Person, result: MergeResult) -> None:
    attended = set(Participant.objects.filter(person=survivor).values_list("meeting_id", flat=True))
    for participant in Participant.objects.filter(person=loser):
        if participant.meeting_id in attended:
            # Both were at this meeting as two participants: one person now. The article's words for
            # them stay as an alias; the doubled participation goes.
            if not survivor.aliases.filter(name__iexact=participant.raw_name).exists():
                PersonAlias.objects.create(person=survivor, name=participant.raw_name)
                result.count("aliases")
            participant.delete()
            continue
        participant.person = survivor
        participant.save(update_fields=["person"])
        attended.add(participant.meeting_id)
        result.count("participations")


# ----------------------------------------------------------------------------- meetings

MEETING_BLANKS = ["date", "date_precision", "date_text", "end_date", "summary", "occasion", "city", "country"]


@transaction.atomic
def merge_meetings(*, survivor: Meeting, losers: Sequence[Meeting], user=None) -> MergeResult:
    _check(survivor, losers)
    result = MergeResult(survivor)
    for loser in losers:
        _move_participants(loser, survivor, result)
        _move_links(AgreementMeeting.objects.filter(meeting=loser), "meeting", survivor, result)
        _move_sources(loser, survivor, result)
        if survivor.date is None:
            _fill_blanks(loser, survivor, MEETING_BLANKS)
        else:
            _fill_blanks(loser, survivor, [f for f in MEETING_BLANKS if not f.startswith("date")])
        _retire(loser, survivor, Merge.Kind.MEETING, user, result)
    survivor.rebuild_title()
    save_as_curator(survivor, user, f"merged {', '.join(result.merged)} into it")
    return result


def _move_participants(loser: Meeting, survivor: Meeting, result: MergeResult) -> None:
    present = list(Participant.objects.filter(meeting=survivor))
    persons = {p.person_id for p in present if p.person_id}
    raw_names = {p.raw_name.lower(): p for p in present}
    for participant in Participant.objects.filter(meeting=loser):
        if participant.person_id in persons:
            continue  # the same person at the same meeting, named in both records
        twin = raw_names.get(participant.raw_name.lower())
        if twin is not None:
            if twin.person_id is None and participant.person_id:
                twin.person_id = participant.person_id  # the loser had resolved the same mention
                twin.save(update_fields=["person"])
                persons.add(participant.person_id)
            continue
        participant.meeting = survivor
        participant.save(update_fields=["meeting"])
        persons.add(participant.person_id)
        raw_names[participant.raw_name.lower()] = participant
        result.count("participants")


def _move_links(links: models.QuerySet, side: str, survivor: Extracted, result: MergeResult) -> None:
    """Agreement-meeting links move to the survivor unless it already has the same one."""
    other = "agreement" if side == "meeting" else "meeting"
    known = set(AgreementMeeting.objects.filter(**{side: survivor}).values_list(f"{other}_id", flat=True))
    for link in links:
        if getattr(link, f"{other}_id") in known:
            continue
        setattr(link, side, survivor)
        link.save(update_fields=[side])
        known.add(getattr(link, f"{other}_id"))
        result.count("agreement links")


# ----------------------------------------------------------------------------- agreements

AGREEMENT_BLANKS = ["signed_date", "signed_precision", "in_force_date", "in_force_precision"]


@transaction.atomic
def merge_agreements(*, survivor: Agreement, losers: Sequence[Agreement], user=None) -> MergeResult:
    _check(survivor, losers)
    result = MergeResult(survivor)
    aliases = set(survivor.aliases)
    for loser in losers:
        aliases |= {loser.name, *loser.aliases}
        survivor.parties.add(*loser.parties.all())
        _move_links(AgreementMeeting.objects.filter(agreement=loser), "agreement", survivor, result)
        _move_sources(loser, survivor, result)
        if survivor.signed_date is None:
            _fill_blanks(loser, survivor, AGREEMENT_BLANKS[:2])
        if survivor.in_force_date is None:
            _fill_blanks(loser, survivor, AGREEMENT_BLANKS[2:])
        if survivor.status == Agreement.Status.UNKNOWN:
            survivor.status = loser.status
        _retire(loser, survivor, Merge.Kind.AGREEMENT, user, result)
    survivor.aliases = sorted(aliases - {survivor.name})
    save_as_curator(survivor, user, f"merged {', '.join(result.merged)} into it")
    return result


MERGERS = {Person: merge_persons, Meeting: merge_meetings, Agreement: merge_agreements}


def merge(*, survivor: Extracted, losers: Sequence[Extracted], user=None) -> MergeResult:
    """Merge records of any mergeable kind."""
    return MERGERS[type(survivor)](survivor=survivor, losers=losers, user=user)


def survivor_of(model: type[Extracted], old_id: int) -> Extracted | None:
    """The record a merged record's old id now leads to, or None when that id was never merged."""
    uid = Merge.objects.filter(kind=model._meta.model_name, old_id=old_id).values_list("survivor_uid", flat=True).first()
    return model.objects.filter(uid=uid).first() if uid else None
