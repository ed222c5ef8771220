"""What a curator writes, and that a write locks the fields it set."""
import datetime

import pytest

from events.models import Agreement, Meeting, Person
from tests.factories import (
    AgreementFactory,
    MeetingFactory,
    OfficeFactory,
    PersonAliasFactory,
    PersonFactory,
    TenureFactory,
)

pytestmark = pytest.mark.django_db


def test_create_person_with_aliases_and_country_object(curator_client):
    response = curator_client.post(
        "/api/persons/", {"name": "Yoko Kamikawa", "aliases": ["Kamikawa Yoko"], "country": {"code": "jp"}},
        format="json",
    )
    person = Person.objects.get(pk=response.json()["id"])
    assert (person.country.code, [a.name for a in person.aliases.all()]) == ("JP", ["Kamikawa Yoko"])


def test_update_replaces_aliases_ignoring_case(curator_client):
    person = PersonFactory()
    PersonAliasFactory(person=person, name="Kamikawa")
    PersonAliasFactory(person=person, name="Old Spelling")
    curator_client.patch(f"/api/persons/{person.pk}/", {"aliases": ["KAMIKAWA", "Kamikawa Yoko"]}, format="json")
    assert sorted(a.name for a in person.aliases.all()) == ["Kamikawa", "Kamikawa Yoko"]


def test_unknown_country_code_is_400(curator_client):
    response = curator_client.post("/api/persons/", {"name": "X", "country": "QQ"}, format="json")
    assert response.status_code == 400 and "country" in response.json()


def test_patch_locks_the_edited_field(curator_client):
    person = PersonFactory()
    curator_client.patch(f"/api/persons/{person.pk}/", {"name": "Corrected Name"}, format="json")
    person.refresh_from_db()
    assert person.locked_fields == ["name"]


def test_meeting_location_is_written_to_city_and_country(curator_client):
    meeting = MeetingFactory()
    curator_client.patch(f"/api/meetings/{meeting.pk}/", {"location": {"city": "Tokyo", "country": "JP"}},
                         format="json")
    meeting.refresh_from_db()
    assert (meeting.city, meeting.country.code, meeting.locked_fields) == ("Tokyo", "JP", ["city", "country"])


def test_month_precision_date_is_stored_as_the_first_of_the_month(curator_client):
    response = curator_client.post(
        "/api/meetings/", {"title": "Talks", "date": "2024-06-14", "date_precision": "month"}, format="json"
    )
    assert Meeting.objects.get(pk=response.json()["id"]).date == datetime.date(2024, 6, 1)


def test_date_without_precision_is_400(curator_client):
    response = curator_client.post("/api/meetings/", {"title": "Talks", "date": "2024-06-14"}, format="json")
    assert response.status_code == 400 and "date_precision" in response.json()


def test_end_before_start_is_400(curator_client):
    meeting = MeetingFactory(date=datetime.date(2024, 6, 14))
    response = curator_client.patch(f"/api/meetings/{meeting.pk}/", {"end_date": "2024-06-01"}, format="json")
    assert response.status_code == 400 and "end_date" in response.json()


def test_agreement_parties_are_written_by_code(curator_client):
    agreement = AgreementFactory(parties=["IN", "JP"])
    curator_client.patch(f"/api/agreements/{agreement.pk}/", {"parties": ["IN", "JP", "AU"]}, format="json")
    assert sorted(c.code for c in Agreement.objects.get(pk=agreement.pk).parties.all()) == ["AU", "IN", "JP"]


def test_curator_rejects_a_record(curator_client):
    person = PersonFactory()
    curator_client.patch(f"/api/persons/{person.pk}/", {"review_state": "rejected"}, format="json")
    person.refresh_from_db()
    assert person.review_state == "rejected"


def test_writing_a_nested_read_only_list_is_400(curator_client):
    # Answering 200 having changed nothing would tell the client its participants were saved.
    meeting = MeetingFactory()
    response = curator_client.patch(f"/api/meetings/{meeting.pk}/", {"participants": [{"name": "X"}]}, format="json")
    assert response.status_code == 400 and "participants" in response.json()


# ----------------------------------------------------------------------------- refused writes


@pytest.fixture
def superuser_client(api_client, django_user_model):
    api_client.force_authenticate(django_user_model.objects.create_superuser("root", password="x-long-pass-1"))
    return api_client


def test_deleting_an_office_someone_holds_is_409_with_the_reason(superuser_client):
    office = TenureFactory().office
    response = superuser_client.delete(f"/api/offices/{office.pk}/")
    assert (response.status_code, response.json()["detail"]) == (
        409, "Cannot delete it: 1 tenure refers to it. Change or delete those first.")


def test_deleting_an_office_nobody_holds_succeeds(superuser_client):
    office = OfficeFactory(title="Minister of Culture")
    assert superuser_client.delete(f"/api/offices/{office.pk}/").status_code == 204


def test_deeply_nested_json_is_400(curator_client):
    body = "[" * 100_000 + "]" * 100_000
    response = curator_client.post("/api/persons/", body, content_type="application/json")
    assert response.status_code == 400 and "nested too deeply" in response.json()["detail"]


# A PUT sends every field: only those whose value it changes are the curator's (written and locked).
MEETING_BODY = ["date", "date_precision", "date_text", "end_date", "kind", "status", "title", "summary", "occasion",
                "location", "review_state"]


def test_a_put_locks_only_the_fields_whose_value_it_changes(curator_client):
    meeting = MeetingFactory(date_text="on 20 August")
    shown = curator_client.get(f"/api/meetings/{meeting.pk}/").json()
    body = {name: shown[name] for name in MEETING_BODY} | {"location": {"city": "Agra", "country": "IN"}}
    response = curator_client.put(f"/api/meetings/{meeting.pk}/", body, format="json")
    assert response.status_code == 200, response.content
    meeting.refresh_from_db()
    assert (meeting.city, meeting.date_text, meeting.locked_fields) == ("Agra", "on 20 August", ["city"])


def test_a_put_of_an_agreement_locks_no_unchanged_parties(curator_client):
    agreement = AgreementFactory(parties=["IN", "JP"])
    shown = curator_client.get(f"/api/agreements/{agreement.pk}/").json()
    body = {name: shown[name] for name in ["name", "aliases", "kind", "status", "parties", "review_state"]}
    response = curator_client.put(f"/api/agreements/{agreement.pk}/", body | {"status": "in_force"}, format="json")
    assert response.status_code == 200, response.content
    assert Agreement.objects.get(pk=agreement.pk).locked_fields == ["status"]
