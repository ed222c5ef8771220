"""Person mentions in a sentence: after a title, in apposition, as someone's counterpart, or by a known name.

Recognition only: which mentions are the same person is decided in resolve/people.py.
"""
from __future__ import annotations

import calendar
from collections.abc import Iterator
from dataclasses import dataclass, replace

# `regex` for Unicode letter classes: a name is any script's letters ("Radosław", "Çavuşoğlu"), not Latin-1's.
import regex as re

from events.extraction.gazetteer import gazetteer
from events.extraction.recognise.places import POSSESSIVE
from events.extraction.recognise.titles import TitleMention, canonical_title, find_titles

# A word may end in an apostrophe before another name word: the elided honorific in "Dato' Lim Jock Hoi".
# "O'Connor", "D'Souza", "N'Diaye": a capital, an apostrophe and a capitalised word.
# "McAllister", "MacDonald", "DeSantis", "LeBlanc", "DiMaio": a prefix before a second capital.
NAME_WORD = (r"(?:\p{Lu}['\u2019](?=\p{Lu}))?+(?:(?:Mc|Mac|De|Di|Le|La|Du)(?=\p{Lu}\p{Ll}))?+\p{Lu}[\p{Ll}\p{Lm}\p{Mn}]+"
             r"(?:[-'][\p{L}\p{Mn}]+)*+(?:'(?=\s+\p{Lu}))?+")
PARTICLE = r"(?:bin|bint|binti|ibn|al|el|van|von|der|den|de|da|di|du|do|das|la|le|dos|del|ter)"
# Up to six words: "Abdullah bin Zayed Al Nahyan" is five; the run is possessive, so it cannot backtrack.
# A form of address may open a name ("Mr Nyesom Wike", "Sen. George Akume", "HE Mahmoud Abbas"); clean_name drops it.
# Up to three forms of address in a row: "H H Sheikh Tamim", "HE Dr. Ali".
# Malaysian styles, which may also stand inside a name after a royal title: "Tengku Datuk Seri Zafrul Tengku Abdul Aziz".
MALAY_STYLE = r"(?:Datuk|Dato['\u2019]?|Datin)(?:\s+S(?:e)?ri)?"
ADDRESS = (r"(?:(?:(?:His|Her)\s+(?:Royal\s+)?(?:Highness|Majesty|Excellency)|Mr|Mrs|Ms|Dr|Sen|Hon|Prof|Amb|HE|H\.E|HH|HRH"
           rf"|H\.?\s?H|Sheikh|Sheikha|Shaikh|Prince|Princess|Tan\s+Sri|Puan\s+Sri|Toh\s+Puan|Tun|{MALAY_STYLE})\.?\s+){{0,3}}+")
# "Mohammed Shia al-Sudani", "Abdel Fattah el-Sisi": an Arabic article joined to the name by a hyphen, in lower case.
ARTICLE_WORD = r"(?:al|el|ad|as|ash|at|az|ul|ud)-\p{L}[\p{Ll}\p{Lm}\p{Mn}]+"
# "King Abdullah II", "Felipe VI": a regnal number ends a name ("I" and "V" alone are too often something else).
REGNAL = r"(?:\s+(?:II|III|IV|VI|VII|VIII|IX|XI|XII)(?![\w-]))?+"
NAME = (rf"{ADDRESS}(?:(?<!\p{{L}})\p{{Lu}}{{1,2}}\.?\s+)?{NAME_WORD}"
        rf"(?:\s+(?:{PARTICLE}\s+|{MALAY_STYLE}\s+){{0,2}}(?:{NAME_WORD}|{ARTICLE_WORD})){{0,5}}+{REGNAL}")
NAME_AT = re.compile(rf"\s*(?P<name>{NAME})")
HANDLE = re.compile(r"\s*@(?P<handle>\w+)")

# Capitalised words that start sentences or name things, never people.
NOT_NAME_WORDS = {
    "the", "a", "an", "his", "her", "their", "its", "our", "we", "he", "she", "it", "they", "this", "that", "these",
    "in", "on", "at", "during", "while", "following", "earlier", "later", "another", "additionally", "according",
    "citing", "describing", "meeting", "delighted", "had", "held", "also", "and", "but", "both", "after", "before",
    "ministry", "ministries", "government", "summit", "secretariat", "cabinet", "office", "house", "affairs", "council",
    "parliament", "dialogue", "partnership", "agreement", "declaration", "security", "defence", "defense", "foreign",
    "external", "national", "international", "economic", "strategic", "special", "global", "joint", "bilateral",
    "minister", "ministers", "president", "secretary", "spokesperson", "advisor", "adviser", "ambassador", "general",
    "prime", "deputy", "vice", "chief", "assistant", "senior", "state", "union", "republic", "kingdom", "federation",
    "statement", "said", "says", "news", "post", "reuters", "ani", "pti", "ians", "afp", "ap", "x", "twitter",
    "mr", "mrs", "ms", "dr", "shri", "smt", "hon", "sir", "madam", "leaders", "leader", "sides", "countries",
    "indo-pacific", "quad", "asean", "g20", "g7", "brics", "un", "eu", "nato", "first", "second", "third",
    "delegation", "talks", "visit", "project", "rail", "train", "high", "speed", "forum", "conference",
    "today", "yesterday", "tomorrow", "tonight", "separately", "meanwhile", "however", "moreover", "furthermore",
    "emeritus",  # "King Emeritus Juan Carlos", "Pope Emeritus Benedict XVI": said of a title, never a name
    "minster",  # the press's commonest slip for "Minister": "External Affairs Minster S Jaishankar"
    # Headlines in title case ("Abiy Confers With African Leaders"): their verbs and prepositions end a name.
    "with", "for", "to", "from", "by", "over", "amid", "as", "meets", "confers", "holds", "hosts",
    "receives", "urges", "signs", "visits", "welcomes", "calls", "discusses", "vows", "seeks", "agree", "agrees",
}
# Portfolios: "Minister of State Police Affairs X", "Minister of Transport Anthony Loke" put them before a name.
NOT_NAME_WORDS |= {"police", "trade", "industry", "industries", "finance", "transport", "health", "education", "energy",
                   "labour", "labor", "interior", "agriculture", "tourism", "culture", "information", "commerce",
                   "environment", "works", "housing", "youth", "sports", "communications", "investment", "economy"}
NOT_NAME_WORDS |= {m.lower() for m in calendar.month_name if m} | {d.lower() for d in calendar.day_name}

# Forms of address that open a name ("Datuk Seri Anwar Ibrahim", "Sheikh Tamim", "Mr Nyesom Wike"); the name is what
# follows. Compared in lower case; CAPITAL_FORMS only as written, since "He" is also a pronoun and a Chinese name.
FORMS_OF_ADDRESS = {"datuk", "dato", "dato'", "dato\u2019", "datin", "seri", "tan", "tun", "toh", "haji", "alhaji",
                    "sheikh", "shaikh",
                    "sheikha", "h.e", "excellency", "mr", "mrs", "ms", "dr", "sen", "senator", "hon", "amb", "prof",
                    "professor", "engr",
                    "ratu",
                    "prince", "princess"}
CAPITAL_FORMS = {"HE", "H.E", "HH", "HRH"}
TWO_WORD_FORMS = {("tan", "sri"), ("puan", "sri"), ("toh", "puan"), ("dato'", "sri"), ("dato\u2019", "sri"),
                  ("dato", "sri")}
MALAY_STYLES = {"datuk", "dato", "dato'", "dato\u2019", "datin"}
# Not "Gen": a given name too ("Gen Nakatani").
MILITARY_RANKS = {"rear", "admiral", "general", "lieutenant", "brigadier", "colonel", "marshal", "commodore", "lt",
                  "col", "brig", "adm"}
# Unions made once, not at each word tested against them.
ADDRESS_OR_RANK = frozenset(FORMS_OF_ADDRESS | MILITARY_RANKS)

MINISTERS_INCLUDING = re.compile(
    r"\b(?P<ministers>ministers)\b[^.;:]{0,120}?\b(?:including|included|include|includes|such\s+as|namely|were)\s+(?=\p{Lu})")
INCLUDING = re.compile(r"\b(?:including|included|include|includes|such\s+as|namely|among\s+them)\s+(?=\p{Lu})")
COMMA_BODY_COMMA = re.compile(r",\s+(?:the\s+)?(?:Ministry|Department|Office|Embassy|High\s+Commission|Presidency)"
                              r"(?:\s+(?:of|for)\s+(?:the\s+)?\p{Lu}[\p{L}'-]*+(?:\s+(?:and\s+)?\p{Lu}[\p{L}'-]*+){0,5}+)?,\s+")
COMMA_PLACE_COMMA = re.compile(r",\s+(?P<place>\p{Lu}\p{L}++(?:\s+\p{Lu}\p{L}++){0,2}+),\s+")

COUNTERPART = re.compile(
    rf"(?:(?:his|her|their)\s+)?(?:respective\s+)?(?:(?P<demonym>[A-Z][a-z]+(?:\s[A-Z][a-z]+)?)\s+)?counterparts?\s*,?"
    rf"(?P<names>\s+{NAME}(?:\s*(?:,|and|,\s*and)\s+{NAME})*)"
)
# "the Trump administration", "the Starmer government": a government named after its leader.
INSTITUTION_AFTER = re.compile(r"(?:'s)?\s+(?:administration|government|era|campaign|cabinet|doctrine)\b", re.I)
PRONOUN = re.compile(r"^(?:He|She)\b")
# Compiled once here: a pattern given to the `regex` module as a string is looked up in its cache at each call, which
# cost some ten times the match itself (and the cache, full of each article's KnownNames, drops patterns at random).
LIST_JOINER = re.compile(r"\s*(?:,\s*and|,|and|&)\s+")
NAME_SET_OFF_AT_END = re.compile(rf"(?P<name>{NAME})(?:,|\s+[\u2013\u2014-])\s+(?:the\s+)?$")
AND_BETWEEN = re.compile(r"\s*and\s+")
SPACED_AND = re.compile(r"\s+and\s+")
AND_THE_BETWEEN = re.compile(r"\s+and\s+(?:the\s+)?")
COMMA_OPTIONAL = re.compile(r",?\s*")
COMMA = re.compile(r",\s+")
COMMA_AT_END = re.compile(r",\s*(?:the\s+)?$")
NEXT_WORD = re.compile(r"\s+([\w-]+)")


@dataclass(frozen=True)
class PersonMention:
    name: str  # "" for a title or pronoun that refers to someone named elsewhere
    start: int
    end: int
    via: str  # "title", "apposition", "counterpart", "known", "title_only", "pronoun", "handle"
    title: TitleMention | None = None
    country: str = ""
    counterpart_of_country: str = ""  # "his Japanese counterpart X": X is JP, the subject is not
    respective: bool = False  # "their respective counterparts X and Y": offices pair up, not copy
    handle: str = ""


def clean_name(raw: str) -> str:
    """Trim a captured name at the first word that cannot be part of a person's name."""
    # "Minister Haavisto Ireland\u2019s position": a possessive with a typographic apostrophe is a possessive too.
    words = [w[:-2] + "'s" if w.endswith("\u2019s") else w for w in raw.split()]
    while len(words) > 2 and words[0] in {"His", "Her"} and words[1] in {"Highness", "Majesty", "Excellency", "Royal"}:
        words = words[3:] if words[1] == "Royal" else words[2:]  # "His Highness Sheikh Mohamed", "Her Majesty"
    if len(words) > 3 and words[0].strip(".") == "H" and words[1].strip(".") in {"H", "E"}:
        words = words[2:]  # "H H Sheikh Tamim", "H. E. Mahmoud Abbas"
    while len(words) > 1 and (words[0].lower().strip(".,") in ADDRESS_OR_RANK
                              or words[0].strip(".") in CAPITAL_FORMS
                              or (len(words) > 2 and words[0].isupper() and len(words[0]) > 1
                              and words[1].lower().strip(".,") in FORMS_OF_ADDRESS)):
        # "Foreign Minister II Dato Erywan Yusof": capitals before a form of address belong to the title.
        form = words.pop(0).lower().strip(".,")  # "Datuk Seri Anwar Ibrahim", "Sheikh Tamim": address, not the name
        if len(words) > 1 and (form, words[0].lower()) in TWO_WORD_FORMS:
            words.pop(0)  # "Tan Sri Abang Johari", not a name "Sri Abang Johari"
    # "Tengku Datuk Seri Zafrul Tengku Abdul Aziz": a style after a royal title is no part of the name either.
    words = [w for i, w in enumerate(words)
             if not (i and (w.lower().strip(".,") in MALAY_STYLES
                            or (w.lower() in {"seri", "sri"} and words[i - 1].lower().strip(".,") in MALAY_STYLES)))]
    kept: list[str] = []
    g = gazetteer()
    for position, word in enumerate(words):
        bare = word.rstrip(".,'s").lower() if word.endswith("'s") else word.rstrip(".,").lower()
        if bare in NOT_NAME_WORDS and not _chinese_he(words, position, kept):
            break
        after_particle = bool(kept) and kept[-1].lower() in PARTICLE_WORDS  # "do Rosario", "de la Paz"
        stem = word[:-2] if word.endswith("'s") else word.rstrip(".,")
        if g.is_place_word(stem) and len(kept) != 1 and not after_particle \
                and not _given_name_before_surname(words, position):
            break
        if kept and not after_particle and _names_a_country(stem):
            break  # "Pekka Haavisto Ireland ...", "Haavisto Ireland's position": a country starts the next phrase
        if len(kept) >= 2 and len(word.strip(".,")) >= 2 and word.strip(".,").isupper():
            break  # "Manoa Kamikamica DPM", "John Smith MP": an office's abbreviation after the name
        kept.append(word[:-2] if word.endswith("'s") else word)
        if word.endswith("'s"):
            break
    # A lone initial is no name: "S" needs "Jaishankar"; nor are lone capitals ("UN" of "UN Secretary").
    if kept and len(kept) == 1 and (len(kept[0].rstrip(".")) == 1 or kept[0].rstrip(".").isupper()):
        return ""
    return " ".join(kept).strip(".,/;:")


def _chinese_he(words: list[str], position: int, kept: list[str]) -> bool:
    """ "Liu He", "He Lifeng": the family or given name He, never the pronoun, inside a run of name words."""
    if words[position].rstrip(".,") != "He":
        return False
    if kept:
        return True
    following = words[position + 1].rstrip(".,") if position + 1 < len(words) else ""
    return bool(following) and following[0].isupper() and following.lower() not in NOT_NAME_WORDS


def _given_name_before_surname(words: list[str], position: int) -> bool:
    """ "Santiago Bausili", "Florence Parly": a place's name opening a name, before a word that is no place."""
    if position != 0 or position + 1 >= len(words):
        return False
    following = words[position + 1].rstrip(".,")
    return following.lower() not in NOT_NAME_WORDS and not gazetteer().is_place_word(following)


def _name_after(text: str, position: int) -> tuple[str, int] | None:
    match = NAME_AT.match(text, position)
    if not match:
        return None
    name = clean_name(match.group("name"))
    if not name:
        return None
    return name, match.start("name") + len(name)


PORTFOLIO_ASIDE = re.compile(r"\s*\((?P<portfolio>\p{Lu}[\p{L} ,&'-]{1,58})\)")


def _portfolio_aside(text: str, end: int, title: TitleMention) -> TitleMention:
    """ "Ministers A (Foreign Affairs), B (Economy)": each minister's portfolio, in brackets after the name."""
    aside = PORTFOLIO_ASIDE.match(text, end)
    if aside is None or title.title != "Minister":
        return title
    written, kind = canonical_title("Minister", f"of {aside.group('portfolio').strip()}")
    return replace(title, title=written, kind=kind)


LIST_ITEM_ASIDE = re.compile(r"\s+of\s+(?:the\s+)?\p{Lu}\p{L}+(?:\s+\p{Lu}\p{L}+){0,2}+|\s*\([^()\n]{1,60}\)")


def _names_in_list(text: str, position: int) -> list[tuple[str, int, int]]:
    """ "Shinzo Abe and Narendra Modi": every name of a coordinated list starting at position."""
    names = []
    while True:
        found = _name_after(text, position)
        if not found:
            return names
        name, end = found
        names.append((name, end - len(name), end))
        # "Presidents A of Bolivia and B of Paraguay", "Ministers A (Foreign Affairs), B (Economy)": each item's own.
        aside = LIST_ITEM_ASIDE.match(text, end)
        end = aside.end() if aside else end
        joiner = LIST_JOINER.match(text[end:])
        if not joiner:
            return names
        position = end + joiner.end()


def _appositive_before(text: str, title: TitleMention) -> tuple[str, int, int] | None:
    """ "Masataka Okano, Vice-Minister for ...": the name just before a title, set off by a comma."""
    before = text[: title.start]
    # "Nimal Siripala de Silva (en dash) Minister of Ports": a list of appointments sets the title off with a dash.
    match = NAME_SET_OFF_AT_END.search(before)
    if not match:
        return None
    name = clean_name(match.group("name"))
    # The whole run must be the name, a form of address before it aside ("Sheikh Saif bin Zayed, Deputy ...").
    if not name or not " ".join(match.group("name").split()).strip(".,").endswith(name):
        return None
    return name, match.end("name") - len(name), match.end("name")


def _counterpart_titles(a: TitleMention, b: TitleMention) -> bool:
    """Two offices of one kind, or two of foreign affairs ("US Secretary of State X and Foreign Secretary Y")."""
    foreign = [t.kind == "foreign_minister" or "foreign" in t.title.lower() for t in (a, b)]
    return a.kind == b.kind or all(foreign)


def find_people(text: str, titles: list[TitleMention] | None = None) -> list[PersonMention]:
    """Person mentions anchored by a title or a counterpart phrase."""
    titles = find_titles(text) if titles is None else titles
    mentions: list[PersonMention] = []
    previous: PersonMention | None = None
    for title in titles:
        country = title.country
        # "Japanese foreign minister X and defence minister Y": the demonym covers both. Two holders of one kind of
        # office are counterparts, not colleagues: "US Treasury Secretary X and Vice Premier Y" is no American pair.
        if not country and previous and previous.title and not _counterpart_titles(previous.title, title) \
                and AND_BETWEEN.fullmatch(text[previous.end: title.start]):
            country = previous.title.country
            title = replace(title, country=country)
        after = text[title.end:]
        if title.plural:
            listed = _names_in_list(text, title.end)
            including = INCLUDING.search(text, title.end, min(len(text), title.end + 160)) if not listed else None
            if including:
                # "three ministers were also fired, including Lindiwe Sisulu": the list comes later.
                listed = _names_in_list(text, including.end())
            mentions += [PersonMention(n, s, e, "title", _portfolio_aside(text, e, title), country) for n, s, e in listed]
            previous = mentions[-1] if listed else previous
            continue
        if NAMED_AFTER_HOLDER.match(text, title.end):
            continue  # "the King Khalid Airport", "the Prince Sultan Air Base": a place named after a holder
        found = _name_after(text, title.end)
        if found and all(w.lower() in gazetteer().portfolio_words for w in found[0].split()):
            found = None  # "Minister of Energy Transition and ...": the rest of a portfolio, not a name
        # "A, Vietnamese Foreign Minister B": a name right after the title is its holder, before one set off by a
        # comma before it (a list's previous item).
        appositive = _appositive_before(text, title) if found is None else None
        chained = appositive is not None and any(t.start <= appositive[1] and appositive[2] <= t.end for t in titles)
        if chained:
            # "Mohammed bin Salman, Saudi Crown Prince, Deputy Prime Minister and ...": the words before the comma are
            # a title, the previous one of the same person's.
            appositive = (previous.name, previous.start, previous.end) if previous and previous.name else None
        if appositive and previous is not None and previous.via == "title" and previous.name == appositive[0]:
            # "Minister of Energy, Leila Benali, Ethiopian Minister of Water, Habtamu Itefa": Benali has her title;
            # this one is the next name's.
            appositive = None
            found = _name_after(text, title.end + COMMA_OPTIONAL.match(after).end())
        handle = HANDLE.match(text, title.end)
        second_title = (previous is not None and previous.via == "apposition"
                        and SPACED_AND.fullmatch(text[previous.title.end: title.start]))
        # "Title, Name" unless the title itself follows a comma: in "A, Deputy Prime Minister, B, Advisor" each
        # title describes the name before it, not the one after.
        if found is None and not appositive and not second_title and COMMA.match(after) \
                and not COMMA_AT_END.search(text[: title.start]):
            found = _name_after(text, title.end + COMMA.match(after).end())
            if found and all(w.lower() in gazetteer().portfolio_words for w in found[0].split()):
                found = None  # "Minister of Ports, Shipping and Aviation": the title goes on, no name follows
        body = COMMA_BODY_COMMA.match(text, title.end) if found is None and not appositive else None
        if body is not None:
            # "The Spokesperson, Ministry of Foreign Affairs, Ferdinand Nwonye": the title's ministry between commas.
            found = _name_after(text, body.end())
        placed = COMMA_PLACE_COMMA.match(text, title.end) if found is None and not appositive else None
        place = gazetteer().place(placed.group("place")) if placed else None
        if place is not None and place.kind == "country":
            # "the Minister of Information, Ghana, Hon. Kojo Oppong Nkrumah": the title's country between commas.
            found = _name_after(text, placed.end())
            country = country or place.country
            title = replace(title, country=country)
        if appositive:
            name, start, end = appositive
            mention = PersonMention(name, start, end, "apposition", title, country)
        elif found:
            name, end = found
            mention = PersonMention(name, end - len(name), end, "title", title, country)
        elif handle:
            mention = PersonMention("", title.start, handle.end(), "handle", title, country, handle=handle.group("handle"))
        elif second_title:
            # "X, Deputy Secretary General ... and Assistant Chief Cabinet Secretary of Japan": both X's.
            mention = PersonMention(previous.name, previous.start, previous.end, "apposition", title, country)
        else:
            mention = PersonMention("", title.start, title.end, "title_only", title, country)
        mentions.append(mention)
        previous = mention
    for match in MINISTERS_INCLUDING.finditer(text):
        # "three ministers were fired, including Lindiwe Sisulu": ministers the sentence lists by name.
        title = TitleMention("Minister", "minister", match.start("ministers"), match.end("ministers"))
        for name, start, end in _names_in_list(text, match.end()):
            if not any(m.start <= start < m.end for m in mentions if m.name):
                mentions.append(PersonMention(name, start, end, "title", title))
    for match in COUNTERPART.finditer(text):
        place = gazetteer().place(match.group("demonym") or "")
        country = place.country if place else ""
        for name, start, end in _names_in_list(text, match.start("names")):
            if not any(m.start <= start < m.end for m in mentions if m.name):
                respective = "respective" in match.group(0) or "counterparts" in match.group(0)
                mentions.append(PersonMention(name, start, end, "counterpart", None, country,
                                              counterpart_of_country=country, respective=respective))
            else:
                mentions = [
                    PersonMention(m.name, m.start, m.end, m.via, m.title, m.country or country, country)
                    if m.start <= start < m.end else m for m in mentions
                ]
    if PRONOUN.match(text):
        mentions.append(PersonMention("", 0, 2, "pronoun"))
    # "President Claudia Sheinbaum of Mexico": a title gives none, the words after the name do.
    return _couples(text, sorted((_with_country_beside(text, m) for m in mentions), key=lambda m: m.start))


def _couples(text: str, mentions: list[PersonMention]) -> list[PersonMention]:
    """ "King Willem-Alexander and Queen Maxima of the Netherlands", "Prime Minister A and Foreign Minister B of
    Japan": a country after two holders of different posts is both's. Of one post ("President Buhari and President
    Akufo-Addo of Ghana") it is the second's only: two presidents serve two countries."""
    result = list(mentions)
    for i in range(len(result) - 1):
        first, second = result[i], result[i + 1]
        if not (first.name and second.name and first.title and second.title) or first.country or not second.country:
            continue
        if first.title.title == second.title.title or not COUNTRY_AFTER.match(text, second.end):
            continue
        if AND_THE_BETWEEN.fullmatch(text[first.end:second.title.start]):
            result[i] = replace(first, country=second.country)
    return result


class KnownNames:
    """Bare mentions of people already named in the article: "Kamikawa and Kihara will hold ...".

    `tokens` maps a distinctive name word ("Kamikawa") to the full name it stands for. A name is found where no word
    character, "@" or hyphen is before it and no word character or hyphen after it ("Modi-Abe vision" names a thing,
    not the two men: hyphenated words are not mentions); the longest name that fits at a place is taken, as in an
    alternation sorted longest first. Each sentence costs its length, whatever the number of names.
    """

    def __init__(self, tokens: dict[str, str]) -> None:
        self.tokens = tokens
        # Names that start with a capital (all of them, but for a rare "al-Sudani") are looked up at the capitals
        # that start a word: compiling the names into a pattern, as the others still are, was some 2 ms an article.
        self.by_initial = _by_initial(tokens) if all(CAPITAL.match(token) for token in tokens) else None
        # Not cached by the `regex` module: each article's is new, and a full cache drops its entries at random.
        self.pattern = re.compile(r"(?<![\w@-])(\L<names>)(?![\w-])", names=list(tokens),
                                  cache_pattern=False) if tokens and self.by_initial is None else None

    def find(self, text: str, taken: list[tuple[int, int]]) -> list[PersonMention]:
        found = []
        for start, end in self._spans(text):
            if any(s <= start < e for s, e in taken) or INSTITUTION_AFTER.match(text, end):
                continue
            found.append(PersonMention(self.tokens[text[start:end]], start, end, "known"))
        return found

    def _spans(self, text: str) -> Iterator[tuple[int, int]]:
        """Where the names stand, left to right and never overlapping, as the pattern's finditer finds them."""
        if self.pattern is not None:
            yield from (match.span(1) for match in self.pattern.finditer(text))
            return
        if not self.by_initial:
            return
        end = 0
        for start in (match.start() for match in WORD_CAPITAL.finditer(text)):
            if start < end:
                continue  # inside the name found last
            name = next((n for n in self.by_initial.get(text[start], ()) if text.startswith(n, start)
                         and NO_WORD_AFTER.match(text, start + len(n))), None)
            if name is not None:
                end = start + len(name)
                yield start, end


def _by_initial(tokens: dict[str, str]) -> dict[str, list[str]]:
    """The names by their first character, longest first."""
    by_initial: dict[str, list[str]] = {}
    for name in sorted(tokens, key=len, reverse=True):
        by_initial.setdefault(name[0], []).append(name)
    return by_initial


CAPITAL = re.compile(r"\p{Lu}")
# A capital where a name may start, and the end of a name: KnownNames' pattern in two parts, compiled once.
WORD_CAPITAL = re.compile(r"(?<![\w@-])(?=\p{Lu})")
NO_WORD_AFTER = re.compile(r"(?![\w-])")


# Words before a name in an NER span that address the person rather than name them: the forms of address, and ranks
# and pronoun-like words the NER takes into a span ("General", "His").
HONORIFICS = FORMS_OF_ADDRESS | {"miss", "he", "sir", "dame", "madam", "his", "her", "lord", "lady", "gen", "general",
                                 "majesty", "highness", "excellency", "royal",
                                 "ambassador", "lieutenant", "colonel", "major", "captain", "admiral", "marshal", "hajji",
                                 "chief", "engr", "barr", "pastor", "rev", "senator", "rep", "comrade", "shri", "smt"}
NOT_A_NAME_START = frozenset(HONORIFICS | NOT_NAME_WORDS)  # made once, not at each word tested
# Words that make a capitalised phrase a building, a body or a document, not a person.
NOT_PERSON_HEADS = {"palace", "house", "hall", "hotel", "centre", "center", "tower", "airport", "university", "museum",
                    "stadium", "bank", "ministry", "agency", "council", "assembly", "commission", "party", "group",
                    "forum", "conference", "summit", "government", "embassy", "parliament", "presidency", "secretariat"}


def ner_name(raw: str) -> str:
    """A person's name from an NER span: honorifics and title words off the front, a possessive off the end,
    and a family name written in capitals ("KISHIDA Fumio") in the usual case."""
    words = raw.replace("\n", " ").split()
    while words and (words[0].lower().strip(".,") in NOT_A_NAME_START
                     or gazetteer().office(words[0].strip(".,")) is not None):
        words.pop(0)
    possessive = bool(words) and words[-1].endswith(("'s", "\u2019s"))
    if possessive:
        words[-1] = words[-1][:-2]
    words = [w.strip(",;:/|") for w in words if w.strip(",;:/|")]  # "[Source: Fiji Government/ Facebook]"
    if not words or any(any(c.isdigit() for c in w) for w in words):
        return ""
    if gazetteer().is_place_word(" ".join(words)):
        return ""  # "Papua New Guinea's", before its last word is taken for a country after a name
    while (len(words) > 2 and words[-1].isupper() and len(words[-1]) >= 2 and words[-1] not in ROMAN) \
            or (len(words) > (1 if possessive else 2) and _names_a_country(words[-1])):
        # "Manoa Kamikamica DPM", "Pekka Haavisto Ireland", "Haavisto Ireland's position": an office's abbreviation
        # or a country after the name (a country's possessive even after one word: "Jordan" alone is a surname).
        words.pop()
        possessive = False
    if not all(w[0].isupper() or w.lower() in PARTICLE_WORDS or ARTICLE_PREFIX.match(w) for w in words):
        return ""
    if len(words) == 1 and (len(words[0].rstrip(".")) < 2 or gazetteer().is_place_word(words[0])):
        return ""
    if gazetteer().is_place_word(" ".join(words)) or any(w.lower().strip(".") in NOT_PERSON_HEADS for w in words):
        return ""  # "Papua New Guinea", "Qasr Al Shati Palace": NER's persons that are places or buildings
    if all(gazetteer().is_place_word(part) for w in words for part in w.split("-")):
        return ""  # "Japan-Poland"
    if len(words) == 2 and words[0].lower() in PARTICLE_WORDS:
        return ""  # "La Nación", "Le Monde", "Al Jazeera": an article and a noun name a newspaper, not a person
    return " ".join(w.capitalize() if len(w) > 2 and w.isupper() and w not in ROMAN else w for w in words)


def _span_name(text: str, start: int, end: int) -> str:
    """The name in an NER span, which leaves a possessive after it: "Haavisto Ireland" of "Haavisto Ireland's"."""
    return ner_name(text[start:end] + ("'s" if POSSESSIVE.match(text, end) else ""))


def _names_a_country(word: str) -> bool:
    place = gazetteer().place(word)
    return place is not None and place.kind in {"country", "demonym"}


ARTICLE_PREFIX = re.compile(r"(?:al|el|ad|as|ash|at|az|ul|ud)-\p{L}")
ROMAN = {"II", "III", "IV", "VI", "VII", "VIII", "IX", "XI", "XII"}
PARTICLE_WORDS = set(PARTICLE.strip("(?:)").split("|"))


def merge_entities(text: str, mentions: list[PersonMention], parse, titles=()) -> list[PersonMention]:
    """Reconcile the rules' person mentions with the NER's PERSON spans (`parse` is an nlp.SentenceParse).

    The longer of an NER span and a rule match wins ("Radosław Sikorski", "Abdullah bin Zayed Al Nahyan"); a person
    the NER sees and no rule anchored is added; a rule "name" that the parse shows is no proper noun ("Separately,",
    "Today") is dropped, its title kept as a reference.
    """
    if parse is None:
        return mentions
    spans = []
    for start, end in [*parse.persons, *_named_of_country(text, parse)]:
        start = _compound_start(parse, start)
        # "Minister of Transport Anthony Loke": the NER's span may swallow the end of a title.
        for title in titles:
            if title.start <= start < title.end:
                start = title.end
        while start < end and not text[start].isalnum():
            start += 1
        if start < end:
            spans.append((start, end))
    result: list[PersonMention] = []
    for mention in mentions:
        if not mention.name:
            result.append(mention)
            continue
        if not ner_name(mention.name):
            # The same test as for the NER's names: no place, building, title word or lone honorific as a person.
            if mention.title is not None:
                result.append(PersonMention("", mention.title.start, mention.title.end, "title_only", mention.title,
                                            mention.country))
            continue
        overlapping = [(s, e) for s, e in spans if s < mention.end and mention.start < e]
        wider = [(s, e) for s, e in overlapping if e - s > mention.end - mention.start]
        if wider:
            start, end = max(wider, key=lambda span: span[1] - span[0])
            name = _span_name(text, start, end)
            if name and set(name_words(mention.name)) <= set(name_words(name)):
                start = _word_start(text, name, start, end)
                mention = PersonMention(name, start, max(end, start + len(name)), mention.via, mention.title,
                                        mention.country, mention.counterpart_of_country, mention.respective)
        elif not overlapping and not _has_proper_noun(parse, mention.start, mention.end):
            if mention.title is not None:
                title = mention.title
                result.append(PersonMention("", title.start, title.end, "title_only", title, mention.country))
            continue
        result.append(mention)
    result = [_with_country_beside(text, m) for m in result]
    named = [(m.start, m.end) for m in result if m.name]
    for start, end in spans:
        if any(s < end and start < e for s, e in named):
            continue
        following = NEXT_WORD.match(text[end:])
        if following and following.group(1).lower() in NOT_PERSON_HEADS:
            continue  # "the Sir Bani Yas Forum": the NER's person is the first words of a thing's name
        name = _span_name(text, start, end)
        if not name:
            continue
        begin = _word_start(text, name, start, end)
        title = _title_beside(text, begin, end, result)
        if title is None:
            result.append(_with_country_beside(text, PersonMention(name, begin, end, "ner")))
            continue
        # "the Foreign Minister, Santiago Cafiero": the title the rules could not attach (a given name that is also
        # a city, a name the rules' pattern cannot read) belongs to the person the NER found beside it.
        result = [m for m in result if m.title is not title.title]
        via = "title" if title.title.end <= begin else "apposition"
        result.append(PersonMention(name, begin, end, via, title.title, title.country))
    return sorted(result, key=lambda m: m.start)


# Between a title and the name it introduces: the rest of the title ("of the African Union") and a comma.
# A title, a name, and a word for a place or thing named after the holder.
NAMED_AFTER_HOLDER = re.compile(
    r"(?:\s+\p{Lu}[\p{L}'-]*+){1,4}?\s+(?:International\s+)?(?:Airport|Air\s+Base|Airbase|University|Hospital|Stadium"
    r"|Mosque|Bridge|Causeway|Street|Road|Avenue|Boulevard|Highway|Hall|Centre|Center|Park|School|College|Academy"
    r"|Foundation|Award|Prize|Cup|Port|Canal|Dam|Museum|Library|Medal|Fund|Institute|Square)\b")
TITLE_THEN_NAME = re.compile(
    rf"(?:\s+(?:of|for)\s+(?:the\s+)?\p{{Lu}}[\w'-]*+(?:\s+(?:of\s+|and\s+)?\p{{Lu}}[\w'-]*+){{0,5}}+)?\s*,?\s*{ADDRESS}"
)
NAME_THEN_TITLE = re.compile(r",\s+(?:the\s+|a\s+|an\s+)?(?:\p{L}+\s+){0,3}?")


def _title_beside(text: str, start: int, end: int, mentions: list[PersonMention]) -> PersonMention | None:
    for mention in mentions:
        if mention.via != "title_only" or mention.title is None:
            continue
        title = mention.title
        if title.end <= start and TITLE_THEN_NAME.fullmatch(text, title.end, start):
            return mention
        if title.start >= end and NAME_THEN_TITLE.fullmatch(text, end, title.start):
            return mention
    return None


def name_words(name: str) -> list[str]:
    return [w.strip(".").lower() for w in name.replace("-", " ").split() if w.strip(".")]


def _has_proper_noun(parse, start: int, end: int) -> bool:
    return any(t.pos == "PROPN" for t in parse.tokens if start <= t.start < end)


def _with_country_beside(text: str, mention: PersonMention) -> PersonMention:
    """ "Penny Wong of Australia", "Kenya's William Ruto", "Russian leader Vladimir Putin": a country beside a name."""
    if not mention.name or mention.country:
        return mention
    g = gazetteer()
    after = COUNTRY_AFTER.match(text, mention.end)
    before = COUNTRY_BEFORE.search(text[max(0, mention.start - 60): mention.start])
    for found in (after, before):
        place = g.place(found.group("place").rstrip(".")) if found else None  # "... of Mexico." ends a sentence
        if place is not None and place.kind in {"country", "demonym"}:
            return PersonMention(mention.name, mention.start, mention.end, mention.via, mention.title, place.country,
                                 mention.counterpart_of_country, mention.respective, mention.handle)
    return mention


COUNTRY_AFTER = re.compile(r",?\s+of\s+(?:the\s+)?(?P<place>\p{Lu}[\p{L}.'-]*+(?:\s+\p{Lu}[\p{L}.'-]*+){0,3}+)")
COUNTRY_BEFORE = re.compile(r"(?P<place>\p{Lu}[\p{L}.-]*+(?:\s+\p{Lu}[\p{L}.-]*+){0,2}+)(?:'s)?\s+(?:\p{Ll}+\s+)?$")


def _compound_start(parse, start: int) -> int:
    """ "Luiz Inacio Lula da Silva": the NER's span may leave off a first name the parse joins to the rest."""
    index = parse.index_at(start)
    if index is None:
        return start
    head = parse.tokens[index].head
    while index > 0:
        previous = parse.tokens[index - 1]
        if previous.pos != "PROPN" or previous.dep != "compound" or previous.head != head or not previous.text[:1].isupper():
            break
        word = previous.text.lower().strip(".")
        if word in NOT_A_NAME_START or gazetteer().is_place_word(word) or gazetteer().office(word):
            break
        # Only a first word that opens the capitalised run: "Economic Reforms Ajith ..." ends a title, not a name.
        if index >= 2 and parse.tokens[index - 2].text[:1].isupper():
            break
        return previous.start
    return parse.tokens[index].start


def _named_of_country(text: str, parse) -> list[tuple[int, int]]:
    """ "Giorgia Meloni of Italy": proper nouns followed by "of" and a country name a person, whatever label the NER
    gave them (it tags some leaders ORG or GPE)."""
    found = []
    for match in NAME_OF_COUNTRY.finditer(text):
        place = gazetteer().place(match.group("place"))
        if place is None or place.kind != "country":
            continue
        tokens = [t for t in parse.tokens if match.start("name") <= t.start < match.end("name")]
        if tokens and all(t.pos == "PROPN" for t in tokens) and ner_name(match.group("name")):
            found.append((match.start("name"), match.end("name")))
    return found


NAME_OF_COUNTRY = re.compile(
    rf"(?P<name>{NAME_WORD}(?:\s+{NAME_WORD}){{1,3}}+)\s+of\s+(?:the\s+)?(?P<place>\p{{Lu}}\p{{L}}++(?:\s+\p{{Lu}}\p{{L}}++){{0,2}}+)"
)


def _word_start(text: str, name: str, start: int, end: int) -> int:
    """Where a cleaned name's first word stands inside the span it came from (the span's start if re-cased)."""
    first = text.find(name.split()[0], start, end)
    return first if first >= 0 else start
