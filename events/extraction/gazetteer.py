"""Reference data (countries, cities, office titles, cue words) loaded once from events/data/.

Kept as data, not code, so a new country's demonym or a new summit venue is a JSON edit.
"""
from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from functools import cache
from pathlib import Path

DATA_DIR = Path(__file__).resolve().parent.parent / "data"


def load_json(name: str):
    return json.loads((DATA_DIR / name).read_text(encoding="utf-8"))


def alternation(phrases, *, flags: int = 0) -> re.Pattern:
    """One regex matching any phrase on word boundaries, longest first so 'New Delhi' beats 'Delhi'."""
    ordered = sorted({p for p in phrases if p}, key=len, reverse=True)
    body = "|".join(re.escape(p) if not p.startswith("re:") else p[3:] for p in ordered)
    return re.compile(rf"(?<![\w-])(?:{body})(?![\w])", flags)


def literal_alternation(phrases) -> str:
    """A pattern's source matching any of the phrases (literally, empty ones aside) where an alternation of them
    sorted longest first would, written as a trie: "New(?: (?:Delhi|York))?" for "New", "New Delhi", "New York".

    An alternation of some 3,000 places tries each at every word start (the place pattern was 9% of the pure
    stages); the trie tries one branch per character. It matches the same, with the same backtracking, as long as
    it is matched case-sensitively (flags 0, or inside "(?-i:...)"): at a given place, the phrases that match are
    prefixes of one another, and both try them longest first. Case-insensitively, two branches ("E", "e") could
    both match, and the order of their phrases would no longer be by length.
    """
    phrases = {p for p in phrases if p}
    if any(len(p) > TRIE_LONGEST for p in phrases):
        # Each branching of the trie nests a group, and Python's re parses groups recursively: a curator's name of
        # thousands of characters must not make one nested that deep. The alternation, as it was.
        return "|".join(re.escape(p) for p in sorted(phrases, key=len, reverse=True))
    root: dict = {}
    for phrase in phrases:
        node = root
        for character in phrase:
            node = node.setdefault(character, {})
        node[""] = {}  # a phrase ends here
    return _trie_source(root)  # "" for no phrases, as the alternation of none


# The longest phrase written as a trie (a country's name is at most 100 characters in the database).
TRIE_LONGEST = 200


def _trie_source(node: dict) -> str:
    branches = []
    # Sorted only so that the pattern's text is the same in every process.
    for character, child in sorted(node.items()):
        if not character:
            continue
        run = character
        while len(child) == 1 and "" not in child:  # a run without a branch or an end is one literal
            [(following, child)] = child.items()
            run += following
        branches.append(re.escape(run) + _trie_source(child))
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    # Greedy: the longer phrases are tried first, and the one ending here after them.
    return f"(?:{body})?" if "" in node else body


def _place_pattern(names: list[str]) -> re.Pattern:
    """alternation(names), as a trie (literal_alternation): place names are matched as written."""
    if any(name.startswith("re:") for name in names):
        return alternation(names)  # a pattern among them, as alternation() reads it: no trie of that
    return re.compile(rf"(?<![\w-])(?:{literal_alternation(names)})(?![\w])")


# Letters that Unicode decomposition leaves alone, each mapped to one letter so lengths stay the same.
_BARE = str.maketrans({"\u0131": "i", "ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D"})


def bare_letters(text: str) -> str:
    """The text with accents off, character for character ("Hà Nội" -> "Ha Noi"): offsets stay valid."""
    if text.isascii():
        return text
    return "".join(unicodedata.normalize("NFKD", c)[0] for c in text.translate(_BARE))


@dataclass(frozen=True)
class PlaceName:
    text: str
    country: str  # ISO alpha-2
    kind: str  # "country", "demonym", "city"
    city: str = ""  # canonical city name when kind == "city"


@dataclass(frozen=True)
class OfficeTitle:
    title: str
    kind: str
    country: str = ""


class Gazetteer:
    """`countries`: rows with code, name, aliases and demonyms (the database's Country rows, so a curator's edit
    reaches extraction); by default the data files the database is first loaded from."""

    def __init__(self, countries: list[dict] | None = None) -> None:
        # International organisations stand beside countries: "EU foreign policy chief", "UN Secretary-General".
        if countries is None:
            countries = load_json("countries.json") + [{**row, "kind": "organisation"}
                                                         for row in load_json("organisations.json")]
        self.country_names: dict[str, str] = {row["code"]: row["name"] for row in countries}
        self.organisations: frozenset[str] = frozenset(r["code"] for r in countries if r.get("kind") == "organisation")
        self.places: dict[str, PlaceName] = {}
        for row in countries:
            for text in _spellings([row["name"], *row["aliases"]]):
                self.places.setdefault(_key(text), PlaceName(text, row["code"], "country"))
        for row in countries:
            for text in row["demonyms"]:
                self.places.setdefault(_key(text), PlaceName(text, row["code"], "demonym"))
        # Cities apart too: "Singapore", "Kuwait", "Luxembourg" are countries among places, and cities on a dateline.
        self.cities: dict[str, PlaceName] = {}
        for row in load_json("cities.json"):
            # "Nur-Sultan", "Bombay": names a city had, still in the archive's articles; "Downing Street", "the
            # Kremlin": the seats of government that stand for their city.
            for text in _spellings([row["name"], *row.get("aliases", [])]):
                city = PlaceName(text, row["country"], "city", row["name"])
                self.places.setdefault(_key(text), city)
                self.cities.setdefault(_key(text), city)
        # Place names are proper nouns: match them capitalised only, so "turkey" or "chad" in prose stay words.
        # The pattern runs on bare_letters(text), so "Brasília" and "Brasilia" are one place.
        self.place_pattern = _place_pattern([bare_letters(p.text) for p in self.places.values()])

        offices = load_json("offices.json")
        self.offices: dict[str, OfficeTitle] = {}
        self.office_spellings: list[str] = []  # as written: capitals mark abbreviations ("PM")
        for row in offices["offices"]:
            office = OfficeTitle(row["title"], row["kind"], row.get("country", ""))
            for pattern in row["patterns"]:
                self.offices[pattern.lower()] = office
                self.office_spellings.append(pattern)
        self.rank_prefixes: list[str] = offices["rank_prefixes"]
        self.portfolios: list[str] = offices["portfolios"]
        self.prefix_kinds: dict[str, str] = offices["prefix_kinds"]
        self.ministries: dict[str, str] = offices["ministries"]
        self.portfolio_words: frozenset[str] = frozenset(
            [*offices["portfolio_words"], *(w for phrase in self.portfolios for w in phrase.split()),
             *(w.lower() for pattern in self.office_spellings for w in pattern.split())])

        self.bodies: list[str] = load_json("bodies.json")["bodies"]
        self.dynasties: dict[str, str] = load_json("dynasties.json")["families"]
        # Heads of state and government and foreign ministers, as event coders' actor dictionaries have them.
        self.leaders: list[dict] = load_json("leaders.json")["people"] if (DATA_DIR / "leaders.json").exists() else []

        cues = load_json("cues.json")
        self.meeting_trigger = alternation(cues["meeting_triggers"], flags=re.I)
        self.kind_patterns = [(row["kind"], alternation([f"re:{p}" for p in row["patterns"]], flags=re.I))
                              for row in cues["kinds"]]
        self.planned = alternation(cues["planned"], flags=re.I)
        self.attendance = alternation([f"re:{p}" for p in cues["attendance"]], flags=re.I)
        self.trigger_lemmas: frozenset[str] = frozenset(cues["trigger_lemmas"])
        self.meeting_nouns: frozenset[str] = frozenset(cues["meeting_nouns"])
        self.agreement_heads: list[str] = cues["agreement_heads"]
        self.agreement_compounds: frozenset[str] = frozenset(cues["agreement_compounds"])
        self.agreement_kinds: dict[str, str] = cues["agreement_kinds"]
        self.agreement_status = [(row["status"], re.compile("|".join(row["patterns"]), re.I))
                                 for row in cues["agreement_status"]]

    def place(self, text: str) -> PlaceName | None:
        return self.places.get(_key(text))

    def city(self, text: str) -> PlaceName | None:
        return self.cities.get(_key(text))

    def office(self, text: str) -> OfficeTitle | None:
        return self.offices.get(text.lower())

    def ministry_country(self, ministry: str) -> str:
        """The country a ministry's name gives away: only India has an "External Affairs Ministry"."""
        lowered = ministry.lower()
        return next((code for words, code in self.ministries.items() if words in lowered), "")

    def is_place_word(self, word: str) -> bool:
        return _key(word) in self.places


def _spellings(names: list[str]) -> list[str]:
    """Names as the press also writes them: "Saint Lucia" as "St Lucia" and "St. Lucia"."""
    extra = [n.replace("Saint ", abbreviation, 1) for n in names if n.startswith("Saint ") for abbreviation in
             ("St ", "St. ")]
    return [*names, *extra]


def _key(text: str) -> str:
    return bare_letters(text).lower()


_ACTIVE: ContextVar[Gazetteer | None] = ContextVar("gazetteer", default=None)


@cache
def _from_files() -> Gazetteer:
    return Gazetteer()


def gazetteer() -> Gazetteer:
    """The reference data in force: the one a command activated (read from the database), else the data files."""
    return _ACTIVE.get() or _from_files()


@contextmanager
def active(lexicon: Gazetteer | None) -> Iterator[None]:
    """Run the stages with `lexicon` as their reference data (None: the data files)."""
    token = _ACTIVE.set(lexicon)
    try:
        yield
    finally:
        _ACTIVE.reset(token)
