"""A curator's edit made while an ingest is writing the same record survives it, with its lock (PostgreSQL).

The ingest runs in one thread and the curator's PATCH through the API in another, each on its own connection. The
ingest is held at a chosen point between reading the record and saving it until the curator's write has either
committed or is seen waiting for a row lock in pg_stat_activity: the interleaving is forced, never left to timing.

Skipped on SQLite, which lets one connection write at a time, so the two never interleave there."""
from __future__ import annotations

import datetime
import threading
import time
from collections.abc import Callable

import pytest
from django.db import connection, connections
from rest_framework.test import APIClient

from events.extraction.report import Status
from events.extraction.store import persist
from events.models import Article, Meeting, MeetingSource, Participant, Person, PersonSource
from tests.curation.ingest import WONG_MARSUDI, ingest, wong

pytestmark = [
    pytest.mark.django_db(transaction=True, serialized_rollback=True),  # countries survive earlier flushes
    pytest.mark.skipif(connection.vendor != "postgresql", reason="needs two connections writing at once"),
]

# The meeting of WONG_MARSUDI known only to its month: the second article's "March 5, 2024" would make it a day.
WONG_MARSUDI_IN_MARCH = WONG_MARSUDI.replace("on March 5, 2024", "in March 2024")
WAIT = 60  # seconds before a stuck thread fails the test; never reached when the code is right


class Interleaving:
    """Hold the ingest where `pause_in` is entered for `record` until the curator's `edit` has committed or is
    blocked on a lock; then let the ingest go on and wait for both."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch, pause_in: str, record: Callable[[object], bool]):
        self.paused, self.go, self.curator_done = threading.Event(), threading.Event(), threading.Event()
        self.errors: list[BaseException] = []
        self.curator_pid: int | None = None
        original = getattr(persist, pause_in)

        def held(*args, **kwargs):
            value = original(*args, **kwargs)
            found = value if pause_in.startswith("find_") else args[1]
            if found is not None and record(found) and not self.paused.is_set():
                self.paused.set()
                assert self.go.wait(WAIT), "the curator's edit neither finished nor waited for a lock"
            return value

        monkeypatch.setattr(persist, pause_in, held)

    def run(self, ingest_call: Callable[[], object], edit: Callable[[], object]) -> tuple[object, object]:
        results: dict[str, object] = {}

        def in_thread(name: str, call: Callable[[], object], after: threading.Event | None = None) -> None:
            try:
                if name == "curator":
                    with connection.cursor() as cursor:
                        cursor.execute("SELECT pg_backend_pid()")
                        self.curator_pid = cursor.fetchone()[0]
                results[name] = call()
            except BaseException as error:  # reported by the test, not lost in the thread
                self.errors.append(error)
            finally:
                if after is not None:
                    after.set()
                connections.close_all()

        ingesting = threading.Thread(target=in_thread, args=("ingest", ingest_call))
        ingesting.start()
        assert self.paused.wait(WAIT), "the ingest never reached the record"
        editing = threading.Thread(target=in_thread, args=("curator", edit, self.curator_done))
        editing.start()
        deadline = time.monotonic() + WAIT
        while not (self.curator_done.is_set() or self.curator_waits_for_a_lock()):
            assert time.monotonic() < deadline, "the curator's edit neither finished nor waited for a lock"
            time.sleep(0.01)
        self.go.set()
        ingesting.join(WAIT)
        editing.join(WAIT)
        assert not (ingesting.is_alive() or editing.is_alive()), "a thread is stuck"
        assert not self.errors, self.errors
        return results["ingest"], results["curator"]

    def curator_waits_for_a_lock(self) -> bool:
        if self.curator_pid is None:
            return False
        with connection.cursor() as cursor:
            cursor.execute("SELECT wait_event_type FROM pg_stat_activity WHERE pid = %s", [self.curator_pid])
            row = cursor.fetchone()
        return row is not None and row[0] == "Lock"


@pytest.fixture
def curator_patch(django_user_model) -> Callable[[str, dict], Callable[[], object]]:
    """A PATCH through the API by a curator, to be run in the curator's thread."""
    user = django_user_model.objects.create_superuser("curator", password="x-long-pass-1")

    def patch(url: str, body: dict) -> Callable[[], object]:
        client = APIClient()
        client.force_authenticate(user)
        return lambda: client.patch(url, body, format="json")
    return patch


def month_meeting(ingest_context) -> Meeting:
    ingest(ingest_context, WONG_MARSUDI_IN_MARCH, "month.txt")
    meeting = Meeting.objects.get()
    assert (meeting.date, meeting.date_precision) == (datetime.date(2024, 3, 1), "month")
    return meeting


def assert_one_run_of_the_day_article(meeting: Meeting, result) -> None:
    """The second article is stored once, as a source of the one meeting, whose two participants are not doubled."""
    assert result.status == Status.NEW, result.reason
    assert Meeting.objects.count() == 1 and Article.objects.count() == 2
    assert MeetingSource.objects.filter(record=meeting, article__file_name="day.txt").count() == 1
    assert sorted(Participant.objects.filter(meeting=meeting).values_list("person__name", flat=True)) == [
        "Penny Wong", "Retno Marsudi"]
    assert Person.objects.count() == 2


@pytest.mark.parametrize("pause_in", ["find_meeting", "_protected"],
                         ids=["edit-committed-after-the-ingest-found-it", "edit-while-the-ingest-writes-it"])
def test_a_curators_meeting_date_survives_an_ingest_that_dates_the_meeting(
        ingest_context, curator_patch, monkeypatch, pause_in):
    meeting = month_meeting(ingest_context)
    interleaving = Interleaving(monkeypatch, pause_in, lambda found: isinstance(found, Meeting))
    result, response = interleaving.run(
        lambda: ingest(ingest_context, WONG_MARSUDI, "day.txt"),
        curator_patch(f"/api/meetings/{meeting.pk}/", {"date": "2024-03-06", "date_precision": "day"}),
    )
    assert response.status_code == 200, response.content
    meeting.refresh_from_db()
    assert (meeting.date, meeting.date_precision) == (datetime.date(2024, 3, 6), "day")
    assert "date" in meeting.locked_fields
    assert_one_run_of_the_day_article(meeting, result)


def test_a_curators_country_for_a_person_survives_an_ingest_that_gives_one(ingest_context, curator_patch, monkeypatch):
    meeting = month_meeting(ingest_context)
    Person.objects.filter(pk=wong().pk).update(country=None)  # as if no article had said whose minister she is
    interleaving = Interleaving(monkeypatch, "_protected", lambda found: isinstance(found, Person)
                                and found.name == "Penny Wong")
    result, response = interleaving.run(
        lambda: ingest(ingest_context, WONG_MARSUDI, "day.txt"),
        curator_patch(f"/api/persons/{wong().pk}/", {"country": "NZ"}),
    )
    assert response.status_code == 200, response.content
    person = wong()
    assert person.country.code == "NZ" and "country" in person.locked_fields
    assert PersonSource.objects.filter(record=person, article__file_name="day.txt").count() == 1
    assert_one_run_of_the_day_article(meeting, result)


def test_the_date_an_ingest_writes_survives_a_curators_edit_of_another_field(ingest_context, curator_patch, monkeypatch):
    # The curator's request reads the meeting while the ingest holds its row, about to date it to the day; the save
    # waits for the ingest's commit. It wrote back every field as its request had read them, the month date with them.
    meeting = month_meeting(ingest_context)
    interleaving = Interleaving(monkeypatch, "_protected", lambda found: isinstance(found, Meeting))
    result, response = interleaving.run(
        lambda: ingest(ingest_context, WONG_MARSUDI, "day.txt"),
        curator_patch(f"/api/meetings/{meeting.pk}/", {"location": {"city": "Bogor"}}),
    )
    assert response.status_code == 200, response.content
    meeting.refresh_from_db()
    assert (meeting.city, meeting.date, meeting.date_precision) == ("Bogor", datetime.date(2024, 3, 5), "day")
    assert meeting.locked_fields == ["city"]
    assert_one_run_of_the_day_article(meeting, result)


def test_a_put_with_if_match_that_waits_for_an_ingest_of_the_record_is_refused(ingest_context, django_user_model,
                                                                               monkeypatch):
    # The curator read the meeting (its ETag) before the ingest; the PUT arrives while the ingest holds the row,
    # about to date it, and waits. Checked before that commit, the tag would still match and the PUT would write
    # the month back: the check is made under the row lock, after the ingest.
    meeting = month_meeting(ingest_context)
    client = APIClient()
    client.force_authenticate(django_user_model.objects.create_superuser("curator", password="x-long-pass-1"))
    read = client.get(f"/api/meetings/{meeting.pk}/")
    shown_only = {"id", "uid", "participants", "agreements", "sources", "locked_fields", "created_at", "updated_at"}
    body = {name: value for name, value in read.json().items() if name not in shown_only} | {"title": "Talks"}
    interleaving = Interleaving(monkeypatch, "_protected", lambda found: isinstance(found, Meeting))
    result, response = interleaving.run(
        lambda: ingest(ingest_context, WONG_MARSUDI, "day.txt"),
        lambda: client.put(f"/api/meetings/{meeting.pk}/", body, format="json", HTTP_IF_MATCH=read["ETag"]),
    )
    assert response.status_code == 412, response.content
    meeting.refresh_from_db()
    assert (meeting.date, meeting.date_precision, meeting.title) == (datetime.date(2024, 3, 5), "day", read.json()["title"])
    assert meeting.locked_fields == []
    assert_one_run_of_the_day_article(meeting, result)
