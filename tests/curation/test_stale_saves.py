"""A curator's save writes what the curator changed and nothing else: what an ingest wrote to the record's other fields
after the curator's page or request read it survives the save (through the admin's change form, the rows on a record's
page, a revert, and the API's PATCH and PUT). The ingest here runs between the read and the save on the same
connection, on SQLite and PostgreSQL alike; tests/reliability/test_curator_during_ingest.py runs the two at once on
PostgreSQL."""
from __future__ import annotations

import datetime

import pytest

from events.admin import history
from events.admin.records import PersonAdmin
from events.api import views
from events.models import Agreement, Meeting, Person
from tests import factories
from tests.curation.ingest import WONG_MARSUDI, ingest, wong
from tests.curation.test_participant_history import revert_to
from tests.test_admin import change_form_data, save_change, url

pytestmark = pytest.mark.django_db

# The meeting of WONG_MARSUDI known only to its month; WONG_MARSUDI itself dates it to the day.
WONG_MARSUDI_IN_MARCH = WONG_MARSUDI.replace("on March 5, 2024", "in March 2024")
SIGNED_AT_TOKYO = ("Indian Prime Minister Narendra Modi and Japanese Prime Minister Fumio Kishida signed a Memorandum "
                   "of Understanding on Maritime Cooperation in Tokyo on March 5, 2024.\n")
# Gives Penny Wong the alias "Wong".
WONG_AGAIN = "Foreign Minister Wong met Retno Marsudi in Jakarta on May 2, 2024.\n"


def month_meeting(context) -> Meeting:
    ingest(context, WONG_MARSUDI_IN_MARCH, "month.txt")
    meeting = Meeting.objects.get()
    assert (meeting.date, meeting.date_precision) == (datetime.date(2024, 3, 1), "month")
    return meeting


def dated_by_the_ingest(meeting: Meeting) -> tuple:
    meeting.refresh_from_db()
    return meeting.date, meeting.date_precision


def agreement_of_india() -> Agreement:
    """The agreement SIGNED_AT_TOKYO names, known with one party: the article adds Japan."""
    return factories.AgreementFactory(name="Memorandum of Understanding on Maritime Cooperation", kind="mou",
                                      parties=["IN"])


def party_codes(agreement: Agreement) -> list[str]:
    return sorted(agreement.parties.values_list("code", flat=True))


@pytest.fixture
def curator_client(api_client, admin_user):
    api_client.force_authenticate(admin_user)
    return api_client


@pytest.fixture
def ingest_before_the_save(monkeypatch, ingest_context):
    """Make the API's update run an ingest of `text` after the view has read the record and validated the request,
    before the serializer saves: an ingest that committed in between."""
    def arrange(viewset: type, text: str, name: str = "meanwhile.txt") -> None:
        perform_update = viewset.perform_update

        def with_an_ingest_first(self, serializer):
            ingest(ingest_context, text, name)
            return perform_update(self, serializer)
        monkeypatch.setattr(viewset, "perform_update", with_an_ingest_first)
    return arrange


# The admin ---------------------------------------------------------------------------------------

def test_an_admin_save_keeps_the_date_an_ingest_set_after_the_page_was_opened(ingest_context, admin_client):
    meeting = month_meeting(ingest_context)
    data = change_form_data(admin_client.get(url(Meeting, "change", meeting.pk)))
    ingest(ingest_context, WONG_MARSUDI, "day.txt")
    response = admin_client.post(url(Meeting, "change", meeting.pk), data | {"city": "Bogor"})
    assert response.status_code == 302
    assert dated_by_the_ingest(meeting) == (datetime.date(2024, 3, 5), "day")
    assert (meeting.city, meeting.locked_fields) == ("Bogor", ["city"])


def test_the_admin_saves_version_holds_the_ingests_date(ingest_context, admin_client):
    meeting = month_meeting(ingest_context)
    data = change_form_data(admin_client.get(url(Meeting, "change", meeting.pk)))
    ingest(ingest_context, WONG_MARSUDI, "day.txt")
    admin_client.post(url(Meeting, "change", meeting.pk), data | {"city": "Bogor"})
    latest = meeting.history.latest()
    assert (latest.city, latest.date, latest.history_change_reason) == (
        "Bogor", datetime.date(2024, 3, 5), "edited in the admin")


def test_an_admin_save_keeps_a_party_an_ingest_added_after_the_page_was_opened(ingest_context, admin_client):
    agreement = agreement_of_india()
    data = change_form_data(admin_client.get(url(Agreement, "change", agreement.pk)))
    ingest(ingest_context, SIGNED_AT_TOKYO, "tokyo.txt")
    assert party_codes(agreement) == ["IN", "JP"]
    response = admin_client.post(url(Agreement, "change", agreement.pk), data | {"kind": "agreement"})
    assert response.status_code == 302
    agreement.refresh_from_db()
    assert (party_codes(agreement), agreement.kind, agreement.locked_fields) == (["IN", "JP"], "agreement", ["kind"])


def test_an_admin_save_still_writes_the_parties_the_curator_changed(ingest_context, admin_client):
    agreement = agreement_of_india()
    data = change_form_data(admin_client.get(url(Agreement, "change", agreement.pk)))
    ingest(ingest_context, SIGNED_AT_TOKYO, "tokyo.txt")
    admin_client.post(url(Agreement, "change", agreement.pk), data | {"parties": [factories.country("AU").pk]})
    agreement.refresh_from_db()
    assert (party_codes(agreement), agreement.locked_fields) == (["AU"], ["parties"])


# The API -------------------------------------------------------------------------------------------

def test_a_patch_keeps_the_date_an_ingest_set_after_the_request_read_the_meeting(
        ingest_context, curator_client, ingest_before_the_save):
    meeting = month_meeting(ingest_context)
    ingest_before_the_save(views.MeetingViewSet, WONG_MARSUDI)
    response = curator_client.patch(f"/api/meetings/{meeting.pk}/", {"location": {"city": "Bogor"}}, format="json")
    assert response.status_code == 200, response.content
    assert (response.json()["date"], response.json()["date_precision"]) == ("2024-03-05", "day")
    assert dated_by_the_ingest(meeting) == (datetime.date(2024, 3, 5), "day")
    assert (meeting.city, meeting.locked_fields) == ("Bogor", ["city"])


MEETING_FIELDS = ["date", "date_precision", "date_text", "end_date", "kind", "status", "title", "summary", "occasion",
                  "review_state"]


def test_a_put_keeps_the_date_an_ingest_set_after_the_request_read_the_meeting(
        ingest_context, curator_client, ingest_before_the_save):
    meeting = month_meeting(ingest_context)
    shown = curator_client.get(f"/api/meetings/{meeting.pk}/").json()
    body = {name: shown[name] for name in MEETING_FIELDS} | {"location": {"city": "Bogor", "country": "ID"}}
    ingest_before_the_save(views.MeetingViewSet, WONG_MARSUDI)
    response = curator_client.put(f"/api/meetings/{meeting.pk}/", body, format="json")
    assert response.status_code == 200, response.content
    assert dated_by_the_ingest(meeting) == (datetime.date(2024, 3, 5), "day")
    assert meeting.city == "Bogor"


def test_a_put_keeps_a_party_an_ingest_added_after_the_request_read_the_agreement(
        curator_client, ingest_before_the_save):
    agreement = agreement_of_india()
    shown = curator_client.get(f"/api/agreements/{agreement.pk}/").json()
    body = {name: shown[name] for name in ["name", "aliases", "kind", "status", "parties", "review_state"]}
    ingest_before_the_save(views.AgreementViewSet, SIGNED_AT_TOKYO)
    response = curator_client.put(f"/api/agreements/{agreement.pk}/", body | {"kind": "agreement"}, format="json")
    assert response.status_code == 200, response.content
    assert (party_codes(agreement), Agreement.objects.get(pk=agreement.pk).kind) == (["IN", "JP"], "agreement")


def test_a_patch_still_writes_the_parties_the_curator_changed(curator_client, ingest_before_the_save):
    agreement = agreement_of_india()
    ingest_before_the_save(views.AgreementViewSet, SIGNED_AT_TOKYO)
    response = curator_client.patch(f"/api/agreements/{agreement.pk}/", {"parties": ["AU"]}, format="json")
    assert response.status_code == 200, response.content
    assert party_codes(agreement) == ["AU"]


def test_a_put_keeps_an_alias_an_ingest_added_after_the_request_read_the_person(
        ingest_context, curator_client, ingest_before_the_save):
    ingest(ingest_context, WONG_MARSUDI, "first.txt")
    person = wong()
    shown = curator_client.get(f"/api/persons/{person.pk}/").json()
    assert "Wong" not in shown["aliases"]
    body = {name: shown[name] for name in ["name", "aliases", "country", "notes", "review_state"]}
    ingest_before_the_save(views.PersonViewSet, WONG_AGAIN)
    response = curator_client.put(f"/api/persons/{person.pk}/", body | {"notes": "Checked."}, format="json")
    assert response.status_code == 200, response.content
    assert "Wong" in Person.objects.get(pk=person.pk).aliases.values_list("name", flat=True)


# Rows on a record's page and a revert ------------------------------------------------------------

# WONG_MARSUDI without its date: Penny Wong's tenure is made, seen on no day.
WONG_MARSUDI_UNDATED = WONG_MARSUDI.replace(" on March 5, 2024", "")


def row_key(data: dict, prefix: str, pk: int) -> str:
    """The form prefix ("participants-0") of the inline row of `pk` in a change page's POST data."""
    key = next(key for key, value in data.items()
               if key.startswith(f"{prefix}-") and key.endswith("-id") and str(value) == str(pk))
    return key.removesuffix("-id")


@pytest.fixture
def ingest_during_the_admin_save(monkeypatch, ingest_context):
    """Make the admin's POST of `admin_class` run an ingest of `text` after the page's forms and rows were read from
    the database, before they are saved: an ingest that committed in between."""
    def arrange(admin_class: type, text: str, name: str = "meanwhile.txt") -> None:
        save_model = admin_class.save_model

        def with_an_ingest_first(self, request, obj, form, change):
            ingest(ingest_context, text, name)
            return save_model(self, request, obj, form, change)
        monkeypatch.setattr(admin_class, "save_model", with_an_ingest_first)
    return arrange


def test_a_tenure_row_saved_on_a_persons_page_keeps_the_sightings_an_ingest_wrote_meanwhile(
        ingest_context, admin_client, ingest_during_the_admin_save):
    ingest(ingest_context, WONG_MARSUDI_UNDATED, "undated.txt")
    tenure = wong().tenures.get()
    assert tenure.seen_from is None
    data = change_form_data(admin_client.get(url(Person, "change", tenure.person_id)))
    row = row_key(data, "tenures", tenure.pk)
    ingest_during_the_admin_save(PersonAdmin, WONG_MARSUDI)
    response = admin_client.post(url(Person, "change", tenure.person_id),
                                 data | {f"{row}-end_date": "2025-01-31", f"{row}-end_precision": "day"})
    assert response.status_code == 302
    tenure.refresh_from_db()
    assert (tenure.seen_from, tenure.end_date) == (datetime.date(2024, 3, 5), datetime.date(2025, 1, 31))


def test_a_tenure_field_written_after_the_page_was_opened_is_neither_written_back_nor_locked(admin_client):
    tenure = factories.TenureFactory()
    data = change_form_data(admin_client.get(url(Person, "change", tenure.person_id)))
    row = row_key(data, "tenures", tenure.pk)
    # Another save of the row (another curator's, on the tenure's own page) after this page was opened.
    type(tenure).objects.filter(pk=tenure.pk).update(start_date=datetime.date(2024, 11, 5))
    response = admin_client.post(url(Person, "change", tenure.person_id),
                                 data | {f"{row}-end_date": "2025-01-31", f"{row}-end_precision": "day"})
    assert response.status_code == 302
    tenure.refresh_from_db()
    assert (tenure.start_date, tenure.locked_fields) == (datetime.date(2024, 11, 5), ["end_date", "end_precision"])


def _side_saved_after_the_office_changed(admin_client):
    """A curator sets a participant's side on a meeting page opened before another save gave the row an office."""
    participant = factories.ParticipantFactory()
    meeting = participant.meeting
    data = change_form_data(admin_client.get(url(Meeting, "change", meeting.pk)))
    row = row_key(data, "participants", participant.pk)
    office = factories.OfficeFactory(title="Foreign Minister", kind="foreign_minister")
    type(participant).objects.filter(pk=participant.pk).update(office=office)
    response = admin_client.post(url(Meeting, "change", meeting.pk), data | {f"{row}-side": "guest"})
    return participant, office, response


def test_a_participant_field_written_after_the_page_was_opened_is_not_written_back(admin_client):
    participant, office, response = _side_saved_after_the_office_changed(admin_client)
    assert response.status_code == 302
    participant.refresh_from_db()
    assert (participant.office, participant.side) == (office, "guest")


def test_a_participant_rows_history_version_is_the_row_as_it_is_with_the_curators_change(admin_client):
    participant, office, _ = _side_saved_after_the_office_changed(admin_client)
    latest = participant.history.latest()
    assert (latest.office_id, latest.side, latest.history_change_reason) == (office.pk, "guest", "edited in the admin")


@pytest.fixture
def ingest_during_the_revert(monkeypatch, ingest_context):
    """Make a revert in the admin run an ingest of `text` after the revert's view read the record, before it is
    reverted and saved."""

    def arrange(text: str, name: str = "meanwhile.txt") -> None:
        revert = history.revert

        def with_an_ingest_first(*args, **kwargs):
            ingest(ingest_context, text, name)
            return revert(*args, **kwargs)
        monkeypatch.setattr(history, "revert", with_an_ingest_first)
    return arrange


def test_a_revert_keeps_the_date_an_ingest_set_after_the_revert_read_the_meeting(
        ingest_context, admin_client, ingest_during_the_revert):
    meeting = month_meeting(ingest_context)
    first = meeting.history.earliest()
    save_change(admin_client, meeting, title="Wong and Marsudi in Jakarta")
    ingest_during_the_revert(WONG_MARSUDI)
    revert_to(admin_client, meeting, first)
    meeting.refresh_from_db()
    assert (meeting.title, meeting.date, meeting.date_precision) == (first.title, datetime.date(2024, 3, 5), "day")
    assert meeting.locked_fields == ["title"]
