"""known_agreements: the stored agreements an article's agreements can be, by name and by party."""
import datetime

import pytest

from events.extraction.pipeline import ingest_document
from events.extraction.sources.documents import Document
from events.models import Agreement, Country

pytestmark = pytest.mark.django_db

SIGNED = Document(
    "fisheries.txt",
    "Foreign Minister Penny Wong held talks with Indonesian Foreign Minister Retno Marsudi in Jakarta on March 5, "
    "2024. Australia and Indonesia signed the Fisheries Cooperation Agreement.\n",
    published=datetime.date(2024, 3, 6),
)


def parties(agreement: Agreement) -> list[str]:
    return sorted(agreement.parties.values_list("code", flat=True))


def test_a_stored_agreement_without_parties_is_found_by_its_name(ingest_context):
    stored = Agreement.objects.create(name="Fisheries Cooperation Agreement")
    ingest_document(SIGNED, context=ingest_context)
    assert list(Agreement.objects.all()) == [stored]
    assert parties(stored) == ["AU", "ID"]


def test_a_stored_agreement_of_one_of_the_parties_is_found(ingest_context):
    stored = Agreement.objects.create(name="Fisheries Cooperation Agreement")
    stored.parties.add(Country.objects.get(code="AU"))
    ingest_document(SIGNED, context=ingest_context)
    assert list(Agreement.objects.all()) == [stored]


def test_the_same_name_between_other_parties_is_another_agreement(ingest_context):
    other = Agreement.objects.create(name="Fisheries Cooperation Agreement")
    other.parties.add(*Country.objects.filter(code__in=["NZ", "FJ"]))
    ingest_document(SIGNED, context=ingest_context)
    made = Agreement.objects.exclude(pk=other.pk).get()
    assert parties(made) == ["AU", "ID"]
    assert parties(other) == ["FJ", "NZ"]
