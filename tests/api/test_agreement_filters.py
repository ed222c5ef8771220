"""/api/agreements/ filters, ordering and search."""
import datetime

import pytest

from tests.factories import AgreementFactory, AgreementMeetingFactory

pytestmark = pytest.mark.django_db


def ids(api_client, query):
    response = api_client.get(f"/api/agreements/?{query}")
    assert response.status_code == 200, response.content
    return {a["id"] for a in response.json()["results"]}


def test_party(api_client):
    with_japan = AgreementFactory(parties=["IN", "JP"])
    AgreementFactory(parties=["IN", "US"])
    assert ids(api_client, "party=JP") == {with_japan.pk}


def test_two_parties_mean_both(api_client):
    both = AgreementFactory(parties=["IN", "JP", "AU"])
    AgreementFactory(parties=["IN", "US"])
    AgreementFactory(parties=["JP", "US"])
    assert ids(api_client, "party=IN&party=JP") == {both.pk}


def test_status_is_repeatable(api_client):
    signed, in_force = AgreementFactory(status="signed"), AgreementFactory(status="in_force")
    AgreementFactory(status="proposed")
    assert ids(api_client, "status=signed&status=in_force") == {signed.pk, in_force.pk}


def test_kind(api_client):
    mou = AgreementFactory(kind="mou")
    AgreementFactory(kind="treaty")
    assert ids(api_client, "kind=mou") == {mou.pk}


def test_signed_after_counts_a_month_precision_signing_whole(api_client):
    march = AgreementFactory(signed_date=datetime.date(2024, 3, 1), signed_precision="month")
    AgreementFactory(signed_date=datetime.date(2024, 2, 1), signed_precision="month")
    assert ids(api_client, "signed_after=2024-03-20") == {march.pk}


def test_signed_before(api_client):
    early = AgreementFactory(signed_date=datetime.date(2020, 1, 5), signed_precision="day")
    AgreementFactory(signed_date=datetime.date(2024, 1, 5), signed_precision="day")
    assert ids(api_client, "signed_before=2021-01-01") == {early.pk}


def test_meeting(api_client):
    link = AgreementMeetingFactory()
    AgreementFactory()
    assert ids(api_client, f"meeting={link.meeting.pk}") == {link.agreement.pk}


def test_search_name_and_other_names(api_client):
    acsa = AgreementFactory(name="Acquisition and Cross-Servicing Agreement", aliases=["ACSA"])
    AgreementFactory(name="Semiconductor MoU")
    assert ids(api_client, "search=acsa") == {acsa.pk}


def test_ordering_by_signed_date(api_client):
    late = AgreementFactory(signed_date=datetime.date(2024, 1, 1), signed_precision="day")
    early = AgreementFactory(signed_date=datetime.date(2020, 1, 1), signed_precision="day")
    body = api_client.get("/api/agreements/?ordering=signed_date").json()
    assert [a["id"] for a in body["results"]] == [early.pk, late.pk]


def test_an_empty_party_sets_no_condition(api_client):
    agreements = {AgreementFactory(parties=["IN", "JP"]).pk, AgreementFactory(parties=["IN", "US"]).pk}
    assert ids(api_client, "party=") == agreements
