"""Places in a sentence: countries, demonyms, cities, and where a meeting was held."""
from __future__ import annotations

from dataclasses import dataclass, replace

import regex as re

from events.extraction.gazetteer import bare_letters, gazetteer

# A city name followed by one of these names a building or a thing: "Hyderabad House".
BUILDING = re.compile(r"\s+(?:House|Hall|Palace|Road|Street|University|Airport|Declaration|Process|Group|Summit|Agreement)\b")
PREPOSITION_BEFORE = re.compile(r"(?:\b(?<![Aa]ccording\s)(?:in|at|to|visited|visiting|visits|from)\s+(?:the\s+)?)$")


# "Ireland's" with either apostrophe, the straight one or U+2019.
POSSESSIVE = re.compile(r"['\u2019]s\b")
# Compiled once here: a pattern given to the `regex` module as a string is looked up in its cache at each call, which
# cost some ten times the match itself.
OWNER_BETWEEN = re.compile(r"'s\s+")
OWNS_NEXT = re.compile(r"['\u2019]s\b|\s+\p{Lu}")
CITY_THEN_COUNTRY = re.compile(r",\s*|\s+in\s+|\s*\(\s*")
TOWN_THEN_COMMA = re.compile(r"\b(?:in|at)\s+(?P<city>[A-Z][a-z]+(?:\s[A-Z][a-z]+)?),\s+")
CONTINENTS = {"Europe", "Asia", "Africa", "America", "North America", "South America", "Latin America", "Oceania",
              "Antarctica", "Eurasia", "Scandinavia", "Caribbean", "Middle East", "Gulf", "Balkans", "Sahel", "Pacific"}
# "Singapore High Commissioner to Malaysia", "Ambassador to Tokyo": where an envoy is posted, not where anyone met.
POSTING_BEFORE = re.compile(r"\b(?:ambassador|high\s+commissioner|envoy|consul(?:\s+general)?|representative|charg[eé]"
                            r"\s+d['\u2019]affaires)s?\s+to\s+(?:the\s+)?$", re.I)


# Capitalised words and "de"/"of" before a city: the city ends the name of a building or body.
NAMED_AFTER = re.compile(r"\p{Lu}[\p{L}'-]+\s+(?:de|do|da|del|di|of)\s+$")
# "discussed the war in Ukraine", "the situation in Gaza": a place that is a topic of talks, not their venue.
TOPIC_BEFORE = re.compile(r"\b(?:war|conflict|crisis|situation|fighting|violence|invasion|aggression|developments|elections?"
                          r"|tensions?|unrest|ceasefire|peace)\s+(?:in|on|over)\s+(?:the\s+)?$", re.I)


@dataclass(frozen=True)
class PlaceMention:
    text: str
    country: str
    kind: str  # "country", "demonym", "city"
    start: int
    end: int
    city: str = ""
    located: bool = False  # preceded by in/at/to, or a city: it can be a venue


def find_places(text: str) -> list[PlaceMention]:
    g = gazetteer()
    found: list[PlaceMention] = []
    for match in g.place_pattern.finditer(bare_letters(text)):
        word = text[match.start(): match.end()]
        if not word[0].isupper():
            continue
        place = g.place(word)
        follows = text[match.end(): match.end() + 1]
        if place.kind == "city" and (BUILDING.match(text, match.end()) or follows == "-"):
            continue
        if place.kind == "city" and text[max(0, match.start() - 1): match.start()] == "-":
            continue
        if place.kind == "city" and NAMED_AFTER.search(text, max(0, match.start() - 40), match.start()):
            continue  # "the Centro Cultural de Belém", "the University of Tokyo": a building or body named after it
        if place.kind == "city" and _inside_a_name(text, match.start(), match.end()):
            continue  # "at Lok Kalyan Marg": a city's name among the words of a longer one
        # "Seoul's foreign ministry", "Beijing's stance": a city that owns something is a government, not a venue.
        owns = POSSESSIVE.match(text[match.end(): match.end() + 3])
        located = ((place.kind == "city" and not owns) or bool(PREPOSITION_BEFORE.search(text[: match.start()]))) \
            and not TOPIC_BEFORE.search(text, max(0, match.start() - 40), match.start()) \
            and not POSTING_BEFORE.search(text, max(0, match.start() - 40), match.start())
        found.append(PlaceMention(word, place.country, place.kind, match.start(), match.end(), place.city, located))
    return _attach_countries(text, found)


CAPITALISED_BEFORE = re.compile(r"(?<![.!?:;]\s{0,3})\b(\p{Lu}[\p{L}'\u2019-]*+)\s+$")
CAPITALISED_AFTER = re.compile(r"\s+(\p{Lu}[\p{L}'\u2019-]*+)")
# Capitalised words that stand beside a place's name without being part of a longer name: "In Delhi Today".
FUNCTION_WORDS = {"In", "At", "To", "From", "The", "A", "An", "Of", "On", "And", "For", "With", "By", "Near", "Via",
                  "President", "Prime", "Minister", "King", "Queen", "Mr", "Mrs", "Ms", "Dr"}


def _inside_a_name(text: str, start: int, end: int) -> bool:
    """A capitalised word (not a function word) on each side, within the sentence: the city's name is a word of a
    street's, a building's or an organisation's ("Lok Kalyan Marg", "the Kalyan Singh Stadium")."""
    before = CAPITALISED_BEFORE.search(text, max(0, start - 40), start)
    after = CAPITALISED_AFTER.match(text, end)
    return bool(before and after) and before.group(1) not in FUNCTION_WORDS \
        and after.group(1) not in NOT_NAME_AFTER


# An event named after its venue is held there: "the Abu Dhabi-held Sir Bani Yas Forum".
EVENT_WORDS = {"Forum", "Dialogue", "Conference", "Meeting", "Talks", "Process", "Format"}
NOT_NAME_AFTER = frozenset(FUNCTION_WORDS | EVENT_WORDS)  # made once, not for each place


def _attach_countries(text: str, places: list[PlaceMention]) -> list[PlaceMention]:
    """ "Osaka, Japan", "Biarritz in France", "Malaysia's Kuala Lumpur": the country named beside a city wins."""
    result = list(places)
    for i, place in enumerate(places):
        if place.kind != "city":
            continue
        for other in places:
            if other.kind != "country":
                continue
            between = text[place.end: other.start] if other.start > place.end else text[other.end: place.start]
            owner = other.end <= place.start and OWNER_BETWEEN.fullmatch(between)
            # "in Addis Ababa, Estonia's President ...": a country that owns what follows starts a new phrase.
            owns_next = other.start > place.end and OWNS_NEXT.match(text[other.end:])
            # Only "city, country", "city in country", "city (country)": never "country in city".
            city_first = other.start > place.end
            if (city_first and CITY_THEN_COUNTRY.fullmatch(between) and not owns_next) or owner:
                result[i] = PlaceMention(place.text, other.country, "city", place.start, place.end, place.city, True)
                if city_first and place.located:
                    # "in Addis Ababa, Ethiopia": the country says where the city is, so it is a venue too.
                    result[places.index(other)] = replace(other, located=True)
    # An unknown town before ", Country": "in Apulia, Italy" when Apulia is not in the data.
    for match in TOWN_THEN_COMMA.finditer(text):
        after = next((p for p in places if p.start == match.end() and p.kind == "country"), None)
        # "the security situation in Europe, Ireland's Presidency": a country that owns what follows starts a new
        # phrase, and a continent is no town.
        if after is None or POSSESSIVE.match(text, after.end) or match.group("city") in CONTINENTS:
            continue
        if not any(p.start == match.start("city") for p in places):
            result.append(PlaceMention(match.group("city"), after.country, "city", match.start("city"),
                                       match.end("city"), match.group("city"), True))
    return sorted(result, key=lambda p: p.start)


# Words that bring someone to a place: "arrived in Jakarta", "while in Tokyo", "visited Paraguay", "an official visit
# to Asuncion". Both where an article's people are (resolve/meetings) and who is a visitor there (resolve/article).
ARRIVAL = re.compile(
    r"\b(?:while\s+in|(?:is|are|was|were)\s+in|arriv(?:e|es|ed|ing)\s+in|visit(?:ed|ing|s)?(?:\s+to)?|trip\s+to"
    r"|tour\s+of|travel(?:s|led|ed|ling)?\s+to|landed\s+in)\s+(?:the\s+)?$",
    re.I,
)


# A visit that is not the story's now: "her proposed visit to India in the coming months", "the leader's visit to
# New Delhi last year".
OTHER_TIME_BEFORE = re.compile(r"\b(?:proposed|planned|upcoming|expected|forthcoming|future|next|possible|previous|"
                               r"earlier|last|past)\s+(?:[\w-]+\s+){0,2}$", re.I)
OTHER_TIME_AFTER = re.compile(r"\s*(?:,\s*)?(?:last\s+(?:year|month|week)|next\s+(?:year|month|week)|in\s+the\s+coming\s+"
                              r"(?:days|weeks|months)|later\s+this\s+(?:year|month)|earlier\s+this\s+year|in\s+(?:19|20)\d\d)\b",
                              re.I)


def arrived(text: str, place: PlaceMention) -> re.Match | None:
    """The words before a place that say someone came there now, if any."""
    found = ARRIVAL.search(text, max(0, place.start - 40), place.start)
    return None if found is None or _at_other_time(text, found, place) else found


def visited_at_other_time(text: str, place: PlaceMention) -> bool:
    """ "since her visit to New Delhi last year": a place someone went to or will go to, which is no venue now."""
    found = ARRIVAL.search(text, max(0, place.start - 40), place.start)
    return found is not None and _at_other_time(text, found, place)


def _at_other_time(text: str, found: re.Match, place: PlaceMention) -> bool:
    return bool(OTHER_TIME_BEFORE.search(text, max(0, found.start() - 40), found.start())
                or OTHER_TIME_AFTER.match(text, place.end))


def venue(places: list[PlaceMention], after: int = 0) -> PlaceMention | None:
    """The place a meeting took place: a city if one is named, else a country after in/at/to."""
    candidates = [p for p in places if p.located and p.kind in {"city", "country"}]
    if not candidates:
        return None
    later = [p for p in candidates if p.start >= after] or candidates
    cities = [p for p in later if p.kind == "city"]
    return (cities or later)[0]


def country_counts(places: list[PlaceMention]) -> dict[str, int]:
    counts: dict[str, int] = {}
    for place in places:
        counts[place.country] = counts.get(place.country, 0) + 1
    return counts
