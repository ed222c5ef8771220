"""Meeting cues in a sentence: was there a meeting, of what kind, held or planned, at which occasion."""
from __future__ import annotations

import re
from dataclasses import dataclass

from events.extraction.gazetteer import gazetteer

ORDINALS = {
    "first": "1", "second": "2", "third": "3", "fourth": "4", "fifth": "5", "sixth": "6", "seventh": "7",
    "eighth": "8", "ninth": "9", "tenth": "10", "inaugural": "1", "maiden": "1",
}
ORDINAL = r"(?:\d+(?:st|nd|rd|th)|" + "|".join(ORDINALS) + r")"
EVENT_HEAD = r"(?:Summit|Dialogue|Forum|Conference|Meetings?(?:-Plus)?|Ministerial|Consultations|Talks|Commission)"
EVENT_MODIFIER = r"(?:foreign|defen[cs]e|ministerial|annual|leaders[']?|economic|security|strategic|and|plus|level)"
CAP_TOKEN = r"(?:[A-Z0-9][\w+'.-]*|2\+2)"
OCCASION = re.compile(
    rf"(?:(?P<ordinal>{ORDINAL})\s+(?:round\s+of\s+(?:the\s+)?)?)?"
    rf"(?P<name>{CAP_TOKEN}(?:\s+(?:{CAP_TOKEN}|on|of|for|and|{EVENT_MODIFIER})){{0,7}}?\s+(?i:{EVENT_HEAD}))(?![\w-])"
)
SIDELINES = re.compile(rf"\b(?:sidelines|margins)\s+of\s+(?:the\s+)?(?P<name>{CAP_TOKEN}(?:\s+(?:{CAP_TOKEN}|of|on|and)){{0,6}})")
# "ahead of the summit", "after the summit": the event is a time marker, not the venue.
NOT_VENUE = re.compile(r"\b(?:ahead\s+of|before|after|following|since|prior\s+to|in\s+the\s+run-up\s+to)\s+(?:the\s+)?$", re.I)
PAST_VERB = re.compile(
    r"\b(?:met|held|hosted|called on|discussed|had|received|visited|spoke|conducted|interacted|was|were)\b", re.I
)
GROUP = re.compile(r"\bthe\s+two\s+(?P<what>leaders|officials|(?:[a-z]+\s+)?ministers)\b", re.I)


@dataclass(frozen=True)
class Occasion:
    name: str
    start: int
    end: int
    ordinal: str = ""

    @property
    def key(self) -> frozenset[str]:
        return occasion_key(self.name, self.ordinal)


def occasion_key(name: str, ordinal: str = "") -> frozenset[str]:
    """Words that identify an event across spellings: "3rd India-Japan 2+2 Dialogue" ~ "third round of the 2+2"."""
    words = re.sub(r"(?<=[A-Za-z])-(?=\d)", "", name.lower()).replace("defense", "defence")
    words = words.replace("-", " ").replace("'", " ").split()
    generic = {"the", "of", "on", "for", "and", "round", "meeting", "meetings", "ministerial", "dialogue", "summit", "talks"}
    key = {ORDINALS.get(w, re.sub(r"(st|nd|rd|th)$", "", w) if re.fullmatch(r"\d+(st|nd|rd|th)", w) else w) for w in words}
    if ordinal:
        key.add(ORDINALS.get(ordinal.lower(), re.sub(r"(st|nd|rd|th)$", "", ordinal.lower())))
    return frozenset(k for k in key if k not in generic)


@dataclass(frozen=True)
class MeetingCue:
    trigger: str
    start: int
    kind: str
    planned: bool
    occasions: tuple[Occasion, ...]
    group: str  # "the two leaders" and the like, to be resolved to people


def find_occasions(text: str) -> list[Occasion]:
    found: list[Occasion] = []
    for pattern in (SIDELINES, OCCASION):
        for match in pattern.finditer(text):
            if NOT_VENUE.search(text[: match.start()]) or any(o.start <= match.start("name") < o.end for o in found):
                continue
            name = match.group("name").rstrip(".,'")
            if re.match(r"(?:The|A|An|This|That|His|Her|Their|Its|Our)\b", name):
                continue
            if len(name.split()) < 2 and not re.search(r"[A-Z]{2,}|\d", name):
                continue
            if len(name.split()) >= 2 and name.split()[-2].lower() in {"for", "on", "of", "and"}:
                continue  # "received Fidan for talks": a purpose, not an event's name
            ordinal = match.groupdict().get("ordinal") or ""
            found.append(Occasion(name, match.start("name"), match.start("name") + len(name), ordinal or ""))
    return _joined_occasions(text, sorted(found, key=lambda o: o.start))


def _joined_occasions(text: str, occasions: list[Occasion]) -> list[Occasion]:
    """ "the 5th ASEAN-Türkiye Sectoral Dialogue Partnership meeting": one event's name read as two, the first
    ending at an inner event word, when nothing but a space stands between them."""
    joined: list[Occasion] = []
    for occasion in occasions:
        previous = joined[-1] if joined else None
        if previous is not None and previous.end < occasion.start and not text[previous.end:occasion.start].strip():
            joined[-1] = Occasion(text[previous.start:occasion.end], previous.start, occasion.end,
                                  previous.ordinal or occasion.ordinal)
        else:
            joined.append(occasion)
    return joined


def trigger_tokens(parse) -> list[int]:
    """Tokens whose lemma says people met: "had spoken to", "speak with", "inked", "receives" all count."""
    if parse is None:
        return []
    lemmas = gazetteer().trigger_lemmas
    return [i for i, t in enumerate(parse.tokens) if t.lemma in lemmas and t.pos in {"VERB", "NOUN", "AUX"}]


# "With Chinese Foreign Minister Wang Yi, Anwar reviewed the ties ...": a report of one of several meetings, its
# counterpart put first. Capitalised words only, bounded, so it costs a line's length at most.
WITH_OPENING = re.compile(
    r"With\s+(?:[A-Z][\w'-]*\s+){1,6}?[A-Z][\w'-]*,\s+(?:[A-Z][\w'-]*\s+){0,3}?(?:he\s+|she\s+)?"
    r"(?P<verb>discussed|reviewed|talked|exchanged|agreed|stressed|explored|welcomed|noted|underlined)\b"
)


def find_meeting_cue(text: str, parse=None) -> MeetingCue | None:
    g = gazetteer()
    found = g.meeting_trigger.search(text)
    lemma_hits = trigger_tokens(parse)
    opening = WITH_OPENING.match(text)
    if found:
        trigger, start, end = found.group(0), found.start(), found.end()
    elif lemma_hits:
        token = parse.tokens[lemma_hits[0]]
        trigger, start, end = token.text, token.start, token.end
    elif opening:
        trigger, start, end = opening.group("verb"), opening.start("verb"), opening.end("verb")
    else:
        return None
    # No word for the kind ("engaged", "met") leaves it open: a later "over the phone" says what it was.
    kind = ""
    for candidate, pattern in g.kind_patterns:
        if pattern.search(text):
            kind = candidate
            break
    # Only the words around the meeting's own verb say whether it is ahead: "would remain" later on does not.
    window = text[: end + 40]
    planned = bool(g.planned.search(window)) and not PAST_VERB.search(window)
    group = GROUP.search(text)
    return MeetingCue(trigger, start, kind, planned, tuple(find_occasions(text)),
                      group.group("what").lower() if group else "")
