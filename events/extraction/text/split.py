"""Split cleaned text into sentences that keep their character offsets and paragraph."""
from __future__ import annotations

import re
from dataclasses import dataclass

# Words after which a full stop does not end a sentence.
ABBREVIATIONS = {
    "mr", "mrs", "ms", "dr", "prof", "gen", "lt", "col", "maj", "capt", "sgt", "rep", "sen", "gov", "st", "no", "vs",
    "jr", "sr", "inc", "ltd", "co", "corp", "dept", "approx", "est", "fig", "jan", "feb", "mar", "apr", "jun", "jul",
    "aug", "sep", "sept", "oct", "nov", "dec", "h.e", "e.g", "i.e", "u.s", "u.k", "u.n", "etc", "hon", "rt",
}
BOUNDARY = re.compile(r"""(?<=[.!?])["'\u201d\u2019)]?\s+(?=["'\u201c\u2018(]?[A-Z0-9@])""")


@dataclass(frozen=True)
class Sentence:
    index: int
    text: str
    start: int  # offset of the sentence in the cleaned article text
    paragraph: int

    @property
    def end(self) -> int:
        return self.start + len(self.text)


def _ends_with_abbreviation(chunk: str) -> bool:
    word = re.search(r"([\w.]+)\.$", chunk.rstrip("\"'\u201d\u2019) "))
    if not word:
        return False
    token = word.group(1).lower()
    # "S. Jaishankar", "U.S." : a lone initial is not a sentence end.
    return token in ABBREVIATIONS or (len(token) == 1 and token.isalpha())


def split_sentences(text: str) -> list[Sentence]:
    sentences: list[Sentence] = []
    offset = 0
    for paragraph, line in enumerate(text.split("\n")):
        cut = 0
        pieces = []
        for match in BOUNDARY.finditer(line):
            if _ends_with_abbreviation(line[cut:match.start()]):
                continue
            pieces.append((cut, match.start()))
            cut = match.end()
        pieces.append((cut, len(line)))
        for begin, end in pieces:
            raw = line[begin:end]
            stripped = raw.strip()
            if stripped:
                lead = len(raw) - len(raw.lstrip())
                sentences.append(Sentence(len(sentences), stripped, offset + begin + lead, paragraph))
        offset += len(line) + 1
    return sentences
