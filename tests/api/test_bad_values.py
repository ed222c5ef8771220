"""A bad parameter answers 400 naming the parameter and what is expected, never a 500."""
import pytest

from tests.factories import MeetingFactory, PersonFactory

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
    ("meetings", "country", "I\x00N"),
    ("meetings", "country", "\x00\x00"),
    ("persons", "country", "I\x00"),
    ("meetings", "status", "cancelled"),
    ("meetings", "ordering", ",,"),
    ("meetings", "ordering", "date,"),
    ("persons", "ordering", ","),
    ("meetings", "date_after", "20/08/2024"),
    ("meetings", "page", "0"),
    ("meetings", "page", "-1"),
    ("meetings", "page", "abc"),
    ("meetings", "page", "1.5"),
    ("meetings", "page_size", "abc"),
    ("meetings", "page_size", "0"),
    ("meetings", "page_size", "-5"),
    ("meetings", "search", "word " * 9),
    ("meetings", "search", "x" * 201),
    ("meetings", "occasion", "x" * 201),
    ("persons", "search", "a b c d e f g h i"),
    ("agreements", "search", "y" * 1000),
    ("countries", "search", "z" * 201),
    ("offices", "search", "z" * 201),
    ("articles", "outlet", "o" * 201),
    ("articles", "search", "nul\x00byte"),
    ("meetings", "format", "AAA"),
    ("persons", "format", "xml"),
]


@pytest.mark.parametrize(("endpoint", "parameter", "value"), BAD)
def test_bad_filter_value_is_400_naming_the_parameter(api_client, endpoint, parameter, value):
    response = api_client.get(f"/api/{endpoint}/", {parameter: value})
    assert response.status_code == 400
    assert parameter in response.json()


def test_person_meetings_bad_filter_is_400_naming_it(api_client):
    person = PersonFactory()
    response = api_client.get(f"/api/persons/{person.pk}/meetings/", {"page_size": "none"})
    assert response.status_code == 400 and "page_size" in response.json()


# ----------------------------------------------------------------------------- what is expected


def message(api_client, url: str, parameter: str) -> str:
    response = api_client.get(url)
    assert response.status_code == 400, response.content
    return " ".join(response.json()[parameter])


def test_a_country_name_is_told_what_a_code_looks_like(api_client):
    assert "an ISO 3166-1 alpha-2 code such as IN" in message(api_client, "/api/meetings/?country=India", "country")


def test_an_unknown_country_code_is_told_what_a_code_looks_like(api_client):
    assert "an ISO 3166-1 alpha-2 code such as IN" in message(api_client, "/api/persons/?country=XX", "country")


def test_a_bad_date_is_told_the_format(api_client):
    assert "YYYY-MM-DD" in message(api_client, "/api/agreements/?signed_after=soon", "signed_after")


def test_a_bad_choice_lists_the_choices(api_client):
    assert "held, planned" in message(api_client, "/api/meetings/?status=cancelled", "status")


def test_a_bad_ordering_lists_the_fields(api_client):
    assert "from date, title, created_at" in message(api_client, "/api/meetings/?ordering=,,", "ordering")


def test_a_bad_page_says_what_a_page_is(api_client):
    assert "a page number from 1" in message(api_client, "/api/meetings/?page=0", "page")


def test_an_unknown_format_lists_the_formats(api_client):
    assert "one of api, csv, json" in message(api_client, "/api/meetings/?format=AAA", "format")


def test_an_unknown_format_on_a_detail_view_is_400(api_client):
    meeting = MeetingFactory()
    assert api_client.get(f"/api/meetings/{meeting.pk}/?format=AAA").status_code == 400


def test_too_many_search_words_says_how_many(api_client):
    assert "at most 8 words" in message(api_client, "/api/meetings/?search=" + "+".join(["w"] * 9), "search")


def test_the_last_page_is_a_page(api_client):
    MeetingFactory.create_batch(3)
    assert api_client.get("/api/meetings/?page_size=2&page=last").json()["results"][0]["id"] is not None


def test_search_of_eight_words_is_answered(api_client):
    assert api_client.get("/api/meetings/?search=" + "+".join(["w"] * 8)).status_code == 200


# ----------------------------------------------------------------------------- unknown parameters


def test_a_misspelt_parameter_is_400_naming_it(api_client):
    response = api_client.get("/api/meetings/?contry=IN")
    assert response.status_code == 400 and "did you mean country?" in response.json()["contry"][0]


def test_an_unknown_parameter_on_a_detail_view_is_400(api_client):
    meeting = MeetingFactory()
    assert api_client.get(f"/api/meetings/{meeting.pk}/?verbose=1").status_code == 400


def test_an_unknown_parameter_on_relations_is_400(api_client):
    response = api_client.get("/api/countries/IN/relations/?with=JP&since=2020")
    assert response.status_code == 400 and "since" in response.json()


def test_format_is_a_known_parameter(api_client):
    assert api_client.get("/api/meetings/?format=json&page=1&page_size=5").status_code == 200


def test_relations_with_a_nul_byte_is_400(api_client):
    response = api_client.get("/api/countries/IN/relations/?with=J%00")
    assert response.status_code == 400 and "with" in response.json()


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


def test_non_numeric_person_id_of_meetings_is_404(api_client):
    assert api_client.get("/api/persons/abc/meetings/").status_code == 404


@pytest.mark.parametrize("endpoint", ["persons", "meetings", "agreements", "offices", "articles"])
def test_an_id_past_the_id_column_is_404(api_client, endpoint):
    assert api_client.get(f"/api/{endpoint}/99999999999999999999999/").status_code == 404


def test_page_past_the_end_is_404(api_client):
    assert api_client.get("/api/meetings/?page=9").status_code == 404
