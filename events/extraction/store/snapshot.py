"""What the pipeline reads from the database before it writes: known people, and dated meetings to anchor on."""
from __future__ import annotations

import datetime
import re

from events.extraction.recognise.cues import occasion_key
from events.extraction.resolve.matching import occasions_match
from events.extraction.resolve.meetings import MeetingCandidate
from events.extraction.resolve.people import KnownPerson
from events.models import DatePrecision, Meeting, Person


def known_people(text: str) -> list[KnownPerson]:
    """People whose name or an alias shares a word with the text: all a new article could mention."""
    words = {w.lower() for w in re.findall(r"[A-Za-z][\w'-]{2,}", text)}
    people = Person.objects.select_related("country").prefetch_related("aliases")
    known = []
    for person in people:
        names = [person.name, *(a.name for a in person.aliases.all())]
        if any(w.lower() in words for n in names for w in n.split()):
            code = person.country.code if person.country else ""
            known.append(KnownPerson(person.pk, person.name, tuple(a.name for a in person.aliases.all()), code))
    return known


def anchor_date(meetings: list[MeetingCandidate]) -> datetime.date | None:
    """An undated article that reports a known, dated event can be dated by it.

    "are scheduled to hold the third round of the 2+2 on Tuesday evening", with the 2+2 already known to
    be on Tuesday 20 August 2024, puts the article's "now" on that day.
    """
    dated = list(Meeting.objects.exclude(occasion="").filter(date_precision=DatePrecision.DAY))
    for candidate in meetings:
        if not candidate.occasion:
            continue
        mention = candidate.date_mention
        # Only words that need a "now" can be anchored, and only when they agree with the known date.
        if mention is None or mention.kind not in {"weekday", "month_day", "day_month"}:
            continue
        for meeting in dated:
            if not occasions_match(candidate.occasion.key, occasion_key(meeting.occasion)):
                continue
            if mention.weekday is not None and mention.weekday != meeting.date.weekday():
                continue
            if mention.day is not None and (mention.month, mention.day) != (meeting.date.month, meeting.date.day):
                continue
            return meeting.date
    return None
