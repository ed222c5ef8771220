"""The meeting lists read their page as plain rows (events.api.meeting_page): each meeting reads as its detail view,
which goes through MeetingSerializer, gives it, in JSON and in CSV."""
import datetime

import pytest
from django.utils import timezone
from rest_framework import serializers

from events.api import meeting_page
from events.api.renderers import write_csv
from events.models import Agreement, ReviewState
from tests.factories import (
    AgreementFactory,
    AgreementMeetingFactory,
    MeetingFactory,
    MeetingSourceFactory,
    OfficeFactory,
    ParticipantFactory,
    PersonFactory,
    country,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def meetings():
    japan = country("JP")
    dated = MeetingFactory(title="Summit", date=datetime.date(2024, 8, 20), date_precision="day",
                           date_text="on Tuesday", end_date=datetime.date(2024, 8, 21), occasion="G20",
                           summary="They met.", city="Tokyo", country=japan, locked_fields=["title"])
    bare = MeetingFactory(title="", date=None, date_precision="", city="", country=None)
    host = PersonFactory(name="Aiko Tanaka")
    ParticipantFactory(meeting=dated, person=host, office=OfficeFactory(title="Prime Minister", country=japan),
                       country=japan, side="host")
    ParticipantFactory(meeting=dated, person=PersonFactory(), office=None, side="guest")
    ParticipantFactory(meeting=dated, person=None, raw_name="an aide", side="")
    ParticipantFactory(meeting=dated, person=PersonFactory(review_state=ReviewState.REJECTED))
    AgreementMeetingFactory(meeting=dated, agreement=AgreementFactory(status=Agreement.Status.SIGNED))
    AgreementMeetingFactory(meeting=dated, agreement=AgreementFactory(review_state=ReviewState.REJECTED))
    for _ in range(2):
        MeetingSourceFactory(record=dated)
    return [dated, bare]


def test_each_meeting_of_a_page_reads_as_its_detail(api_client, meetings):
    listed = api_client.get("/api/meetings/").json()["results"]
    assert [m["id"] for m in listed] == [m.pk for m in meetings]
    for meeting in listed:
        assert meeting == api_client.get(f"/api/meetings/{meeting['id']}/").json()
    assert [p["name"] for p in listed[0]["participants"]][2] == "an aide"
    assert len(listed[0]["participants"]) == 3, "a rejected person is not shown"
    assert len(listed[0]["agreements"]) == 1 and len(listed[0]["sources"]) == 2


def test_a_persons_meetings_read_as_the_details(api_client, meetings):
    person = meetings[0].participants.filter(person__isnull=False).first().person
    listed = api_client.get(f"/api/persons/{person.pk}/meetings/").json()["results"]
    assert listed == [api_client.get(f"/api/meetings/{meetings[0].pk}/").json()]


def test_a_curator_sees_the_rejected_participant_in_the_list_as_in_the_detail(curator_client, meetings):
    listed = curator_client.get("/api/meetings/").json()["results"][0]
    assert len(listed["participants"]) == 4
    assert listed == curator_client.get(f"/api/meetings/{listed['id']}/").json()


def test_csv_of_the_list_is_that_of_the_details(api_client, meetings):
    listed = api_client.get("/api/meetings/", HTTP_ACCEPT="text/csv").content.decode()
    assert listed == write_csv(api_client.get(f"/api/meetings/{m.pk}/").json() for m in meetings)


@pytest.mark.parametrize("zone", ["UTC", "Asia/Tokyo", "America/St_Johns"])
def test_a_timestamp_reads_as_drfs_datetime_field_gives_it(zone):
    value = datetime.datetime(2024, 8, 20, 23, 30, 15, 123456, tzinfo=datetime.UTC)
    with timezone.override(zone):
        assert meeting_page.moment(value) == serializers.DateTimeField().to_representation(value)
