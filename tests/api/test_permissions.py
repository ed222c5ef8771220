"""Anyone reads; a write needs an authenticated user with the model permission."""
import pytest
from django.contrib.auth.models import AnonymousUser
from rest_framework.authtoken.models import Token
from rest_framework.request import Request
from rest_framework.test import APIClient, APIRequestFactory
from rest_framework.views import APIView

from events.api.permissions import ModelPermissionsOrAnonReadOnly
from tests.factories import AgreementFactory, MeetingFactory, ParticipantFactory, PersonFactory

pytestmark = pytest.mark.django_db

NEW_PERSON = {"name": "Penny Wong", "country": "AU"}


def test_anonymous_reads(api_client):
    assert api_client.get("/api/persons/").status_code == 200


def test_anonymous_write_is_refused_with_401(api_client):
    response = api_client.post("/api/persons/", NEW_PERSON, format="json")
    assert response.status_code == 401
    assert response["WWW-Authenticate"] == "Token"


def test_anonymous_delete_is_refused(api_client):
    person = PersonFactory()
    assert api_client.delete(f"/api/persons/{person.pk}/").status_code == 401


def test_authenticated_without_permission_is_403(api_client, reader):
    api_client.force_authenticate(reader)
    assert api_client.post("/api/persons/", NEW_PERSON, format="json").status_code == 403


def test_authenticated_without_permission_still_reads(api_client, reader):
    api_client.force_authenticate(reader)
    assert api_client.get("/api/meetings/").status_code == 200


def test_with_add_permission_creates(curator_client):
    assert curator_client.post("/api/persons/", NEW_PERSON, format="json").status_code == 201


def test_change_permission_does_not_grant_delete(curator_client):
    person = PersonFactory()
    assert curator_client.delete(f"/api/persons/{person.pk}/").status_code == 403


def test_token_authenticates_a_write(api_client, curator):
    token = Token.objects.create(user=curator)
    api_client.credentials(HTTP_AUTHORIZATION=f"Token {token.key}")
    assert api_client.post("/api/persons/", NEW_PERSON, format="json").status_code == 201


def test_wrong_token_is_401(api_client):
    api_client.credentials(HTTP_AUTHORIZATION="Token not-a-real-token")
    assert api_client.get("/api/persons/").status_code == 401


def test_session_write_needs_csrf(curator):
    client = APIClient(enforce_csrf_checks=True)
    client.force_login(curator)
    assert client.post("/api/persons/", NEW_PERSON, format="json").status_code == 403


class QuerysetRefused(APIView):
    def get_queryset(self):
        raise AssertionError("the permission check built the view's queryset")


def test_a_read_is_allowed_without_building_the_views_queryset():
    request = Request(APIRequestFactory().get("/api/meetings/"))
    request.user = AnonymousUser()
    assert ModelPermissionsOrAnonReadOnly().has_permission(request, QuerysetRefused()) is True


def test_countries_are_read_only_even_for_a_superuser(api_client, django_user_model):
    api_client.force_authenticate(django_user_model.objects.create_superuser("root", password="x-long-pass-1"))
    assert api_client.post("/api/countries/", {"code": "XK", "name": "Kosovo"}, format="json").status_code == 405


# ----------------------------------------------------------------------------- rejected records


def test_rejected_record_is_hidden_from_anonymous_lists(api_client):
    MeetingFactory(review_state="rejected")
    assert api_client.get("/api/meetings/").json()["count"] == 0


def test_anonymous_cannot_ask_for_rejected_records(api_client):
    MeetingFactory(review_state="rejected")
    assert api_client.get("/api/meetings/?review_state=rejected").json()["count"] == 0


def test_rejected_record_detail_is_404_for_anonymous(api_client):
    meeting = MeetingFactory(review_state="rejected")
    assert api_client.get(f"/api/meetings/{meeting.pk}/").status_code == 404


def test_reader_without_change_permission_cannot_ask_for_rejected(api_client, reader):
    api_client.force_authenticate(reader)
    MeetingFactory(review_state="rejected")
    assert api_client.get("/api/meetings/?review_state=rejected").json()["count"] == 0


def test_curator_lists_rejected_records_on_asking(curator_client):
    rejected = MeetingFactory(review_state="rejected")
    MeetingFactory()
    body = curator_client.get("/api/meetings/?review_state=rejected").json()
    assert [m["id"] for m in body["results"]] == [rejected.pk]


def test_curator_default_list_leaves_rejected_out(curator_client):
    MeetingFactory(review_state="rejected")
    assert curator_client.get("/api/meetings/").json()["count"] == 0


def test_curator_opens_a_rejected_record(curator_client):
    person = PersonFactory(review_state="rejected")
    assert curator_client.get(f"/api/persons/{person.pk}/").status_code == 200


def test_rejected_agreement_is_not_listed_under_its_meeting(api_client):
    meeting = MeetingFactory()
    meeting.agreements.add(AgreementFactory(review_state="rejected"))
    assert api_client.get(f"/api/meetings/{meeting.pk}/").json()["agreements"] == []


def participant_names(client, meeting) -> list[str]:
    return sorted(p["name"] for p in client.get(f"/api/meetings/{meeting.pk}/").json()["participants"])


@pytest.fixture
def meeting_with_a_rejected_person():
    meeting = MeetingFactory()
    ParticipantFactory(meeting=meeting, person=PersonFactory(name="Narendra Modi"))
    ParticipantFactory(meeting=meeting, person=PersonFactory(name="Not A Person", review_state="rejected"))
    ParticipantFactory(meeting=meeting, person=None, raw_name="an aide")
    return meeting


def test_rejected_person_is_not_among_a_meetings_participants(api_client, meeting_with_a_rejected_person):
    assert participant_names(api_client, meeting_with_a_rejected_person) == ["Narendra Modi", "an aide"]


def test_rejected_person_is_not_among_participants_in_lists(api_client, meeting_with_a_rejected_person):
    participants = api_client.get("/api/meetings/").json()["results"][0]["participants"]
    assert "Not A Person" not in {p["name"] for p in participants}


def test_rejected_person_is_not_among_participants_of_person_meetings(api_client, meeting_with_a_rejected_person):
    modi = meeting_with_a_rejected_person.participants.get(raw_name="Narendra Modi").person
    participants = api_client.get(f"/api/persons/{modi.pk}/meetings/").json()["results"][0]["participants"]
    assert "Not A Person" not in {p["name"] for p in participants}


def test_curator_of_persons_sees_the_rejected_participant(curator_client, meeting_with_a_rejected_person):
    assert "Not A Person" in participant_names(curator_client, meeting_with_a_rejected_person)
