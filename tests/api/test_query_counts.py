"""Every list runs the same number of queries at page size 1 and 100."""
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import (
    AgreementFactory,
    AgreementMeetingFactory,
    AgreementSourceFactory,
    ArticleFactory,
    MeetingFactory,
    MeetingSourceFactory,
    OfficeFactory,
    ParticipantFactory,
    PersonAliasFactory,
    PersonFactory,
    PersonSourceFactory,
    TenureFactory,
)

pytestmark = pytest.mark.django_db

RECORDS = 4


def queries(api_client, url: str, page_size: int) -> int:
    with CaptureQueriesContext(connection) as context:
        response = api_client.get(url, {"page_size": page_size})
    body = response.json()
    assert body["count"] > 1, "the test needs several records to mean anything"
    assert len(body["results"]) == min(page_size, body["count"])
    return len(context.captured_queries)


def assert_fixed(api_client, url: str) -> None:
    assert queries(api_client, url, 1) == queries(api_client, url, 100)


def rich_people():
    people = []
    for n in range(RECORDS):
        person = PersonFactory()
        PersonAliasFactory(person=person)
        TenureFactory(person=person, office=OfficeFactory(title=f"Minister {n}"))
        PersonSourceFactory(record=person)
        people.append(person)
    return people


def rich_meetings():
    meetings = []
    for _ in range(RECORDS):
        meeting = MeetingFactory()
        for person in (PersonFactory(), PersonFactory()):
            ParticipantFactory(meeting=meeting, person=person, office=OfficeFactory())
        ParticipantFactory(meeting=meeting, person=None, raw_name="an aide")
        AgreementMeetingFactory(meeting=meeting)
        MeetingSourceFactory(record=meeting)
        meetings.append(meeting)
    return meetings


def test_countries(api_client):
    assert_fixed(api_client, "/api/countries/")


def test_offices(api_client):
    for n in range(RECORDS):
        OfficeFactory(title=f"Minister {n}")
    assert_fixed(api_client, "/api/offices/")


def test_articles(api_client):
    ArticleFactory.create_batch(RECORDS)
    assert_fixed(api_client, "/api/articles/")


def test_persons(api_client):
    rich_people()
    assert_fixed(api_client, "/api/persons/")


def test_meetings(api_client):
    rich_meetings()
    assert_fixed(api_client, "/api/meetings/")


def test_meetings_filtered_by_two_countries_and_search(api_client):
    rich_meetings()
    assert_fixed(api_client, "/api/meetings/?country=JP&country=IN&search=person&date_after=2000-01-01")


def test_meetings_filter_of_the_benchmark(api_client):
    """The path issue 10 measures at 100,000 meetings, at the page sizes the benchmark asks for."""
    rich_meetings()
    url = "/api/meetings/?country=JP&date_after=2000-01-01"
    assert queries(api_client, url, 10) == queries(api_client, url, 100)


def test_agreements(api_client):
    for _ in range(RECORDS):
        agreement = AgreementFactory()
        AgreementMeetingFactory(agreement=agreement)
        AgreementSourceFactory(record=agreement)
    assert_fixed(api_client, "/api/agreements/")


def test_person_meetings(api_client):
    person = PersonFactory()
    for meeting in rich_meetings():
        ParticipantFactory(meeting=meeting, person=person)
    assert_fixed(api_client, f"/api/persons/{person.pk}/meetings/")
