"""Edits that say what they do: a day set on a month is a day, a curator's date drops the old words,
and a write the API cannot make is refused rather than ignored."""
from __future__ import annotations

import datetime

import pytest
from rest_framework.test import APIClient

from events import curation
from events.models import Meeting
from tests import factories
from tests.test_admin import save_change

pytestmark = pytest.mark.django_db

AUGUST = datetime.date(2024, 8, 1)


def month_meeting() -> Meeting:
    return factories.MeetingFactory(date=AUGUST, date_precision="month", date_text="in August")


@pytest.fixture
def curator(django_user_model):
    client = APIClient()
    client.force_authenticate(django_user_model.objects.create_superuser("curator", password="x-long-pass-1"))
    return client


# ----------------------------------------------------------------------------- the rule

def test_a_day_with_no_precision_given_becomes_a_day():
    assert curation.settle_date(datetime.date(2024, 8, 20), "month", precision_given=False) == (
        datetime.date(2024, 8, 20), "day")


def test_a_first_of_the_month_keeps_the_month():
    assert curation.settle_date(AUGUST, "month", precision_given=False) == (AUGUST, "month")


def test_a_precision_the_curator_gives_is_kept():
    assert curation.settle_date(datetime.date(2024, 8, 20), "month", precision_given=True) == (AUGUST, "month")


# ----------------------------------------------------------------------------- the admin

def test_admin_a_day_on_a_month_meeting_is_stored_as_that_day(admin_client):
    meeting = month_meeting()
    save_change(admin_client, meeting, date="2024-08-20")
    assert (meeting.date, meeting.date_precision) == (datetime.date(2024, 8, 20), "day")


def test_admin_a_day_on_a_year_meeting_shows_the_day(admin_client):
    meeting = factories.MeetingFactory(date=datetime.date(2019, 1, 1), date_precision="year")
    save_change(admin_client, meeting, date="2019-05-03")
    assert str(meeting).endswith("(2019-05-03)")


def test_admin_a_curators_date_clears_the_old_words(admin_client):
    meeting = factories.MeetingFactory(date=datetime.date(2019, 1, 1), date_precision="year",
                                       date_text="Earlier this year")
    save_change(admin_client, meeting, date="2019-05-03")
    assert meeting.date_text == ""


def test_admin_new_words_with_the_date_are_kept(admin_client):
    meeting = month_meeting()
    save_change(admin_client, meeting, date="2024-08-20", date_text="on 20 August")
    assert meeting.date_text == "on 20 August"


# ----------------------------------------------------------------------------- the API

def test_api_a_day_on_a_month_meeting_is_stored_as_that_day(curator):
    meeting = month_meeting()
    curator.patch(f"/api/meetings/{meeting.pk}/", {"date": "2024-08-20"}, format="json")
    meeting.refresh_from_db()
    assert (meeting.date, meeting.date_precision, meeting.date_text) == (datetime.date(2024, 8, 20), "day", "")


def test_api_patching_participants_is_400(curator):
    participant = factories.ParticipantFactory()
    response = curator.patch(f"/api/meetings/{participant.meeting.pk}/", {"participants": []}, format="json")
    assert (response.status_code, participant.meeting.participants.count()) == (400, 1)


def test_api_an_edit_is_in_the_history_with_the_curator(curator):
    meeting = month_meeting()
    curator.patch(f"/api/meetings/{meeting.pk}/", {"review_state": "verified"}, format="json")
    latest = meeting.history.latest()
    assert (latest.history_user.username, latest.history_change_reason) == (
        "curator", "verified (was extracted) edited through the API")
