"""An admin POST that does not carry the values its page showed (a script's, a page served before the form carried
them): every field it fills would count as the curator's change, written and locked. Its changes are told from the
stored record instead, read again under the row lock, so only what differs from it counts."""
from __future__ import annotations

import pytest

from events.models import Agreement, Meeting
from tests import factories
from tests.test_admin import change_form_data, url

pytestmark = pytest.mark.django_db


def without_shown_values(data: dict) -> dict:
    return {key: value for key, value in data.items() if not key.startswith("initial-")}


def post_without_shown_values(client, record, **changes):
    data = without_shown_values(change_form_data(client.get(url(type(record), "change", record.pk))))
    response = client.post(url(type(record), "change", record.pk), data | changes)
    assert response.status_code == 302, response.context["errors"] if response.context else response
    record.refresh_from_db()


def test_only_the_field_that_differs_from_the_stored_record_is_locked(admin_client):
    meeting = factories.MeetingFactory(date_text="on 20 August", summary="They met.")
    post_without_shown_values(admin_client, meeting, city="Agra")
    assert (meeting.city, meeting.locked_fields) == ("Agra", ["city"])


def test_parties_posted_as_they_are_stored_are_not_locked(admin_client):
    agreement = factories.AgreementFactory(parties=["IN", "JP"])
    post_without_shown_values(admin_client, agreement, status="in_force")
    assert (agreement.status, agreement.locked_fields) == ("in_force", ["status"])


def test_participant_rows_posted_as_they_are_stored_do_not_lock_the_participants(admin_client):
    # Rows carry their shown values too, and a row posted without them is told from the stored row like the form.
    meeting = factories.ParticipantFactory(side="host").meeting
    post_without_shown_values(admin_client, meeting, city="Agra")
    assert Meeting.objects.get(pk=meeting.pk).locked_fields == ["city"]


def test_a_participant_row_that_differs_from_the_stored_row_locks_the_participants(admin_client):
    participant = factories.ParticipantFactory(side="host")
    meeting = participant.meeting
    data = without_shown_values(change_form_data(admin_client.get(url(Meeting, "change", meeting.pk))))
    row = next(key for key, value in data.items()
               if key.startswith("participants-") and key.endswith("-id") and str(value) == str(participant.pk))
    response = admin_client.post(url(Meeting, "change", meeting.pk), data | {row.replace("-id", "-side"): "guest"})
    assert response.status_code == 302
    participant.refresh_from_db()
    assert (participant.side, Meeting.objects.get(pk=meeting.pk).locked_fields) == ("guest", ["participants"])


def test_an_agreement_posted_without_shown_values_and_no_change_is_not_locked(admin_client):
    agreement = factories.AgreementFactory()
    post_without_shown_values(admin_client, agreement)
    assert Agreement.objects.get(pk=agreement.pk).locked_fields == []
