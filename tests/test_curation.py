"""Which fields a curator's edit locks against re-parsing."""
from __future__ import annotations

import datetime

import pytest

from events import curation, models
from tests import factories


def test_changed_model_fields_are_locked():
    assert curation.fields_to_lock(models.Meeting, ["title", "date"]) == ["date", "title"]


def test_form_only_fields_are_not_locked():
    assert curation.fields_to_lock(models.Tenure, ["DELETE", "id_extra", "end_date"]) == ["end_date"]


def test_reverse_relations_are_not_locked():
    # A person's form never changes "aliases" itself; its inline does, row by row.
    assert curation.fields_to_lock(models.Person, ["aliases", "tenures", "name"]) == ["name"]


def test_a_meetings_participants_are_locked_by_their_relations_name():
    # Rows of their own, edited in the meeting's inline: the lock says the curator decided who took part.
    assert curation.fields_to_lock(models.Meeting, ["participants", "agreements"]) == ["participants"]


def test_many_to_many_fields_are_locked():
    assert curation.fields_to_lock(models.Agreement, ["parties"]) == ["parties"]


def test_foreign_keys_are_locked_by_field_name():
    assert curation.fields_to_lock(models.Person, ["country"]) == ["country"]


def test_the_lock_list_itself_is_not_locked():
    assert curation.fields_to_lock(models.Person, ["locked_fields", "notes"]) == ["notes"]


def test_lock_changed_fields_keeps_earlier_locks():
    person = models.Person(name="Narendra Modi", locked_fields=["notes"])
    curation.lock_changed_fields(person, ["name", "notes"])
    assert person.locked_fields == ["name", "notes"]


@pytest.mark.django_db
def test_set_review_state_changes_only_the_queryset():
    chosen, other = factories.PersonFactory(), factories.PersonFactory()
    curation.set_review_state(models.Person.objects.filter(pk=chosen.pk), models.ReviewState.REJECTED)
    chosen.refresh_from_db()
    other.refresh_from_db()
    assert (chosen.review_state, other.review_state) == (models.ReviewState.REJECTED, models.ReviewState.EXTRACTED)


@pytest.mark.django_db
def test_set_review_state_locks_the_state():
    # Otherwise a re-parse could bring a rejected record back as extracted.
    meeting = factories.MeetingFactory(locked_fields=["title"])
    curation.set_review_state(models.Meeting.objects.all(), models.ReviewState.REJECTED)
    meeting.refresh_from_db()
    assert meeting.locked_fields == ["review_state", "title"]


@pytest.mark.django_db
def test_set_review_state_counts_the_records():
    factories.AgreementFactory.create_batch(3)
    assert curation.set_review_state(models.Agreement.objects.all(), models.ReviewState.VERIFIED) == 3


@pytest.mark.django_db
def test_save_curated_writes_the_changed_fields_onto_the_row_as_it_is_now():
    meeting = factories.MeetingFactory(city="Jakarta", title="Wong - Marsudi", locked_fields=["summary"])
    read_earlier = models.Meeting.objects.get(pk=meeting.pk)
    models.Meeting.objects.filter(pk=meeting.pk).update(title="Wong - Marsudi at the ASEAN Summit")  # an ingest
    read_earlier.city = "Bogor"
    curation.save_curated(read_earlier, ["city"], user=None, reason="edited")
    meeting.refresh_from_db()
    assert (meeting.city, meeting.title, meeting.locked_fields) == (
        "Bogor", "Wong - Marsudi at the ASEAN Summit", ["city", "summary"])
    assert read_earlier.title == meeting.title  # the caller's record is the row as it is, for its answer and history


@pytest.mark.django_db
def test_save_curated_writes_a_date_with_its_precision():
    meeting = factories.MeetingFactory(date=datetime.date(2024, 3, 1), date_precision="month")
    read_earlier = models.Meeting.objects.get(pk=meeting.pk)
    models.Meeting.objects.filter(pk=meeting.pk).update(date=datetime.date(2024, 3, 5), date_precision="day")
    read_earlier.date_precision = "year"  # and the date, as settle_date gives it, equal to what was read
    read_earlier.date = datetime.date(2024, 1, 1)
    curation.save_curated(read_earlier, ["date_precision"], user=None, reason="edited")
    meeting.refresh_from_db()
    assert (meeting.date, meeting.date_precision) == (datetime.date(2024, 1, 1), "year")
