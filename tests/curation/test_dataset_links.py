"""Loading a dataset over an earlier one gives the later one's links: the participants, agreement-meeting links and
aliases it no longer carries are removed from the records it owns (reviewed there, or with that list locked)."""
from __future__ import annotations

import io
import pathlib

import pytest
from django.core.management import call_command

from events.dataset import dump_dataset
from events.models import AgreementMeeting, Meeting, Participant, PersonAlias, ReviewState
from tests import factories

pytestmark = pytest.mark.django_db

ROOT = pathlib.Path(__file__).resolve().parent.parent.parent


def load(path) -> None:
    call_command("loaddata", str(path), verbosity=0)


def v1_then_v2(tmp_path, change) -> None:
    """Dump the database as v1, `change` it and dump v2, load v1 back (the database as v1 left it), then v2."""
    dump_dataset(tmp_path / "v1.json")
    change()
    dump_dataset(tmp_path / "v2.json")
    load(tmp_path / "v1.json")
    load(tmp_path / "v2.json")


def meeting_with(*names: str, **fields) -> Meeting:
    """A verified meeting unless `fields` say otherwise, with these participants."""
    meeting = factories.MeetingFactory(**{"review_state": ReviewState.VERIFIED, **fields})
    for name in names:
        factories.ParticipantFactory(meeting=meeting, person__name=name, raw_name=name)
    return meeting


def names_at(meeting) -> set[str]:
    return set(Participant.objects.filter(meeting=meeting).values_list("raw_name", flat=True))


def test_a_participant_v2_removed_from_a_verified_meeting_is_removed(tmp_path):
    meeting = meeting_with("Penny Wong", "Retno Marsudi", "Vikram Misri")
    v1_then_v2(tmp_path, lambda: meeting.participants.get(raw_name="Vikram Misri").delete())
    assert names_at(meeting) == {"Penny Wong", "Retno Marsudi"}


def test_a_participant_v2_removed_from_a_meeting_whose_participants_it_locks_is_removed(tmp_path):
    meeting = meeting_with("Penny Wong", "Retno Marsudi", "Vikram Misri",
                                    review_state=ReviewState.EXTRACTED, locked_fields=["participants"])
    v1_then_v2(tmp_path, lambda: meeting.participants.get(raw_name="Vikram Misri").delete())
    assert names_at(meeting) == {"Penny Wong", "Retno Marsudi"}


def test_an_agreement_link_v2_removed_from_a_verified_meeting_is_removed(tmp_path):
    meeting = meeting_with("Penny Wong", "Retno Marsudi")
    link = AgreementMeeting.objects.create(agreement=factories.AgreementFactory(), meeting=meeting)
    v1_then_v2(tmp_path, link.delete)
    assert not AgreementMeeting.objects.filter(meeting=meeting).exists()


def test_an_alias_v2_removed_from_a_verified_person_is_removed(tmp_path):
    person = factories.PersonFactory(name="Penny Wong", review_state=ReviewState.VERIFIED)
    factories.PersonAliasFactory(person=person, name="Wong")
    wrong = factories.PersonAliasFactory(person=person, name="Wang")
    v1_then_v2(tmp_path, wrong.delete)
    assert list(PersonAlias.objects.filter(person=person).values_list("name", flat=True)) == ["Wong"]


def test_the_removal_is_in_the_history_with_the_dataset_named(tmp_path):
    meeting = meeting_with("Penny Wong", "Retno Marsudi", "Vikram Misri")
    v1_then_v2(tmp_path, lambda: meeting.participants.get(raw_name="Vikram Misri").delete())
    removal = Participant.history.filter(raw_name="Vikram Misri", history_type="-").latest("history_id")
    assert removal.history_change_reason == f"not in the dataset {tmp_path / 'v2.json'}"


def test_ingesting_then_loading_the_curated_dataset_removes_the_link_the_curator_removed():
    # The ingest links the Modi-Abe vision to the Osaka meeting; the curator removed that link in fixtures/curated.json.
    call_command("ingest_articles", str(ROOT / "fixtures" / "articles"), stdout=io.StringIO(), stderr=io.StringIO())
    load(ROOT / "fixtures" / "curated.json")
    assert not AgreementMeeting.objects.filter(agreement__name="Modi-Abe vision", meeting__city="Osaka").exists()
