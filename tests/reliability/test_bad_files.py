"""A batch of good articles mixed with every kind of broken file, through the real command and the real database:
each bad file is named with its reason, readable oddities give correct records, nothing partial is written, the
rest of the batch goes on, and the exit code tells."""
import io

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from events.extraction import pipeline
from events.management.commands import ingest_articles
from events.models import Article, MeetingSource, Person
from tests.reliability.corpus import GOOD, write_bad, write_decodable, write_good

pytestmark = pytest.mark.django_db


def ingest(*paths):
    out, err = io.StringIO(), io.StringIO()
    error = None
    try:
        call_command("ingest_articles", *map(str, paths), stdout=out, stderr=err)
    except CommandError as raised:
        error = raised
    return out.getvalue(), err.getvalue(), error


@pytest.fixture
def corpus(tmp_path):
    folder = tmp_path / "news"
    write_good(folder)
    decodable = write_decodable(folder)
    bad = write_bad(folder)
    return folder, decodable, bad


def test_every_bad_file_is_named_with_its_reason(corpus):
    folder, _, bad = corpus
    out, _, _ = ingest(folder)
    for name, reason in bad.items():
        assert f"    {folder / name}: {reason}" in out


def test_the_exit_code_says_how_many_failed(corpus):
    folder, _, bad = corpus
    _, _, error = ingest(folder)
    assert error is not None and str(error).startswith(f"{len(bad)} of ")


def test_only_good_and_decodable_files_become_articles(corpus):
    folder, decodable, _ = corpus
    ingest(folder)
    expected = {*GOOD, *decodable} - {"wong.txt"}  # wong-again.txt, read first, is the same article
    assert sorted(name.rsplit("/", 1)[-1] for name in Article.objects.values_list("file_name", flat=True)) == \
        sorted(expected)


def test_an_article_differing_only_by_trailing_blank_lines_is_unchanged(corpus):
    folder, _, _ = corpus
    out, _, _ = ingest(folder)
    assert "unchanged:   1" in out
    assert Article.objects.filter(text__contains="Penny Wong").count() == 1


def test_decoding_fallback_is_a_warning_naming_the_file(corpus):
    folder, _, _ = corpus
    _, err, _ = ingest(folder)
    assert f"warning: {folder / 'bad-byte.txt'}: not valid UTF-8: 1 byte" in err
    assert f"warning: {folder / 'latin1.txt'}: not valid UTF-8" in err


def test_one_bad_byte_does_not_garble_the_names_around_it(corpus):
    folder, _, _ = corpus
    ingest(folder / "bad-byte.txt")
    assert Person.objects.filter(name="Vikram Misri").exists()
    assert not Person.objects.filter(name__contains="\u00e2").exists()
    assert "Misri\u2019s" in Article.objects.get().text


def test_latin1_names_are_read_with_their_accents(corpus):
    folder, _, _ = corpus
    ingest(folder / "latin1.txt")
    assert Person.objects.filter(name="\u00c1lvaro Leyva").exists()


def test_utf16_article_gives_its_people(corpus):
    folder, _, _ = corpus
    ingest(folder / "utf16.txt")
    assert Person.objects.filter(name="William Ruto").exists()


def test_scripts_and_event_handlers_are_not_article_text(corpus):
    folder, _, _ = corpus
    ingest(folder / "page.html")
    text = Article.objects.get().text
    assert "Claudia Sheinbaum" in text and "alert" not in text and "injected" not in text


def test_the_batch_twice_writes_nothing_the_second_time(corpus):
    folder, _, _ = corpus
    ingest(folder)
    before = (Article.objects.count(), Person.objects.count(), MeetingSource.objects.count())
    out, _, _ = ingest(folder)
    assert "new:         0" in out
    assert (Article.objects.count(), Person.objects.count(), MeetingSource.objects.count()) == before


def test_a_file_removed_while_the_batch_runs_is_reported_and_the_rest_go_on(tmp_path, monkeypatch):
    folder = tmp_path / "news"
    write_good(folder)
    (folder / "c-third.txt").write_text(GOOD["wong.txt"].replace("March 5", "March 6"))
    real = pipeline.ingest_document

    def remove_the_next_file(document, **options):
        (folder / "wong.txt").unlink(missing_ok=True)  # listed already, gone before it is read
        return real(document, **options)

    monkeypatch.setattr(pipeline, "ingest_document", remove_the_next_file)
    # The command reads articles in batches before parsing them; one at a time, the file is gone before it is read.
    monkeypatch.setattr(ingest_articles, "PARSE_BATCH", 1)
    out, _, error = ingest(folder)
    assert f"{folder / 'wong.txt'}: unreadable: no such file or folder" in out
    assert error is not None and "new:         2" in out


def test_a_50_mb_text_is_refused_by_its_size_and_the_batch_goes_on(tmp_path):
    folder = tmp_path / "news"
    write_good(folder)
    chunk = GOOD["boric.txt"].encode() * 1000
    with open(folder / "huge.txt", "wb") as huge:
        while huge.tell() < 50 * 1024 * 1024:
            huge.write(chunk)
    size = (folder / "huge.txt").stat().st_size
    out, _, error = ingest(folder)
    assert f"{folder / 'huge.txt'}: too large: {size:,} bytes, the limit is 2,000,000 bytes" in out
    assert error is not None and "new:         2" in out and Article.objects.count() == 2


def test_an_article_with_a_one_megabyte_line_is_stored_from_its_prose_with_a_warning(tmp_path):
    """A line of 1 MB with no sentence end, under the file size limit: cut into pieces that name nobody, read by
    the rules alone (spaCy parses no text this long), within the article's time budget."""
    path = tmp_path / "line.txt"
    line = "Officials of Chile and Norway said that President Gabriel Boric and " * 15_000
    path.write_text(GOOD["wong.txt"] + line + "so on.\n")
    assert path.stat().st_size > 1_000_000
    out, err, error = ingest(path)
    assert error is None and "new:         1" in out
    assert "cut at spaces: not prose" in err
    assert sorted(Person.objects.values_list("name", flat=True)) == ["Penny Wong", "Retno Marsudi"]
