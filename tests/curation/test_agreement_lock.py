"""A curator's parties and meeting links of an agreement stick, as a meeting's participants do: with "parties" or
"meetings" locked, a later ingest adds its article as a source and no party or meeting link; editing the meeting
links in the admin (on either record's page) locks the agreement's "meetings"; a verified agreement gains only the
source."""
from __future__ import annotations

import datetime

import pytest

from events import curation
from events.models import Agreement, AgreementMeeting, AgreementSource, Meeting, ReviewState
from tests import factories
from tests.curation.ingest import ingest
from tests.test_admin import change_form_data, save_change, url

pytestmark = pytest.mark.django_db

SIGNED_AT_TOKYO = ("Indian Prime Minister Narendra Modi and Japanese Prime Minister Fumio Kishida signed a Memorandum "
                   "of Understanding on Maritime Cooperation in Tokyo on March 5, 2024.\n")
# The same signing as another outlet wrote it: another article, the same agreement and meeting.
REPORTED_AGAIN = "TOKYO - " + SIGNED_AT_TOKYO


def signed_at_tokyo(context) -> Agreement:
    ingest(context, SIGNED_AT_TOKYO, "first.txt")
    agreement = Agreement.objects.get()
    assert (party_codes(agreement), agreement.meetings.count()) == (["IN", "JP"], 1)
    return agreement


def party_codes(agreement) -> list[str]:
    return sorted(agreement.parties.values_list("code", flat=True))


def remove_link_in_the_admin(client, link, page) -> None:
    """Tick the link's DELETE box in the meeting-links inline of `page` (the link's agreement or meeting)."""
    data = change_form_data(client.get(url(type(page), "change", page.pk)))
    key = next(key for key, value in data.items()
               if key.startswith("agreementmeeting_set-") and key.endswith("-id") and str(value) == str(link.pk))
    response = client.post(url(type(page), "change", page.pk), data | {key.replace("-id", "-DELETE"): "on"})
    assert response.status_code == 302


# Persisting ---------------------------------------------------------------------------------

def test_locked_parties_get_no_party_from_an_ingest(ingest_context):
    agreement = signed_at_tokyo(ingest_context)
    agreement.parties.remove(factories.country("JP"))
    Agreement.objects.filter(pk=agreement.pk).update(locked_fields=["parties"])
    result = ingest(ingest_context, REPORTED_AGAIN, "second.txt")
    assert party_codes(agreement) == ["IN"]
    assert [(n.kind, n.label) for n in result.records if n.action == "locked"] == [
        ("party", f"JP of {agreement}")]


def test_locked_meetings_get_no_link_from_an_ingest(ingest_context):
    agreement = signed_at_tokyo(ingest_context)
    meeting = agreement.meetings.get()
    AgreementMeeting.objects.all().delete()
    Agreement.objects.filter(pk=agreement.pk).update(locked_fields=["meetings"])
    result = ingest(ingest_context, REPORTED_AGAIN, "second.txt")
    assert not AgreementMeeting.objects.exists()
    assert [(n.kind, n.label) for n in result.records if n.action == "locked"] == [
        ("meeting link", f"{agreement} at {meeting}")]


def test_locked_meetings_keep_the_links_the_curator_kept(ingest_context):
    agreement = signed_at_tokyo(ingest_context)
    Agreement.objects.filter(pk=agreement.pk).update(locked_fields=["meetings"])
    result = ingest(ingest_context, REPORTED_AGAIN, "second.txt")
    assert agreement.meetings.count() == 1
    assert not [n for n in result.records if n.action == "locked"]


def test_a_locked_agreement_still_gains_the_article_as_a_source(ingest_context):
    agreement = signed_at_tokyo(ingest_context)
    Agreement.objects.filter(pk=agreement.pk).update(locked_fields=["meetings", "parties"])
    ingest(ingest_context, REPORTED_AGAIN, "second.txt")
    assert sorted(AgreementSource.objects.filter(record=agreement).values_list("article__file_name", flat=True)) == [
        "first.txt", "second.txt"]


def test_a_verified_agreement_gains_a_source_and_nothing_else(ingest_context):
    agreement = signed_at_tokyo(ingest_context)
    agreement.parties.remove(factories.country("JP"))
    AgreementMeeting.objects.all().delete()
    curation.set_review_state(Agreement.objects.filter(pk=agreement.pk), ReviewState.VERIFIED)
    ingest(ingest_context, REPORTED_AGAIN, "second.txt")
    assert (party_codes(agreement), agreement.meetings.count(), agreement.sources.count()) == (["IN"], 0, 2)


# Curating in the admin -----------------------------------------------------------------------

def test_parties_a_curator_changed_in_the_admin_stay_through_an_ingest(ingest_context, admin_client):
    agreement = signed_at_tokyo(ingest_context)
    save_change(admin_client, agreement, parties=[factories.country("IN").pk])
    ingest(ingest_context, REPORTED_AGAIN, "second.txt")
    assert party_codes(agreement) == ["IN"]


@pytest.mark.parametrize("page", ["agreement", "meeting"])
def test_a_meeting_link_removed_in_the_admin_is_not_made_again_by_an_ingest(ingest_context, admin_client, page):
    agreement = signed_at_tokyo(ingest_context)
    link = AgreementMeeting.objects.get()
    remove_link_in_the_admin(admin_client, link, getattr(link, page))
    ingest(ingest_context, REPORTED_AGAIN, "second.txt")
    assert agreement.meetings.count() == 0


@pytest.mark.parametrize("page", ["agreement", "meeting"])
def test_removing_a_meeting_link_locks_the_agreements_meetings(admin_client, admin_user, page):
    link = factories.AgreementMeetingFactory()
    remove_link_in_the_admin(admin_client, link, getattr(link, page))
    agreement = Agreement.objects.get(pk=link.agreement_id)
    latest = agreement.history.latest()
    assert (agreement.locked_fields, latest.history_user, latest.history_change_reason) == (
        ["meetings"], admin_user, "meetings edited in the admin")


def test_a_link_moved_to_another_agreement_locks_both_agreements(admin_client):
    link = factories.AgreementMeetingFactory()
    other = factories.AgreementFactory(name="Another Agreement")
    meeting = link.meeting
    data = change_form_data(admin_client.get(url(Meeting, "change", meeting.pk)))
    key = next(key for key, value in data.items()
               if key.startswith("agreementmeeting_set-") and key.endswith("-id") and str(value) == str(link.pk))
    response = admin_client.post(url(Meeting, "change", meeting.pk),
                                 data | {key.replace("-id", "-agreement"): other.pk})
    assert response.status_code == 302
    assert [a.locked_fields for a in Agreement.objects.filter(pk__in=[link.agreement_id, other.pk])] == [
        ["meetings"], ["meetings"]]


def test_saving_an_agreement_without_touching_its_links_leaves_them_unlocked(admin_client):
    agreement = factories.AgreementMeetingFactory().agreement
    save_change(admin_client, agreement, name="Renamed Agreement")
    assert agreement.locked_fields == ["name"]


# A locked list drives nothing: the link the curator kept says the agreement was signed at the meeting, and the
# ingest read that from the article, but the links are the curator's now and so is what follows from them.

def test_a_kept_link_of_locked_meetings_does_not_date_the_agreement(ingest_context):
    agreement = signed_at_tokyo(ingest_context)
    Agreement.objects.filter(pk=agreement.pk).update(signed_date=None, signed_precision="", locked_fields=["meetings"])
    ingest(ingest_context, REPORTED_AGAIN, "second.txt")
    agreement.refresh_from_db()
    assert (agreement.signed_date, agreement.meetings.count()) == (None, 1)


def test_the_report_says_the_lock_kept_the_signing_date_out(ingest_context):
    agreement = signed_at_tokyo(ingest_context)
    meeting = agreement.meetings.get()
    Agreement.objects.filter(pk=agreement.pk).update(signed_date=None, signed_precision="", locked_fields=["meetings"])
    result = ingest(ingest_context, REPORTED_AGAIN, "second.txt")
    assert [(n.kind, n.label) for n in result.records if n.action == "locked"] == [
        ("signing date", f"{agreement} at {meeting}")]


def test_an_unlocked_link_still_dates_the_agreement(ingest_context):
    # A guard: without the lock the meeting's day is the signing date, as before.
    agreement = signed_at_tokyo(ingest_context)
    Agreement.objects.filter(pk=agreement.pk).update(signed_date=None, signed_precision="")
    ingest(ingest_context, REPORTED_AGAIN, "second.txt")
    agreement.refresh_from_db()
    assert (agreement.signed_date, agreement.signed_precision) == (datetime.date(2024, 3, 5), "day")
