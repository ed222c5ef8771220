"""Aliases, an agreement's parties and its meeting links have a history: each change is recorded with the old and
new values and shows on the record's history page; reverting an agreement gives it back its parties."""
from __future__ import annotations

import pytest
from django.urls import reverse

from events.models import Agreement, AgreementMeeting, Meeting, Person, PersonAlias
from tests import factories
from tests.curation.ingest import wong_marsudi_meeting
from tests.test_admin import change_form_data, url

pytestmark = pytest.mark.django_db


def rows(client, record) -> list[dict]:
    return client.get(url(type(record), "history", record.pk)).context["rows"]


def linked_lines(client, record) -> list[tuple[str, str]]:
    return [(row["linked"], row["linked_name"]) for row in rows(client, record) if "linked" in row]


def test_an_alias_added_changed_and_removed_is_in_the_persons_history(admin_client):
    person = factories.PersonFactory(name="Subrahmanyam Jaishankar")
    alias = PersonAlias.objects.create(person=person, name="S. Jaishankr")
    alias.name = "S. Jaishankar"
    alias.save()
    alias.delete()
    assert linked_lines(admin_client, person) == [
        ("alias removed", "S. Jaishankar"), ("alias changed", "S. Jaishankar"), ("alias added", "S. Jaishankr")]
    changed = next(row for row in rows(admin_client, person) if row.get("linked") == "alias changed")
    assert changed["changes"] == [("name", "S. Jaishankr", "S. Jaishankar")]


def test_an_alias_removed_in_the_admin_is_recorded_with_the_curator(admin_client, admin_user):
    person = factories.PersonFactory(name="Penny Wong")
    alias = PersonAlias.objects.create(person=person, name="Wong")
    data = change_form_data(admin_client.get(url(Person, "change", person.pk)))
    index = next(key.split("-")[1] for key, value in data.items()
                 if key.startswith("aliases-") and key.endswith("-id") and str(value) == str(alias.pk))
    response = admin_client.post(url(Person, "change", person.pk), data | {f"aliases-{index}-DELETE": "on"})
    assert response.status_code == 302
    assert PersonAlias.history.get(id=alias.pk, history_type="-").history_user == admin_user


def test_a_change_of_parties_is_a_version_with_the_old_and_new_parties(admin_client):
    agreement = factories.AgreementFactory(name="Quad Vision")
    agreement.parties.set([factories.country("IN")])
    agreement.parties.add(factories.country("JP"))
    version = next(row for row in rows(admin_client, agreement) if any(f == "parties" for f, *_ in row["changes"]))
    _field, old, new = next(change for change in version["changes"] if change[0] == "parties")
    assert (old, new) == ("India (IN)", "India (IN), Japan (JP)")


def test_reverting_an_agreement_gives_back_its_parties(admin_client):
    agreement = factories.AgreementFactory(name="Quad Vision")
    agreement.parties.set([factories.country("IN")])
    with_india = agreement.history.order_by("-history_date", "-history_id").first()
    agreement.parties.add(factories.country("JP"))
    admin_client.post(reverse("admin:events_agreement_revert", args=[agreement.pk, with_india.history_id]))
    assert sorted(agreement.parties.values_list("code", flat=True)) == ["IN"]
    assert "parties" in Agreement.objects.get(pk=agreement.pk).locked_fields


def test_an_agreement_meeting_link_is_in_both_records_history(admin_client):
    agreement = factories.AgreementFactory(name="Quad Vision")
    meeting = factories.MeetingFactory()
    link = AgreementMeeting.objects.create(agreement=agreement, meeting=meeting)
    link.role = AgreementMeeting.Role.SIGNED
    link.save()
    assert [line for line, _ in linked_lines(admin_client, agreement)] == ["meeting link changed", "meeting link added"]
    assert [line for line, _ in linked_lines(admin_client, meeting)] == [
        "agreement link changed", "agreement link added"]
    changed = next(row for row in rows(admin_client, Meeting.objects.get(pk=meeting.pk))
                   if row.get("linked") == "agreement link changed")
    assert changed["changes"] == [("role", "discussed", "signed")]


def test_an_ingest_records_the_aliases_it_adds(ingest_context):
    wong_marsudi_meeting(ingest_context)
    aliases = set(PersonAlias.objects.filter(person__name="Penny Wong").values_list("pk", flat=True))
    assert aliases
    assert set(PersonAlias.history.filter(history_type="+", history_user=None).values_list("id", flat=True)) >= aliases
