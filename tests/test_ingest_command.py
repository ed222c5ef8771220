"""The ingest_articles command: arguments, the loop, the report, the exit code.

Most tests put a fake pipeline in place to look at the command alone. The bad-input and exit-code tests run
against the real pipeline once events/extraction/pipeline.py exists (and a fake until then): what they assert
must hold either way.
"""
import datetime
import importlib.util
import io
import sys
import types
from collections import Counter

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from events.extraction.batch import BatchReport, format_article
from events.extraction.report import ArticleResult, RecordNote, Status

PIPELINE = "events.extraction.pipeline"
ARTICLE = (
    "Santiago | The foreign ministers of Chile and Norway met in Santiago on Tuesday and agreed to deepen "
    "cooperation on renewable energy, officials said.\n"
)


class FakePipeline:
    """Stands in for ingest_document: records what it was given, answers by the article's text."""

    def __init__(self):
        self.calls = []

    def __call__(self, document, *, context=None, dry_run=False):
        self.calls.append((document, dry_run))
        if "UNCHANGED" in document.text:
            return ArticleResult(document.file_name, Status.UNCHANGED)
        if "EXPLODE" in document.text:
            raise RuntimeError("the pipeline broke")
        result = ArticleResult(document.file_name, Status.NEW)
        result.note("person", "Jane Roe", "created", "Jane Roe met John Doe.")
        result.note("person", "John Doe", "merged", "Jane Roe met John Doe.")
        result.note("meeting", "Roe - Doe, 2024-08-20", "created", "Jane Roe met John Doe.")
        result.note("participant", "the Norwegian envoy", "unresolved")
        return result


def install_fake(monkeypatch):
    fake = FakePipeline()
    module = types.ModuleType(PIPELINE)
    module.ingest_document = fake
    # The command imports the pipeline when it runs; a module in sys.modules is what that import finds.
    monkeypatch.setitem(sys.modules, PIPELINE, module)
    return fake


@pytest.fixture
def fake_pipeline(monkeypatch):
    return install_fake(monkeypatch)


@pytest.fixture
def pipeline(monkeypatch):
    """The real pipeline when it exists, else the fake. Tests using it are marked django_db for the real one."""
    if importlib.util.find_spec(PIPELINE) is None:
        return install_fake(monkeypatch)
    return None


def run(*args, stdout=None, **options):
    out, err = stdout or io.StringIO(), io.StringIO()
    error = None
    try:
        call_command("ingest_articles", *map(str, args), stdout=out, stderr=err, **options)
    except CommandError as raised:
        error = raised
    return out.getvalue(), err.getvalue(), error


def write(folder, name, text=ARTICLE, encoding="utf-8"):
    path = folder / name
    path.write_text(text, encoding=encoding)
    return path


# --- bad input and the exit code (real pipeline when present) ------------------------------------------------------

@pytest.mark.django_db
def test_failed_file_makes_the_command_fail_after_the_whole_batch(tmp_path, pipeline):
    write(tmp_path, "a.txt")
    (tmp_path / "b.txt").write_bytes(b"\x00\x01binary")
    write(tmp_path, "c.txt", ARTICLE.replace("Tuesday", "Wednesday"))
    out, _, error = run(tmp_path)
    assert error is not None and "1 of 3 articles failed" in str(error)
    assert "Articles read: 3" in out and "new:         2" in out
    assert f"{tmp_path / 'b.txt'}: binary" in out


@pytest.mark.django_db
@pytest.mark.parametrize(("name", "content", "reason"), [
    ("empty.txt", b"", "empty"),
    ("blank.txt", b"  \n\n ", "empty"),
    ("nul.txt", b"Ministers\x00met", "binary"),
    ("big.txt", b"x" * 2000, "too large"),
])
@pytest.mark.django_db
def test_each_bad_input_is_reported_by_name_with_its_reason(tmp_path, pipeline, name, content, reason):
    (tmp_path / name).write_bytes(content)
    out, _, error = run(tmp_path / name, max_bytes=1000)
    assert error is not None
    assert f"{tmp_path / name}: {reason}" in out


@pytest.mark.django_db
def test_missing_path_is_reported_and_the_others_go_on(tmp_path, pipeline):
    write(tmp_path, "a.txt")
    out, _, error = run(tmp_path / "missing.txt", tmp_path / "a.txt")
    assert error is not None
    assert f"{tmp_path / 'missing.txt'}: unreadable" in out and "new:         1" in out


@pytest.mark.django_db
def test_non_utf8_file_is_ingested_with_a_warning_on_stderr(tmp_path, pipeline):
    path = write(tmp_path, "a.txt", ARTICLE.replace("Chile", "Bogot\u00e1's"), encoding="cp1252")
    out, err, error = run(path)
    assert error is None
    assert f"warning: {path}: not valid UTF-8" in err and "new:         1" in out


@pytest.mark.django_db
def test_all_good_files_exit_cleanly(tmp_path, pipeline):
    write(tmp_path, "a.txt")
    out, _, error = run(tmp_path)
    assert error is None and "failed:      0" in out


@pytest.mark.django_db
def test_exit_status_is_non_zero_from_the_command_line(tmp_path, pipeline):
    from django.core.management import ManagementUtility

    (tmp_path / "a.txt").write_bytes(b"")
    with pytest.raises(SystemExit) as exited:
        ManagementUtility(["manage.py", "ingest_articles", str(tmp_path / "a.txt")]).execute()
    assert exited.value.code == 1


# --- arguments ------------------------------------------------------------------------------------------------------

def test_published_with_two_files_is_an_error(tmp_path, fake_pipeline):
    a, b = write(tmp_path, "a.txt"), write(tmp_path, "b.txt")
    with pytest.raises(CommandError, match="single article file"):
        call_command("ingest_articles", str(a), str(b), published="2024-08-20", stdout=io.StringIO())
    assert fake_pipeline.calls == []


def test_published_with_a_folder_is_an_error(tmp_path, fake_pipeline):
    write(tmp_path, "a.txt")
    with pytest.raises(CommandError, match="single article file"):
        call_command("ingest_articles", str(tmp_path), "--published", "2024-08-20", stdout=io.StringIO())


def test_published_that_is_not_a_date_is_an_error(tmp_path, fake_pipeline):
    path = write(tmp_path, "a.txt")
    with pytest.raises(CommandError, match="not a date"):
        call_command("ingest_articles", str(path), "--published", "last week", stdout=io.StringIO())


def test_published_date_reaches_the_pipeline(tmp_path, fake_pipeline):
    path = write(tmp_path, "a.txt")
    run(path, "--published", "20 August 2024")
    (document, _), = fake_pipeline.calls
    assert document.published == datetime.date(2024, 8, 20)


def test_max_bytes_must_be_positive(tmp_path, fake_pipeline):
    with pytest.raises(CommandError, match="positive"):
        call_command("ingest_articles", str(write(tmp_path, "a.txt")), "--max-bytes", "0", stdout=io.StringIO())


def test_max_bytes_defaults_to_the_setting(tmp_path, fake_pipeline, settings):
    settings.INGEST_MAX_BYTES = 10
    out, _, error = run(write(tmp_path, "a.txt"))
    assert error is not None and "too large" in out and fake_pipeline.calls == []


def test_dry_run_is_passed_to_the_pipeline_and_said_in_the_report(tmp_path, fake_pipeline):
    out, _, _ = run(write(tmp_path, "a.txt"), "--dry-run")
    assert [dry_run for _, dry_run in fake_pipeline.calls] == [True]
    assert out.startswith("Dry run: nothing was written")


def test_without_dry_run_the_pipeline_writes(tmp_path, fake_pipeline):
    run(write(tmp_path, "a.txt"))
    assert [dry_run for _, dry_run in fake_pipeline.calls] == [False]


# --- the report ----------------------------------------------------------------------------------------------------

def test_report_counts_new_unchanged_and_failed(tmp_path, fake_pipeline):
    write(tmp_path, "a.txt")
    write(tmp_path, "b.txt", "UNCHANGED article text")
    write(tmp_path, "c.txt", "")
    out, _, _ = run(tmp_path)
    assert "Articles read: 3\n  new:         1\n  unchanged:   1\n  failed:      1\n" in out


def test_report_sums_records_per_kind_and_action(tmp_path, fake_pipeline):
    write(tmp_path, "a.txt")
    write(tmp_path, "b.txt", ARTICLE + "again")
    out, _, _ = run(tmp_path)
    rows = {line.split()[0]: line.split()[1:] for line in out.splitlines() if line.startswith("  ")}
    assert rows["person"] == ["2", "2", "0"]
    assert rows["meeting"] == ["2", "0", "0"]
    assert rows["participant"] == ["0", "0", "2"]


def test_pipeline_error_fails_that_article_and_the_batch_goes_on(tmp_path, fake_pipeline):
    write(tmp_path, "a.txt", "EXPLODE")
    write(tmp_path, "b.txt")
    out, _, error = run(tmp_path)
    assert error is not None
    assert f"{tmp_path / 'a.txt'}: error while ingesting: RuntimeError: the pipeline broke" in out
    assert len(fake_pipeline.calls) == 2


def test_verbosity_two_lists_every_record_with_its_evidence(tmp_path, fake_pipeline):
    out, _, _ = run(write(tmp_path, "a.txt"), verbosity=2)
    assert "  meeting created: Roe - Doe, 2024-08-20\n      evidence: Jane Roe met John Doe." in out
    assert "  participant unresolved: the Norwegian envoy" in out


def test_default_verbosity_lists_no_records(tmp_path, fake_pipeline):
    out, _, _ = run(write(tmp_path, "a.txt"))
    assert "evidence" not in out


def test_warning_is_printed_once_even_if_the_pipeline_repeats_it(tmp_path, monkeypatch):
    def repeating(document, *, context=None, dry_run=False):
        return ArticleResult(document.file_name, Status.NEW, warnings=[*document.warnings, "odd date"])

    module = types.ModuleType(PIPELINE)
    module.ingest_document = repeating
    monkeypatch.setitem(sys.modules, PIPELINE, module)
    path = write(tmp_path, "a.txt", "Caf\u00e9 talks.", encoding="cp1252")
    _, err, _ = run(path)
    assert err.count("not valid UTF-8") == 1 and f"warning: {path}: odd date" in err


class Terminal(io.StringIO):
    def isatty(self):
        return True


def test_progress_bar_is_shown_on_a_terminal(tmp_path, fake_pipeline, monkeypatch):
    err = io.StringIO()
    call_command("ingest_articles", str(write(tmp_path, "a.txt")), stdout=Terminal(), stderr=err)
    assert "articles" in err.getvalue()


def test_no_progress_bar_when_output_is_not_a_terminal(tmp_path, fake_pipeline):
    _, err, _ = run(write(tmp_path, "a.txt"))
    assert err == ""


# --- BatchReport on its own ----------------------------------------------------------------------------------------

def test_batch_report_lists_failures_in_order_and_other_actions_as_columns():
    report = BatchReport()
    report.add(ArticleResult("b.txt", Status.FAILED, reason="binary"))
    report.add(ArticleResult("a.txt", Status.FAILED, reason="empty"))
    report.add(ArticleResult("c.txt", Status.NEW, counts=Counter({"meeting.locked": 1, "meeting.created": 2})))
    text = report.format()
    assert text.index("b.txt: binary") < text.index("a.txt: empty")
    header, row = text.splitlines()[-2:]
    assert header.split() == ["Records:", "created", "merged", "unresolved", "locked"]
    assert row.split() == ["meeting", "2", "0", "0", "1"]


def test_batch_report_with_no_records_says_so():
    report = BatchReport()
    report.add(ArticleResult("a.txt", Status.UNCHANGED))
    assert report.format().endswith("Records: none")


def test_format_article_shows_status_reason_and_records():
    result = ArticleResult("a.txt", Status.NEW, records=[RecordNote("person", "Jane Roe", "created", "She spoke.")])
    assert format_article(result) == "a.txt: new\n  person created: Jane Roe\n      evidence: She spoke."
