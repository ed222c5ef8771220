"""Office titles in text: "Japanese foreign minister", "Vice-Minister for Foreign Affairs of Japan", "PM"."""
from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from functools import lru_cache

from events.extraction.gazetteer import Gazetteer, gazetteer, literal_alternation

# A capitalised word. Bounded and possessive: a word never gives back letters (what follows it is a space or the
# end of the phrase, never a letter), and a run like "India-India-India-..." costs at most 60 steps at each place
# a match is tried, not the rest of the run: linear in the text, where an unbounded word was quadratic.
CAP = r"[A-Z][\w'-]{0,60}+"


@dataclass(frozen=True)
class TitleMention:
    title: str  # canonical: "Foreign Minister", "Vice-Minister for Foreign Affairs"
    kind: str  # events.models.Office.Kind value
    start: int
    end: int  # end of the whole title phrase, including "(EAM)" and "of Japan"
    country: str = ""  # from a demonym, "Japan's", "of Japan", or a title only one country uses
    ministry: str = ""
    plural: bool = False
    international: bool = False  # of a body with no country: "IMF Managing Director", "NATO Secretary General"


def _core_pattern(g: Gazetteer) -> str:
    words, abbreviations = [], []
    for pattern in g.office_spellings:
        (abbreviations if pattern.isupper() else words).append(pattern)
    abbreviations = sorted(abbreviations, key=len, reverse=True)
    generic = r"(?:vice|deputy|state|junior)[- ]minister"
    word_part = _word_spellings(words)
    # Abbreviations are matched in capitals only: "PM", never "pm" in "1:00 pm".
    abbr_part = "|".join(rf"(?-i:{re.escape(a)})" for a in abbreviations)
    portfolio = rf"(?:{'|'.join(g.portfolios)})[ -](?:minister|secretary)"
    return rf"(?:{generic}|{word_part}|{portfolio}|{abbr_part})"


# Letters beside ASCII that office spellings have: lower-case ones, none of which re.IGNORECASE matches to another.
_TRIE_SAFE = frozenset("àáâãäçèéêëìíîïñòóôõöùúûü\u2019")


def _word_spellings(words: list[str]) -> str:
    """The spellings written in words as the core's alternation, a space matching a space or a hyphen ("vice
    president", "vice-president"), longest first.

    Written as a trie (gazetteer.literal_alternation) of each spelling's forms in lower case, with a space or a hyphen
    between its words: the search tries one branch per character instead of 230 spellings at every word. Matched
    case-insensitively, a trie matches as the alternation does when no two of a node's branches can match one
    character, which holds for lower-case ASCII and the letters of _TRIE_SAFE; for any other, the alternation."""
    if not all(c.isascii() or c in _TRIE_SAFE for word in words for c in word):
        return "|".join(re.escape(w).replace(r"\ ", r"[ -]") for w in sorted(words, key=len, reverse=True))
    return literal_alternation(form for word in words for form in _spaced_forms(word.lower()))


def _spaced_forms(words: str) -> Iterator[str]:
    """ "vice president", "vice-president": the words with each space or a hyphen between them."""
    parts = words.split(" ")
    for separators in itertools.product(" -", repeat=len(parts) - 1):
        yield "".join(part + separator for part, separator in zip(parts, (*separators, ""), strict=True))


def title_regex() -> re.Pattern:
    return _title_regex(gazetteer())


# "Japan's", and "the Netherlands'", "the Philippines'": a name ending in "s" takes the apostrophe alone.
POSSESSIVE_MARK = r"(?:['\u2019]s|(?<=s)['\u2019])"


@lru_cache(maxsize=4)
def _title_regex(g: Gazetteer) -> re.Pattern:
    """Built once per lexicon: a curator's new demonym makes a new lexicon, and so a new pattern."""
    # Tries, not alternations of hundreds of names tried at every word (the search was the top cost of the pure
    # stages): each is matched case-sensitively below, inside "(?-i:...)", as literal_alternation needs.
    demonym = literal_alternation(p.text for p in g.places.values() if p.kind == "demonym")
    country = literal_alternation(p.text for p in g.places.values() if p.kind == "country")
    ranks = "|".join(g.rank_prefixes)
    body = literal_alternation(g.bodies)
    # A complement ends where the next title starts: "... Secretariat and Assistant Chief Cabinet Secretary".
    # A rank word ends it too, unless a comma follows: "the Commission of the African Union, Moussa Faki".
    not_title = rf"(?!(?:{country})\b)(?!(?i:{ranks}|minister|secretary|president)\b(?![,;]))"
    return re.compile(
        # "Japanese Prime Minister", "Japan's Prime Minister", and in headline style "Fiji Prime Minister". A title
        # starts a word: no "King" in "backing".
        rf"(?<!\w)(?:(?:(?-i:(?P<demonym>{demonym}))\s+|(?-i:(?P<owner>{country})){POSSESSIVE_MARK}?\s+"
        # "International Monetary Fund (IMF) Managing Director": a body may carry its abbreviation.
        rf"|(?-i:(?:the\s+)?(?P<body>{body}))(?:\s*\([A-Z]{{2,6}}\))?{POSSESSIVE_MARK}?\s+)"
        # "Turkey's Communications Director": a portfolio named between the country and the title.
        rf"(?P<qualifier>(?-i:(?:(?!(?i:{ranks}|{_core_pattern(g)})\b){CAP}\s+){{1,2}}))?)?"
        rf"(?P<ministry_before>(?-i:(?:{CAP}\s+){{1,3}}Ministry)\s+)?"
        # "Japan's new foreign minister": a word on when the holder took or leaves office.
        rf"(?:(?:new|newly[ -]appointed|incoming|outgoing|acting|interim|first)\s+)?"
        rf"(?P<core>(?:(?:{ranks})[ -])*{_core_pattern(g)})(?P<plural>s)?"
        rf"(?P<complement>\s+(?:for|of)\s+(?:the\s+)?(?-i:{not_title}{CAP}(?:\s+(?:(?:and|of|of\s+the)\s+)?{not_title}{CAP}){{0,5}}))?"
        # "Minister of Information and Culture, Alhaji X": a second portfolio, when a comma closes it.
        # Closed by a comma, or running into a name that _settled() cuts off ("... and International Cooperation X").
        rf"(?P<extension>\s+and\s+(?-i:{not_title}{CAP}(?:\s+{not_title}{CAP}){{0,4}}+))?"
        rf"(?:\s+\((?P<abbr>[A-Z]{{2,6}})\))?"
        # "President of the sisterly State of Palestine": the courtesy of Gulf and Arab readouts.
        rf"(?:\s+of\s+(?:the\s+)?(?:(?:brotherly|sisterly|friendly|fraternal)\s+)?"
        rf"(?-i:(?P<of_country>{country}))(?:\s+\([A-Z]{{2,6}}\))?)?"
        # "Chinese Ambassador to South Korea Xing Haiming": where an envoy is posted, not whose envoy.
        # "Diplomatic Advisor to the UAE President": whom an adviser serves, which is that country.
        rf"(?:\s+to\s+(?:the\s+)?(?-i:(?P<to_country>{country}))(?P<served>\s+(?-i:President|Prime\s+Minister|King|Emir|"
        rf"Government))?)?"
        rf"(?![\w-])",
        re.I,
    )


# Words that name a state's form, not a post: "of the Republic", "of the Kingdom".
STATE_FORMS = {"of", "for", "the", "republic", "kingdom", "federation", "state", "union", "emirates", "islamic",
               "democratic", "people's", "federal", "united", "arab", "socialist", "commonwealth", "nation", "country"}
LONG_FORM = re.compile(r"(?:minister|secretary)\s+(?:of|for)\b")


def _as_written(title: str) -> str:
    words = [w if w.isupper() else (w[0].upper() + w[1:]) for w in title.split()]
    return re.sub(r"\b(For|Of|The|And)\b", lambda m: m.group(1).lower(), " ".join(words))


def canonical_title(core: str, complement: str, written_complement: str = "") -> tuple[str, str]:
    """The title as stored on an Office, and its kind. `written_complement` is the complement as the text has it
    ("of the Commission of the African Union"), where `complement` has lost its article."""
    g = gazetteer()
    core_clean = " ".join(core.split())
    lowered = core_clean.lower().replace("-", " ")
    office = g.office(core_clean) or g.office(lowered)
    prefix = lowered.split(" ", 1)[0]
    if office and not complement:
        if LONG_FORM.match(lowered) and lowered != office.title.lower():
            # "Minister of Foreign Affairs" is the title most governments give; "Foreign Minister" is the press's.
            return _as_written(core_clean), office.kind
        return office.title, office.kind
    if office and office.title != "Minister" and not lowered.startswith(tuple(g.rank_prefixes)):
        if set(re.findall(r"[\w']+", complement.lower())) <= STATE_FORMS:
            return office.title, office.kind  # "President of the Republic": the state, said of every president
        # "Minister of State for Railways", "Chairperson of the Commission of the African Union", "President of the
        # European Commission": the complement says which post.
        kind = office.kind
        if kind == "foreign_minister" and "foreign" not in complement.lower():
            # "Secretary of State for Defence": a Secretary of State of another portfolio
            kind = "defence_minister" if re.search(r"defen[cs]e", complement, re.I) else "minister"
        return _as_written(f"{office.title} {written_complement or complement}"), kind
    # Generic titles keep their words: "Vice-Minister for Foreign Affairs", "Minister of Commerce".
    words = [w if w.isupper() else (w[0].upper() + w[1:]) for w in core_clean.split(" ")]
    title = " ".join(words) + (" " + " ".join(complement.split()) if complement else "")
    title = re.sub(r"\b(For|Of|The|And)\b", lambda m: m.group(1).lower(), title)
    kind = (g.prefix_kinds.get(prefix) if "minister" in lowered else None) or (office.kind if office else "other")
    if complement and "foreign" in complement.lower() and kind == "minister":
        kind = "foreign_minister"
    if complement and re.search(r"defen[cs]e", complement, re.I) and kind == "minister":
        kind = "defence_minister"
    return title, kind


def find_titles(text: str) -> list[TitleMention]:
    g = gazetteer()
    found = []
    pattern, position = title_regex(), 0
    # Each search starts where the last title ended after _settled() cut it: "Foreign Minister | and Defence Minister".
    while (found_match := pattern.search(text, position)) is not None:
        match = _settled(text, found_match, g)
        position = max(match.end(), match.start() + 1)
        tail_end = _portfolio_tail(text, match, g)
        if tail_end is not None:
            # "Minister of Energy Transition and Sustainable Development, Leila Benali", "Minister of Ports,
            # Shipping and Aviation", "Minister of Labour and Foreign Employment": the portfolio goes on.
            written = text[match.start("core"):tail_end]
            found.append(TitleMention(_as_written(" ".join(written.split())),
                                      canonical_title(match.group("core"), "")[1], match.start(), tail_end,
                                      _country_of(match, g)))
            position = tail_end
            continue
        core = match.group("core")
        # A capitalised single word like "President" inside a name of a thing ("President's Cup") still counts, and so
        # does "Minister Saito"; but "minister" alone in lower case ("the minister said") says nothing.
        if core.lower() == "minister" and not match.group("complement") and not match.group("demonym") \
                and (core == "minister" or not re.match(r"\s+[A-Z]", text[match.end():])):
            continue
        complement = (match.group("complement") or "").strip()
        complement = re.sub(r"^(?:for|of)\s+(?:the\s+)?", "", complement, flags=re.I)
        keyword = re.match(r"(?:for|of)", (match.group("complement") or "").strip(), re.I)
        written_complement = " ".join((match.group("complement") or "").split())
        title, kind = canonical_title(core, f"{keyword.group(0).lower()} {complement}" if complement else "",
                                      written_complement)
        if match.group("extension"):
            # Two portfolios in one office: kept as written ("Minister of Information and Culture").
            written = " ".join(f"{match.group('core')}{match.group('complement') or ''}{match.group('extension')}".split())
            title = re.sub(r"\b(For|Of|The|And)\b", lambda m: m.group(1).lower(), written.title())
        qualifier = " ".join((match.group("qualifier") or "").split())
        if qualifier and qualifier.lower() not in title.lower():
            title = f"{qualifier} {title}"
        country = ""
        for group in ("demonym", "owner", "of_country"):
            if match.group(group):
                place = g.place(match.group(group))
                country = place.country if place else ""
                break
        office = g.office(core) or g.office(core.lower())
        ministry = (match.group("ministry_before") or "").strip()
        if not country and match.group("served"):
            place = g.place(match.group("to_country"))
            country = place.country if place else ""
        if not country:
            country = (office.country if office else "") or g.ministry_country(ministry) or _demonym_in(complement, g)
        # Of a body with no country: "NATO Secretary General", "Chairperson of the Commission of the African Union".
        international = not country and bool(match.group("body") or _names_a_body(match.group("complement") or "", g))
        found.append(TitleMention(title, kind, match.start(), match.end(), country, ministry, bool(match.group("plural")),
                                  international))
    return _without_styles(text, found)


# "Cabinet Secretary Ambassador Raychelle Omamo", "Foreign Secretary of Bangladesh, Ambassador Asad Alam Siam": a
# bare "Ambassador" right after an office is the style career diplomats keep, not a second post.
STYLE_TITLES = {"ambassador"}


def _without_styles(text: str, titles: list[TitleMention]) -> list[TitleMention]:
    kept: list[TitleMention] = []
    for title in titles:
        if kept and text[title.start:title.end].lower() in STYLE_TITLES \
                and re.fullmatch(r",?\s+", text[kept[-1].end:title.start]):
            kept[-1] = replace(kept[-1], end=title.end)
        else:
            kept.append(title)
    return kept


# Capitalised words after a title, up to a comma or the end of the phrase: a portfolio that goes on.
# One more part of a portfolio after a title: " Transition and Sustainable Development", ", Shipping", " and Aviation".
PORTFOLIO_PART = re.compile(rf"(?P<sep>,\s+|\s+and\s+|\s+)(?P<words>{CAP}(?:\s+(?:and\s+|of\s+(?:the\s+)?)?{CAP}){{0,4}}+)")


def _portfolio_tail(text: str, match: re.Match, g: Gazetteer) -> int | None:
    """Where a portfolio that runs on after a title ends, when it does: its parts are made of ministry words, and a
    list of them set off by commas closes with "and" ("Ports, Shipping and Aviation")."""
    if match.end() != max(match.end("core"), match.end("complement"), match.end("extension")):
        return None
    end, listed, closed = match.end(), False, False
    for _ in range(4):
        part = PORTFOLIO_PART.match(text, end)
        if part is not None and _title_start(g).match(part.group("words")):
            break  # "Deputy Prime Minister and Minister for Trade": a second title, not more of the first's portfolio
        if part is None or not all(w.lower() in g.portfolio_words for w in re.findall(r"[\w'-]+", part.group("words"))
                                   if w.lower() not in {"and", "of", "the"}):
            break
        listed = listed or part.group("sep").startswith(",")
        closed = " and " in part.group(0)
        end = part.end()
    if end == match.end() or (listed and not closed):
        return None
    return end


@lru_cache(maxsize=4)
def _title_start(g: Gazetteer) -> re.Pattern:
    return re.compile(rf"(?:(?:{'|'.join(g.rank_prefixes)})[ -])*{_core_pattern(g)}\b", re.I)


def _demonym_in(complement: str, g: Gazetteer) -> str:
    """ "Speaker of the Nigerian House of Representatives": a post in a country's own institution."""
    for word in complement.split():
        place = g.place(word)
        if place is not None and place.kind == "demonym" and place.country not in g.organisations:
            return place.country
    return ""


def _country_of(match: re.Match, g: Gazetteer) -> str:
    for group in ("demonym", "owner", "of_country"):
        if match.group(group):
            place = g.place(match.group(group))
            return place.country if place else ""
    return ""


def _settled(text: str, match: re.Match, g: Gazetteer) -> re.Match:
    """The title without the name its last capitalised words ran into: "Minister of Basic Education | Angie
    Motshekga said". A second portfolio ("and International Cooperation") stays only when a comma closes it or a name
    follows it. At most two cuts, each matching again on a shorter text."""
    named = False
    for _ in range(2):
        group = "extension" if match.group("extension") else "complement" if match.group("complement") else None
        if group is None or match.end() != match.end(group):
            return match
        cut = _name_start(text, match, group, g)
        named = named or cut is not None
        if cut is None and group == "extension" and not named and not text.startswith(",", match.end()):
            cut = match.start("extension")
        if cut is None:
            return match
        while cut > match.start() and text[cut - 1].isspace():
            cut -= 1
        # endpos, not a slice: no copy of the text for each title.
        match = title_regex().match(text, match.start(), cut)
    return match


def _name_start(text: str, match: re.Match, group: str, g: Gazetteer) -> int | None:
    """Where a name starts inside a title's last words: "Minister of International Relations and Cooperation Naledi
    Pandor said". Ministries are named with a small vocabulary; the capitalised words after its last word are a name:
    two or more, or one that a particle continues ("... Affairs Mohammed bin Ahmed")."""
    words = list(re.finditer(r"[\w'-]+", match.group(group)))
    name: list[re.Match] = []
    for word in reversed(words):
        lowered = word.group().lower()
        if lowered in {"for", "of", "the", "and"} or lowered in g.portfolio_words or lowered.rstrip("s") in g.portfolio_words:
            break
        name.insert(0, word)
    if not name or len(name) == len(words):
        return None
    if len(name) >= 3 and name[-1].end() == len(match.group(group)) and words[-len(name) - 1].group().lower() in {
            "of", "the"} and not any(w.group().lower() in g.portfolio_words for w in words[:-len(name) - 1]):
        # "Premier of Sarawak Abang Johari Tun Openg", "President of Papua New Guinea James Marape": no ministry word
        # at all, so a place's name (the longest the gazetteer knows, else one word) and then the holder's.
        known = [k for k in range(1, len(name) - 1) if g.place(" ".join(w.group() for w in name[:k]))]
        return match.start(group) + name[max(known, default=1)].start()
    particle = re.match(r"\s+(?:bin|bint|binti|ibn|al|el|van|von|de|da|di|du|dos|del)\s", text[match.end():])
    if len(name) < 2 and not particle:
        return None
    return match.start(group) + name[0].start()


def _names_a_body(complement: str, g: Gazetteer) -> bool:
    return bool(g.bodies) and _body_pattern(g).search(complement) is not None


@lru_cache(maxsize=4)
def _body_pattern(g: Gazetteer) -> re.Pattern:
    """Any body's name as a word: one pattern per lexicon, where a pattern per body was escaped and looked up in re's
    cache for each title. An alternation finds a body wherever one of the bodies' own patterns would."""
    return re.compile(rf"(?<![\w-])(?:{'|'.join(re.escape(b) for b in g.bodies)})(?![\w-])")
