"""literal_alternation: a trie of phrases matches where their alternation, longest first, does."""
import random
import re

from events.extraction.gazetteer import TRIE_LONGEST, literal_alternation

PLACES = ["New", "New Delhi", "New York", "New York City", "Niger", "Nigeria", "Guinea", "Guinea-Bissau",
          "Papua New Guinea", "Washington", "Washington, D.C.", "São Tomé"]


def bounded(source: str) -> re.Pattern:
    return re.compile(rf"(?<![\w-])(?:{source})(?![\w])")


def alternation_of(phrases: list[str]) -> str:
    return "|".join(re.escape(p) for p in sorted(phrases, key=len, reverse=True))


def spans(pattern: re.Pattern, text: str) -> list[tuple[int, int]]:
    return [m.span() for m in pattern.finditer(text)]


def test_a_trie_shares_the_start_of_phrases():
    assert literal_alternation(["New", "New Delhi", "New York"]) == r"New(?:\ (?:Delhi|York))?"


def test_a_trie_finds_what_the_alternation_finds_in_prose():
    text = ("New Yorkers met in New York City and New Delhi; Nigeria's envoy flew from Niger to Guinea-Bissau, "
            "then Papua New Guinea, Washington, D.C. and São Tomé. Newer Guineans stayed in Washington.")
    assert spans(bounded(literal_alternation(PLACES)), text) == spans(bounded(alternation_of(PLACES)), text)


def test_a_trie_finds_what_the_alternation_finds_in_random_text():
    rng = random.Random(7)
    pieces = [*PLACES, " ", ", ", "-", "s", "ers", "a", "'s"]
    trie, alternation = bounded(literal_alternation(PLACES)), bounded(alternation_of(PLACES))
    for _ in range(2000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 12)))
        assert spans(trie, text) == spans(alternation, text), text


def test_a_phrase_longer_than_the_trie_allows_gives_the_plain_alternation():
    long_name = "A" * (TRIE_LONGEST + 1)
    assert literal_alternation(["New", long_name]) == alternation_of(["New", long_name])


def test_no_phrases_give_an_empty_pattern():
    assert literal_alternation(["", ""]) == ""
