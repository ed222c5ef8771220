"""`ingest_articles --workers 2` parses in other processes and writes in this one, in the input's order: the records
are those of one process (issue 10). Runs on whichever database the suite runs on (SQLite, or PostgreSQL in CI)."""
from __future__ import annotations

import io

import pytest
from django.core.management import call_command

from bench.generate import generate
from events.models import Agreement, Article, Meeting, Office, Person, Tenure
from tests.reliability.corpus import SAMPLES
from tests.reliability.dump import dump

# The workers are forked: the command closes this process's connections first, which needs no test transaction
# around it; serialized_rollback brings back the countries a transactional test flushes.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def ingest(*paths, workers: int) -> dict:
    call_command("ingest_articles", *map(str, paths), workers=workers, stdout=io.StringIO(), stderr=io.StringIO())
    records = dump()
    # Each model's rows go, in an order their protected relations allow, so the next run starts from the same state.
    for model in (Meeting, Agreement, Tenure, Person, Office, Article):
        model.objects.all().delete()
    return records


def test_two_workers_store_what_one_does(tmp_path):
    generate(articles=24, seed=3, out=tmp_path / "generated")
    paths = [SAMPLES, tmp_path / "generated" / "articles"]
    one = ingest(*paths, workers=1)
    assert len(one["Article"]) > 25 and len(one["Meeting"]) > 10
    assert ingest(*paths, workers=2) == one


def test_workers_must_be_a_positive_number():
    with pytest.raises(Exception, match="positive whole number"):
        call_command("ingest_articles", str(SAMPLES), "--workers", "0", stdout=io.StringIO(), stderr=io.StringIO())
