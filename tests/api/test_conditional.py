"""Conditional requests on the records curators edit (events.api.conditional): a detail read carries an ETag,
If-None-Match answers 304 while the record is unchanged, and a write whose If-Match names an older version is
refused with 412, so a client's PUT built from what it read before an ingest cannot write the ingest's fields back."""
import pytest

from events.models import Agreement, Meeting, Office, Person
from tests.api.conftest import user_with
from tests.factories import (
    AgreementFactory,
    MeetingFactory,
    MeetingSourceFactory,
    OfficeFactory,
    PersonFactory,
    country,
)

pytestmark = pytest.mark.django_db

RECORDS = {
    "persons": (PersonFactory, {"notes": "Checked."}),
    "meetings": (MeetingFactory, {"summary": "Talks on trade."}),
    "agreements": (AgreementFactory, {"status": "in_force"}),
    "offices": (OfficeFactory, {"ministry": "Ministry of External Affairs"}),
}


@pytest.fixture
def curator_client(api_client):
    models = ("person", "meeting", "agreement", "office")
    api_client.force_authenticate(user_with(*(f"{verb}_{model}" for verb in ("add", "change", "delete")
                                              for model in models)))
    return api_client


def read(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return response.json(), response["ETag"]


def put_body(representation: dict) -> dict:
    """What a client sends back: the representation, less what the API shows but does not take."""
    shown_only = {"id", "uid", "participants", "agreements", "sources", "tenures", "offices", "meetings",
                  "locked_fields", "created_at", "updated_at"}
    return {name: value for name, value in representation.items() if name not in shown_only}


@pytest.mark.parametrize("resource", RECORDS)
def test_a_detail_read_has_a_strong_etag_that_changes_with_the_record(curator_client, resource):
    factory, change = RECORDS[resource]
    url = f"/api/{resource}/{factory().pk}/"
    _, first = read(curator_client, url)
    _, again = read(curator_client, url)
    assert first == again and first.startswith('"') and first.endswith('"')
    assert curator_client.patch(url, change, format="json").status_code == 200
    _, changed = read(curator_client, url)
    assert changed != first


@pytest.mark.parametrize("resource", RECORDS)
def test_if_none_match_answers_304_while_the_record_is_unchanged(curator_client, resource):
    factory, change = RECORDS[resource]
    url = f"/api/{resource}/{factory().pk}/"
    _, tag = read(curator_client, url)
    for header in (tag, f"W/{tag}", f'"other", {tag}', "*"):
        response = curator_client.get(url, HTTP_IF_NONE_MATCH=header)
        assert (response.status_code, response.content, response["ETag"]) == (304, b"", tag), header
    assert curator_client.get(url, HTTP_IF_NONE_MATCH='"other"').status_code == 200
    curator_client.patch(url, change, format="json")
    assert curator_client.get(url, HTTP_IF_NONE_MATCH=tag).status_code == 200


def test_a_put_read_before_an_ingest_is_refused_with_if_match_and_writes_nothing(curator_client):
    meeting = MeetingFactory(city="", country=None)
    url = f"/api/meetings/{meeting.pk}/"
    representation, tag = read(curator_client, url)
    # An ingest meanwhile: it places the meeting and adds its article as a source.
    Meeting.objects.filter(pk=meeting.pk).update(city="Tokyo", country=country("JP"))
    MeetingSourceFactory(record=meeting)
    body = {**put_body(representation), "title": "India-Japan summit"}
    response = curator_client.put(url, body, format="json", HTTP_IF_MATCH=tag)
    assert response.status_code == 412 and "changed since" in response.json()["detail"]
    meeting.refresh_from_db()
    assert (meeting.title, meeting.city, meeting.country.code, meeting.locked_fields) == (
        representation["title"], "Tokyo", "JP", [])


def test_the_same_put_without_if_match_still_writes_its_stale_values(curator_client):
    """Allowed, for clients written before If-Match: the request's base is the row as the server reads it, so the
    location the client never saw counts as its change, is written back and locked."""
    meeting = MeetingFactory(city="", country=None)
    url = f"/api/meetings/{meeting.pk}/"
    representation, _ = read(curator_client, url)
    Meeting.objects.filter(pk=meeting.pk).update(city="Tokyo", country=country("JP"))
    response = curator_client.put(url, {**put_body(representation), "title": "India-Japan summit"}, format="json")
    assert response.status_code == 200
    meeting.refresh_from_db()
    assert (meeting.title, meeting.city, meeting.locked_fields) == ("India-Japan summit", "", ["city", "country", "title"])


def test_a_put_whose_if_match_is_current_changes_and_locks_only_what_the_curator_changed(curator_client):
    meeting = MeetingFactory(city="", country=None)
    url = f"/api/meetings/{meeting.pk}/"
    Meeting.objects.filter(pk=meeting.pk).update(city="Tokyo", country=country("JP"))
    representation, tag = read(curator_client, url)  # read again after the ingest: the current version
    response = curator_client.put(url, {**put_body(representation), "title": "India-Japan summit"}, format="json",
                                  HTTP_IF_MATCH=tag)
    assert response.status_code == 200
    meeting.refresh_from_db()
    assert (meeting.title, meeting.city, meeting.locked_fields) == ("India-Japan summit", "Tokyo", ["title"])
    # The answer is the record as a read shows it now, with that version's tag: the next write can name it.
    after, now = read(curator_client, url)
    assert (response.json(), response["ETag"]) == (after, now)
    assert curator_client.patch(url, {"summary": "Rail."}, format="json", HTTP_IF_MATCH=now).status_code == 200


@pytest.mark.parametrize("resource", RECORDS)
def test_a_patch_with_an_older_etag_is_412_and_one_with_the_current_is_written(curator_client, resource):
    factory, change = RECORDS[resource]
    url = f"/api/{resource}/{factory().pk}/"
    _, old = read(curator_client, url)
    assert curator_client.patch(url, change, format="json").status_code == 200  # another writer, meanwhile
    before = read(curator_client, url)
    assert curator_client.patch(url, change, format="json", HTTP_IF_MATCH=old).status_code == 412
    assert read(curator_client, url) == before
    assert curator_client.patch(url, change, format="json", HTTP_IF_MATCH=f'"x", {before[1]}').status_code == 200


def test_a_weak_or_malformed_if_match_never_matches(curator_client):
    url = f"/api/persons/{PersonFactory().pk}/"
    _, tag = read(curator_client, url)
    for header in (f"W/{tag}", tag.strip('"'), "", f"{tag} junk"):
        assert curator_client.patch(url, {"notes": "x"}, format="json", HTTP_IF_MATCH=header).status_code == 412
    assert curator_client.patch(url, {"notes": "x"}, format="json", HTTP_IF_MATCH="*").status_code == 200


@pytest.mark.parametrize("model, resource", [(Person, "persons"), (Meeting, "meetings"), (Agreement, "agreements"),
                                             (Office, "offices")])
def test_a_delete_with_an_older_etag_is_412_and_deletes_nothing(curator_client, model, resource):
    factory, change = RECORDS[resource]
    record = factory()
    url = f"/api/{resource}/{record.pk}/"
    _, old = read(curator_client, url)
    curator_client.patch(url, change, format="json")
    assert curator_client.delete(url, HTTP_IF_MATCH=old).status_code == 412
    assert model.objects.filter(pk=record.pk).exists()
    _, current = read(curator_client, url)
    assert curator_client.delete(url, HTTP_IF_MATCH=current).status_code == 204
    assert not model.objects.filter(pk=record.pk).exists()


def test_an_anonymous_reader_gets_etags_and_304s_too(api_client):
    url = f"/api/meetings/{MeetingFactory().pk}/"
    tag = api_client.get(url)["ETag"]
    assert api_client.get(url, HTTP_IF_NONE_MATCH=tag).status_code == 304


def test_the_schema_documents_the_conditions(api_client):
    schema = api_client.get("/api/schema/?format=json").json()
    for resource in RECORDS:
        path = schema["paths"][f"/api/{resource}/{{id}}/"]
        assert "ETag" in path["get"]["responses"]["200"]["headers"] and "304" in path["get"]["responses"]
        assert any(p["name"] == "If-None-Match" and p["in"] == "header" for p in path["get"]["parameters"])
        for method in ("put", "patch", "delete"):
            assert "412" in path[method]["responses"]
            assert any(p["name"] == "If-Match" and p["in"] == "header" for p in path[method]["parameters"])
    assert "412" not in schema["paths"]["/api/persons/"]["post"]["responses"]


def test_a_put_read_before_a_real_ingest_dated_the_meeting_is_412(curator_client, ingest_context):
    """The case of issue 9, through the pipeline: a curator reads a meeting known to its month, an article then dates
    it to the day, and the curator's PUT of what it read (a title changed) is refused instead of writing the month
    back and locking it."""
    from tests.curation.ingest import WONG_MARSUDI, ingest

    ingest(ingest_context, WONG_MARSUDI.replace("on March 5, 2024", "in March 2024"), "month.txt")
    meeting = Meeting.objects.get()
    url = f"/api/meetings/{meeting.pk}/"
    representation, tag = read(curator_client, url)
    assert (representation["date"], representation["date_precision"]) == ("2024-03-01", "month")
    ingest(ingest_context, WONG_MARSUDI, "day.txt")
    body = {**put_body(representation), "title": "Wong-Marsudi talks"}
    assert curator_client.put(url, body, format="json", HTTP_IF_MATCH=tag).status_code == 412
    meeting.refresh_from_db()
    assert (str(meeting.date), meeting.date_precision, meeting.locked_fields) == ("2024-03-05", "day", [])
    representation, tag = read(curator_client, url)
    body = {**put_body(representation), "title": "Wong-Marsudi talks"}
    assert curator_client.put(url, body, format="json", HTTP_IF_MATCH=tag).status_code == 200
    meeting.refresh_from_db()
    assert (str(meeting.date), meeting.title, meeting.locked_fields) == ("2024-03-05", "Wong-Marsudi talks", ["title"])
