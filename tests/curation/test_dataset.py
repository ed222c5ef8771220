"""The curated dataset in fixtures/: loadable anywhere, and never doubling what an ingest of the same articles made."""
from __future__ import annotations

import datetime
import io
import json
import pathlib

import pytest
from django.core.management import call_command

from events.dataset import dataset_models
from events.models import (
    Agreement,
    AgreementSource,
    Article,
    Meeting,
    MeetingSource,
    Participant,
    Person,
    PersonSource,
    ReviewState,
    Tenure,
    TenureSource,
)

pytestmark = pytest.mark.django_db

ROOT = pathlib.Path(__file__).resolve().parent.parent.parent
CURATED = ROOT / "fixtures" / "curated.json"
ARTICLES = ROOT / "fixtures" / "articles"


def load() -> None:
    call_command("loaddata", str(CURATED), verbosity=0)


def ingest() -> None:
    call_command("ingest_articles", str(ARTICLES), stdout=io.StringIO(), stderr=io.StringIO())


def in_the_fixture(model) -> int:
    return sum(row["model"] == model._meta.label_lower for row in json.loads(CURATED.read_text(encoding="utf-8")))


def counts() -> dict[str, int]:
    return {model.__name__: model.objects.count() for model in dataset_models()}


def test_the_dataset_loads_into_an_empty_database():
    load()
    records = [Person, Meeting, Participant, Agreement, Article]
    assert {m.__name__: m.objects.count() for m in records} == {m.__name__: in_the_fixture(m) for m in records}


def test_the_dataset_has_no_primary_keys_and_natural_keys_everywhere():
    rows = json.loads(CURATED.read_text(encoding="utf-8"))
    assert [row["model"] for row in rows if "pk" in row] == []


def test_the_dataset_carries_curators_verifications():
    load()
    for model in (Person, Meeting, Agreement, Tenure):
        assert model.objects.exclude(review_state=ReviewState.VERIFIED).count() == 0, model.__name__


def test_the_dataset_has_the_corrections_a_curator_made_against_the_text():
    load()
    # 003 with 002: the Japanese ministers called on Modi, with Jaishankar and Singh, on August 19, 2024.
    call = Meeting.objects.get(participants__person__name="Kamikawa Yoko", date=datetime.date(2024, 8, 19))
    assert call.date_precision == "day"
    assert {"S Jaishankar", "Rajnath Singh", "Narendra Modi"} <= set(
        call.participants.values_list("person__name", flat=True))
    # 000: "met at the G-20 Summit in Osaka" earlier in 2019: the summit's month, not just the year.
    osaka = Meeting.objects.get(city="Osaka")
    assert (osaka.date, osaka.date_precision) == (datetime.date(2019, 6, 1), "month")
    assert not Meeting.objects.filter(date__isnull=True).exists()


def evidence() -> dict[tuple[str, str], tuple]:
    return {(type(s).__name__, str(s.record.uid), s.article.content_hash): (s.evidence, s.start, s.end, s.matched)
            for model in (PersonSource, TenureSource, MeetingSource, AgreementSource)
            for s in model.objects.select_related("record", "article")}


def test_every_source_in_the_dataset_has_its_offsets_and_words():
    rows = json.loads(CURATED.read_text(encoding="utf-8"))
    sources = [row["fields"] for row in rows if row["model"].endswith("source")]
    assert sources
    assert [f for f in sources if f["start"] is None or f["end"] is None or not f["matched"]] == []


def test_ingesting_then_loading_keeps_the_evidence_of_the_ingest():
    ingest()
    ingested = evidence()
    load()
    loaded = evidence()
    assert {key: loaded[key] for key in ingested} == ingested


def test_loading_then_ingesting_the_same_articles_doubles_nothing():
    load()
    before = counts()
    ingest()
    assert counts() == before


def test_ingesting_then_loading_doubles_nothing():
    ingest()
    load()
    assert (Person.objects.count(), Meeting.objects.count()) == (in_the_fixture(Person), in_the_fixture(Meeting))


def test_ingesting_then_loading_gives_the_curated_states():
    ingest()
    load()
    assert Person.objects.exclude(review_state=ReviewState.VERIFIED).count() == 0
