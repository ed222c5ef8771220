"""/api/meetings/ filters, ordering and search."""
import datetime

import pytest

from tests.factories import (
    AgreementMeetingFactory,
    MeetingFactory,
    ParticipantFactory,
    PersonAliasFactory,
    PersonFactory,
    country,
)

pytestmark = pytest.mark.django_db


def ids(api_client, query):
    response = api_client.get(f"/api/meetings/?{query}")
    assert response.status_code == 200, response.content
    return {m["id"] for m in response.json()["results"]}


def meeting_between(*codes):
    meeting = MeetingFactory()
    for code in codes:
        ParticipantFactory(meeting=meeting, person=PersonFactory(country=country(code)))
    return meeting


def test_country_finds_meetings_with_a_participant_from_it(api_client):
    with_japan, without = meeting_between("JP", "IN"), meeting_between("IN", "US")
    assert ids(api_client, "country=JP") == {with_japan.pk}
    assert without.pk not in ids(api_client, "country=JP")


def test_two_countries_mean_participants_from_both(api_client):
    both = meeting_between("IN", "JP")
    meeting_between("IN", "US")
    meeting_between("JP", "AU")
    assert ids(api_client, "country=IN&country=JP") == {both.pk}


def test_country_code_is_case_insensitive(api_client):
    meeting = meeting_between("JP")
    assert ids(api_client, "country=jp") == {meeting.pk}


def test_person(api_client):
    person = PersonFactory()
    theirs = ParticipantFactory(person=person).meeting
    ParticipantFactory()
    assert ids(api_client, f"person={person.pk}") == {theirs.pk}


def test_kind_is_repeatable(api_client):
    call, visit = MeetingFactory(kind="phone_call"), MeetingFactory(kind="visit")
    MeetingFactory(kind="summit")
    assert ids(api_client, "kind=phone_call&kind=visit") == {call.pk, visit.pk}


@pytest.mark.parametrize("query", ["date_after=2024-06-15", "date_after=2024-06-01", "date_before=2024-06-15"])
def test_month_precision_meeting_counts_for_its_whole_month(api_client, query):
    june = MeetingFactory(date=datetime.date(2024, 6, 1), date_precision="month")
    assert ids(api_client, query) == {june.pk}


def test_month_precision_meeting_is_not_after_its_month(api_client):
    MeetingFactory(date=datetime.date(2024, 6, 1), date_precision="month")
    assert ids(api_client, "date_after=2024-07-01") == set()


def test_day_precision_meeting_before_the_day_is_not_after_it(api_client):
    MeetingFactory(date=datetime.date(2024, 6, 1), date_precision="day")
    assert ids(api_client, "date_after=2024-06-15") == set()


def test_year_precision_meeting_counts_for_its_whole_year(api_client):
    year = MeetingFactory(date=datetime.date(2024, 1, 1), date_precision="year")
    assert ids(api_client, "date_after=2024-12-31&date_before=2024-12-31") == {year.pk}


def test_meeting_still_running_on_the_day_is_after_it(api_client):
    visit = MeetingFactory(date=datetime.date(2024, 6, 10), end_date=datetime.date(2024, 6, 20))
    assert ids(api_client, "date_after=2024-06-15") == {visit.pk}


def test_date_before_leaves_out_later_meetings(api_client):
    MeetingFactory(date=datetime.date(2024, 7, 1), date_precision="month")
    assert ids(api_client, "date_before=2024-06-30") == set()


def test_undated_meetings_are_outside_any_date_range(api_client):
    MeetingFactory(date=None, date_precision="")
    assert ids(api_client, "date_after=2000-01-01") == set()


def test_occasion_matches_words(api_client):
    g20 = MeetingFactory(occasion="G20 Summit in Rio")
    MeetingFactory(occasion="ASEAN Regional Forum")
    assert ids(api_client, "occasion=g20") == {g20.pk}


def test_review_state(api_client):
    verified = MeetingFactory(review_state="verified")
    MeetingFactory(review_state="extracted")
    assert ids(api_client, "review_state=verified") == {verified.pk}


def test_agreement(api_client):
    link = AgreementMeetingFactory()
    MeetingFactory()
    assert ids(api_client, f"agreement={link.agreement.pk}") == {link.meeting.pk}


def test_search_title(api_client):
    quad = MeetingFactory(title="Quad foreign ministers meet")
    MeetingFactory(title="Bilateral talks")
    assert ids(api_client, "search=quad") == {quad.pk}


def test_search_occasion(api_client):
    g20 = MeetingFactory(occasion="G20 Summit")
    MeetingFactory(occasion="")
    assert ids(api_client, "search=g20") == {g20.pk}


def test_search_participant_name(api_client):
    meeting = ParticipantFactory(person=PersonFactory(name="Subrahmanyam Jaishankar")).meeting
    ParticipantFactory()
    assert ids(api_client, "search=jaishankar") == {meeting.pk}


def test_search_participant_alias(api_client):
    person = PersonFactory(name="Narendra Modi")
    PersonAliasFactory(person=person, name="NaMo")
    meeting = ParticipantFactory(person=person).meeting
    ParticipantFactory()
    assert ids(api_client, "search=namo") == {meeting.pk}


def test_search_unresolved_participant_raw_name(api_client):
    meeting = ParticipantFactory(person=None, raw_name="Ambassador Suzuki").meeting
    assert ids(api_client, "search=suzuki") == {meeting.pk}


def test_search_needs_every_word(api_client):
    MeetingFactory(title="Quad summit")
    assert ids(api_client, "search=quad+tokyo") == set()


def test_ordering_by_date_puts_undated_last(api_client):
    undated = MeetingFactory(date=None, date_precision="")
    early = MeetingFactory(date=datetime.date(2023, 1, 1))
    late = MeetingFactory(date=datetime.date(2024, 1, 1))
    for query, expected in (("ordering=date", [early, late, undated]), ("ordering=-date", [late, early, undated])):
        body = api_client.get(f"/api/meetings/?{query}").json()
        assert [m["id"] for m in body["results"]] == [m.pk for m in expected]


def test_ordering_by_title(api_client):
    b, a = MeetingFactory(title="B talks"), MeetingFactory(title="A talks")
    body = api_client.get("/api/meetings/?ordering=title").json()
    assert [m["id"] for m in body["results"]] == [a.pk, b.pk]


def test_status_planned_keeps_only_planned_meetings(api_client):
    planned = MeetingFactory(status="planned")
    MeetingFactory(status="held")
    assert ids(api_client, "status=planned") == {planned.pk}
