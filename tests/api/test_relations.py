"""/api/countries/{code}/relations/?with=: the bilateral picture between two countries."""
import datetime

import pytest

from tests.factories import AgreementFactory, MeetingFactory, ParticipantFactory, PersonFactory, country

pytestmark = pytest.mark.django_db


def bilateral_meeting(india, japan, **fields):
    meeting = MeetingFactory(**fields)
    ParticipantFactory(meeting=meeting, person=india)
    ParticipantFactory(meeting=meeting, person=japan)
    return meeting


@pytest.fixture
def picture(api_client):
    modi, kishida = PersonFactory(name="Narendra Modi", country=country("IN")), PersonFactory(name="Fumio Kishida")
    jaishankar = PersonFactory(name="S. Jaishankar", country=country("IN"))
    bilateral_meeting(modi, kishida, date=datetime.date(2023, 3, 20), kind="visit")
    bilateral_meeting(modi, kishida, date=datetime.date(2024, 6, 1), date_precision="month", kind="summit_sidelines")
    bilateral_meeting(jaishankar, kishida, date=datetime.date(2024, 8, 20), kind="summit_sidelines")
    bilateral_meeting(modi, PersonFactory(country=country("US")))  # not India-Japan
    AgreementFactory(parties=["IN", "JP"], status="signed")
    AgreementFactory(parties=["IN", "JP", "AU"], status="in_force")
    AgreementFactory(parties=["IN", "US"], status="signed")
    return api_client.get("/api/countries/IN/relations/?with=JP").json()


def test_counts_meetings_between_the_two(picture):
    assert picture["meetings_total"] == 3


def test_meetings_per_year_and_kind(picture):
    assert picture["meetings_by_year_and_kind"] == [
        {"year": 2023, "kind": "visit", "count": 1},
        {"year": 2024, "kind": "summit_sidelines", "count": 2},
    ]


def test_people_who_met_most_come_first(picture):
    top = [(row["person"]["name"], row["meetings"]) for row in picture["people_who_met_most"]]
    assert top == [("Fumio Kishida", 3), ("Narendra Modi", 2), ("S. Jaishankar", 1)]


def test_agreements_by_status(picture):
    assert picture["agreements_by_status"] == [{"status": "in_force", "count": 1}, {"status": "signed", "count": 1}]


def test_rejected_meetings_are_left_out(api_client):
    india, japan = PersonFactory(country=country("IN")), PersonFactory(country=country("JP"))
    bilateral_meeting(india, japan, review_state="rejected")
    assert api_client.get("/api/countries/IN/relations/?with=JP").json()["meetings_total"] == 0


def test_rejected_persons_are_not_among_the_people_who_met_most(api_client):
    india, japan = PersonFactory(country=country("IN")), PersonFactory(country=country("JP"), review_state="rejected")
    bilateral_meeting(india, japan)
    people = api_client.get("/api/countries/IN/relations/?with=JP").json()["people_who_met_most"]
    assert [row["person"]["id"] for row in people] == [india.pk]
