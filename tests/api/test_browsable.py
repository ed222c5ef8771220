"""The browsable API renders for a reader and for a curator (whose pages carry write forms)."""
import pytest

from tests.factories import AgreementFactory, MeetingFactory, ParticipantFactory, PersonFactory

pytestmark = pytest.mark.django_db

ENDPOINTS = ["countries", "persons", "offices", "meetings", "agreements", "articles"]


@pytest.fixture(autouse=True)
def records():
    ParticipantFactory(meeting=MeetingFactory(), person=PersonFactory())
    AgreementFactory()


@pytest.mark.parametrize("endpoint", ENDPOINTS)
def test_anonymous_html_page(api_client, endpoint):
    response = api_client.get(f"/api/{endpoint}/", HTTP_ACCEPT="text/html")
    assert response.status_code == 200 and b"<html" in response.content


@pytest.mark.parametrize("endpoint", ENDPOINTS)
def test_curator_html_page(curator_client, endpoint):
    response = curator_client.get(f"/api/{endpoint}/", HTTP_ACCEPT="text/html")
    assert response.status_code == 200 and b"<html" in response.content
