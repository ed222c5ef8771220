"""Extraction costs time linear in the text's length, on the texts that made its patterns backtrack.

Each family of trap is fed at two sizes, the second 8x the first, through the pure stages (clean, split, recognise,
resolve; no spaCy parse, for speed) and the larger run must take less than 30 times the smaller: linear work gives
about 8, the quadratic patterns these tests were written against gave 40-60 and more. Never an absolute time. The best of a few
runs is kept, so that a pause of the machine does not count.

A trap written as one run of more than INGEST_MAX_SENTENCE_CHARS (2,000) is cut into pieces that no recogniser reads
(test_limits.py), so for those families what is timed is cleaning and splitting; "sentences of initials" and the
persons test below still go through the recognisers. Inside one sentence some patterns are not linear (a run of
"Minister" of 3,000 characters costs about 2 s, of 6,000 about 7 s): the sentence limit is what bounds them.
"""
import time

import pytest

from events.extraction.resolve.article import analyse
from events.extraction.text.clean import clean
from events.extraction.text.dates import PATTERNS, _mention, find_dates

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


def cost(text: str, repeats: int = 2, up_to: int = 9, seconds: float = 1.0) -> float:
    """The best of `repeats` runs, and of more (up to `up_to`) while they take under `seconds` in all: a run of a few
    milliseconds (a trap cut into pieces is mostly cleaning) is easily doubled by one pause of a loaded machine."""
    best, spent, runs = float("inf"), 0.0, 0
    while runs < repeats or (runs < up_to and spent < seconds):
        started = time.perf_counter()
        analyse(clean(text).text)
        took = time.perf_counter() - started
        best, spent, runs = min(best, took), spent + took, runs + 1
    return best


# The size each family starts from. A single run is cut into pieces no recogniser reads, and cleaning and splitting
# 6,000 characters take a millisecond or two, where the processor's caches alone made 8x the text cost 20-40x the
# time: from 24,000 characters on, the growth is the code's. Sentences of initials are prose, and read whole.
BASE = {family: 4 for family in TRAPS} | {"sentences of initials": 1}


@pytest.mark.parametrize("family", list(TRAPS))
def test_eight_times_the_text_costs_less_than_thirty_times_the_time(family):
    make, base = TRAPS[family], BASE[family]
    cost(make(base), repeats=1)  # warm up: patterns compiled, data loaded
    single, eightfold = cost(make(base)), cost(make(8 * base))
    assert eightfold < RATIO_LIMIT * single, f"{family}: 8x the text took {eightfold / single:.0f}x the time"


# Every kind of date mention, overlapping one another the way prose does ("3 March 2024" holds "3 March" and "March
# 2024"), so that find_dates has to drop overlaps among thousands of mentions.
DATES = "On 3 March 2024, in May 2023 and last Tuesday, in 2021, on August 20, yesterday and next week. "


def dates_by_asking_every_taken_span(text: str) -> list:
    """find_dates as it was written first: each match against every span already taken. The reference the faster
    walk must agree with."""
    found, taken = [], []
    for kind, pattern in PATTERNS:
        for match in pattern.finditer(text):
            if any(match.start() < end and start < match.end() for start, end in taken):
                continue
            mention = _mention(kind, match)
            if mention:
                found.append(mention)
                taken.append((match.start(), match.end()))
    return sorted(found, key=lambda m: m.start)


def dates_cost(text: str, repeats: int = 3) -> float:
    best = float("inf")
    for _ in range(repeats):
        started = time.perf_counter()
        find_dates(text)
        best = min(best, time.perf_counter() - started)
    return best


def test_find_dates_drops_overlaps_as_asking_every_taken_span_does():
    text = DATES * 40 + "20 August " * 50 + "in May and May 5, Friday, " * 20
    assert find_dates(text) == dates_by_asking_every_taken_span(text)
    assert len(find_dates(DATES)) == 7  # overlaps dropped: "3 March 2024" is one mention, not three


def test_find_dates_costs_time_linear_in_the_number_of_dates():
    """No sentence in an article is this long (sentences are cut), but find_dates is also run on whole texts: asking
    every taken span for each match made 8x the dates cost about 50x the time."""
    dates_cost(DATES * 300, repeats=1)
    single, eightfold = dates_cost(DATES * 300), dates_cost(DATES * 2400)
    assert eightfold < RATIO_LIMIT * single, f"8x the dates took {eightfold / single:.0f}x the time"


def test_sixteen_times_the_persons_cost_less_than_forty_times_the_time():
    """Resolving who is who must not compare every person with every other: one titled name per sentence, 25 and
    then 400 of them (a user may raise INGEST_MAX_PERSONS; the default is 200). Linear work gives about 16x."""
    from tests.reliability.test_limits import titled_names

    cost(titled_names(10), repeats=1)
    single, sixteenfold = cost(titled_names(25), repeats=3), cost(titled_names(400))
    assert sixteenfold < 40 * single, f"16x the persons took {sixteenfold / single:.0f}x the time"
