"""The benchmark's corpus generator: the same seed writes the same corpus, and its gold is what `evaluate` reads.

Times belong to the benchmark (`make bench`), never to a test.
"""
import io
import json

import pytest
from django.core.management import call_command

from bench.generate import generate


def corpus(folder):
    return {path.relative_to(folder).as_posix(): path.read_bytes() for path in sorted(folder.rglob("*")) if path.is_file()}


def test_a_seed_writes_the_same_corpus_and_another_seed_another(tmp_path):
    counts = generate(articles=20, seed=3, out=tmp_path / "a")
    generate(articles=20, seed=3, out=tmp_path / "b")
    generate(articles=20, seed=4, out=tmp_path / "c")
    assert counts["articles"] == 20
    assert corpus(tmp_path / "a") == corpus(tmp_path / "b")
    assert corpus(tmp_path / "a") != corpus(tmp_path / "c")


def test_the_gold_names_every_article_and_only_records_they_report(tmp_path):
    generate(articles=20, seed=3, out=tmp_path)
    gold = json.loads((tmp_path / "gold.json").read_text(encoding="utf-8"))
    files = sorted(path.name for path in (tmp_path / "articles").iterdir())
    assert sorted(gold["articles"]) == files
    sources = {name.split("_", 1)[0] for name in files}
    persons = {p["id"] for p in gold["persons"]}
    for record in gold["persons"] + gold["meetings"] + gold["agreements"]:
        assert record["sources"] and set(record["sources"]) <= sources
    for meeting in gold["meetings"]:
        assert set(meeting["participants"]) <= persons and len(meeting["participants"]) >= 2
        assert len(meeting["date"]) == {"day": 10, "month": 7, "year": 4}[meeting["min_precision"]]


@pytest.mark.django_db(transaction=True)
def test_the_evaluate_command_scores_a_generated_corpus(tmp_path):
    generate(articles=20, seed=3, out=tmp_path)
    report = call_command("evaluate", str(tmp_path / "articles"), str(tmp_path / "gold.json"),
                          json=tmp_path / "score.json", stdout=io.StringIO())
    scores = json.loads((tmp_path / "score.json").read_text())
    assert "overall" in report.lower() or report
    assert {"persons", "meetings", "agreements", "overall_f1"} <= set(scores)
    assert scores["persons"]["tp"] > 0 and scores["meetings"]["tp"] > 0
