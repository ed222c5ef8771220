"""The curator's pages: dashboard, history and revert, evidence in context, lists, widgets, duplicates."""
from __future__ import annotations

import datetime

import pytest
from django.urls import reverse

from events import duplicates
from events.models import Agreement, Meeting, ReviewState
from tests import factories
from tests.test_admin import change_form_data, save_change, url

pytestmark = pytest.mark.django_db


# ----------------------------------------------------------------------------- dashboard

def test_the_dashboard_counts_extracted_meetings(admin_client):
    factories.MeetingFactory.create_batch(3)
    factories.MeetingFactory(review_state=ReviewState.VERIFIED)
    dashboard = admin_client.get(reverse("admin:index")).context["queues"]
    assert {q["label"]: q["count"] for q in dashboard}["Meetings"] == 3


def test_the_dashboard_counts_unresolved_participants(admin_client):
    factories.ParticipantFactory(person=None, raw_name="the Indian side")
    factories.ParticipantFactory()
    assert admin_client.get(reverse("admin:index")).context["unresolved"] == 1


def test_the_dashboard_links_into_the_queue(admin_client):
    page = admin_client.get(reverse("admin:index")).content.decode()
    assert reverse("admin:events_meeting_changelist") + "?review_state__exact=extracted" in page


def test_plumbing_tables_are_not_on_the_index(admin_client):
    models_listed = {m["object_name"] for app in admin_client.get(reverse("admin:index")).context["app_list"]
                     for m in app["models"]}
    assert models_listed & {"PersonAlias", "AgreementMeeting", "MeetingSource"} == set()
    assert "Meeting" in models_listed


# ----------------------------------------------------------------------------- history and revert

def test_the_history_shows_old_and_new_values(admin_client):
    meeting = factories.MeetingFactory(city="Tokio")
    save_change(admin_client, meeting, city="Tokyo")
    [row] = [r for r in admin_client.get(url(Meeting, "history", meeting.pk)).context["rows"] if r["changes"]]
    assert ("city", "Tokio", "Tokyo") in row["changes"]


def test_revert_gives_back_the_old_value_and_locks_it(admin_client):
    meeting = factories.MeetingFactory(city="Tokio")
    first = meeting.history.earliest()
    save_change(admin_client, meeting, city="Tokyo")
    admin_client.post(reverse("admin:events_meeting_revert", args=[meeting.pk, first.history_id]))
    meeting.refresh_from_db()
    assert (meeting.city, "city" in meeting.locked_fields) == ("Tokio", True)


def test_revert_is_recorded(admin_client, admin_user):
    meeting = factories.MeetingFactory(city="Tokio")
    first = meeting.history.earliest()
    save_change(admin_client, meeting, city="Tokyo")
    admin_client.post(reverse("admin:events_meeting_revert", args=[meeting.pk, first.history_id]))
    latest = meeting.history.latest()
    assert (latest.history_user, latest.history_change_reason.startswith("reverted to the version of")) == (
        admin_user, True)


def test_revert_needs_a_post(admin_client):
    meeting = factories.MeetingFactory()
    response = admin_client.get(reverse("admin:events_meeting_revert", args=[meeting.pk, meeting.history.get().history_id]))
    assert response.status_code == 405


# ----------------------------------------------------------------------------- evidence

def test_evidence_marks_the_records_words_and_escapes_the_article(admin_client):
    meeting = factories.MeetingFactory(city="Jakarta")
    factories.MeetingSourceFactory(record=meeting, evidence="<script>alert(1)</script> talks in Jakarta")
    page = admin_client.get(url(Meeting, "change", meeting.pk)).content.decode()
    assert "&lt;script&gt;alert(1)&lt;/script&gt; talks in <mark>Jakarta</mark>" in page


def test_evidence_is_not_an_editable_box(admin_client):
    source = factories.MeetingSourceFactory()
    page = admin_client.get(url(Meeting, "change", source.record.pk)).content.decode()
    assert 'name="sources-0-evidence"' not in page


def test_an_articles_page_lists_what_was_extracted_from_it(admin_client):
    source = factories.MeetingSourceFactory()
    factories.ParticipantFactory(meeting=source.record, person=None, raw_name="the Indian side")
    page = admin_client.get(url(type(source.article), "change", source.article.pk)).content.decode()
    assert str(source.record) in page and "the Indian side" in page


def test_an_articles_page_links_a_participant_without_a_person_to_its_page(admin_client):
    source = factories.MeetingSourceFactory()
    participant = factories.ParticipantFactory(meeting=source.record, person=None, raw_name="the Indian side")
    page = admin_client.get(url(type(source.article), "change", source.article.pk)).content.decode()
    assert f'<a href="{url(type(participant), "change", participant.pk)}">the Indian side</a>' in page


def test_an_articles_page_lists_an_office_without_a_holder_with_a_link_to_add_one(admin_client):
    source = factories.MeetingSourceFactory()
    office = factories.OfficeFactory(title="Minister of Defence", country=factories.country("JP"))
    participant = factories.ParticipantFactory(meeting=source.record, office=office)
    page = admin_client.get(url(type(source.article), "change", source.article.pk)).content.decode()
    add = reverse("admin:events_tenure_add") + f"?office={office.pk}&amp;person={participant.person_id}"
    assert f'Minister of Defence (JP) <a href="{add}"' in page


def test_an_articles_page_does_not_list_a_held_office(admin_client):
    source = factories.MeetingSourceFactory()
    tenure = factories.TenureFactory(office__title="Minister of Defence")
    factories.ParticipantFactory(meeting=source.record, person=tenure.person, office=tenure.office)
    page = admin_client.get(url(type(source.article), "change", source.article.pk))
    assert "<h3>Offices without a holder (0)</h3>" in page.content.decode()


def test_an_articles_text_is_read_only(admin_client):
    article = factories.ArticleFactory()
    page = admin_client.get(url(type(article), "change", article.pk)).content.decode()
    assert 'name="text"' not in page and article.text in page


# ----------------------------------------------------------------------------- lists

def test_the_meetings_list_shows_the_date_at_its_precision(admin_client):
    factories.MeetingFactory(date=datetime.date(2019, 1, 1), date_precision="year")
    page = admin_client.get(url(Meeting, "changelist"))
    assert [page.context["cl"].model_admin.when(m) for m in page.context["cl"].result_list] == ["2019"]


@pytest.mark.parametrize(("query", "expected"), [({"year": "2019"}, ["2019"]), ({"decade": "2010"}, ["2019", "2011"])])
def test_the_meetings_list_filters_by_year_and_decade(admin_client, query, expected):
    for year in (2024, 2019, 2011):
        factories.MeetingFactory(title=str(year), date=datetime.date(year, 5, 1))
    page = admin_client.get(url(Meeting, "changelist"), query)
    assert [m.title for m in page.context["cl"].result_list] == expected


def test_a_persons_page_lists_their_meetings(admin_client):
    participant = factories.ParticipantFactory(meeting__title="Wong - Marsudi")
    page = admin_client.get(url(type(participant.person), "change", participant.person.pk)).content.decode()
    assert "Wong - Marsudi" in page


# ----------------------------------------------------------------------------- widgets

def test_locked_fields_refuse_an_unknown_name(admin_client):
    meeting = factories.MeetingFactory()
    data = change_form_data(admin_client.get(url(Meeting, "change", meeting.pk))) | {"locked_fields": ["dat"]}
    response = admin_client.post(url(Meeting, "change", meeting.pk), data)
    assert (response.status_code, "locked_fields" in response.context["adminform"].form.errors) == (200, True)


def test_locked_fields_are_unticked_to_unlock(admin_client):
    meeting = factories.MeetingFactory(locked_fields=["city", "title"])
    save_change(admin_client, meeting, locked_fields=["title"])
    assert meeting.locked_fields == ["title"]


def test_agreement_aliases_are_one_a_line(admin_client):
    agreement = factories.AgreementFactory()
    save_change(admin_client, agreement, aliases="SSGP\n  Special   Partnership \n\n")
    assert agreement.aliases == ["SSGP", "Special Partnership"]


def test_agreement_aliases_refuse_a_double(admin_client):
    agreement = factories.AgreementFactory()
    data = change_form_data(admin_client.get(url(Agreement, "change", agreement.pk))) | {"aliases": "SSGP\nssgp"}
    response = admin_client.post(url(Agreement, "change", agreement.pk), data)
    assert "aliases" in response.context["adminform"].form.errors


# ----------------------------------------------------------------------------- possible duplicates

def test_same_surname_and_country_is_a_possible_duplicate():
    first = factories.PersonFactory(name="Annalena Baerbock", country=factories.country("DE"))
    second = factories.PersonFactory(name="A. Baerbock", country=factories.country("DE"))
    factories.PersonFactory(name="Olaf Baerbock", country=factories.country("AT"))
    assert [(p.first, p.second) for p in duplicates.possible_duplicates()] == [(first, second)]


def test_a_shared_alias_is_a_possible_duplicate():
    # Issue 8 names overlapping aliases as a kind of likely pair; only the surname and meeting kinds had a test.
    first = factories.PersonFactory(name="Subrahmanyam Jaishankar", country=factories.country("IN"))
    second = factories.PersonFactory(name="S. J. Shankar", country=factories.country("JP"))
    factories.PersonAliasFactory(person=first, name="EAM Jaishankar")
    factories.PersonAliasFactory(person=second, name="EAM Jaishankar")
    assert [(p.first, p.second, p.reason) for p in duplicates.possible_duplicates()] == [
        (first, second, "shared alias (eam jaishankar)")]


def test_the_dashboard_counts_possible_duplicates(admin_client):
    factories.PersonFactory(name="Annalena Baerbock", country=factories.country("DE"))
    factories.PersonFactory(name="A. Baerbock", country=factories.country("DE"))
    assert admin_client.get(reverse("admin:index")).context["duplicates"] == 1


def test_the_same_participants_days_apart_are_a_possible_duplicate():
    people = factories.PersonFactory.create_batch(2, country=None)
    for day in (5, 6):
        meeting = factories.MeetingFactory(date=datetime.date(2024, 3, day))
        for person in people:
            factories.ParticipantFactory(meeting=meeting, person=person)
    assert [p.kind for p in duplicates.possible_duplicates() if p.kind == "meeting"] == ["meeting"]


def test_a_dismissed_pair_does_not_come_back(admin_client):
    first = factories.PersonFactory(name="Annalena Baerbock")
    second = factories.PersonFactory(name="A. Baerbock")
    admin_client.post(reverse("admin:events_duplicates"),
                      {"kind": "person", "pair": [first.pk, second.pk], "decision": "dismiss"})
    assert duplicates.possible_duplicates() == []


def test_the_duplicates_page_merges_a_pair(admin_client):
    first = factories.PersonFactory(name="Annalena Baerbock")
    second = factories.PersonFactory(name="A. Baerbock")
    admin_client.post(reverse("admin:events_duplicates"),
                      {"kind": "person", "pair": [first.pk, second.pk], "decision": "merge", "survivor": first.pk})
    assert list(first.aliases.values_list("name", flat=True)) == ["A. Baerbock"]


def test_the_duplicates_page_opens(admin_client):
    factories.PersonFactory.create_batch(2, name="Same Name")
    assert admin_client.get(reverse("admin:events_duplicates")).status_code == 200

