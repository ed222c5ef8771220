"""Agreements named in a sentence: partnerships, declarations, pacts, MoUs, projects; and their status cues."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from events.extraction.gazetteer import Gazetteer, gazetteer

CONNECTORS = {"and", "of", "on", "for", "the", "in", "&"}
DETERMINERS = {"a", "an", "the", "this", "that", "its", "their", "our", "his", "her"}
# Words that end a lower-case agreement phrase when walking back from its head.
BREAKERS = {"is", "was", "were", "are", "be", "to", "with", "by", "at", "as", "that", "which", "who", "would", "will",
            "has", "have", "had", "said", "on", "about", "into", "from", "of", "new", "existing", "previous", "any"}
# Words that describe an agreement rather than name it: "an expanded trade agreement", "a more detailed agreement".
BREAKERS |= {"more", "expanded", "detailed", "broader", "possible", "final", "formal", "fresh", "such", "similar", "other"}
LOWERCASE_HEADS = {"agreement", "pact", "treaty", "accord", "mou", "deal", "memorandum of understanding",
                   "memorandum of cooperation", "memorandum", "protocol", "convention", "programme", "program"}
# Heads that an agreement can be named by with what it is about: "an MoU on cooperation in agriculture".
SUBJECT_HEADS = LOWERCASE_HEADS | {"programme", "program", "action plan", "plan of action"}
# A subject's word is no verb or clause word: "an MoU on fisheries was signed by ..." ends at "fisheries".
_SUBJECT_WORD = (r"(?!(?:was|were|is|are|be|been|will|would|has|have|had|by|with|that|which|who|at|as|signed|said|to)\b)"
                 r"[a-z][\w-]*")
LOWER_COMPLEMENT = re.compile(
    # "a memorandum of understanding was signed for cooperation in consular matters": the subject after the verb.
    rf"(?P<passive>\s+(?:was|were|has\s+been|have\s+been)\s+(?:signed|concluded|inked|agreed|reached))?"
    rf"(?P<subject>\s+(?:on|for|to|covering|in\s+the\s+field\s+of)\s+((?:the\s+)?{_SUBJECT_WORD}"
    rf"(?:\s+(?:and\s+|of\s+|in\s+|the\s+)?{_SUBJECT_WORD}){{0,6}}))"
)
# Words that praise or place an agreement rather than name it: "the landmark pact", "an important security agreement"
# refers back to an agreement named elsewhere.
POINTING = {"such", "this", "that", "these", "those", "any", "it", "them"}
DESCRIPTIVE = {"landmark", "historic", "historical", "comprehensive", "important", "key", "major", "significant", "new",
               "ambitious", "broad", "wide-ranging", "strong", "robust", "crucial", "vital", "the", "this", "that",
               "first", "latest", "recent", "long-awaited", "groundbreaking", "two", "three", "several", "various",
               "bilateral", "relevant", "said", "same", "whole", "entire", "separate", "surprise", "treaty-level",
               "binding", "legally-binding", "interim", "preliminary", "formal", "possible", "final", "initial",
               # Judgements of an agreement wanted or got: "a better deal for farmers", "a fair agreement".
               "better", "best", "good", "great", "fair", "fairer", "balanced", "lasting", "durable", "just",
               "meaningful", "mutually", "beneficial", "win-win", "concrete", "substantive", "tangible", "bad",
               "worse", "big", "bigger", "huge", "solid"}
# A subject that is only a verb: the object it acted on was a name of its own, or nothing.
PURPOSE_ONLY = re.compile(r"\bto\s+[a-z]+$")
ABBREVIATION = re.compile(r"\s*\((?P<abbr>[A-Z][A-Za-z]{1,9})\)")
ALIAS_CUE = re.compile(
    r"^[\s,]*(?:popularly\s+|commonly\s+|also\s+)?(?:referred\s+to\s+as|known\s+as|dubbed|called)\s+(?:the\s+)?", re.I
)
ACRONYM = re.compile(r"[A-Z][A-Z0-9-]{1,9}\b")
# "on Maritime Cooperation" names the agreement; "on Monday" dates the news.
NOT_SUBJECT = (r"(?!(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July"
               r"|August|September|October|November|December)\b)")
COMPLEMENT = re.compile(rf"\s+(?:on|for|between|of)\s+{NOT_SUBJECT}((?:[A-Z][\w'-]*|and|of)(?:\s+(?:[A-Z][\w'-]*|and|of))*)")
# "an MoU between the Bangladesh Agricultural Research Council and Sri Lanka's Council for ...": with no other name,
# an agreement is named by its parties. Each party is a run of capitalised words, bounded.
_PARTY = r"(?:the\s+)?[A-Z][\w'-]*(?:\s+(?:(?:of|and|for|on|the)\s+){0,2}[A-Z][\w'-]*){0,9}"
BETWEEN_PARTIES = re.compile(rf"\s+between\s+({_PARTY}\s+and\s+{_PARTY})")
TOKEN = re.compile(r"[\w+-][\w'+-]*|,")
# "Indo-Japanese", "Sino-Indian": combining forms that make a country pair, not a name.
COMBINING_FORMS = {"indo", "sino", "afro", "euro", "russo", "anglo", "franco", "us", "u.s."}


@dataclass(frozen=True)
class AgreementMention:
    name: str
    head: str
    start: int
    end: int
    year: int | None = None  # "the 2008 Joint Declaration": the year it was made
    aliases: tuple[str, ...] = ()


def _is_cap(word: str) -> bool:
    return word[:1].isupper() or (word[:1].isdigit() and not re.fullmatch(r"(?:19|20)\d\d", word))


@lru_cache(maxsize=4)
def _head_pattern(g: Gazetteer) -> re.Pattern:
    """Built once per lexicon: the heads were sorted, escaped and joined, and the pattern looked up in re's cache, for
    each sentence."""
    heads = "|".join(re.escape(h) for h in sorted(g.agreement_heads, key=len, reverse=True))
    return re.compile(rf"(?<![\w-])(?P<head>{heads})(?![\w-])", re.I)


def find_agreements(text: str) -> list[AgreementMention]:
    g = gazetteer()
    stripped = ABBREVIATION.sub(lambda m: " " * len(m.group(0)), text)  # keep offsets
    abbreviations = {m.start(): m.group("abbr") for m in ABBREVIATION.finditer(text)}
    found: list[AgreementMention] = []
    for match in _head_pattern(g).finditer(stripped):
        head = match.group("head")
        following = re.match(r"\s+([a-z]+)\b", stripped[match.end():])
        if head[0].islower() and following and following.group(1) in g.agreement_compounds:
            continue  # "the proposed program budget", "trade deal talks": the head qualifies another noun
        tokens = [(t.group(0), t.start()) for t in TOKEN.finditer(stripped[: match.start()])]
        words, start, year = _walk_back(tokens, head)
        end = match.end()
        complement = COMPLEMENT.match(stripped[end:]) if head[0].isupper() else None
        determined = re.search(r"\b(?:[Aa]n?|[Tt]he)\s+$", stripped[: match.start()])
        named = complement and re.search(r"[A-Z]", complement.group(1))
        if not words and head.lower() in SUBJECT_HEADS and determined and not named:
            # "signed a memorandum of understanding on offshore renewable energy", "an MoU to strengthen cooperation in
            # youth development", "the agreement on visa exemption": named by its subject.
            complement = LOWER_COMPLEMENT.match(stripped[end:])
            if complement and all(w in DESCRIPTIVE | CONNECTORS for w in complement.group(3).split()):
                complement = None
            if complement and complement.group(3).split()[0] in POINTING:
                complement = None  # "a treaty on such a zone": a subject pointed at, not named
            if complement and complement.group("passive"):
                # The name is the head and its subject, without the verb between them.
                subject = complement.group("subject")
                name = " ".join(f"{stripped[match.start():end]} {subject}".split())
                name = re.sub(r"(?:\s+(?:in|on|of|and|the|a|an|to|for|with|at|by|from))+$", "", name)
                if PURPOSE_ONLY.search(name):
                    continue  # "a deal to rework the North American Free Trade Agreement": what it would do to another
                found.append(AgreementMention(name, head.lower(), match.start(), end + complement.end(), year))
                continue
            parties = BETWEEN_PARTIES.match(stripped[end:]) if complement is None else None
            if parties and not _only_places(parties.group(1)):
                # Parties that are institutions name it; "between India and Japan" names nothing.
                name = " ".join(stripped[match.start(): end + parties.end()].split())
                found.append(AgreementMention(name, head.lower(), match.start(), end + parties.end(), year))
                continue
        elif not words and (not complement or not re.search(r"[A-Z]", complement.group(1))):
            continue
        if not words:
            if not complement:
                continue
            # "a Memorandum of Understanding on Maritime Cooperation": the name is the head and what it is on.
            start = match.start()
        if complement:
            end += complement.end()
        name = " ".join(stripped[start:end].split())
        name = re.sub(r"\s+between(?:\s+.*)?$", "", name)
        # A name never ends in a function word: "a treaty on such a zone in" stops at "zone".
        name = re.sub(r"(?:\s+(?:in|on|of|and|the|a|an|to|for|with|at|by|from))+$", "", name)
        if PURPOSE_ONLY.search(name):
            continue  # "a deal to rework the North American Free Trade Agreement": what it would do to another
        aliases = tuple(a for pos, a in abbreviations.items() if start <= pos <= end)
        alias_cue = ALIAS_CUE.match(stripped[end:])
        if found and alias_cue and found[-1].end >= start - 2:
            continue
        acronym = alias_cue and ACRONYM.match(stripped, end + alias_cue.end())
        if acronym:
            aliases = (*aliases, acronym.group(0))  # "..., popularly referred to as the CPTPP"
        if found and ALIAS_CUE.match(stripped[found[-1].end: start]):
            previous = found.pop()
            aliases = (*previous.aliases, name)
            name, start = previous.name, previous.start
        found.append(AgreementMention(name, match.group("head").lower(), start, end, year, aliases))
    return found


def _walk_back(tokens: list[tuple[str, int]], head: str) -> tuple[list[str], int, int | None]:
    """The words before an agreement's head that belong to its name, where they start, and a year before them."""
    kept: list[tuple[str, int]] = []
    i = len(tokens) - 1
    if head[0].isupper() or (i >= 0 and _is_cap(tokens[i][0])):
        # "India-Japan Special Strategic and Global Partnership", "Special, Strategic and Global partnership"
        while i >= 0:
            word = tokens[i][0]
            joins = word.lower() in CONNECTORS | {","} and kept and i > 0 and _is_cap(tokens[i - 1][0])
            if not (_is_cap(word) or joins):
                break
            kept.insert(0, tokens[i])
            i -= 1
        if not head[0].isupper() and i < 0 and kept:
            # The sentence's first word is capitalised anyway: "Reaffirmed India-Japan partnership".
            kept.pop(0)
        while kept and kept[0][0].lower() in CONNECTORS | DETERMINERS | {","}:
            kept.pop(0)
        content = [w for w, _ in kept if w[0].isupper() and not gazetteer().is_place_word(w) and not _is_country_pair(w)]
        # "the India-Japan partnership" is a relationship; "the Ghana-Netherlands Free Trade Agreement" and "the
        # India-US joint statement" are documents: a head of several words is a kind of document, named by its parties.
        if not content and (" " not in head or not kept):
            return [], 0, None
    elif head.lower() in LOWERCASE_HEADS:
        # "a reciprocal provision of supply and services agreement": back to the determiner.
        while i >= 0 and len(kept) < 8 and tokens[i][0].lower() not in DETERMINERS:
            if tokens[i][0].lower() in BREAKERS - {"of"} or tokens[i][0] == ",":
                return [], 0, None
            kept.insert(0, tokens[i])
            i -= 1
        if i < 0 or not kept or tokens[i][0].lower() not in DETERMINERS:
            return [], 0, None
        while kept and kept[0][0].lower() in DESCRIPTIVE | CONNECTORS:
            kept.pop(0)  # "an important security agreement" is the security agreement
        if not kept:
            return [], 0, None  # "the landmark pact": a back-reference, not a name
    else:
        return [], 0, None
    if not kept:
        return [], 0, None
    first = tokens.index(kept[0])
    year = None
    if first > 0 and re.fullmatch(r"(?:19|20)\d\d", tokens[first - 1][0]):
        year = int(tokens[first - 1][0])
    return [w for w, _ in kept], kept[0][1], year


def _is_country_pair(word: str) -> bool:
    parts = word.split("-")
    return len(parts) > 1 and all(gazetteer().is_place_word(p) or p.lower() in COMBINING_FORMS for p in parts)


def agreement_status(text: str) -> str:
    for status, pattern in gazetteer().agreement_status:
        if pattern.search(text):
            return status
    return ""


def agreement_key(name: str) -> frozenset[str]:
    """Words that identify an agreement across spellings, with countries and filler removed."""
    g = gazetteer()
    words = re.sub(r"[^\w\s]", " ", name.lower().replace("-", " ")).split()
    spelling = {"defense": "defence", "supplies": "supply", "programme": "program",
                "pact": "agreement", "accord": "agreement", "deal": "agreement"}
    filler = CONNECTORS | DETERMINERS | {"between", "with", "to"}
    return frozenset(spelling.get(w, w) for w in words if w not in filler and not g.is_place_word(w) and not w.isdigit())



def _only_places(parties: str) -> bool:
    """ "India and Japan" are places; "the Bangladesh Agricultural Research Council" is an institution."""
    g = gazetteer()
    return all(g.place(re.sub(r"^the\s+", "", party.strip())) for party in re.split(r"\s+and\s+", parties))
