"""A meeting's participants have a history: their changes show on the meeting's history page, and a revert brings
back the participants a version had."""
from __future__ import annotations

import pytest
from django.urls import reverse

from events.models import Meeting, Participant
from tests import factories
from tests.test_admin import change_form_data, save_change, url

pytestmark = pytest.mark.django_db


def participant_lines(client, meeting) -> list[tuple[str, str]]:
    rows = client.get(url(Meeting, "history", meeting.pk)).context["rows"]
    return [(row["version"].raw_name, row["participant"].what) for row in rows if "participant" in row]


def remove_in_the_admin(client, participant) -> None:
    meeting = participant.meeting
    data = change_form_data(client.get(url(Meeting, "change", meeting.pk)))
    index = next(key.split("-")[1] for key, value in data.items()
                 if key.startswith("participants-") and key.endswith("-id") and str(value) == str(participant.pk))
    response = client.post(url(Meeting, "change", meeting.pk), data | {f"participants-{index}-DELETE": "on"})
    assert response.status_code == 302


def revert_to(client, meeting, version, participant_version=None) -> None:
    data = {"participant_version": participant_version.history_id} if participant_version else {}
    client.post(reverse("admin:events_meeting_revert", args=[meeting.pk, version.history_id]), data)


def test_an_added_participant_is_in_the_meetings_history(admin_client):
    meeting = factories.MeetingFactory()
    factories.ParticipantFactory(meeting=meeting, raw_name="Penny Wong")
    assert participant_lines(admin_client, meeting) == [("Penny Wong", "added")]


def test_a_participant_removed_in_the_admin_is_in_the_history_with_the_curator(admin_client, admin_user):
    participant = factories.ParticipantFactory(raw_name="Penny Wong")
    remove_in_the_admin(admin_client, participant)
    removal = Participant.history.get(id=participant.pk, history_type="-")
    assert (participant_lines(admin_client, participant.meeting)[0], removal.history_user) == (
        ("Penny Wong", "removed"), admin_user)


def test_a_participants_change_shows_the_old_and_new_person(admin_client):
    participant = factories.ParticipantFactory(raw_name="Wong", person__name="Penny Wong")
    other = factories.PersonFactory(name="Julie Bishop")
    participant.person = other
    participant.save()
    row = next(r for r in admin_client.get(url(Meeting, "history", participant.meeting.pk)).context["rows"]
               if r.get("participant") and r["participant"].what == "changed")
    assert [(field, str(old), str(new)) for field, old, new in row["changes"]] == [
        ("person", "Penny Wong", "Julie Bishop")]


def test_reverting_to_a_version_removes_a_participant_added_after_it(admin_client):
    meeting = factories.MeetingFactory(city="Tokio")
    factories.ParticipantFactory(meeting=meeting, raw_name="Penny Wong")
    save_change(admin_client, meeting, city="Tokyo")
    version = meeting.history.earliest()
    factories.ParticipantFactory(meeting=meeting, raw_name="Retno Marsudi")
    revert_to(admin_client, meeting, version)
    assert list(meeting.participants.values_list("raw_name", flat=True)) == ["Penny Wong"]


def test_reverting_brings_back_a_removed_participant(admin_client):
    participant = factories.ParticipantFactory(raw_name="Penny Wong")
    meeting = participant.meeting
    version = meeting.history.earliest()
    remove_in_the_admin(admin_client, participant)
    revert_to(admin_client, meeting, version)
    restored = meeting.participants.get()
    assert (restored.pk, restored.raw_name, restored.person_id) == (participant.pk, "Penny Wong", participant.person_id)


def test_reverting_to_a_participants_line_keeps_what_came_before_it(admin_client):
    meeting = factories.MeetingFactory()
    first = factories.ParticipantFactory(meeting=meeting, raw_name="Penny Wong")
    factories.ParticipantFactory(meeting=meeting, raw_name="Retno Marsudi")
    revert_to(admin_client, meeting, meeting.history.get(), Participant.history.get(id=first.pk))
    assert list(meeting.participants.values_list("raw_name", flat=True)) == ["Penny Wong"]


def test_a_participant_removed_by_a_revert_is_recorded_with_the_curator(admin_client, admin_user):
    meeting = factories.MeetingFactory()
    first = factories.ParticipantFactory(meeting=meeting, raw_name="Penny Wong")
    second = factories.ParticipantFactory(meeting=meeting, raw_name="Retno Marsudi")
    revert_to(admin_client, meeting, meeting.history.get(), Participant.history.get(id=first.pk))
    removal = Participant.history.get(id=second.pk, history_type="-")
    assert (removal.history_user, removal.history_change_reason.startswith("reverted")) == (admin_user, True)
