"""A bad parameter answers 400 naming the parameter, never a 500."""
import pytest

from tests.factories import PersonFactory

pytestmark = pytest.mark.django_db

BAD = [
    ("meetings", "country", "XX"),
    ("meetings", "country", "Japan"),
    ("meetings", "person", "abc"),
    ("meetings", "person", "99999999999999999999999"),
    ("meetings", "person", "-1"),
    ("meetings", "kind", "dinner"),
    ("meetings", "date_after", "2024-13-01"),
    ("meetings", "date_before", "June 2024"),
    ("meetings", "review_state", "maybe"),
    ("meetings", "agreement", "1.5"),
    ("meetings", "ordering", "summary"),
    ("meetings", "search", "nul\x00byte"),
    ("persons", "country", "ZZ"),
    ("persons", "office_kind", "king"),
    ("persons", "held_office_on", "yesterday"),
    ("persons", "ordering", "password"),
    ("agreements", "party", "XX"),
    ("agreements", "status", "ratified"),
    ("agreements", "kind", "handshake"),
    ("agreements", "signed_after", "2024-02-30"),
    ("agreements", "signed_before", "soon"),
    ("offices", "kind", "emperor"),
    ("articles", "published_after", "last week"),
]


@pytest.mark.parametrize(("endpoint", "parameter", "value"), BAD)
def test_bad_filter_value_is_400_naming_the_parameter(api_client, endpoint, parameter, value):
    response = api_client.get(f"/api/{endpoint}/", {parameter: value})
    assert response.status_code == 400
    assert parameter in response.json()


def test_relations_without_the_other_country_is_400(api_client):
    response = api_client.get("/api/countries/IN/relations/")
    assert response.status_code == 400 and "with" in response.json()


def test_relations_with_an_unknown_country_is_400(api_client):
    response = api_client.get("/api/countries/IN/relations/?with=QQ")
    assert response.status_code == 400 and "with" in response.json()


def test_relations_with_itself_is_400(api_client):
    response = api_client.get("/api/countries/IN/relations/?with=in")
    assert response.status_code == 400 and "with" in response.json()


def test_unknown_country_detail_is_404(api_client):
    assert api_client.get("/api/countries/QQ/").status_code == 404


def test_non_numeric_person_id_is_404(api_client):
    PersonFactory()
    assert api_client.get("/api/persons/abc/").status_code == 404


def test_page_past_the_end_is_404(api_client):
    assert api_client.get("/api/meetings/?page=9").status_code == 404
