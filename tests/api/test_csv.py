"""CSV for analysts: ?format=csv or Accept: text/csv, nested values in dotted columns."""
import csv
import io

import pytest

from events.api.renderers import flatten, write_csv
from tests.factories import MeetingFactory, ParticipantFactory, PersonFactory, country

pytestmark = pytest.mark.django_db


def rows(response):
    return list(csv.DictReader(io.StringIO(response.content.decode())))


def test_format_parameter_gives_csv(api_client):
    MeetingFactory()
    response = api_client.get("/api/meetings/?format=csv")
    assert response["Content-Type"] == "text/csv; charset=utf-8"


def test_accept_header_gives_csv(api_client):
    MeetingFactory()
    response = api_client.get("/api/meetings/", HTTP_ACCEPT="text/csv")
    assert response["Content-Type"].startswith("text/csv")


def test_one_row_per_record_with_flattened_location(api_client):
    MeetingFactory(city="Tokyo", country=country("JP"))
    [row] = rows(api_client.get("/api/meetings/?format=csv"))
    assert (row["location.city"], row["location.country.code"]) == ("Tokyo", "JP")


def test_participants_line_up_item_by_item(api_client):
    meeting = MeetingFactory()
    ParticipantFactory(meeting=meeting, person=PersonFactory(name="Narendra Modi", country=country("IN")))
    ParticipantFactory(meeting=meeting, person=None, raw_name="an aide")
    [row] = rows(api_client.get("/api/meetings/?format=csv"))
    assert (row["participants.name"], row["participants.country"]) == ("Narendra Modi; an aide", "IN; ")


def test_person_aliases_are_joined(api_client):
    person = PersonFactory()
    person.aliases.create(name="A")
    person.aliases.create(name="B")
    [row] = rows(api_client.get("/api/persons/?format=csv"))
    assert row["aliases"] == "A; B"


def test_csv_page_points_to_the_next_in_a_link_header(api_client):
    MeetingFactory.create_batch(2)
    response = api_client.get("/api/meetings/?format=csv&page_size=1")
    assert 'rel="next"' in response["Link"]


def test_bad_filter_in_csv_is_still_400(api_client):
    response = api_client.get("/api/meetings/?format=csv&kind=dinner")
    assert response.status_code == 400 and b"kind" in response.content


def test_null_object_column_gives_way_to_its_fields():
    assert flatten({"p": [{"office": None}, {"office": {"title": "PM"}}]}) == {"p.office.title": "; PM"}


def test_formula_looking_text_is_defused():
    assert write_csv([{"title": "=HYPERLINK(\"http://x\")"}]).splitlines()[1].startswith("\"'=HYPERLINK")


def test_negative_number_is_left_alone():
    assert write_csv([{"n": -3}]).splitlines()[1] == "-3"
