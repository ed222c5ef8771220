"""Injection attempts in filters and search answer 400 or an empty page, in a bounded number of queries."""
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from events.models import Meeting, Person
from tests.factories import AgreementFactory, ArticleFactory, MeetingFactory, OfficeFactory, ParticipantFactory

pytestmark = pytest.mark.django_db

ATTEMPTS = [
    "' OR '1'='1",
    "1' OR 1=1 --",
    "'; DROP TABLE events_person; --",
    '" OR ""="',
    "1; SELECT pg_sleep(10)",
    "') UNION SELECT username, password FROM auth_user --",
    "%",
    "%" * 200,
    "_" * 200,
    "%_" * 100,
    "\\%\\_",
    "[a-z]*",
    "x" * 10_000,
    "%" * 10_000,
    "a " * 5_000,
]

TEXT_PARAMETERS = [
    ("meetings", "search"),
    ("meetings", "occasion"),
    ("persons", "search"),
    ("agreements", "search"),
    ("countries", "search"),
    ("offices", "search"),
    ("articles", "search"),
    ("articles", "outlet"),
]

# Every list answers in a fixed handful of queries (tests/api/test_query_counts.py); a search that
# turned into one query per word would show here.
MOST_QUERIES = 12


@pytest.fixture
def records():
    meeting = MeetingFactory(title="Modi meets Kishida", occasion="G20 Summit")
    ParticipantFactory(meeting=meeting)
    AgreementFactory(name="Acquisition and Cross-Servicing Agreement")
    OfficeFactory(title="Minister of External Affairs")
    ArticleFactory(outlet="The Hindu")


@pytest.mark.parametrize("value", ATTEMPTS, ids=range(len(ATTEMPTS)))
@pytest.mark.parametrize(("endpoint", "parameter"), TEXT_PARAMETERS)
def test_injection_is_400_or_an_empty_page(api_client, records, endpoint, parameter, value):
    with CaptureQueriesContext(connection) as queries:
        response = api_client.get(f"/api/{endpoint}/", {parameter: value})
    assert len(queries) <= MOST_QUERIES
    assert (response.status_code, response.json().get("count", 0)) in {(200, 0), (400, 0)}


@pytest.mark.parametrize("value", ["' OR '1'='1", "IN' --", "%", "_" * 2, "x" * 10_000])
@pytest.mark.parametrize(("endpoint", "parameter"), [("meetings", "country"), ("persons", "country"),
                                                      ("agreements", "party"), ("offices", "country")])
def test_injection_in_a_country_code_is_400(api_client, endpoint, parameter, value):
    response = api_client.get(f"/api/{endpoint}/", {parameter: value})
    assert response.status_code == 400 and parameter in response.json()


@pytest.mark.parametrize("value", ["date; DROP TABLE events_meeting", "date,(SELECT 1)", "-" * 500, "__class__"])
def test_injection_in_ordering_is_400(api_client, value):
    response = api_client.get("/api/meetings/", {"ordering": value})
    assert response.status_code == 400 and "ordering" in response.json()


def test_the_tables_are_still_there(api_client, records):
    before = (Person.objects.count(), Meeting.objects.count())
    for value in ATTEMPTS[:6]:
        api_client.get("/api/persons/", {"search": value})
    assert (Person.objects.count(), Meeting.objects.count()) == before == (1, 1)
