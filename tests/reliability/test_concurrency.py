"""Concurrent and interrupted ingests on PostgreSQL: real `manage.py ingest_articles` processes against this test's
database. Two at once on overlapping corpora both succeed and leave the records of one sequential run; a run
killed with SIGKILL midway (once, or five times in a row) and run again leaves the records of one uninterrupted run.

Skipped on SQLite, whose test database lives in this process's memory where another process cannot reach it."""
import os
import signal
import subprocess
import sys
import time

import pytest
from django.conf import settings
from django.db import connection

from events.models import Article
from tests.reliability.corpus import DEV, SAMPLES
from tests.reliability.dump import dump
from tests.reliability.test_determinism import sqlite_dump

pytestmark = [
    pytest.mark.django_db(transaction=True, serialized_rollback=True),  # countries survive earlier flushes
    pytest.mark.skipif(connection.vendor != "postgresql", reason="other processes need a shared database server"),
]


def this_database_url() -> str:
    db = connection.settings_dict
    password = f":{db['PASSWORD']}" if db.get("PASSWORD") else ""
    return f"postgres://{db['USER']}{password}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"


def start_ingest(*paths) -> subprocess.Popen:
    env = {**os.environ, "DATABASE_URL": this_database_url(), "DJANGO_SETTINGS_MODULE": "tests.settings"}
    return subprocess.Popen([sys.executable, "manage.py", "ingest_articles", *map(str, paths)], cwd=settings.BASE_DIR,
                            env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def finish(process: subprocess.Popen) -> tuple[int, str]:
    out, err = process.communicate(timeout=600)
    return process.returncode, out + err


def test_two_ingests_of_the_same_corpus_at_once_both_succeed_and_store_each_article_once():
    first, second = start_ingest(SAMPLES), start_ingest(SAMPLES)
    (code_1, out_1), (code_2, out_2) = finish(first), finish(second)
    assert (code_1, code_2) == (0, 0), out_1 + out_2
    assert "IntegrityError" not in out_1 + out_2
    assert Article.objects.count() == len(list(SAMPLES.iterdir()))


def corpus_files(*folders) -> list[str]:
    return [str(path) for folder in folders for path in sorted(folder.iterdir()) if not path.name.startswith(".")]


def commit_order(*folders) -> list[str]:
    """The corpus's files in the order their articles were committed (ids are taken in that order, one article
    transaction at a time under the ingest lock), then the files that stored nothing (duplicates of another)."""
    stored = list(Article.objects.order_by("id").values_list("file_name", flat=True))
    return stored + [path for path in corpus_files(*folders) if path not in stored]


def test_two_ingests_of_overlapping_corpora_at_once_end_as_one_sequential_run(tmp_path):
    """What an article yields depends on what the database already knows (the first spelling of a name becomes the
    person's name), so one sequential run in another order is another set of records: the runs at once must end
    exactly as one sequential run in the order their articles were committed, with nothing doubled or lost."""
    first, second = start_ingest(SAMPLES, DEV), start_ingest(DEV, SAMPLES)
    (code_1, out_1), (code_2, out_2) = finish(first), finish(second)
    assert (code_1, code_2) == (0, 0), out_1 + out_2
    assert "IntegrityError" not in out_1 + out_2
    order = commit_order(SAMPLES, DEV)
    assert sorted(order) == sorted(corpus_files(SAMPLES, DEV))
    here = dump()
    assert len(here["Article"]) == len(set(here["Article"]))
    assert here == sqlite_dump(tmp_path, *order)


def test_an_ingest_killed_midway_and_run_again_ends_as_one_uninterrupted_run(tmp_path):
    killed = start_ingest(SAMPLES, DEV)
    deadline = time.monotonic() + 120
    while Article.objects.count() < 10 and time.monotonic() < deadline and killed.poll() is None:
        time.sleep(0.05)
    killed.send_signal(signal.SIGKILL)
    killed.wait()
    assert killed.returncode == -signal.SIGKILL, "the ingest ended before it could be killed:\n" + finish(killed)[1]
    assert 0 < Article.objects.count() < 63  # the samples and eval/dev hold 63 articles
    code, out = finish(start_ingest(SAMPLES, DEV))
    assert code == 0, out
    assert dump() == sqlite_dump(tmp_path, SAMPLES, DEV)


def test_an_ingest_killed_five_times_in_a_row_and_run_again_ends_as_one_uninterrupted_run(tmp_path):
    # Each run is killed once it has committed one more article than the run before, after a pause that differs
    # from kill to kill, so that the kills land at different points of an article: parsing, inside its transaction.
    stored = 0
    for kill, pause in enumerate((0.0, 0.05, 0.15, 0.3, 0.5)):
        killed = start_ingest(SAMPLES, DEV)
        deadline = time.monotonic() + 120
        while Article.objects.count() <= stored and time.monotonic() < deadline and killed.poll() is None:
            time.sleep(0.02)
        time.sleep(pause)
        killed.send_signal(signal.SIGKILL)
        killed.wait()
        assert killed.returncode == -signal.SIGKILL, f"run {kill + 1} ended before it was killed:\n{finish(killed)[1]}"
        assert Article.objects.count() > stored
        stored = Article.objects.count()
    assert stored < 63  # the samples and eval/dev hold 63 articles
    code, out = finish(start_ingest(SAMPLES, DEV))
    assert code == 0, out
    assert dump() == sqlite_dump(tmp_path, SAMPLES, DEV)
