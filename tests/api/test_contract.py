"""The shapes ../shared/eval/CONTRACT.md promises to the extraction scorer."""
import datetime

import pytest

from tests.factories import (
    AgreementFactory,
    MeetingFactory,
    OfficeFactory,
    ParticipantFactory,
    PersonAliasFactory,
    PersonFactory,
    TenureFactory,
    country,
)

pytestmark = pytest.mark.django_db


def only(api_client, endpoint):
    return api_client.get(f"/api/{endpoint}/?page_size=500").json()["results"][0]


def test_person_has_name_aliases_country_and_office_titles(api_client):
    person = PersonFactory(name="Yoko Kamikawa", country=country("JP"))
    PersonAliasFactory(person=person, name="Kamikawa Yoko")
    TenureFactory(person=person, office=OfficeFactory(title="Foreign Minister", kind="foreign_minister"))
    item = only(api_client, "persons")
    assert item["name"] == "Yoko Kamikawa"
    assert item["aliases"] == ["Kamikawa Yoko"]
    assert item["country"]["code"] == "JP"
    assert [office["title"] for office in item["offices"]] == ["Foreign Minister"]


def test_person_tenures_carry_office_and_dates(api_client):
    TenureFactory(start_date=datetime.date(2021, 10, 4), end_date=datetime.date(2024, 10, 1), end_precision="day")
    tenure = only(api_client, "persons")["tenures"][0]
    assert (tenure["office"]["title"], tenure["start_date"], tenure["end_date"]) == (
        "Prime Minister", "2021-10-04", "2024-10-01")


def test_meeting_month_date_keeps_its_precision(api_client):
    MeetingFactory(date=datetime.date(2024, 6, 1), date_precision="month")
    item = only(api_client, "meetings")
    assert (item["date"], item["date_precision"]) == ("2024-06-01", "month")


def test_undated_meeting_has_null_date(api_client):
    MeetingFactory(date=None, date_precision="")
    assert only(api_client, "meetings")["date"] is None


def test_meeting_location_has_country_code_and_city(api_client):
    MeetingFactory(city="Tokyo", country=country("JP"))
    assert only(api_client, "meetings")["location"] == {"city": "Tokyo", "country": {"code": "JP", "name": "Japan"}}


def test_resolved_participant_has_person_and_name(api_client):
    ParticipantFactory(person=PersonFactory(name="Narendra Modi"), raw_name="PM Modi")
    participant = only(api_client, "meetings")["participants"][0]
    assert participant["person"]["name"] == "Narendra Modi"
    assert participant["name"] == "Narendra Modi"


def test_unresolved_participant_keeps_the_raw_name(api_client):
    ParticipantFactory(person=None, raw_name="a senior official")
    participant = only(api_client, "meetings")["participants"][0]
    assert (participant["person"], participant["name"]) == (None, "a senior official")


def test_participant_has_office_held_country_and_side(api_client):
    office = OfficeFactory(title="Prime Minister")
    ParticipantFactory(office=office, side="host")
    participant = only(api_client, "meetings")["participants"][0]
    assert (participant["office"]["title"], participant["country"], participant["side"]) == (
        "Prime Minister", "JP", "host")


def test_agreement_has_a_name(api_client):
    AgreementFactory(name="Quad Vision Statement")
    assert only(api_client, "agreements")["name"] == "Quad Vision Statement"


def test_meeting_lists_agreements_discussed(api_client):
    meeting = MeetingFactory()
    meeting.agreements.add(AgreementFactory(name="Semiconductor MoU"))
    assert [a["name"] for a in only(api_client, "meetings")["agreements"]] == ["Semiconductor MoU"]
