"""Reading articles from disk: files and folders in, one `Document` (or the `ReadFailure` saying why not) out each.

A generator throughout, so that a batch of any size is read one file at a time: nothing here holds more than
one file's bytes (one line's, for JSON Lines) and the listing of the folder being walked.
"""
from __future__ import annotations

import codecs
import datetime
import json
import os
import re
import stat
from collections.abc import Iterable, Iterator
from pathlib import Path

from events.extraction.sources.documents import Document, ReadFailure
from events.extraction.sources.html import extract_html
from events.extraction.text.dates import parse_date_text

TEXT_SUFFIXES = frozenset({".txt", ".text", ".md", ""})
HTML_SUFFIXES = frozenset({".html", ".htm"})
JSON_LINES_SUFFIXES = frozenset({".jsonl"})
SIDECAR_SUFFIX = ".json"
METADATA_KEYS = ("title", "published", "url", "outlet")

# Enough of a file to tell text from binary without reading a large one twice.
_SNIFF_BYTES = 8192
# Control characters other than whitespace: text has next to none, binary formats are full of them.
_CONTROL_BYTES = bytes(range(0, 8)) + bytes(range(14, 27)) + bytes(range(28, 32)) + b"\x7f"
_MAX_CONTROL_SHARE = 0.05
# A byte that is not UTF-8 is read alone as the legacy encoding most such files are in (ISO-8859-1 is a subset of
# it for letters), and every valid UTF-8 sequence around it stays as it is: one bad byte never garbles the rest.
_FALLBACK_ENCODING = "cp1252"
# Text in a legacy encoding has a few bytes that are not UTF-8 (accented letters); random or compressed data has
# about as many as it has bytes over 0x7f. Over this share of the file, it is not text.
_MAX_FALLBACK_SHARE = 0.3
# What is left of control characters after decoding (C0 but tab and newlines, DEL, C1): never part of prose, and
# PostgreSQL refuses a NUL in text that SQLite would store.
_ESCAPED_BYTE = re.compile("[\udc80-\udcff]")
_CONTROL_CHARACTERS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_DECLARED_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
Item = Document | ReadFailure


def iter_documents(
    paths: Iterable[Path | str], *, published: datetime.date | None = None, max_bytes: int
) -> Iterator[Document | ReadFailure]:
    """Each article under `paths` (files, or folders walked recursively in name order), as it is read.

    `published` overrides the date of every article read (the command allows it with a single file only).
    Hidden files and folders are skipped in a walk, and so are `.json` sidecars and files of other types; a file
    named explicitly with a type we cannot read is a failure. `max_bytes` limits a file (a line, in JSON Lines).
    """
    for given in paths:
        path = Path(given)
        if path.is_dir():
            yield from _walk(path, published, max_bytes, ancestors=())
        else:
            yield from _read_path(path, published, max_bytes, named=True)


def _walk(folder: Path, published: datetime.date | None, max_bytes: int, *,
          ancestors: tuple[tuple[int, int], ...]) -> Iterator[Item]:
    """`ancestors` are the (device, inode) of the folders above: a link back to one of them is a loop, reported and
    not followed; any other link to a folder is walked like the folder itself."""
    try:
        info = folder.stat()
        with os.scandir(folder) as scan:
            entries = sorted(scan, key=lambda entry: entry.name)
    except OSError as error:
        yield ReadFailure(str(folder), f"unreadable folder: {_os_reason(error)}")
        return
    ancestors = (*ancestors, (info.st_dev, info.st_ino))
    for entry in entries:
        if entry.name.startswith("."):
            continue
        path = folder / entry.name
        try:
            is_folder = entry.is_dir()
        except OSError:
            is_folder = False
        if is_folder and entry.is_symlink():
            try:
                target = path.stat()
            except OSError as error:  # a loop of links to links, or the target went away
                yield ReadFailure(str(path), f"skipped link: {_os_reason(error)}")
                continue
            if (target.st_dev, target.st_ino) in ancestors:
                yield ReadFailure(str(path), "skipped link: it leads back to a folder above it (a loop)")
                continue
        if is_folder:
            yield from _walk(path, published, max_bytes, ancestors=ancestors)
        elif _suffix(path) in TEXT_SUFFIXES | HTML_SUFFIXES | JSON_LINES_SUFFIXES:
            yield from _read_path(path, published, max_bytes, named=False)


def _suffix(path: Path) -> str:
    return path.suffix.lower()


def _read_path(path: Path, published: datetime.date | None, max_bytes: int, *, named: bool) -> Iterator[Item]:
    suffix = _suffix(path)
    name = str(path)
    if suffix in JSON_LINES_SUFFIXES:
        yield from _read_json_lines(path, published, max_bytes)
        return
    if suffix == SIDECAR_SUFFIX:
        yield ReadFailure(name, "a .json file is read only as the metadata sidecar of the article of the same name")
        return
    if suffix not in TEXT_SUFFIXES | HTML_SUFFIXES:
        yield ReadFailure(name, f"unsupported file type {suffix!r}: expected .txt, .text, .md, .html, .htm or .jsonl")
        return
    yield _read_article_file(path, published, max_bytes)


def _read_article_file(path: Path, published: datetime.date | None, max_bytes: int) -> Item:
    name = str(path)
    data = _read_bytes(path, max_bytes)
    if isinstance(data, str):
        return ReadFailure(name, data)
    problem = _binary_reason(data)
    if problem:
        return ReadFailure(name, problem)
    is_html = _suffix(path) in HTML_SUFFIXES
    declared = _declared_charset(data) if is_html else None
    text, warnings = _decode(data, declared)
    if text is None:
        return ReadFailure(name, warnings[0])
    if not text.strip():
        return ReadFailure(name, "empty: no text" if not data else "empty: only whitespace")
    metadata: dict = {}
    if is_html:
        page = extract_html(text)
        if not page.text.strip():
            return ReadFailure(name, "no article text in the HTML page")
        text = page.text
        metadata = {"title": page.title, "url": page.url, "outlet": page.outlet}
        if page.published:
            found = parse_date_text(page.published)
            if found is None:
                warnings.append(f"ignored the page's publication date {page.published!r}: not a date")
            metadata["published"] = found
    sidecar = _read_sidecar(path, max_bytes, warnings)
    if isinstance(sidecar, str):
        return ReadFailure(name, sidecar)
    metadata.update({key: value for key, value in sidecar.items() if value})
    if published is not None:
        metadata["published"] = published
    text = _normalise_text(text, warnings)
    if not text.strip():
        return ReadFailure(name, "empty: only control characters")
    return Document(file_name=name, text=text, warnings=tuple(warnings), **metadata)


def _read_bytes(path: Path, max_bytes: int) -> bytes | str:
    """The file's bytes, or why they cannot be had. The size is checked before anything is read."""
    try:
        if path.is_dir():
            return "unreadable: is a folder"
        info = path.stat()
        if not stat.S_ISREG(info.st_mode):
            return _not_regular(info.st_mode)
        if info.st_size > max_bytes:
            return _too_large(info.st_size, max_bytes)
        with _open_regular(path) as handle:
            data = handle.read(max_bytes + 1)
    except _NotRegular as error:
        return str(error)
    except OSError as error:
        return f"unreadable: {_os_reason(error)}"
    if len(data) > max_bytes:  # grew since stat(), or a device that reports no size
        return _too_large(len(data), max_bytes, at_least=True)
    return data


class _NotRegular(OSError):
    pass


def _not_regular(mode: int) -> str:
    kind = ("a FIFO" if stat.S_ISFIFO(mode) else "a socket" if stat.S_ISSOCK(mode)
            else "a device" if stat.S_ISCHR(mode) or stat.S_ISBLK(mode) else "not a file")
    return f"skipped: {kind}, not a regular file (only regular files are read)"


def _open_regular(path: Path):
    """The file opened for reading, if it is a regular file. Opened without blocking, so that a FIFO put in its
    place after the stat() cannot hang the batch waiting for a writer; then checked again on what was opened."""
    handle = open(path, "rb", opener=lambda name, flags: os.open(name, flags | os.O_NONBLOCK))  # noqa: SIM115
    mode = os.fstat(handle.fileno()).st_mode
    if not stat.S_ISREG(mode):
        handle.close()
        raise _NotRegular(_not_regular(mode))
    return handle


def _too_large(size: int, max_bytes: int, *, at_least: bool = False) -> str:
    return f"too large: {'over ' if at_least else ''}{size:,} bytes, the limit is {max_bytes:,} bytes"


def _os_reason(error: OSError) -> str:
    if isinstance(error, PermissionError):
        return "permission denied"
    if isinstance(error, FileNotFoundError):
        return "no such file or folder"
    return (error.strerror or str(error)).lower()


def _binary_reason(data: bytes) -> str | None:
    sample = data[:_SNIFF_BYTES]
    if sample.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return None  # UTF-16 text has NUL bytes by design
    if b"\x00" in sample:
        return "binary: contains NUL bytes"
    if sample and sum(sample.count(byte) for byte in _CONTROL_BYTES) / len(sample) > _MAX_CONTROL_SHARE:
        return "binary: mostly control characters, not text"
    return None


def _declared_charset(data: bytes) -> str | None:
    match = _DECLARED_CHARSET.search(data[:_SNIFF_BYTES])
    if not match:
        return None
    try:
        return codecs.lookup(match.group(1).decode("ascii")).name
    except LookupError:
        return None


def _decode(data: bytes, declared: str | None = None) -> tuple[str | None, list[str]]:
    """Text and warnings, or None and the reason the bytes are not text.

    UTF-8 (with or without a BOM) or UTF-16 with a BOM; an HTML page's declared legacy charset. Otherwise each byte
    that is not UTF-8 is read alone as cp1252, with a warning saying how many and where the first is: a wrong guess
    shows as odd characters in names, and it must touch only the bytes that were wrong.
    """
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16"), []
        except UnicodeDecodeError:
            return None, ["binary: a UTF-16 byte order mark, but not UTF-16 text"]
    try:
        return data.decode("utf-8-sig"), []
    except UnicodeDecodeError as error:
        where = f"byte 0x{data[error.start]:02x} at offset {error.start}"
    if declared and declared not in {"utf-8", "utf-16"}:
        try:
            return data.decode(declared), [f"not valid UTF-8 ({where}); read as {declared}, as the page declares"]
        except UnicodeDecodeError:
            pass
    # surrogateescape keeps each undecodable byte as one lone surrogate (U+DC80 + byte), found again below.
    text, count = _ESCAPED_BYTE.subn(_byte_as_fallback, data.decode("utf-8-sig", errors="surrogateescape"))
    if count > _MAX_FALLBACK_SHARE * len(data):
        return None, [f"binary: {count:,} of {len(data):,} bytes are not UTF-8, so it is not text"]
    return text, [f"not valid UTF-8: {count:,} byte{'s' if count != 1 else ''} ({where} first) "
                  f"read one by one as {_FALLBACK_ENCODING}, the rest as UTF-8"]


def _byte_as_fallback(match: re.Match) -> str:
    byte = bytes([ord(match.group()) - 0xDC00])
    return byte.decode(_FALLBACK_ENCODING, errors="replace")  # U+FFFD where cp1252 has no character


def _normalise_text(text: str, warnings: list[str]) -> str:
    """Newlines of any platform as \n (the same article saved on Windows and on Linux is the same article), and
    no control characters: they are no part of prose, and databases disagree on them (PostgreSQL refuses NUL)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text, removed = _CONTROL_CHARACTERS.subn("", text)
    if removed:
        warnings.append(f"removed {removed:,} control character{'s' if removed != 1 else ''}")
    return text


def _read_sidecar(path: Path, max_bytes: int, warnings: list[str]) -> dict | str:
    """NAME.json beside NAME.txt: the metadata it gives, or what is wrong with it."""
    sidecar = path.with_suffix(SIDECAR_SUFFIX)
    if not sidecar.is_file():
        return {}
    data = _read_bytes(sidecar, max_bytes)
    if isinstance(data, str):
        return f"bad sidecar {sidecar.name}: {data}"
    try:
        value = json.loads(data.decode("utf-8-sig"))
    except UnicodeDecodeError:
        return f"bad sidecar {sidecar.name}: not UTF-8"
    except json.JSONDecodeError as error:
        return f"bad sidecar {sidecar.name}: not valid JSON ({error.msg} at line {error.lineno} column {error.colno})"
    metadata = _metadata(value)
    if isinstance(metadata, str):
        return f"bad sidecar {sidecar.name}: {metadata}"
    warnings += _ignored_keys(value, METADATA_KEYS, f"sidecar {sidecar.name}")
    return metadata


def _ignored_keys(value: dict, allowed: tuple[str, ...], source: str) -> list[str]:
    """A warning naming keys we do not read: exports carry extra fields, which must not fail the article."""
    unknown = sorted(set(value) - set(allowed))
    return [f"{source}: ignored keys {', '.join(map(repr, unknown))}"] if unknown else []


def _metadata(value: object) -> dict | str:
    """title/published/url/outlet from a JSON object, checked; or what is wrong with it."""
    if not isinstance(value, dict):
        return f"expected a JSON object, not {type(value).__name__}"
    metadata: dict = {}
    for key in ("title", "url", "outlet"):
        field = value.get(key)
        if field is not None and not isinstance(field, str):
            return f"{key!r} must be a string"
        metadata[key] = (field or "").strip()
    written = value.get("published")
    if written is not None and written != "":
        found = parse_date_text(written) if isinstance(written, str) else None
        if found is None:
            return f"bad published value {written!r}: expected a date such as 2024-08-20 or 20 August 2024"
        metadata["published"] = found
    return metadata


def _read_json_lines(path: Path, published: datetime.date | None, max_bytes: int) -> Iterator[Item]:
    """One Document per line ("file.jsonl#N", N counting from 1); a bad line fails alone."""
    name = str(path)
    try:
        handle = _open_regular(path)  # held open across yields, closed in finally
    except _NotRegular as error:
        yield ReadFailure(name, str(error))
        return
    except OSError as error:
        yield ReadFailure(name, f"unreadable: {_os_reason(error)}")
        return
    articles = 0
    try:
        number = 0
        while True:
            line = handle.readline(max_bytes + 1)
            if not line:
                break
            number += 1
            where = f"{name}#{number}"
            if len(line) > max_bytes:
                while line and not line.endswith(b"\n"):  # skip the rest of the oversized line
                    line = handle.readline(max_bytes + 1)
                articles += 1
                yield ReadFailure(where, f"line {number}: too large: over {max_bytes:,} bytes")
                continue
            if not line.strip():
                continue
            articles += 1
            yield _json_line(line, number, where, published)
    except OSError as error:
        yield ReadFailure(name, f"unreadable: {_os_reason(error)}")
        return
    finally:
        handle.close()
    if articles == 0:
        yield ReadFailure(name, "empty: no JSON lines")


def _json_line(line: bytes, number: int, where: str, published: datetime.date | None) -> Item:
    problem = _binary_reason(line)
    if problem:
        return ReadFailure(where, f"line {number}: {problem}")
    text, warnings = _decode(line)
    if text is None:
        return ReadFailure(where, f"line {number}: {warnings[0]}")
    try:
        value = json.loads(text)
    except json.JSONDecodeError as error:
        return ReadFailure(where, f"line {number}: not valid JSON ({error.msg} at column {error.colno})")
    metadata = _metadata(value)
    if isinstance(metadata, str):
        return ReadFailure(where, f"line {number}: {metadata}")
    warnings += _ignored_keys(value, ("text", *METADATA_KEYS), f"line {number}")
    article = value.get("text")
    if not isinstance(article, str) or not article.strip():
        return ReadFailure(where, f"line {number}: no text (a non-empty string under \"text\")")
    if published is not None:
        metadata["published"] = published
    article = _normalise_text(article, warnings)
    if not article.strip():
        return ReadFailure(where, f"line {number}: only control characters under \"text\"")
    return Document(file_name=where, text=article, warnings=tuple(warnings), **metadata)
