"""A meeting's participants through time: their versions (django-simple-history) as lines of the meeting's history,
and the participants a meeting had at a moment, to restore them when a curator reverts."""
from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.db import models

from .models import Country, Meeting, Office, Participant, Person

# What a participant is, for comparing two versions; "meeting" is where it is.
FIELDS = ("raw_name", "person", "office", "country", "side")


@dataclass
class ParticipantChange:
    """One line of a meeting's history: a participant added, changed, moved in or out, or removed."""

    version: models.Model  # a HistoricalParticipant
    what: str  # "added", "changed", "removed", "joined from another meeting", "moved to another meeting"
    changes: list[tuple[str, object, object]]

    @property
    def history_date(self) -> datetime.datetime:
        return self.version.history_date


def movement(version: models.Model, previous: models.Model | None, attname: str, pk: int, *,
             moved_in: str = "moved in", moved_out: str = "moved out") -> str:
    """What a version of a row linked to a record (a participant to its meeting, an alias to its person) did to that
    record, against the row's previous version: "added", "changed", "removed", moved in or out (a merge moves rows
    between records); "" when it concerns another record."""
    here = getattr(version, attname) == pk
    was_here = previous is not None and getattr(previous, attname) == pk
    if version.history_type == "-":
        return "removed" if here else ""
    if here and not was_here:
        return "added" if previous is None else moved_in
    if was_here and not here:
        return moved_out
    return "changed" if here else ""


def _versions(meeting: Meeting) -> list:
    """Every version of every participant that was ever at the meeting, oldest first."""
    ids = Participant.history.filter(meeting_id=meeting.pk).values("id")
    return list(Participant.history.filter(id__in=ids).select_related("history_user", "person", "office")
                .order_by("history_date", "history_id"))


def participant_changes(meeting: Meeting) -> list[ParticipantChange]:
    """The participants' versions that concern the meeting, newest first, each with what it changed."""
    last: dict[int, object] = {}
    lines = []
    for version in _versions(meeting):
        previous = last.get(version.id)
        last[version.id] = version
        what = movement(version, previous, "meeting_id", meeting.pk,
                        moved_in="joined from another meeting", moved_out="moved to another meeting")
        if not what:
            continue
        changes = []
        if what == "changed":
            delta = version.diff_against(previous, included_fields=list(FIELDS), foreign_keys_are_objs=True)
            changes = [(Participant._meta.get_field(c.field).verbose_name, c.old, c.new) for c in delta.changes]
        lines.append(ParticipantChange(version, what, changes))
    return lines[::-1]


def participants_at(meeting: Meeting, moment: datetime.datetime, *, inclusive: bool = True) -> dict[int, object]:
    """The participants (their versions, by participant id) the meeting had at `moment`, or just before it."""
    latest: dict[int, object] = {}
    for version in _versions(meeting):
        if version.history_date < moment or (inclusive and version.history_date == moment):
            latest[version.id] = version
    return {pk: v for pk, v in latest.items() if v.history_type != "-" and v.meeting_id == meeting.pk}


def _still(model: type[models.Model], pk: int | None) -> int | None:
    """`pk` if the row is still there; for a merged person, the survivor's; else None."""
    if pk is None or model.objects.filter(pk=pk).exists():
        return pk
    if model is Person:
        from .merging import survivor_of

        survivor = survivor_of(Person, pk)
        return survivor.pk if survivor else None
    return None


def restore_participants(meeting: Meeting, moment: datetime.datetime, user, reason: str, *,
                         inclusive: bool = True) -> list[str]:
    """Give the meeting the participants it had at `moment`: remove the later ones, add back the removed ones,
    undo changes. Participants with no history (older than it) are kept as they are. What changed, in words."""
    target = participants_at(meeting, moment, inclusive=inclusive)
    known = set(Participant.history.filter(meeting_id=meeting.pk).values_list("id", flat=True))
    current = {p.pk: p for p in meeting.participants.all()}
    done = []
    # Removals first: a participant added back may reuse the name or the person of one removed.
    for pk, participant in current.items():
        if pk in known and pk not in target:
            participant._history_user, participant._change_reason = user, reason
            participant.delete()
            done.append(f"removed {participant.raw_name}")
    kept = {pk: p for pk, p in current.items() if pk not in known or pk in target}
    for pk, version in target.items():
        values = {
            "raw_name": version.raw_name, "side": version.side,
            "person_id": _still(Person, version.person_id),
            "office_id": _still(Office, version.office_id),
            "country_id": _still(Country, version.country_id),
        }
        participant = kept.get(pk)
        if participant is None:
            # Back under its old id unless the row lives on elsewhere (moved to another meeting by a merge).
            free = not Participant.objects.filter(pk=pk).exists()
            participant = Participant(pk=pk if free else None, meeting=meeting)
            verb = "added back"
        elif all(getattr(participant, field) == value for field, value in values.items()):
            continue
        else:
            verb = "restored"
        clash = [p for p in kept.values() if p.pk != participant.pk and (
            p.raw_name.casefold() == values["raw_name"].casefold()
            or (values["person_id"] and p.person_id == values["person_id"]))]
        if clash:
            done.append(f"kept out {values['raw_name']} (the meeting has them as {clash[0].raw_name})")
            continue
        for field, value in values.items():
            setattr(participant, field, value)
        participant._history_user, participant._change_reason = user, reason
        participant.save()
        kept[participant.pk] = participant
        done.append(f"{verb} {participant.raw_name}")
    return done
