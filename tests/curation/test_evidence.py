"""Every source says where in the article its record was read, and with which words; the admin marks those words."""
from __future__ import annotations

import pytest

from events.extraction.text.clean import clean
from events.models import AgreementSource, Article, Person, PersonSource
from tests import factories
from tests.curation.ingest import ingest
from tests.test_admin import url

pytestmark = pytest.mark.django_db

SIGNING = ("Australian Foreign Minister Penny Wong held talks with Indonesian Foreign Minister Retno Marsudi in Jakarta "
           "on March 5, 2024. She said the two countries signed the Jakarta Maritime Security Agreement.\n")


def cleaned_text() -> str:
    return clean(Article.objects.get().text).text


def test_a_person_source_has_the_offsets_of_its_sentence(ingest_context):
    ingest(ingest_context, SIGNING)
    source = PersonSource.objects.get(record__name="Retno Marsudi")
    assert cleaned_text()[source.start:source.end] == source.evidence


def test_a_person_source_keeps_the_words_that_name_the_person(ingest_context):
    ingest(ingest_context, SIGNING)
    assert PersonSource.objects.get(record__name="Retno Marsudi").matched == ["Retno Marsudi"]


def test_an_agreement_source_has_the_offsets_of_its_sentence(ingest_context):
    ingest(ingest_context, SIGNING)
    source = AgreementSource.objects.get()
    assert (source.evidence.startswith("She said"), cleaned_text()[source.start:source.end]) == (True, source.evidence)


def test_an_agreement_source_keeps_the_agreements_name_as_written(ingest_context):
    ingest(ingest_context, SIGNING)
    assert AgreementSource.objects.get().matched == ["Jakarta Maritime Security Agreement"]


def test_the_admin_marks_the_matched_words_as_whole_words(admin_client):
    source = factories.PersonSourceFactory(evidence="He met the press in Tokyo.", matched=["He"])
    page = admin_client.get(url(Person, "change", source.record.pk)).content.decode()
    assert "<mark>He</mark> met the press" in page


def test_the_admin_marks_matched_words_in_an_escaped_sentence(admin_client):
    source = factories.AgreementSourceFactory(evidence="<b>Pact</b> signed", matched=["Pact"])
    page = admin_client.get(url(type(source.record), "change", source.record.pk)).content.decode()
    assert "&lt;b&gt;<mark>Pact</mark>&lt;/b&gt; signed" in page
