"""The curated dataset in fixtures/: loadable anywhere, and never doubling what an ingest of the same articles made."""
from __future__ import annotations

import io
import json
import pathlib

import pytest
from django.core.management import call_command

from events.dataset import dataset_models
from events.models import Agreement, Article, Meeting, Participant, Person, ReviewState

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
    assert Person.objects.filter(review_state=ReviewState.VERIFIED).count() == in_the_fixture(Person)


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
