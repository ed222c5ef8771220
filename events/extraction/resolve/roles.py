"""Who is an official: a person becomes a record only when the article shows them in an official role.

A title or an office, a part in a meeting with an official, or a record the database already holds. Journalists,
analysts, athletes, executives and bystanders that the NER finds are not extracted; nor is a capitalised thing the
NER took for a person ("Brexit") unless it is given a title.
"""
from __future__ import annotations

from events.extraction.resolve.meetings import MeetingCandidate
from events.extraction.resolve.people import ArticlePerson

# Offices whose holders report meetings rather than take part in them.
REPORTING_KINDS = {"spokesperson"}


def has_office(person: ArticlePerson) -> bool:
    return bool(person.titles) or person.known is not None


def reports_only(person: ArticlePerson) -> bool:
    return bool(person.titles) and all(t.kind in REPORTING_KINDS for t in person.titles)


def officials(persons: list[ArticlePerson], meetings: list[MeetingCandidate]) -> set[int]:
    """Indexes of the persons to keep."""
    kept = {p.index for p in persons if has_office(p)}
    for meeting in meetings:
        if not any(i in kept for i in meeting.participants):
            continue
        for index in meeting.participants:
            # A full name meeting an official: "At his meeting with Penny Wong of Australia".
            if len(persons[index].name.split()) >= 2:
                kept.add(index)
    return kept


def settle_participants(persons: list[ArticlePerson], meetings: list[MeetingCandidate]) -> set[int]:
    """Drop non-officials and those who only report from meetings; return the officials."""
    kept = officials(persons, meetings)
    for meeting in meetings:
        # A spokesperson's words report a meeting: they are a source, not a party, however small the meeting.
        meeting.participants = [i for i in meeting.participants if i in kept and not reports_only(persons[i])]
    return kept
