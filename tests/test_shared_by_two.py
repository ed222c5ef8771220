"""shared_by_two: the stored meetings two or more of a candidate's people are or were at."""
import datetime

import pytest

from events.extraction.store.persist import shared_by_two
from tests.factories import MeetingFactory, ParticipantFactory, PersonFactory

pytestmark = pytest.mark.django_db


def meeting_of(*people, date=datetime.date(2024, 5, 1)):
    meeting = MeetingFactory(date=date, date_precision="day" if date else "")
    for person in people:
        ParticipantFactory(meeting=meeting, person=person)
    return meeting


def test_a_meeting_of_two_of_the_people_is_found_and_one_of_one_is_not():
    a, b, c = PersonFactory(), PersonFactory(), PersonFactory()
    both = meeting_of(a, b)
    meeting_of(a, c)
    assert shared_by_two({a.pk, b.pk}) == [both.pk]


def test_one_person_shares_nothing():
    a = PersonFactory()
    meeting_of(a, PersonFactory())
    assert shared_by_two({a.pk}) == []


def test_a_participant_a_curator_removed_still_counts():
    a, b = PersonFactory(), PersonFactory()
    meeting = meeting_of(a, b)
    meeting.participants.get(person=b).delete()
    assert shared_by_two({a.pk, b.pk}) == [meeting.pk]


def test_a_person_in_the_list_and_its_history_counts_once():
    a, b = PersonFactory(), PersonFactory()
    meeting = meeting_of(a, PersonFactory())
    participant = meeting.participants.get(person=a)
    participant.raw_name = "Another Spelling"
    participant.save()  # a second version of the same person's participation
    assert shared_by_two({a.pk, b.pk}) == []


def test_a_year_keeps_its_meetings_and_the_undated_ones():
    a, b = PersonFactory(), PersonFactory()
    this_year = meeting_of(a, b, date=datetime.date(2024, 12, 31))
    undated = meeting_of(a, b, date=None)
    meeting_of(a, b, date=datetime.date(2025, 1, 1))
    meeting_of(a, b, date=datetime.date(2023, 12, 31))
    assert shared_by_two({a.pk, b.pk}, 2024) == sorted([this_year.pk, undated.pk])
