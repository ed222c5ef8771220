"""Split cleaned text into sentences that keep their character offsets and paragraph."""
from __future__ import annotations

import re
from dataclasses import dataclass

from events.extraction import limits

# Words after which a full stop does not end a sentence.
ABBREVIATIONS = {
    "mr", "mrs", "ms", "dr", "prof", "gen", "lt", "col", "maj", "capt", "sgt", "rep", "sen", "gov", "st", "no", "vs",
    "jr", "sr", "inc", "ltd", "co", "corp", "dept", "approx", "est", "fig", "jan", "feb", "mar", "apr", "jun", "jul",
    "aug", "sep", "sept", "oct", "nov", "dec", "h.e", "e.g", "i.e", "u.s", "u.k", "u.n", "etc", "hon", "rt",
}
BOUNDARY = re.compile(r"""(?<=[.!?])["'\u201d\u2019)]?\s+(?=["'\u201c\u2018(]?[A-Z0-9@])""")
# Enough of the text before a full stop to hold any abbreviation: the word before it is looked for there only, so
# that a run of initials ("A. A. A. ...") costs the same at each stop however long the sentence has grown.
_ABBREVIATION_WINDOW = 40


@dataclass(frozen=True)
class Sentence:
    index: int
    text: str
    start: int  # offset of the sentence in the cleaned article text
    paragraph: int
    cut: bool = False  # a piece of a run longer than the sentence limit, cut at a space: not prose

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
    """Sentences no longer than the limit in force (`limits.current().sentence_chars`): a longer one is cut into
    pieces at spaces, marked `cut`, so that no stage after this one ever sees an unbounded sentence."""
    longest = limits.current().sentence_chars
    sentences: list[Sentence] = []
    offset = 0
    for paragraph, line in enumerate(text.split("\n")):
        cut = 0
        pieces = []
        for match in BOUNDARY.finditer(line):
            if _ends_with_abbreviation(line[max(cut, match.start() - _ABBREVIATION_WINDOW):match.start()]):
                continue
            pieces.append((cut, match.start()))
            cut = match.end()
        pieces.append((cut, len(line)))
        for begin, end in pieces:
            for piece_begin, piece_end, was_cut in _bounded(line, begin, end, longest):
                raw = line[piece_begin:piece_end]
                stripped = raw.strip()
                if stripped:
                    lead = len(raw) - len(raw.lstrip())
                    sentences.append(Sentence(len(sentences), stripped, offset + piece_begin + lead, paragraph,
                                              cut=was_cut))
        offset += len(line) + 1
    return sentences


def _bounded(line: str, begin: int, end: int, longest: int) -> list[tuple[int, int, bool]]:
    """line[begin:end] as pieces of at most `longest` characters, each cut after the last space that fits (or
    at the limit, in a run with no space)."""
    if end - begin <= longest:
        return [(begin, end, False)]
    pieces = []
    while end - begin > longest:
        space = line.rfind(" ", begin + 1, begin + longest)
        stop = space if space > begin else begin + longest
        pieces.append((begin, stop, True))
        begin = stop
    pieces.append((begin, end, True))
    return pieces
