"""Every endpoint answers anonymous readers, list and detail."""
import pytest

from tests.factories import (
    AgreementFactory,
    ArticleFactory,
    MeetingFactory,
    OfficeFactory,
    ParticipantFactory,
    PersonFactory,
)

pytestmark = pytest.mark.django_db


def test_root_lists_every_endpoint(api_client):
    response = api_client.get("/api/")
    assert response.status_code == 200
    assert set(response.json()) == {"countries", "persons", "offices", "meetings", "agreements", "articles"}


@pytest.mark.parametrize("endpoint", ["countries", "persons", "offices", "meetings", "agreements", "articles"])
def test_list_is_a_page(api_client, endpoint):
    body = api_client.get(f"/api/{endpoint}/").json()
    assert set(body) == {"count", "next", "previous", "results"}


def test_country_detail_by_code_in_any_case(api_client):
    assert api_client.get("/api/countries/jp/").json()["name"] == "Japan"


def test_countries_are_all_there_after_migrate(api_client):
    assert api_client.get("/api/countries/").json()["count"] > 240


def test_person_detail(api_client):
    person = PersonFactory(name="Yoko Kamikawa")
    assert api_client.get(f"/api/persons/{person.pk}/").json()["name"] == "Yoko Kamikawa"


def test_office_detail(api_client):
    office = OfficeFactory(title="Foreign Minister")
    body = api_client.get(f"/api/offices/{office.pk}/").json()
    assert (body["title"], body["country"]["code"]) == ("Foreign Minister", "JP")


def test_meeting_detail(api_client):
    meeting = MeetingFactory(title="Quad foreign ministers")
    assert api_client.get(f"/api/meetings/{meeting.pk}/").json()["title"] == "Quad foreign ministers"


def test_agreement_detail(api_client):
    agreement = AgreementFactory(name="Acquisition and Cross-Servicing Agreement")
    assert api_client.get(f"/api/agreements/{agreement.pk}/").json()["name"] == agreement.name


def test_article_detail_carries_the_text(api_client):
    article = ArticleFactory(text="The ministers met in Tokyo.")
    assert api_client.get(f"/api/articles/{article.pk}/").json()["text"] == "The ministers met in Tokyo."


@pytest.mark.parametrize("stored", ["/home/ingest/corpus/2024/modi-kishida.txt", r"C:\corpus\modi-kishida.txt"])
def test_articles_show_the_file_name_never_the_machines_path(api_client, stored):
    ArticleFactory(file_name=stored)
    assert api_client.get("/api/articles/").json()["results"][0]["file_name"] == "modi-kishida.txt"


def test_article_list_leaves_the_text_out(api_client):
    ArticleFactory()
    assert "text" not in api_client.get("/api/articles/").json()["results"][0]


def test_person_meetings_lists_only_theirs(api_client):
    person = PersonFactory()
    theirs = ParticipantFactory(person=person).meeting
    ParticipantFactory()
    body = api_client.get(f"/api/persons/{person.pk}/meetings/").json()
    assert [m["id"] for m in body["results"]] == [theirs.pk]


def test_person_meetings_takes_meeting_filters(api_client):
    person = PersonFactory()
    ParticipantFactory(person=person, meeting=MeetingFactory(kind="phone_call"))
    ParticipantFactory(person=person, meeting=MeetingFactory(kind="summit"))
    body = api_client.get(f"/api/persons/{person.pk}/meetings/?kind=summit").json()
    assert [m["kind"] for m in body["results"]] == ["summit"]


def test_person_link_leads_to_their_meetings(api_client):
    person = PersonFactory()
    link = api_client.get(f"/api/persons/{person.pk}/").json()["meetings"]
    assert link.endswith(f"/api/persons/{person.pk}/meetings/")


def test_person_meetings_of_unknown_person_is_404(api_client):
    assert api_client.get("/api/persons/999999/meetings/").status_code == 404


def test_page_size_is_capped_at_500(api_client):
    MeetingFactory.create_batch(2)
    body = api_client.get("/api/meetings/?page_size=501").json()
    assert body["count"] == 2 and body["next"] is None


def test_next_link_pages_through(api_client):
    MeetingFactory.create_batch(3)
    first = api_client.get("/api/meetings/?page_size=2").json()
    second = api_client.get(first["next"]).json()
    ids = [m["id"] for m in first["results"] + second["results"]]
    assert len(set(ids)) == 3
