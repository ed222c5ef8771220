"""What an ingest adds to records already there is in their history with the article that added it, as its saves of
the records themselves are."""
from __future__ import annotations

import pytest

from events.models import Agreement, AgreementMeeting, Participant, PersonAlias
from tests import factories
from tests.curation.ingest import WONG_MARSUDI_JAISHANKAR, ingest, wong, wong_marsudi_meeting

pytestmark = pytest.mark.django_db

SIGNED_AT_TOKYO = ("Indian Prime Minister Narendra Modi and Japanese Prime Minister Fumio Kishida signed a Memorandum "
                   "of Understanding on Maritime Cooperation in Tokyo on March 5, 2024.\n")


def test_a_participant_an_ingest_adds_to_a_meeting_names_the_article(ingest_context):
    meeting = wong_marsudi_meeting(ingest_context)
    ingest(ingest_context, WONG_MARSUDI_JAISHANKAR, "second.txt")
    added = Participant.history.get(meeting_id=meeting.pk, raw_name="Subrahmanyam Jaishankar", history_type="+")
    assert added.history_change_reason == "ingest of second.txt"


def test_an_alias_an_ingest_adds_to_a_person_names_the_article(ingest_context):
    wong_marsudi_meeting(ingest_context)
    ingest(ingest_context, "Foreign Minister Wong met Retno Marsudi in Jakarta on May 2, 2024.\n", "second.txt")
    added = PersonAlias.history.get(person_id=wong().pk, name="Wong", history_type="+")
    assert added.history_change_reason == "ingest of second.txt"


def test_an_agreement_meeting_link_an_ingest_makes_names_the_article(ingest_context):
    ingest(ingest_context, SIGNED_AT_TOKYO, "tokyo.txt")
    assert list(AgreementMeeting.history.values_list("history_change_reason", flat=True)) == ["ingest of tokyo.txt"]


def test_the_version_a_known_agreements_new_party_makes_names_the_article(ingest_context):
    ingest(ingest_context, SIGNED_AT_TOKYO, "tokyo.txt")
    agreement = Agreement.objects.get()
    agreement.parties.remove(factories.country("JP"))
    ingest(ingest_context, "TOKYO - " + SIGNED_AT_TOKYO, "again.txt")
    latest = agreement.history.latest()
    assert (sorted(latest.parties.values_list("country__code", flat=True)), latest.history_change_reason) == (
        ["IN", "JP"], "ingest of again.txt")


def test_an_article_that_adds_no_party_makes_no_version_of_the_agreement(ingest_context):
    ingest(ingest_context, SIGNED_AT_TOKYO, "tokyo.txt")
    versions = Agreement.history.count()
    ingest(ingest_context, "TOKYO - " + SIGNED_AT_TOKYO, "again.txt")
    assert Agreement.history.count() == versions
