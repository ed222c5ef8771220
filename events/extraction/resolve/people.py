"""Which person mentions in an article are the same person, and what we know of each."""
from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import pairwise

from events.extraction.gazetteer import Gazetteer, gazetteer, load_json
from events.extraction.recognise.people import NOT_NAME_WORDS, PARTICLE_WORDS, PersonMention
from events.extraction.recognise.titles import TitleMention

GENERIC_TITLES = {
    "head_of_government": "Prime Minister", "head_of_state": "President", "foreign_minister": "Foreign Minister",
    "defence_minister": "Defence Minister", "security_adviser": "National Security Advisor",
}


# Cached: the resolve stage asks for the same names' words again and again (each look at a person's country or
# spellings folds every name of the person anew), and fold was its top own time.
@lru_cache(maxsize=8192)
def fold(word: str) -> str:
    """ "Erdoğan" and "Erdogan" are one name: accents off, case folded."""
    decomposed = unicodedata.normalize("NFKD", word.translate(UNFOLDED))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


# Letters that Unicode decomposition leaves alone.
UNFOLDED = str.maketrans({"\u0131": "i", "ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D", "ß": "ss"})


def unaccented(name: str) -> str:
    """ "Mevlüt Çavuşoğlu" -> "Mevlut Cavusoglu": letters without their accents, case kept."""
    decomposed = unicodedata.normalize("NFKD", name.translate(UNFOLDED))
    return unicodedata.normalize("NFC", "".join(c for c in decomposed if not unicodedata.combining(c)))


@lru_cache(maxsize=4096)
def name_tokens(name: str) -> tuple[str, ...]:
    # "Cho Tae-yul" and "Cho Tae Yul" are one spelling apart: hyphens split words.
    return tuple(fold(w.strip(".")) for w in name.replace("-", " ").split() if w.strip("."))


def tokens_compatible(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """ "S Jaishankar" ~ "Jaishankar" ~ "S. Jaishankar"; "Kamikawa Yoko" ~ "Yoko Kamikawa"; initials match names."""
    a, b = _joined(a, b), _joined(b, a)
    if _different_given_names(a, b):
        return False
    if len(a) == len(b):
        return _covers(a, b) or _covers(b, a)
    return _covers(a, b) if len(a) < len(b) else _covers(b, a)


def _joined(a: tuple[str, ...], b: tuple[str, ...]) -> tuple[str, ...]:
    """`a` with two neighbouring words joined where `b` writes them as one: "Abdul-Aziz" against "Abdulaziz"."""
    words = set(b)
    joined: list[str] = []
    for token in a:
        if joined and joined[-1] + token in words and joined[-1] not in words:
            joined[-1] += token
        else:
            joined.append(token)
    return tuple(joined)


# In a name built of "son of" links the order is the person: "Hamdan bin Mohamed bin Zayed" is Mohamed's son.
PATRONYMIC_LINKS = {"bin", "ibn", "bint", "binti", "ben"}


def _different_given_names(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    patronymic = PATRONYMIC_LINKS & (set(a) | set(b))
    return bool(patronymic) and len(a) > 1 and len(b) > 1 and not same_word(a[0], b[0])


def _covers(small: tuple[str, ...], large: tuple[str, ...]) -> bool:
    """Every word of `small` is in `large`, an initial standing for any word it begins, and a word for one spelled
    a letter apart or its short form ("Fouad"/"Fuad", "Antony"/"Anthony", "Joe"/"Joseph")."""
    full_large = [t for t in large if len(t) > 1]
    for token in small:
        if len(token) == 1:
            if not any(t.startswith(token) for t in large):
                return False
        elif token not in full_large and not any(same_word(token, t) for t in full_large):
            return False
    return any(len(t) > 1 for t in small)


def same_word(a: str, b: str) -> bool:
    """One name word in two spellings: the Arabic article as "al" or "el", a short form, or a letter added, dropped
    or changed in a word of five letters or more whose first letter agrees ("Sisi"/"Sissi", "Fuad"/"Fouad")."""
    if a == b or {a, b} <= {"al", "el"}:
        return True
    if (group := _short_forms().get(a)) is not None and b in group:
        return True
    return max(len(a), len(b)) >= 5 and a[0] == b[0] and _one_edit_apart(a, b)


def _one_edit_apart(a: str, b: str) -> bool:
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) > len(b):
        a, b = b, a
    i = 0
    while i < len(a) and a[i] == b[i]:
        i += 1
    return a[i + 1:] == b[i + 1:] if len(a) == len(b) else a[i:] == b[i + 1:]


@lru_cache(maxsize=4)
def _families_by_last_word(g: Gazetteer) -> dict[str, list[tuple[tuple[str, ...], str]]]:
    """The reigning families' names as name tokens, by their last word and in the data's order; once per lexicon
    rather than at each look at a person's country (keyed by the lexicon itself: a key made of its families was a
    tuple built and hashed at each look). A name can end with a family only of its own last word: only those are
    compared with it, not all of them."""
    families: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for family, code in g.dynasties.items():
        tokens = name_tokens(family)
        if tokens:  # no name ends with no words
            families.setdefault(tokens[-1], []).append((tokens, code))
    return families


@lru_cache(maxsize=4)
def _leader_countries(g: Gazetteer) -> dict[tuple[str, ...], str]:
    """Each spelling of a leader's name, as its words in any order ("Kishida Fumio", "Fumio Kishida"), to the
    country; "" where two countries' leaders share a spelling. Built once per lexicon."""
    index: dict[tuple[str, ...], str] = {}
    for person in g.leaders:
        for name in [person["name"], *person.get("aliases", [])]:
            tokens = name_tokens(name)
            while len(tokens) > 1 and tokens[0] in STYLE_WORDS:
                tokens = tokens[1:]  # "King Felipe": the dictionary's aliases may keep the title the press writes
            key = _leader_key(tokens)
            index[key] = person["country"] if index.get(key, person["country"]) == person["country"] else ""
    return index


def _leader_key(tokens: tuple[str, ...]) -> tuple[str, ...]:
    """A name's words in any order, each as often as written ("Abdullah Abdullah" is not "Abdullah"), without the
    Arabic article the press writes or leaves out ("Ayman al-Safadi", "Ayman Safadi"), and without a regnal number
    where two words remain ("Juan Carlos I" is "Juan Carlos"; "Abdullah II" keeps his)."""
    words = [t for t in tokens if t not in ARABIC_ARTICLES] or list(tokens)
    if len([t for t in words if t not in REGNAL_NUMBERS]) >= 2:
        words = [t for t in words if t not in REGNAL_NUMBERS]
    return tuple(sorted(words))


ARABIC_ARTICLES = frozenset({"al", "el"})
REGNAL_NUMBERS = frozenset({"i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii", "xvi"})
STYLE_WORDS = frozenset({"king", "queen", "emperor", "empress", "sultan", "emir", "amir", "sheikh", "prince",
                         "princess", "crown", "president", "his", "her", "majesty", "highness"})


@lru_cache(maxsize=1)
def _short_forms() -> dict[str, frozenset[str]]:
    forms: dict[str, frozenset[str]] = {}
    for group in load_json("nicknames.json")["names"]:
        for name in group:
            forms[name] = frozenset(group)
    return forms


# The key of a name with no word to look up ("Al"): every name is compared with it.
ANY_NAME = "*"


def match_keys(tokens: tuple[str, ...]) -> set[str]:
    """Keys two names share whenever tokens_compatible may hold between them: a full word covered by the other
    name is in it as written, one letter apart (each word of five letters or more is also keyed without each of its
    letters), as a short form of it, or as two of its words joined ("Abdul Aziz", "Abdulaziz")."""
    keys: set[str] = set()
    full = [t for t in tokens if len(t) > 1 and t not in ARABIC_ARTICLES]
    for token in full:
        keys.add(token)
        if len(token) >= 5:
            keys |= {token[:i] + token[i + 1:] for i in range(len(token))}
        keys |= {f"~{form}" for form in {token, *_short_forms().get(token, ())}}
    keys |= {a + b for a, b in pairwise(tokens)}
    return keys


def full_name(tokens: tuple[str, ...]) -> bool:
    """Two name words at least, particles aside: "al-Mansouri", "van der Berg" and "Abdel Aziz" are a surname."""
    return _name_words(tokens) >= 2


def _name_words(tokens: tuple[str, ...]) -> int:
    return sum(1 for t in tokens if len(t) > 1 and t not in PARTICLES_AND_PREFIXES)


# The first word of an Arabic compound name, which is one name with the next: "Abdel Aziz", "Abu Bakr".
COMPOUND_PREFIXES = frozenset({"abdel", "abdul", "abd", "abu", "ould", "bou"})
# Words that are no name word by themselves; unioned once, not for each word counted.
PARTICLES_AND_PREFIXES = frozenset(PARTICLE_WORDS | COMPOUND_PREFIXES)


def spelling_matches(tokens: tuple[str, ...], spellings: set[tuple[str, ...]]) -> bool:
    """Whether a name is one of a person's spellings. A full name is matched against full names: "Pravind Kumar
    Jugnauth" is not "Raveesh Kumar", whatever the bare "Kumar" that also stood for the latter."""
    if full_name(tokens) and any(full_name(s) for s in spellings):
        spellings = {s for s in spellings if full_name(s)}
    return any(tokens_compatible(tokens, spelling) for spelling in spellings)


@dataclass
class KnownPerson:
    """A person the database already knows, as plain data for the pure stages."""

    key: int
    name: str
    aliases: tuple[str, ...] = ()
    country: str = ""
    posts: tuple[tuple[str, str], ...] = ()  # (title, kind) of the offices the person held


@dataclass
class ArticlePerson:
    index: int
    names: list[str] = field(default_factory=list)
    titles: list[TitleMention] = field(default_factory=list)
    country_votes: Counter = field(default_factory=Counter)
    not_countries: set[str] = field(default_factory=set)
    counterparts: set[int] = field(default_factory=set)  # "his new counterpart, X": of another government
    assumed_country: str = ""  # the only country an article names, for officials it gives no country
    # From how the report is framed (the side it leaves unmarked, where it was filed): weaker still, it never makes
    # two people one government.
    presumed_country: str = ""
    sentences: list[int] = field(default_factory=list)
    evidence: str = ""
    known: KnownPerson | None = None

    @property
    def name(self) -> str:
        """The fullest name seen: most words, and without initials when there is a choice."""
        def fullness(name: str) -> tuple[int, int, int]:
            tokens = name_tokens(name)
            return len(tokens), -sum(len(t) == 1 for t in tokens), -self.names.index(name)

        return max(self.names, key=fullness)

    @property
    def tokens(self) -> set[tuple[str, ...]]:
        return {name_tokens(n) for n in self.names}

    @property
    def spellings(self) -> list[tuple[str, ...]]:
        """The names' words, fullest first and then as written: an order that does not hang on string hashing, so
        where two spellings say different things the same one wins in every process."""
        return sorted(self.tokens, key=lambda tokens: (-len(tokens), tokens))

    @property
    def country(self) -> str:
        if self.international:
            return ""
        return self.evidenced_country or self.assumed_country or self.presumed_country

    @property
    def international(self) -> bool:
        """An official of a body with no country ("the IMF's Managing Director"), and of no country's government."""
        return any(t.international for t in self.titles) and not any(t.country for t in self.titles)

    @property
    def evidenced_country(self) -> str:
        """The country the article or the database gives the person, as opposed to one assumed for want of it."""
        if self.international:
            return ""
        if self.known and self.known.country:
            return self.known.country
        if family := self.dynasty_country:
            return family
        if leader := self.leader_country:
            return leader
        return self.voted_country

    @property
    def voted_country(self) -> str:
        """The country the article's own words give the person most often."""
        return self.country_votes.most_common(1)[0][0] if self.country_votes else ""

    @property
    def posts(self) -> list[tuple[str, str]]:
        """(title, kind) of the titles the article gives the person, as a KnownPerson's posts."""
        return [(t.title, t.kind) for t in self.titles]

    @property
    def country_stated(self) -> bool:
        """Whether the article or the database gives the person a country: the leaders dictionary is world knowledge
        of the kind an assumption is, so a leader's country beside assumed ones may still make a meeting domestic."""
        return not self.international and bool((self.known and self.known.country) or self.dynasty_country
                                               or self.country_votes)

    @property
    def dynasty_country(self) -> str:
        """ "Mohammed bin Abdulrahman Al Thani": a reigning family's name says whose official this is, whatever
        country the sentence around names."""
        families = _families_by_last_word(gazetteer())
        for tokens in self.spellings:
            for family, code in families.get(tokens[-1], []) if tokens else []:
                if len(tokens) > len(family) and tokens[-len(family):] == family:
                    return code
        return ""

    @property
    def leader_country(self) -> str:
        """ "Ranil Wickremesinghe": a head of state or government or a foreign minister whom the world knows, named in
        full (events/data/leaders.json), is of that country whatever inference from the sentence would say."""
        index = _leader_countries(gazetteer())
        for tokens in self.spellings:
            if country := index.get(_leader_key(tokens), ""):
                return country
        return ""

    def matches(self, tokens: tuple[str, ...]) -> bool:
        return spelling_matches(tokens, self.tokens)


# Kinds of office whose titles, however written, name one post: "the foreign minister" after "Minister of Foreign
# Affairs X", "the defence minister" after "Secretary of Defense X".
ONE_POST_KINDS = {"foreign_minister", "defence_minister"}


def _same_post(held: TitleMention, said: TitleMention) -> bool:
    # "The Argentine minister", after "Argentine Foreign Minister Santiago Cafiero": a country's bare "minister" is
    # any of its ministers (by_title keeps the holders of that country).
    generic = said.title == "Minister" and bool(said.country) and held.kind in MINISTERS - {"deputy_minister"}
    return held.title == said.title or (held.kind == said.kind and held.kind in ONE_POST_KINDS) or generic


HEADS = {"head_of_state", "head_of_government"}
MINISTERS = {"foreign_minister", "defence_minister", "minister", "deputy_minister"}


def _other_rank(mention: PersonMention, tokens: tuple[str, ...], person: ArticlePerson) -> bool:
    """ "Minister of Foreign Affairs Sheikh Abdullah bin Zayed", later "King Abdullah": a part of a minister's name
    given to a head of state (or the other way round) is someone else who shares a given name."""
    if mention.title is None or not person.titles or any(len(tokens) >= len(mine) for mine in person.tokens):
        return False
    kinds = {t.kind for t in person.titles}
    return (mention.title.kind in HEADS and kinds <= MINISTERS) or (mention.title.kind in MINISTERS and kinds <= HEADS)


def _another_namesake(mention: PersonMention, tokens: tuple[str, ...], person: ArticlePerson) -> bool:
    """The rule of _namesakes for a person named again in a later sentence (within one, a title and an apposition
    may well name two posts of one person: "Sultan Mohammed Al Shamsi, Assistant Minister")."""
    if mention.title is None:
        return False
    return _namesakes([tokens], mention.country, [(mention.title.title, mention.title.kind)],
                      person.spellings, person.voted_country, person.posts)


def _fathers_name(tokens: tuple[str, ...], person: ArticlePerson) -> bool:
    """ "King Salman" is not "Mohammed bin Salman": a lone name that the person's names have only after "bin" is
    their father's."""
    if len(tokens) != 1:
        return False
    places = [(spelling, i) for spelling in person.spellings for i, word in enumerate(spelling) if word == tokens[0]]
    return bool(places) and all(i and spelling[i - 1] in PATRONYMIC_LINKS for spelling, i in places)


def _told_apart(person: ArticlePerson, known: KnownPerson, known_spellings: list[tuple[str, ...]]) -> bool:
    """ "Finance Minister Efua Boateng" is not the "Efua Akosua Boateng" the database knows as a spokesperson."""
    return _namesakes(person.spellings, person.voted_country, person.posts, known_spellings, known.country,
                      known.posts)


def _namesakes(mine: list[tuple[str, ...]], my_country: str, my_posts: list[tuple[str, str]],
               theirs: list[tuple[str, ...]], their_country: str, their_posts: Sequence[tuple[str, str]]) -> bool:
    """Two full names, one with a given name more than the other, are two people when they are of two countries or
    hold no post in common: "Akosua Boateng, Ghana's president" and the ministry's spokesperson "Efua Akosua Boateng".
    A full name as the person was written before is theirs whatever post they hold now: people change posts."""
    written = {tuple(sorted(s)) for s in theirs if full_name(s)}
    if any(tuple(sorted(s)) in written for s in mine if full_name(s)):
        return False
    words_mine, words_theirs = max(map(_name_words, mine)), max(map(_name_words, theirs))
    if words_mine < 2 or words_theirs < 2 or words_mine == words_theirs:
        return False  # a surname alone, or the same words spelled otherwise ("Jorgen"/"Jørgen"): the same person
    if my_country and their_country and my_country != their_country:
        return True
    return bool(my_posts and their_posts) and not any(
        _post_words(title) == _post_words(held) or (kind == held_kind and kind in ONE_POST_KINDS)
        for title, kind in my_posts for held, held_kind in their_posts)


def _post_words(title: str) -> frozenset[str]:
    """ "Economy Minister" and "Minister of Economy" are one post."""
    return frozenset(w for w in re.findall(r"\w+", title.casefold()) if w not in {"of", "the", "for", "and"})


class PeopleIndex:
    """The persons of one article, built mention by mention."""

    def __init__(self, known: list[KnownPerson] | None = None) -> None:
        self.persons: list[ArticlePerson] = []
        self.known = known or []
        # Persons by the keys of their names' words (match_keys): a name is compared only with the persons it
        # could match, not with everyone found so far, so an article costs its persons' count, not its square.
        self._by_key: dict[str, list[ArticlePerson]] = {}

    def add(self, mention: PersonMention, sentence: int, evidence: str) -> ArticlePerson:
        tokens = name_tokens(mention.name)
        keys = match_keys(tokens)
        candidates = [p for p in self._sharing_a_key(tokens, keys) if p.matches(tokens)
                      and not _other_rank(mention, tokens, p) and not _fathers_name(tokens, p)
                      and not (sentence not in p.sentences and _another_namesake(mention, tokens, p))]
        if len(candidates) > 1:
            # A name written before in full is that person's, whoever else shares a part of it.
            candidates = [p for p in candidates if tokens in p.tokens] or candidates
        if len(candidates) > 1:
            # "Singh" with two Singhs: the one with the same country, else the latest mentioned.
            same = [p for p in candidates if mention.country and p.country == mention.country]
            candidates = same or sorted(candidates, key=lambda p: p.sentences[-1] if p.sentences else -1, reverse=True)
        person = candidates[0] if candidates else self._new(evidence)
        if mention.name not in person.names:
            person.names.append(mention.name)
            for key in keys or {ANY_NAME}:
                self._by_key.setdefault(key, []).append(person)
        self.note(person, mention, sentence)
        if person.known is None:
            person.known = self._known_for(person)
        return person

    def _sharing_a_key(self, tokens: tuple[str, ...], keys: set[str]) -> list[ArticlePerson]:
        """The persons a name could match (a superset of those it matches), in the order they were found; `keys`
        are the name's match_keys."""
        if not any(len(t) > 1 and t not in ARABIC_ARTICLES for t in tokens):
            return list(self.persons)  # "Al", initials alone: no word to look up, so everyone
        found = {p.index: p for key in keys | {ANY_NAME} for p in self._by_key.get(key, ())}
        return [found[i] for i in sorted(found)]

    def _new(self, evidence: str) -> ArticlePerson:
        person = ArticlePerson(len(self.persons), evidence=evidence)
        self.persons.append(person)
        return person

    def _known_for(self, person: ArticlePerson) -> KnownPerson | None:
        # A person the article names in full is matched by the full names only: "Marcus Helen Harrington, ...
        # Harrington said" is not the "Sarah Harrington" the database knows as "Harrington" too.
        # Of those, the fullest: "Verónica Muñoz", said of "Verónica Ibáñez Muñoz", would fit another Verónica Muñoz.
        full = [mine for mine in person.spellings if full_name(mine)]
        full = [mine for mine in full if _name_words(mine) == max(map(_name_words, full))]
        hits = [k for k in self.known
                for theirs in [[name_tokens(n) for n in (k.name, *k.aliases)]]
                if any(spelling_matches(mine, set(theirs)) for mine in (full or person.spellings))
                and not _told_apart(person, k, theirs)]
        if len(hits) > 1 and person.country_votes:
            hits = [k for k in hits if k.country == person.country] or hits
        return hits[0] if len(hits) == 1 else None

    def note(self, person: ArticlePerson, mention: PersonMention, sentence: int) -> None:
        if mention.title:
            same = [i for i, t in enumerate(person.titles) if t.title == mention.title.title]
            if not same:
                person.titles.append(mention.title)
            elif mention.title.international and not person.titles[same[0]].international:
                # "Secretary General Mark Rutte", later "NATO Secretary General": the fuller mention says whose.
                person.titles[same[0]] = mention.title
        if mention.country and mention.via != "counterpart_subject":
            person.country_votes[mention.country] += 1
        if sentence not in person.sentences:
            person.sentences.append(sentence)

    def by_title(self, title: TitleMention, before_sentence: int, present: frozenset[int] = frozenset()
                 ) -> ArticlePerson | None:
        """ "the Indian Foreign Secretary": the latest person so far with that title (and country). Not one the
        sentence already names: "Foreign Minister Park Jin held talks with Japan's foreign minister" is two."""
        holders = [p for p in self.persons if any(_same_post(t, title) for t in p.titles)
                   and (not title.country or not p.country or p.country == title.country) and p.index not in present]
        if not holders:
            return None
        return max(holders, key=lambda p: max([s for s in p.sentences if s <= before_sentence], default=-1))

    def by_handle(self, handle: str) -> ArticlePerson | None:
        # "@narendramodi", "@Kiyo_Tanaka", "@DrSJaishankar": words run together, split where case or "_" says.
        words = re.split(r"[_.]|(?<=[a-z])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])", handle)
        parts = {p.lower() for p in words if len(p) >= 4}
        hits = [p for p in self.persons if any(parts & set(t) for t in p.tokens)]
        return hits[0] if len(hits) == 1 else None

    def distinctive_tokens(self) -> dict[str, str]:
        """Name words that point at exactly one person of the article (or of the database)."""
        owners: dict[str, set[int]] = {}
        spelled: dict[str, str] = {}
        for person in self.persons:
            for name in person.names:
                for word in name.split():
                    bare = word.strip(".")
                    if len(bare) >= 3 and bare.lower() not in NOT_NAME_WORDS:
                        owners.setdefault(bare, set()).add(person.index)
                        spelled[bare] = person.name
        return {w: spelled[w] for w, who in owners.items() if len(who) == 1}

    def known_aliases(self) -> dict[str, KnownPerson]:
        """Full names and aliases from the database that only one known person carries."""
        seen: dict[str, list[KnownPerson]] = {}
        for known in self.known:
            for alias in {known.name, *known.aliases}:
                if len(alias) >= 3 and alias.split()[0].lower() not in NOT_NAME_WORDS:
                    seen.setdefault(alias, []).append(known)
        return {alias: owners[0] for alias, owners in seen.items() if len(owners) == 1}
