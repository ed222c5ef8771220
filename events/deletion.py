"""Which curated data a delete would take with it, so that the admin and the API refuse it and say why.

The database alone would let these deletes through: an article's sources go with it (its records keep no evidence),
a person's tenures and aliases go with it and its participations are unlinked, a country silently leaves the parties
of every agreement. The foreign keys stay as they are because a merge needs them so (the merged-away person is
deleted with what was not moved); the refusal is here, where a curator deletes one record by hand.
"""
from __future__ import annotations

from collections.abc import Iterable

from django.db import models

from events.models import (
    AgreementSource,
    Article,
    Country,
    MeetingSource,
    Participant,
    Person,
    PersonSource,
    Tenure,
    TenureSource,
)

# How many of the holding records a reason names one by one; past it, only their number.
NAMED = 10


def holders(obj: models.Model) -> list[tuple[str, models.QuerySet]]:
    """What still refers to `obj` and would lose something if it were deleted: (what they are, the records).
    Empty for a record nothing depends on, and for the models this module does not guard."""
    if isinstance(obj, Article):
        return [(f"{source.record.field.related_model._meta.verbose_name_plural} whose evidence it is",
                 source.record.field.related_model.objects.filter(sources__article=obj).distinct())
                for source in (PersonSource, TenureSource, MeetingSource, AgreementSource)]
    if isinstance(obj, Person):
        return [("tenures", Tenure.objects.filter(person=obj)),
                ("meeting participations", Participant.objects.filter(person=obj))]
    if isinstance(obj, Country):
        return [("persons", obj.persons.all()), ("offices", obj.offices.all()), ("meetings", obj.meetings.all()),
                ("meeting participations", obj.participations.all()), ("agreements it is a party to",
                                                                       obj.agreements.all())]
    return []


def in_use(obj: models.Model) -> list[tuple[str, int, list[str]]]:
    """(what, how many, the first few by name) for each kind of record that holds on to `obj`."""
    uses = []
    for what, records in holders(obj):
        count = records.count()
        if count:
            uses.append((what, count, [str(record) for record in records[:NAMED]]))
    return uses


WAY_OUT = {
    Article: "Its records would keep no evidence: delete or merge those records first.",
    Person: "To remove a duplicate, merge it into the person it duplicates (the persons list's Merge action).",
    Country: "Countries are reference data: change what refers to it first.",
}


def refusal(obj: models.Model) -> str:
    """'Cannot delete person “Narendra Modi”, still referred to by tenures: 2; meeting participations: 3. To remove
    ...'; empty when the delete is safe."""
    uses = in_use(obj)
    if not uses:
        return ""
    held = "; ".join(f"{what}: {count}" for what, count, _ in uses)
    return f"Cannot delete {obj._meta.verbose_name} \u201c{obj}\u201d, still referred to by {held}. {WAY_OUT[type(obj)]}"


def refusals(objects: Iterable[models.Model]) -> list[str]:
    """The admin's list of reasons, one line per held record (at most NAMED per kind, then how many more)."""
    lines = []
    for obj in objects:
        uses = in_use(obj)
        label = f"{obj._meta.verbose_name} \u201c{obj}\u201d"
        for what, count, named in uses:
            lines += [f"{label}: {what}: {name}" for name in named]
            if count > len(named):
                lines.append(f"{label}: {count - len(named)} more {what}")
        if uses:
            lines.append(f"{label}: {WAY_OUT[type(obj)]}")
    return lines
