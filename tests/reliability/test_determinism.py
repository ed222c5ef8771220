"""The same corpus gives the same records whatever the database and its row order: the samples and eval/dev are
ingested into this test's database (PostgreSQL in CI's second pass) and, by another process, into a new SQLite
file; the two sorted dumps must be equal. Also: values too long for their field, or with NUL bytes, are settled
before storing, the same way on both."""
import io
import json
import os
import subprocess
import sys

import pytest
from django.conf import settings
from django.core.management import call_command

from events.extraction import pipeline
from events.extraction.context import IngestContext
from events.extraction.sources.documents import Document
from events.models import Article, Person
from tests.reliability.corpus import DEV, SAMPLES
from tests.reliability.dump import dump

# serialized_rollback: a transactional test before this one leaves the tables flushed, countries included.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

MEETING = "Foreign Minister Penny Wong met her Indonesian counterpart Retno Marsudi in Jakarta on March 5, 2024.\n"

DUMP_IN_SQLITE = """
import django, json, sys
django.setup()
from django.core.management import call_command
from tests.reliability.dump import dump
call_command("migrate", verbosity=0)
call_command("ingest_articles", *sys.argv[1:], stdout=open("/dev/null", "w"))
print(json.dumps(dump()))
"""


def sqlite_dump(tmp_path, *paths) -> dict:
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{tmp_path / 'other.sqlite3'}",
           "DJANGO_SETTINGS_MODULE": "tests.settings"}
    done = subprocess.run([sys.executable, "-c", DUMP_IN_SQLITE, *map(str, paths)], cwd=settings.BASE_DIR, env=env,
                          capture_output=True, text=True, check=True)
    return json.loads(done.stdout)


def test_the_samples_and_eval_dev_give_the_same_records_here_and_in_a_new_sqlite_database(tmp_path):
    call_command("ingest_articles", str(SAMPLES), str(DEV), stdout=io.StringIO(), stderr=io.StringIO())
    here = dump()
    assert sum(map(len, here.values())) > 500
    assert here == sqlite_dump(tmp_path, SAMPLES, DEV)


def ingest_text(text: str, **metadata):
    return pipeline.ingest_document(Document("a.txt", text, **metadata), context=IngestContext(model=""))


def test_nul_bytes_in_a_document_are_removed_before_storing():
    result = ingest_text(MEETING.replace("Jakarta", "Jakarta\x00"))
    assert result.status == "new" and "\x00" not in Article.objects.get().text
    assert "removed 1 control characters from the text" in result.warnings


def test_a_title_too_long_for_its_field_is_cut_with_a_warning():
    result = ingest_text(MEETING, title="Talks " * 200)
    assert len(Article.objects.get().title) == 500
    assert any(w.startswith("the title is 1,200 characters, over the 500 of its field") for w in result.warnings)


def test_a_url_too_long_for_its_field_is_left_out_with_a_warning():
    result = ingest_text(MEETING, url="https://example.org/" + "a" * 2000)
    assert Article.objects.get().url == "" and any("the url is" in w for w in result.warnings)


def test_a_person_name_too_long_for_its_field_fails_the_article_and_stores_nothing():
    long_name = "Foreign Minister Penny W" + "o" * 250 + "ng"
    result = ingest_text(MEETING.replace("Foreign Minister Penny Wong", long_name))
    assert result.status == "failed"
    assert result.reason.startswith("a person's name of ") and "(Person.name)" in result.reason
    assert not Article.objects.exists() and not Person.objects.exists()
