"""/api/persons/ filters, ordering and search."""
import datetime

import pytest

from tests.factories import OfficeFactory, PersonAliasFactory, PersonFactory, TenureFactory, country

pytestmark = pytest.mark.django_db


def ids(api_client, query):
    response = api_client.get(f"/api/persons/?{query}")
    assert response.status_code == 200, response.content
    return {p["id"] for p in response.json()["results"]}


def test_country(api_client):
    indian = PersonFactory(country=country("IN"))
    PersonFactory(country=country("JP"))
    assert ids(api_client, "country=IN") == {indian.pk}


def test_office_kind(api_client):
    minister = TenureFactory(office=OfficeFactory(title="Foreign Minister", kind="foreign_minister")).person
    TenureFactory()  # a prime minister
    assert ids(api_client, "office_kind=foreign_minister") == {minister.pk}


def test_held_office_on_a_day_inside_the_tenure(api_client):
    holder = TenureFactory(start_date=datetime.date(2021, 10, 4), end_date=datetime.date(2024, 10, 1),
                           end_precision="day").person
    TenureFactory(start_date=datetime.date(2024, 10, 1))
    assert ids(api_client, "held_office_on=2023-05-01") == {holder.pk}


def test_held_office_on_counts_an_open_tenure(api_client):
    current = TenureFactory(start_date=datetime.date(2024, 10, 1)).person
    assert ids(api_client, "held_office_on=2025-01-01") == {current.pk}


def test_held_office_on_respects_the_end_precision(api_client):
    # Left office "in October 2024": still in office on the 15th as far as we know.
    holder = TenureFactory(start_date=datetime.date(2021, 10, 4), end_date=datetime.date(2024, 10, 1),
                           end_precision="month").person
    assert ids(api_client, "held_office_on=2024-10-15") == {holder.pk}


def test_office_kind_and_day_must_hold_for_the_same_tenure(api_client):
    person = PersonFactory()
    TenureFactory(person=person, office=OfficeFactory(title="Foreign Minister", kind="foreign_minister"),
                  start_date=datetime.date(2017, 1, 1), end_date=datetime.date(2018, 1, 1), end_precision="day")
    TenureFactory(person=person, start_date=datetime.date(2024, 10, 1))
    assert ids(api_client, "office_kind=foreign_minister&held_office_on=2025-01-01") == set()


def test_rejected_tenure_is_no_office(api_client):
    TenureFactory(review_state="rejected")
    assert ids(api_client, "office_kind=head_of_government") == set()


def test_search_name(api_client):
    modi = PersonFactory(name="Narendra Modi")
    PersonFactory(name="Fumio Kishida")
    assert ids(api_client, "search=modi") == {modi.pk}


def test_search_alias(api_client):
    person = PersonFactory(name="Subrahmanyam Jaishankar")
    PersonAliasFactory(person=person, name="S. Jaishankar")
    PersonFactory(name="Fumio Kishida")
    assert ids(api_client, "search=s.+jaishankar") == {person.pk}


def test_review_state(api_client):
    verified = PersonFactory(review_state="verified")
    PersonFactory()
    assert ids(api_client, "review_state=verified") == {verified.pk}


def test_ordering_by_name_descending(api_client):
    a, b = PersonFactory(name="Abe"), PersonFactory(name="Biden")
    body = api_client.get("/api/persons/?ordering=-name").json()
    assert [p["id"] for p in body["results"]] == [b.pk, a.pk]


def seen_only(**dates):
    """A tenure known only from the days articles show its holder in office, as an ingest leaves it."""
    return TenureFactory(start_date=None, start_precision="", seen_from=datetime.date(2023, 3, 12),
                         seen_from_precision="day", **dates).person


def test_held_office_on_reads_the_sightings_of_a_tenure_without_dates(api_client):
    holder = seen_only(seen_until=datetime.date(2024, 6, 1), seen_until_precision="month")
    assert ids(api_client, "held_office_on=2023-03-12") == {holder.pk}
    assert ids(api_client, "held_office_on=2024-06-20") == {holder.pk}  # "seen in June 2024" reaches the 20th
    # Before the first sighting and after the last, the record does not say: no guess "to now".
    assert ids(api_client, "held_office_on=2023-03-11") == set()
    assert ids(api_client, "held_office_on=2024-07-01") == set()


def test_held_office_on_ends_a_tenure_with_a_start_where_another_holder_was_seen(api_client):
    holder = TenureFactory(start_date=datetime.date(2021, 10, 4), ended_by=datetime.date(2024, 10, 1),
                           ended_by_precision="day").person
    assert ids(api_client, "held_office_on=2024-09-30") == {holder.pk}
    assert ids(api_client, "held_office_on=2024-10-02") == set()


def test_a_persons_tenures_show_their_sightings(api_client):
    holder = seen_only(seen_until=datetime.date(2024, 6, 1), seen_until_precision="month",
                       ended_by=datetime.date(2024, 11, 20), ended_by_precision="day")
    [tenure] = api_client.get(f"/api/persons/{holder.pk}/").json()["tenures"]
    assert {k: tenure[k] for k in ("seen_from", "seen_until", "seen_until_precision", "ended_by")} == {
        "seen_from": "2023-03-12", "seen_until": "2024-06-01", "seen_until_precision": "month",
        "ended_by": "2024-11-20",
    }
