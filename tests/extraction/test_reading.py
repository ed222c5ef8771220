"""Reading article files: formats, sidecars, bad input, walking folders. No database."""
import contextlib
import datetime
import inspect
import json
import os
import signal

import pytest

from events.extraction.sources import reading
from events.extraction.sources.documents import Document, ReadFailure
from events.extraction.sources.reading import iter_documents

ARTICLE = "The foreign ministers of Chile and Norway met in Santiago on Tuesday.\nThey agreed to meet again.\n"
LIMIT = 100_000


@contextlib.contextmanager
def alarm(seconds):
    """Fail, rather than hang the suite, if the block blocks."""
    def expired(signum, frame):
        raise TimeoutError(f"blocked for more than {seconds} s")

    previous = signal.signal(signal.SIGALRM, expired)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def read(*paths, **options):
    options.setdefault("max_bytes", LIMIT)
    return list(iter_documents(paths, **options))


def read_one(path, **options):
    (item,) = read(path, **options)
    return item


# --- formats -------------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("name", ["a.txt", "a.text", "a.md", "a", "A.TXT"])
def test_plain_text_file_is_one_document(tmp_path, name):
    path = tmp_path / name
    path.write_text(ARTICLE, encoding="utf-8")
    assert read_one(path) == Document(file_name=str(path), text=ARTICLE)


def test_windows_line_endings_become_newlines(tmp_path):
    path = tmp_path / "a.txt"
    path.write_bytes(ARTICLE.replace("\n", "\r\n").encode())
    assert read_one(path).text == ARTICLE


def test_utf8_with_bom_is_read_without_the_bom_or_a_warning(tmp_path):
    path = tmp_path / "a.txt"
    path.write_bytes(b"\xef\xbb\xbf" + "\u00c5land\u2019s minister spoke.".encode())
    document = read_one(path)
    assert (document.text, document.warnings) == ("\u00c5land\u2019s minister spoke.", ())


def test_utf16_with_bom_is_text_not_binary(tmp_path):
    path = tmp_path / "a.txt"
    path.write_bytes("Ministers met.".encode("utf-16"))
    assert read_one(path).text == "Ministers met."


HTML_PAGE = """<!doctype html><html><head><meta charset="utf-8"><title>Site | Ministers meet</title>
<meta property="og:title" content="Chile and Norway ministers meet">
<meta property="og:site_name" content="Daily Example">
<meta property="og:url" content="https://example.org/world/ministers-meet">
<meta property="article:published_time" content="2024-08-20T10:00:00+05:30">
<script>var tracking = "ignore me";</script><style>p { color: red }</style></head>
<body><header><nav>Home | World | Sport</nav></header>
<div class="sidebar">Most popular today</div>
<main><article>
<h1>Chile and Norway ministers meet</h1>
<p>The foreign ministers of Chile &amp; Norway met in Santiago.</p>
<p>They agreed<br>to meet again.</p>
<figure><img src="x.jpg"><figcaption>Photo: AP</figcaption></figure>
<aside>Related: another story</aside><form>Subscribe</form>
</article></main>
<footer>Copyright 2024</footer></body></html>"""


def test_html_keeps_the_article_text_with_paragraph_breaks(tmp_path):
    path = tmp_path / "page.html"
    path.write_text(HTML_PAGE, encoding="utf-8")
    assert read_one(path).text == (
        "Chile and Norway ministers meet\n\nThe foreign ministers of Chile & Norway met in Santiago.\n\n"
        "They agreed\nto meet again."
    )


def test_html_metadata_from_the_head(tmp_path):
    path = tmp_path / "page.htm"
    path.write_text(HTML_PAGE, encoding="utf-8")
    document = read_one(path)
    assert (document.title, document.published, document.url, document.outlet) == (
        "Chile and Norway ministers meet", datetime.date(2024, 8, 20),
        "https://example.org/world/ministers-meet", "Daily Example")


def test_html_without_article_uses_the_body_without_chrome_and_falls_back_to_title_canonical_and_time(tmp_path):
    path = tmp_path / "page.html"
    path.write_text(
        "<html><head><title>Ministers meet</title><link rel='canonical' href='https://example.org/b'></head>"
        "<body><nav>Menu</nav><p>Ministers met <time datetime='2023-05-06'>on Saturday</time>.</p>"
        "<footer>About us</footer><script>x()</script></body></html>", encoding="utf-8")
    document = read_one(path)
    assert (document.text, document.title, document.url, document.published) == (
        "Ministers met on Saturday.", "Ministers meet", "https://example.org/b", datetime.date(2023, 5, 6))


def test_html_prefers_main_when_there_is_no_article(tmp_path):
    path = tmp_path / "page.html"
    path.write_text("<body><div>Breaking: markets</div><main><p>Ministers met.</p></main></body>", encoding="utf-8")
    assert read_one(path).text == "Ministers met."


def test_html_with_no_text_is_a_failure(tmp_path):
    path = tmp_path / "page.html"
    path.write_text("<html><head><title>x</title><script>var a;</script></head><body><nav>Menu</nav></body></html>")
    item = read_one(path)
    assert isinstance(item, ReadFailure) and "no article text" in item.reason


def test_html_in_a_declared_legacy_charset_is_decoded_with_a_warning(tmp_path):
    path = tmp_path / "page.html"
    path.write_bytes('<meta charset="iso-8859-15"><p>Ministers met in Bogot\u00e1 \u20ac.</p>'.encode("iso-8859-15"))
    document = read_one(path)
    assert document.text == "Ministers met in Bogot\u00e1 \u20ac."
    assert any("iso8859-15" in warning for warning in document.warnings)


def test_json_lines_gives_one_document_per_line_named_by_line(tmp_path):
    path = tmp_path / "feed.jsonl"
    lines = [
        {"text": "First article.", "title": "One", "published": "2024-08-20", "url": "https://e.org/1",
         "outlet": "Wire"},
        {"text": "Second article."},
    ]
    path.write_text("\n".join(json.dumps(line) for line in lines) + "\n", encoding="utf-8")
    assert read(path) == [
        Document(file_name=f"{path}#1", text="First article.", title="One", published=datetime.date(2024, 8, 20),
                 url="https://e.org/1", outlet="Wire"),
        Document(file_name=f"{path}#2", text="Second article."),
    ]


def test_json_lines_bad_line_is_a_failure_naming_the_line_and_the_rest_go_on(tmp_path):
    path = tmp_path / "feed.jsonl"
    path.write_text('{"text": "First."}\n{"text": oops}\n{"text": "Third."}\n', encoding="utf-8")
    first, bad, third = read(path)
    assert (first.text, third.text, third.file_name) == ("First.", "Third.", f"{path}#3")
    assert isinstance(bad, ReadFailure)
    assert bad.file_name == f"{path}#2" and "line 2" in bad.reason and "not valid JSON" in bad.reason


@pytest.mark.parametrize(("line", "problem"), [
    ('["a list"]', "expected a JSON object"),
    ('{"title": "no text"}', "no text"),
    ('{"text": "   "}', "no text"),
    ('{"text": "x", "published": "someday"}', "bad published value 'someday'"),
    ('{"text": "x", "title": 5}', "'title' must be a string"),
])
def test_json_lines_line_with_bad_fields_is_a_failure(tmp_path, line, problem):
    path = tmp_path / "feed.jsonl"
    path.write_text(line + "\n", encoding="utf-8")
    item = read_one(path)
    assert isinstance(item, ReadFailure) and problem in item.reason


def test_json_lines_blank_lines_are_skipped_but_counted_in_names(tmp_path):
    path = tmp_path / "feed.jsonl"
    path.write_text('\n{"text": "Second line."}\n\n', encoding="utf-8")
    assert [item.file_name for item in read(path)] == [f"{path}#2"]


def test_json_lines_extra_keys_are_a_warning_not_a_failure(tmp_path):
    path = tmp_path / "feed.jsonl"
    path.write_text('{"text": "Article.", "author": "X"}\n', encoding="utf-8")
    document = read_one(path)
    assert document.text == "Article." and any("'author'" in warning for warning in document.warnings)


def test_json_lines_oversized_line_fails_alone(tmp_path):
    path = tmp_path / "feed.jsonl"
    path.write_text(json.dumps({"text": "x" * 500}) + "\n" + json.dumps({"text": "Short."}) + "\n")
    big, small = read(path, max_bytes=100)
    assert isinstance(big, ReadFailure) and "too large" in big.reason
    assert (small.file_name, small.text) == (f"{path}#2", "Short.")


def test_empty_json_lines_file_is_a_failure(tmp_path):
    path = tmp_path / "feed.jsonl"
    path.write_text("\n\n")
    item = read_one(path)
    assert isinstance(item, ReadFailure) and "empty" in item.reason


# --- sidecars and the published argument -------------------------------------------------------------------------

def test_sidecar_json_gives_the_metadata(tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE)
    (tmp_path / "a.json").write_text(json.dumps(
        {"title": "Ministers meet", "published": "20 August 2024", "url": "https://e.org/a", "outlet": "Wire"}))
    document = read_one(tmp_path / "a.txt")
    assert (document.title, document.published, document.url, document.outlet) == (
        "Ministers meet", datetime.date(2024, 8, 20), "https://e.org/a", "Wire")


def test_sidecar_is_not_read_as_an_article_in_a_folder(tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE)
    (tmp_path / "a.json").write_text('{"title": "T"}')
    assert [item.file_name for item in read(tmp_path)] == [str(tmp_path / "a.txt")]


def test_sidecar_overrides_html_metadata(tmp_path):
    (tmp_path / "page.html").write_text(HTML_PAGE)
    (tmp_path / "page.json").write_text('{"outlet": "Corrected Outlet"}')
    document = read_one(tmp_path / "page.html")
    assert (document.outlet, document.title) == ("Corrected Outlet", "Chile and Norway ministers meet")


@pytest.mark.parametrize(("sidecar", "problem"), [
    ("{not json", "not valid JSON"),
    ('"a string"', "expected a JSON object"),
    ('{"published": "the other day"}', "bad published value 'the other day'"),
    ('{"published": 20240820}', "bad published value 20240820"),
])
def test_bad_sidecar_is_a_failure_naming_the_sidecar(tmp_path, sidecar, problem):
    (tmp_path / "a.txt").write_text(ARTICLE)
    (tmp_path / "a.json").write_text(sidecar)
    item = read_one(tmp_path / "a.txt")
    assert isinstance(item, ReadFailure)
    assert "a.json" in item.reason and problem in item.reason


def test_published_argument_sets_the_date(tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE)
    assert read_one(tmp_path / "a.txt", published=datetime.date(2025, 5, 5)).published == datetime.date(2025, 5, 5)


def test_published_argument_wins_over_the_sidecar(tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE)
    (tmp_path / "a.json").write_text('{"published": "2020-01-01"}')
    assert read_one(tmp_path / "a.txt", published=datetime.date(2025, 5, 5)).published == datetime.date(2025, 5, 5)


# --- bad input -----------------------------------------------------------------------------------------------------

def test_missing_file_is_unreadable(tmp_path):
    item = read_one(tmp_path / "gone.txt")
    assert item == ReadFailure(str(tmp_path / "gone.txt"), "unreadable: no such file or folder")


def test_file_without_permission_is_unreadable(tmp_path, monkeypatch):
    # Tests may run as root, who reads anything: make open() refuse the way the OS would.
    path = tmp_path / "secret.txt"
    path.write_text(ARTICLE)

    def refuse(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(reading, "open", refuse, raising=False)
    assert read_one(path) == ReadFailure(str(path), "unreadable: permission denied")


def test_empty_file_is_a_failure(tmp_path):
    path = tmp_path / "a.txt"
    path.write_bytes(b"")
    assert read_one(path) == ReadFailure(str(path), "empty: no text")


def test_whitespace_only_file_is_a_failure(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(" \n\t\n  \n")
    assert read_one(path) == ReadFailure(str(path), "empty: only whitespace")


def test_file_with_nul_bytes_is_binary(tmp_path):
    path = tmp_path / "a.txt"
    path.write_bytes(b"Ministers met\x00\x01\x02 in Lima.")
    item = read_one(path)
    assert isinstance(item, ReadFailure) and item.reason.startswith("binary")


def test_file_of_control_characters_is_binary(tmp_path):
    path = tmp_path / "a.txt"
    path.write_bytes(bytes(range(1, 8)) * 40 + b"some text")
    item = read_one(path)
    assert isinstance(item, ReadFailure) and item.reason.startswith("binary")


def test_file_over_the_limit_is_refused_before_reading(tmp_path, monkeypatch):
    path = tmp_path / "a.txt"
    path.write_text("x" * 101)

    def must_not_open(*args, **kwargs):
        raise AssertionError("read a file that is over the limit")

    monkeypatch.setattr(reading, "open", must_not_open, raising=False)
    item = read_one(path, max_bytes=100)
    assert isinstance(item, ReadFailure)
    assert item.reason == "too large: 101 bytes, the limit is 100 bytes"


def test_file_at_the_limit_is_read(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("x" * 100)
    assert isinstance(read_one(path, max_bytes=100), Document)


def test_not_utf8_falls_back_with_a_warning(tmp_path):
    path = tmp_path / "a.txt"
    path.write_bytes("The minister said \u201cBogot\u00e1\u201d.".encode("cp1252"))
    document = read_one(path)
    assert document.text == "The minister said \u201cBogot\u00e1\u201d."
    assert len(document.warnings) == 1
    assert "not valid UTF-8" in document.warnings[0] and "cp1252" in document.warnings[0]


def test_byte_undefined_in_cp1252_becomes_the_replacement_character(tmp_path):
    path = tmp_path / "a.txt"
    path.write_bytes(b"Caf\xe9 \x81 talks.")  # 0x81 is undefined in cp1252
    document = read_one(path)
    assert document.text == "Caf\u00e9 \ufffd talks." and "2 bytes" in document.warnings[0]


def test_one_bad_byte_changes_only_that_byte_and_the_warning_says_where(tmp_path):
    # Decoding the whole file as cp1252 because of one byte turned "Misri\u2019s" into "Misri\u00e2\u20ac\u2122s".
    path = tmp_path / "a.txt"
    path.write_bytes("Vikram Misri\u2019s visit to Bogot\u00e1, ".encode() + b"caf\xe9.")
    document = read_one(path)
    assert document.text == "Vikram Misri\u2019s visit to Bogot\u00e1, caf\u00e9."
    assert document.warnings == ("not valid UTF-8: 1 byte (byte 0xe9 at offset 38 first) read one by one as cp1252, "
                                 "the rest as UTF-8",)


def test_latin1_file_is_read_letter_for_letter(tmp_path):
    path = tmp_path / "a.txt"
    path.write_bytes("Ministers met in Bogot\u00e1 and S\u00e3o Paulo; M\u00fcller spoke.".encode("latin-1"))
    assert read_one(path).text == "Ministers met in Bogot\u00e1 and S\u00e3o Paulo; M\u00fcller spoke."


def test_bytes_that_are_mostly_not_utf8_are_binary(tmp_path):
    path = tmp_path / "a.txt"
    path.write_bytes(bytes(range(0x80, 0x100)) * 8)  # no NUL, no control byte: only the decoding tells
    item = read_one(path)
    assert isinstance(item, ReadFailure) and item.reason.startswith("binary: 1,024 of 1,024 bytes are not UTF-8")


def test_utf16_byte_order_mark_on_odd_bytes_is_binary(tmp_path):
    path = tmp_path / "a.txt"
    path.write_bytes(b"\xff\xfeM\x00i\x00\x00\xd8")  # a lone high surrogate at the end
    item = read_one(path)
    assert isinstance(item, ReadFailure) and "not UTF-16 text" in item.reason


def test_control_characters_after_the_first_bytes_are_removed_with_a_warning(tmp_path):
    path = tmp_path / "a.txt"
    path.write_bytes(b"Ministers met. " * 600 + b"Lima\x00 and\x1b Quito\xc2\x85.")  # NUL, ESC, C1 NEL
    document = read_one(path)
    assert document.text.endswith("Lima and Quito.") and document.warnings == ("removed 3 control characters",)


def test_json_lines_text_with_escaped_nul_is_cleaned_with_a_warning(tmp_path):
    path = tmp_path / "feed.jsonl"
    path.write_text('{"text": "Ministers\\u0000 met."}\n')
    document = read_one(path)
    assert (document.text, document.warnings) == ("Ministers met.", ("removed 1 control character",))


def test_content_hash_ignores_trailing_spaces_and_blank_lines():
    assert Document("a", "Ministers met.\nThey spoke.").content_hash == \
        Document("a", "\nMinisters met.  \nThey spoke.\n\n\n").content_hash


def test_content_hash_still_tells_different_words_apart():
    assert Document("a", "Ministers met.").content_hash != Document("a", "Ministers  met.").content_hash


def test_explicit_file_of_unsupported_type_is_a_failure(tmp_path):
    path = tmp_path / "scan.pdf"
    path.write_bytes(b"%PDF-1.4")
    item = read_one(path)
    assert isinstance(item, ReadFailure) and "unsupported file type '.pdf'" in item.reason


def test_explicit_sidecar_is_a_failure_not_an_article(tmp_path):
    path = tmp_path / "a.json"
    path.write_text("{}")
    item = read_one(path)
    assert isinstance(item, ReadFailure) and "sidecar" in item.reason


def test_a_failure_does_not_stop_the_files_after_it(tmp_path):
    (tmp_path / "a.txt").write_bytes(b"\x00\x00")
    (tmp_path / "b.txt").write_text(ARTICLE)
    first, second = read(tmp_path)
    assert isinstance(first, ReadFailure) and isinstance(second, Document)


def test_fifo_is_skipped_with_a_reason_without_waiting_for_a_writer(tmp_path):
    path = tmp_path / "pipe.txt"
    os.mkfifo(path)
    with alarm(5):
        item = read_one(path)
    assert item == ReadFailure(str(path), "skipped: a FIFO, not a regular file (only regular files are read)")


def test_fifo_in_a_folder_is_skipped_and_the_walk_goes_on(tmp_path):
    os.mkfifo(tmp_path / "a.txt")
    (tmp_path / "b.txt").write_text(ARTICLE)
    with alarm(5):
        first, second = read(tmp_path)
    assert isinstance(first, ReadFailure) and "FIFO" in first.reason and second.text == ARTICLE


def test_a_fifo_put_in_place_of_a_file_after_it_was_checked_is_not_waited_for(tmp_path):
    path = tmp_path / "pipe.txt"
    os.mkfifo(path)
    with alarm(5), pytest.raises(OSError, match="FIFO"):
        reading._open_regular(path)


def test_character_device_is_skipped(tmp_path):
    item = read_one("/dev/null")
    assert item == ReadFailure("/dev/null", "skipped: a device, not a regular file (only regular files are read)")


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads a file whatever its permissions")
def test_file_without_read_permission_is_skipped_with_the_reason(tmp_path):
    path = tmp_path / "secret.txt"
    path.write_text(ARTICLE)
    path.chmod(0)
    assert read_one(path) == ReadFailure(str(path), "unreadable: permission denied")


def test_link_back_to_a_folder_above_is_reported_and_not_followed(tmp_path):
    (tmp_path / "news" / "inner").mkdir(parents=True)
    (tmp_path / "news" / "a.txt").write_text(ARTICLE)
    (tmp_path / "news" / "inner" / "up").symlink_to(tmp_path / "news")
    (tmp_path / "news" / "inner" / "self").symlink_to(tmp_path / "news" / "inner")
    with alarm(5):
        items = read(tmp_path / "news")
    assert [(item.file_name, getattr(item, "reason", "")) for item in items] == [
        (str(tmp_path / "news" / "a.txt"), ""),
        (str(tmp_path / "news" / "inner" / "self"), "skipped link: it leads back to a folder above it (a loop)"),
        (str(tmp_path / "news" / "inner" / "up"), "skipped link: it leads back to a folder above it (a loop)"),
    ]


def test_link_to_a_folder_elsewhere_is_walked(tmp_path):
    (tmp_path / "elsewhere").mkdir()
    (tmp_path / "elsewhere" / "a.txt").write_text(ARTICLE)
    (tmp_path / "news").mkdir()
    (tmp_path / "news" / "linked").symlink_to(tmp_path / "elsewhere")
    assert [item.file_name for item in read(tmp_path / "news")] == [str(tmp_path / "news" / "linked" / "a.txt")]


def test_link_that_points_to_itself_is_unreadable_not_a_hang(tmp_path):
    (tmp_path / "loop.txt").symlink_to(tmp_path / "loop.txt")
    with alarm(5):
        item = read_one(tmp_path)
    assert isinstance(item, ReadFailure) and item.file_name == str(tmp_path / "loop.txt")


# --- folders and streaming -----------------------------------------------------------------------------------------

def test_folder_is_walked_recursively_in_sorted_order(tmp_path):
    for name in ["b.txt", "a/z.txt", "a/b/c.md", "c.txt", "a/a.txt"]:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(ARTICLE)
    assert [item.file_name for item in read(tmp_path)] == [
        str(tmp_path / name) for name in ["a/a.txt", "a/b/c.md", "a/z.txt", "b.txt", "c.txt"]]


def test_hidden_files_and_folders_and_other_types_are_skipped_in_a_walk(tmp_path):
    (tmp_path / ".hidden.txt").write_text(ARTICLE)
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "notes.txt").write_text(ARTICLE)
    (tmp_path / "photo.jpg").write_bytes(b"\xff\xd8\x00")
    (tmp_path / "article.txt").write_text(ARTICLE)
    assert [item.file_name for item in read(tmp_path)] == [str(tmp_path / "article.txt")]


def test_paths_are_read_in_the_order_given(tmp_path):
    (tmp_path / "b.txt").write_text(ARTICLE)
    (tmp_path / "a.txt").write_text(ARTICLE)
    assert [item.file_name for item in read(tmp_path / "b.txt", tmp_path / "a.txt")] == [
        str(tmp_path / "b.txt"), str(tmp_path / "a.txt")]


def test_iter_documents_is_a_generator():
    assert inspect.isgeneratorfunction(iter_documents)


def test_files_are_read_one_at_a_time_as_the_caller_asks(tmp_path):
    (tmp_path / "a.txt").write_text("First.")
    (tmp_path / "b.txt").write_text("Second.")
    documents = iter_documents([tmp_path], max_bytes=LIMIT)
    assert next(documents).text == "First."
    (tmp_path / "b.txt").write_text("Changed after the first was read.")  # read only now, not up front
    assert next(documents).text == "Changed after the first was read."


def test_paths_argument_is_consumed_lazily(tmp_path):
    (tmp_path / "a.txt").write_text("First.")

    def paths():
        yield tmp_path / "a.txt"
        raise AssertionError("asked for the next path before the first article was used")

    assert next(iter_documents(paths(), max_bytes=LIMIT)).text == "First."


def test_json_lines_are_read_line_by_line(tmp_path):
    path = tmp_path / "feed.jsonl"
    path.write_text('{"text": "First."}\n{"text": "Second."}\n')
    documents = iter_documents([path], max_bytes=LIMIT)
    assert next(documents).text == "First."
    with open(path, "a") as handle:  # a line appended after the first was read is still seen
        handle.write('{"text": "Third."}\n')
    assert [item.text for item in documents] == ["Second.", "Third."]
