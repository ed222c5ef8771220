"""The bilateral picture between two countries, for /api/countries/{code}/relations/?with=."""
from __future__ import annotations

from django.db.models import Count, QuerySet
from django.db.models.functions import ExtractYear

from events.models import Agreement, Country, Meeting, Participant, Person

TOP_PEOPLE = 10


def bilateral(country: Country, other: Country, meetings: QuerySet[Meeting], agreements: QuerySet[Agreement],
              persons: QuerySet[Person]) -> dict:
    """Meetings with participants from both countries, who met most, and the agreements between them.

    `meetings`, `agreements` and `persons` are what the reader may see (rejected records already left out).
    """
    for each in (country, other):
        meetings = meetings.filter(id__in=Participant.objects.filter(country=each).values("meeting_id"))
        agreements = agreements.filter(parties=each)
    by_year_and_kind = (
        meetings.order_by().annotate(year=ExtractYear("date")).values("year", "kind")
        .annotate(count=Count("id")).order_by("year", "kind")
    )
    people = (
        Participant.objects.filter(meeting__in=meetings, person__in=persons, country__in=[country, other])
        .values("person_id", "person__name", "country__code")
        .annotate(meetings=Count("meeting_id", distinct=True))
        .order_by("-meetings", "person__name")[:TOP_PEOPLE]
    )
    by_status = agreements.order_by().values("status").annotate(count=Count("id")).order_by("status")
    return {
        "countries": [country, other],
        "meetings_total": meetings.count(),
        "meetings_by_year_and_kind": list(by_year_and_kind),
        "people_who_met_most": [
            {"person": {"id": row["person_id"], "name": row["person__name"]}, "country": row["country__code"],
             "meetings": row["meetings"]}
            for row in people
        ],
        "agreements_by_status": list(by_status),
        "agreements": list(agreements.order_by("signed_date", "name")),
    }
