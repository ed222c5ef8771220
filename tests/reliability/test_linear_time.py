"""Extraction costs time linear in the text's length, on the texts that made its patterns backtrack.

Each family of trap is fed at 1x and 8x its size through the pure stages (clean, split, recognise, resolve; no
spaCy parse, for speed) and the 8x run must take less than 30 times the 1x run: linear work gives about 8, the
quadratic patterns these tests were written against gave 40-60 and more. Never an absolute time. The best of a few
runs is kept, so that a pause of the machine does not count.
"""
import time

import pytest

from events.extraction.resolve.article import analyse
from events.extraction.text.clean import clean

# Each makes a text of about 6,000 characters per unit of `n`.
TRAPS = {
    "initials": lambda n: "Prime Minister " + "A. " * 2000 * n + "Modi met Kishida.",
    "hyphenated words": lambda n: "India-" * 1000 * n + "Japan talks.",
    "capitalised words": lambda n: "Foreign " + "Minister Aaa Bbb " * 350 * n + "met.",
    "one name repeated": lambda n: "Ramesh " * 850 * n + "met Kishida.",
    "Minister": lambda n: "Minister " * 660 * n + "Modi met Kishida.",
    "commas": lambda n: "Modi met " + ", " * 3000 * n + "Kishida.",
    "listed names": lambda n: "Modi met " + "Kishida, " * 660 * n + "in Tokyo.",
    "repeated dates": lambda n: "Modi met Kishida on " + "20 August " * 600 * n + "2024.",
    "numbers": lambda n: "Modi met Kishida " + "2024 " * 1200 * n + ".",
    "one long word": lambda n: "Minister " + "a" * 6000 * n + " met.",
    "sentences of initials": lambda n: "Minister A. B. Modi met S. Jaishankar. " * 150 * n,
}
RATIO_LIMIT = 30


def cost(text: str, repeats: int = 2) -> float:
    best = float("inf")
    for _ in range(repeats):
        started = time.perf_counter()
        analyse(clean(text).text)
        best = min(best, time.perf_counter() - started)
    return best


@pytest.mark.parametrize("family", list(TRAPS))
def test_eight_times_the_text_costs_less_than_thirty_times_the_time(family):
    make = TRAPS[family]
    cost(make(1), repeats=1)  # warm up: patterns compiled, data loaded
    single, eightfold = cost(make(1)), cost(make(8))
    assert eightfold < RATIO_LIMIT * single, f"{family}: 8x the text took {eightfold / single:.0f}x the time"
