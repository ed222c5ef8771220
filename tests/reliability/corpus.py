"""Test corpora the reliability tests write for themselves: good articles, and files that are broken in every way a
folder of saved news pages can be. Nothing here is read from the repository but the samples."""
from __future__ import annotations

import io
import os
import pathlib
import random
import zipfile

SAMPLES = pathlib.Path(__file__).resolve().parent.parent.parent / "fixtures" / "articles"
DEV = pathlib.Path(__file__).resolve().parent.parent.parent / "eval" / "dev" / "articles"

GOOD = {
    "wong.txt": "Foreign Minister Penny Wong met her Indonesian counterpart Retno Marsudi in Jakarta on March 5, 2024 "
                "and discussed maritime security.\n",
    "boric.txt": "Chilean President Gabriel Boric met Norwegian Prime Minister Jonas Gahr Store in Oslo on "
                 "June 3, 2024, and the two leaders discussed renewable energy.\n",
}
# A UTF-8 article with one byte that is not UTF-8 (0xe9 of Latin-1) after a curly apostrophe that must survive.
BAD_BYTE = ("Foreign Secretary Vikram Misri\u2019s talks: Vikram Misri met Chinese Vice Foreign Minister Sun Weidong in "
            "Beijing on January 27, 2025, at the ministry's ").encode() + b"caf\xe9.\n"
LATIN1 = ("Colombian Foreign Minister \u00c1lvaro Leyva met Brazilian Foreign Minister Mauro Vieira in Bogot\u00e1 on "
          "April 9, 2024.\n")
UTF16 = ("Kenyan President William Ruto met Ghanaian President Nana Akufo-Addo in Nairobi on February 12, 2024.\n")
HTML = ("<html><head><title>Talks</title><script>alert('head')</script></head><body><article>"
        "<p onclick=\"alert('p')\">Mexican President Claudia Sheinbaum met Canadian Prime Minister Mark Carney in "
        "Mexico City on September 18, 2025.</p><script>document.write('injected')</script>"
        "<img src=x onerror=\"alert('img')\"></article></body></html>")

# name -> the start of the reason the report must give for it
BAD = {
    "empty.txt": "empty: no text",
    "blank.txt": "empty: only whitespace",
    "random.txt": "binary",
    "image.txt": "binary",
    "archive.txt": "binary",
    "high-bytes.txt": "binary",
    "pipe.txt": "skipped: a FIFO",
    "loop": "skipped link: it leads back",
}


def png() -> bytes:
    return (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x02\x00\x00\x00\x90wS\xde"
            b"\x00\x00\x00\x0cIDATx\x9cc\xf8\xff\xff?\x00\x05\xfe\x02\xfe\xa7\x35\x81\x84\x00\x00\x00\x00IEND\xaeB`\x82")


def zip_bytes() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("article.txt", GOOD["wong.txt"] * 20)
    return buffer.getvalue()


def write_good(folder: pathlib.Path) -> list[pathlib.Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for name, text in GOOD.items():
        (folder / name).write_text(text, encoding="utf-8")
        paths.append(folder / name)
    return paths


def write_decodable(folder: pathlib.Path) -> dict[str, str]:
    """Files that are awkward but readable: name -> the file's encoding story."""
    (folder / "bad-byte.txt").write_bytes(BAD_BYTE)
    (folder / "latin1.txt").write_bytes(LATIN1.encode("latin-1"))
    (folder / "utf16.txt").write_bytes(UTF16.encode("utf-16"))
    (folder / "page.html").write_text(HTML, encoding="utf-8")
    # The same article as wong.txt, saved again with trailing spaces and blank lines: the same article.
    (folder / "wong-again.txt").write_text(GOOD["wong.txt"].rstrip("\n") + "   \n\n\n  \n", encoding="utf-8")
    return {"bad-byte.txt": "utf-8 and one byte", "latin1.txt": "latin-1", "utf16.txt": "utf-16",
            "page.html": "html", "wong-again.txt": "duplicate"}


def write_bad(folder: pathlib.Path) -> dict[str, str]:
    folder.mkdir(parents=True, exist_ok=True)
    rnd = random.Random(9)
    (folder / "empty.txt").write_bytes(b"")
    (folder / "blank.txt").write_bytes(b" \n\n\t \r\n")
    (folder / "random.txt").write_bytes(bytes(rnd.randrange(256) for _ in range(4096)))
    (folder / "image.txt").write_bytes(png())
    (folder / "archive.txt").write_bytes(zip_bytes())
    (folder / "high-bytes.txt").write_bytes(bytes(rnd.randrange(0x80, 0x100) for _ in range(4096)))
    os.mkfifo(folder / "pipe.txt")
    (folder / "loop").symlink_to(folder)
    return dict(BAD)
