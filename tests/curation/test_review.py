"""Review: records move between extracted, verified and rejected; each move is in the record's history,
and a later ingest adds evidence to a verified or rejected record but changes nothing else."""
from __future__ import annotations

import pytest
from django.urls import reverse

from events import curation
from events.models import Meeting, MeetingSource, Participant, Person, PersonAlias, ReviewState
from tests import factories
from tests.curation.ingest import WONG_MARSUDI_JAISHANKAR, ingest, wong, wong_marsudi_meeting

pytestmark = pytest.mark.django_db


def review(record, state, user=None):
    curation.set_review_state(type(record).objects.filter(pk=record.pk), state, user=user)
    record.refresh_from_db()


@pytest.mark.parametrize("factory", [factories.PersonFactory, factories.TenureFactory, factories.MeetingFactory,
                                     factories.AgreementFactory], ids=lambda f: f._meta.model.__name__)
def test_a_review_move_is_recorded_with_who_and_from_what(factory):
    record, curator = factory(), factories.UserFactory()
    review(record, ReviewState.VERIFIED, curator)
    latest = record.history.latest()
    assert (latest.history_user, latest.history_change_reason, latest.review_state) == (
        curator, "verified (was extracted)", "verified")


def test_a_second_move_records_the_state_it_left():
    meeting = factories.MeetingFactory()
    review(meeting, ReviewState.VERIFIED)
    review(meeting, ReviewState.REJECTED)
    assert meeting.history.latest().history_change_reason == "rejected (was verified)"


def test_the_history_page_shows_the_move(admin_client, admin_user):
    meeting = factories.MeetingFactory()
    review(meeting, ReviewState.VERIFIED, admin_user)
    page = admin_client.get(reverse("admin:events_meeting_history", args=[meeting.pk])).content.decode()
    assert "verified (was extracted)" in page and admin_user.username in page


def test_the_admin_action_records_the_curator(admin_client, admin_user):
    person = factories.PersonFactory()
    admin_client.post(reverse("admin:events_person_changelist"),
                      {"action": "mark_rejected", "_selected_action": [person.pk]})
    assert person.history.latest().history_user == admin_user


# ----------------------------------------------------------------------------- a later ingest

def test_a_verified_meeting_gains_no_participant(ingest_context):
    meeting = wong_marsudi_meeting(ingest_context)
    review(meeting, ReviewState.VERIFIED)
    ingest(ingest_context, WONG_MARSUDI_JAISHANKAR, "second.txt")
    assert set(Participant.objects.filter(meeting=meeting).values_list("person__name", flat=True)) == {
        "Penny Wong", "Retno Marsudi"}


def test_a_verified_meeting_gains_the_source(ingest_context):
    meeting = wong_marsudi_meeting(ingest_context)
    review(meeting, ReviewState.VERIFIED)
    ingest(ingest_context, WONG_MARSUDI_JAISHANKAR, "second.txt")
    assert sorted(MeetingSource.objects.filter(record=meeting).values_list("article__file_name", flat=True)) == [
        "first.txt", "second.txt"]


def test_a_verified_meeting_keeps_its_fields(ingest_context):
    meeting = wong_marsudi_meeting(ingest_context)
    meeting.summary = ""
    meeting.save()
    review(meeting, ReviewState.VERIFIED)
    before = Meeting.objects.values().get(pk=meeting.pk)
    ingest(ingest_context, WONG_MARSUDI_JAISHANKAR, "second.txt")
    assert Meeting.objects.values().get(pk=meeting.pk) | {"updated_at": None} == before | {"updated_at": None}


def test_the_report_says_the_verified_meeting_was_protected(ingest_context):
    meeting = wong_marsudi_meeting(ingest_context)
    review(meeting, ReviewState.VERIFIED)
    result = ingest(ingest_context, WONG_MARSUDI_JAISHANKAR, "second.txt")
    assert [(note.kind, note.label) for note in result.records if note.action == "protected"] == [
        ("meeting", f"{meeting} (verified)")]


def aliases(person):
    return set(PersonAlias.objects.filter(person=person).values_list("name", flat=True))


WONG_AGAIN = "Foreign Minister Wong met Retno Marsudi in Jakarta on May 2, 2024.\n"


def test_a_verified_person_gains_no_alias(ingest_context):
    wong_marsudi_meeting(ingest_context)
    review(wong(), ReviewState.VERIFIED)
    before = aliases(wong())
    ingest(ingest_context, WONG_AGAIN, "second.txt")
    assert aliases(wong()) == before


def test_an_unreviewed_person_gains_the_alias(ingest_context):
    # The control: without a review the same article adds "Wong".
    wong_marsudi_meeting(ingest_context)
    ingest(ingest_context, WONG_AGAIN, "second.txt")
    assert "Wong" in aliases(wong())


def test_a_rejected_meeting_stays_rejected_and_gains_the_source(ingest_context):
    meeting = wong_marsudi_meeting(ingest_context)
    review(meeting, ReviewState.REJECTED)
    ingest(ingest_context, WONG_MARSUDI_JAISHANKAR, "second.txt")
    meeting.refresh_from_db()
    assert (meeting.review_state, meeting.sources.count()) == (ReviewState.REJECTED, 2)


def test_a_rejected_meeting_is_not_made_again(ingest_context):
    meeting = wong_marsudi_meeting(ingest_context)
    review(meeting, ReviewState.REJECTED)
    ingest(ingest_context, WONG_MARSUDI_JAISHANKAR, "second.txt")
    assert list(Meeting.objects.all()) == [meeting]


def test_a_rejected_person_stays_rejected(ingest_context):
    wong_marsudi_meeting(ingest_context)
    review(wong(), ReviewState.REJECTED)
    ingest(ingest_context, WONG_MARSUDI_JAISHANKAR, "second.txt")
    assert list(Person.objects.filter(name="Penny Wong").values_list("review_state", flat=True)) == ["rejected"]


def test_an_unreviewed_meeting_still_gains_the_participant(ingest_context):
    # The control: without a review, the same ingest does add the third minister.
    meeting = wong_marsudi_meeting(ingest_context)
    ingest(ingest_context, WONG_MARSUDI_JAISHANKAR, "second.txt")
    assert Participant.objects.filter(meeting=meeting).count() == 3


def test_an_ingest_is_recorded_in_the_history_with_its_article(ingest_context):
    meeting = wong_marsudi_meeting(ingest_context)
    assert meeting.history.earliest().history_change_reason == "ingest of first.txt"
