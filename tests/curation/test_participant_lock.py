"""A curator's participants stick: removing, changing or adding one in the admin (or a revert that does) locks the
meeting's "participants", and a later ingest of an article reporting the meeting adds its source and no participant."""
from __future__ import annotations

import pytest

from events.models import Meeting, MeetingSource, Participant, Tenure
from tests import factories
from tests.curation.ingest import WONG_MARSUDI, WONG_MARSUDI_JAISHANKAR, ingest, wong_marsudi_meeting
from tests.curation.test_participant_history import remove_in_the_admin, revert_to
from tests.test_admin import change_form_data, save_change, url

pytestmark = pytest.mark.django_db

# The three-minister article again, as another outlet wrote it: another article (another content hash), the same meeting.
REPORTED_AGAIN = "JAKARTA (Reuters) - " + WONG_MARSUDI_JAISHANKAR


def three_minister_meeting(context) -> Meeting:
    ingest(context, WONG_MARSUDI_JAISHANKAR, "first.txt")
    return Meeting.objects.get(participants__person__name="Subrahmanyam Jaishankar")


def participant_names(meeting) -> set[str]:
    return set(Participant.objects.filter(meeting=meeting).values_list("raw_name", flat=True))


def jaishankar_at(meeting) -> Participant:
    return meeting.participants.get(person__name="Subrahmanyam Jaishankar")


def test_a_participant_removed_in_the_admin_is_not_added_back_by_an_ingest(ingest_context, admin_client):
    meeting = three_minister_meeting(ingest_context)
    remove_in_the_admin(admin_client, jaishankar_at(meeting))
    ingest(ingest_context, REPORTED_AGAIN, "second.txt")
    assert participant_names(meeting) == {"Penny Wong", "Retno Marsudi"}


def test_the_ingest_still_adds_its_article_as_a_source(ingest_context, admin_client):
    meeting = three_minister_meeting(ingest_context)
    remove_in_the_admin(admin_client, jaishankar_at(meeting))
    ingest(ingest_context, REPORTED_AGAIN, "second.txt")
    assert sorted(MeetingSource.objects.filter(record=meeting).values_list("article__file_name", flat=True)) == [
        "first.txt", "second.txt"]


def test_the_report_says_which_participant_the_lock_kept_out(ingest_context, admin_client):
    meeting = three_minister_meeting(ingest_context)
    remove_in_the_admin(admin_client, jaishankar_at(meeting))
    result = ingest(ingest_context, REPORTED_AGAIN, "second.txt")
    assert [note.label for note in result.records if note.action == "locked"] == [
        f"Subrahmanyam Jaishankar at {meeting}"]


# At a named occasion one shared participant is enough to be the same meeting (resolve.matching.same_meeting): the
# ingest finds the meeting the curator changed, where without an occasion their change would make it another one.
AT_THE_G20 = ("Australian Foreign Minister Penny Wong, Indonesian Foreign Minister Retno Marsudi and Indian External "
              "Affairs Minister Subrahmanyam Jaishankar met on the sidelines of the G20 Summit in Rio de Janeiro on "
              "November 18, 2024.\n")


def test_a_participant_a_curator_changed_is_kept_through_an_ingest(ingest_context, admin_client):
    # The ingest read Jaishankar where the curator knows it was another official: the person and the name changed.
    ingest(ingest_context, AT_THE_G20, "first.txt")
    meeting = Meeting.objects.get()
    other = factories.PersonFactory(name="Vikram Misri", country=factories.country("IN"))
    participant = jaishankar_at(meeting)
    data = change_form_data(admin_client.get(url(Meeting, "change", meeting.pk)))
    index = next(key.split("-")[1] for key, value in data.items()
                 if key.startswith("participants-") and key.endswith("-id") and str(value) == str(participant.pk))
    response = admin_client.post(url(Meeting, "change", meeting.pk), data | {
        f"participants-{index}-person": other.pk, f"participants-{index}-raw_name": "Vikram Misri"})
    assert response.status_code == 302
    ingest(ingest_context, "RIO DE JANEIRO - " + AT_THE_G20, "second.txt")
    assert participant_names(meeting) == {"Penny Wong", "Retno Marsudi", "Vikram Misri"}


def test_removing_a_participant_locks_the_meetings_participants(admin_client):
    participant = factories.ParticipantFactory()
    remove_in_the_admin(admin_client, participant)
    participant.meeting.refresh_from_db()
    assert participant.meeting.locked_fields == ["participants"]


def test_the_lock_is_in_the_meetings_history_with_the_curator(admin_client, admin_user):
    participant = factories.ParticipantFactory()
    remove_in_the_admin(admin_client, participant)
    latest = participant.meeting.history.latest()
    assert (latest.history_user, latest.history_change_reason, latest.locked_fields) == (
        admin_user, "participants edited in the admin", ["participants"])


def test_saving_a_meeting_without_touching_its_participants_leaves_them_unlocked(admin_client):
    meeting = factories.ParticipantFactory().meeting
    save_change(admin_client, meeting, city="Jakarta")
    assert meeting.locked_fields == ["city"]


def test_a_revert_that_removes_a_participant_keeps_them_out_of_an_ingest(ingest_context, admin_client):
    ingest(ingest_context, WONG_MARSUDI, "first.txt")
    meeting = Meeting.objects.get()
    two_ministers = Participant.history.filter(meeting_id=meeting.pk).latest("history_id")
    ingest(ingest_context, REPORTED_AGAIN, "second.txt")
    revert_to(admin_client, meeting, meeting.history.latest(), two_ministers)
    assert participant_names(meeting) == {"Penny Wong", "Retno Marsudi"}  # the revert took Jaishankar out
    ingest(ingest_context, "NEW DELHI - " + WONG_MARSUDI_JAISHANKAR, "third.txt")
    assert participant_names(meeting) == {"Penny Wong", "Retno Marsudi"}


def test_a_meeting_with_locked_participants_saves_with_the_lock_kept(admin_client):
    # "participants" is one of the lock's checkboxes: the form accepts it, and a curator can untick it.
    meeting = factories.ParticipantFactory(meeting__locked_fields=["participants"]).meeting
    save_change(admin_client, meeting, city="Jakarta")
    assert meeting.locked_fields == ["city", "participants"]


# Without an occasion two participants must be shared (resolve.matching.same_meeting): a meeting whose participant a
# curator replaced or removed is still the meeting a later report of it names, with the participant as it first was.

def replace_in_the_admin(client, participant, person) -> None:
    meeting = participant.meeting
    data = change_form_data(client.get(url(Meeting, "change", meeting.pk)))
    index = next(key.split("-")[1] for key, value in data.items()
                 if key.startswith("participants-") and key.endswith("-id") and str(value) == str(participant.pk))
    response = client.post(url(Meeting, "change", meeting.pk), data | {
        f"participants-{index}-person": person.pk, f"participants-{index}-raw_name": person.name})
    assert response.status_code == 302


def test_a_meeting_whose_participant_a_curator_replaced_is_found_by_a_later_report(ingest_context, admin_client):
    meeting = wong_marsudi_meeting(ingest_context)
    sugiono = factories.PersonFactory(name="Sugiono", country=factories.country("ID"))
    replace_in_the_admin(admin_client, meeting.participants.get(person__name="Retno Marsudi"), sugiono)
    result = ingest(ingest_context, "JAKARTA (Reuters) - " + WONG_MARSUDI, "second.txt")
    assert Meeting.objects.get() == meeting
    assert participant_names(meeting) == {"Penny Wong", "Sugiono"}
    assert sorted(MeetingSource.objects.filter(record=meeting).values_list("article__file_name", flat=True)) == [
        "first.txt", "second.txt"]
    assert [note.label for note in result.records if note.action == "locked"] == [f"Retno Marsudi at {meeting}"]


def test_a_meeting_whose_participant_a_curator_removed_is_found_by_a_report_naming_them(ingest_context, admin_client):
    meeting = three_minister_meeting(ingest_context)
    remove_in_the_admin(admin_client, meeting.participants.get(person__name="Retno Marsudi"))
    ingest(ingest_context, WONG_MARSUDI, "second.txt")
    assert Meeting.objects.get() == meeting
    assert participant_names(meeting) == {"Penny Wong", "Subrahmanyam Jaishankar"}



def test_a_meeting_whose_participants_a_curator_all_replaced_is_found_by_a_later_report(ingest_context, admin_client):
    # The report shares no one with the meeting as it is now: its people are only in its participants' history.
    meeting = wong_marsudi_meeting(ingest_context)
    marles = factories.PersonFactory(name="Richard Marles", country=factories.country("AU"))
    sugiono = factories.PersonFactory(name="Sugiono", country=factories.country("ID"))
    replace_in_the_admin(admin_client, meeting.participants.get(person__name="Penny Wong"), marles)
    replace_in_the_admin(admin_client, meeting.participants.get(person__name="Retno Marsudi"), sugiono)
    ingest(ingest_context, "JAKARTA (Reuters) - " + WONG_MARSUDI, "second.txt")
    assert Meeting.objects.get() == meeting
    assert participant_names(meeting) == {"Richard Marles", "Sugiono"}


def test_someone_locked_participants_keep_out_is_not_seen_in_office_on_the_meetings_day(ingest_context):
    # The curator's list has the two ministers; the third the report names was not there, by the curator's word.
    meeting = wong_marsudi_meeting(ingest_context)
    Meeting.objects.filter(pk=meeting.pk).update(locked_fields=["participants"])
    ingest(ingest_context, WONG_MARSUDI_JAISHANKAR, "second.txt")
    tenure = Tenure.objects.get(person__name="Subrahmanyam Jaishankar")
    assert (participant_names(meeting), tenure.seen_from) == ({"Penny Wong", "Retno Marsudi"}, None)
