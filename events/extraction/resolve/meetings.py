"""Meeting candidates from sentences, their dates, and the merging of mentions of one meeting."""
from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, field

from events.extraction.gazetteer import gazetteer
from events.extraction.recognise.cues import GROUP, Occasion, trigger_tokens
from events.extraction.recognise.places import PlaceMention, arrived, venue, visited_at_other_time
from events.extraction.resolve.article import Analysis, SentenceFacts
from events.extraction.resolve.matching import MeetingFacts, same_meeting
from events.extraction.resolve.participants import linked_groups
from events.extraction.text.dates import DateMention, ResolvedDate, resolve
from events.extraction.text.split import Sentence

PARTICIPATION = re.compile(
    r"\b(?:hold|held|holds|attend(?:ed|s|ing)?|participated|met|meet|meets|meeting\s+with|talks\s+with|co-chaired|chaired|"
    r"conducted|hosted|called\s+on|sidelines|margins|interaction|discussions\s+with|welcom\w+|received"
    # "building on their productive meeting at the G7 Summit": the sentence's people were at it.
    r"|(?:their|our)\s+(?:[\w-]+\s+){0,2}?(?:meeting|talks|conversation|call))\b",
    re.I,
)
# Words before a name that send something from someone who is not there.
ABSENT = re.compile(r"\b(?:greetings|wishes|regards|message|letter|invitation|condolences|on\s+behalf|directives"
                    r"|directions|instructions|guidance|vision)\b"
                    r"(?:\s+[\w'-]+){0,5}?\s+(?:of|from)\s+(?:[\w'-]+\s+){0,3}$"
                    # "laid a wreath at the samadhi of Mahatma Gandhi", "paid tribute to": the dead are honoured, not met
                    r"|\b(?:tribute|homage|wreath|respects|memorial|mausoleum|samadhi|tomb|grave|statue|legacy)\b"
                    r"(?:\s+[\w'-]+){0,6}?\s+(?:of|to|at)\s+(?:[\w'-]+\s+){0,3}$"
                    # "met with the leading commercial authorities of US President Donald Trump": his people, not him.
                    r"|\b(?:authorities|officials|representatives|envoys|aides|advisers|advisors|emissaries|team)\s+of\s+"
                    r"(?:[\w'-]+\s+){0,4}$"
                    # "along with the first lady, Verónica Alcocer", "accompanied by his wife, Datuk Seri Dr Wan Azizah":
                    # a spouse comes along, but takes no part in the talks.
                    r"|\b(?:first\s+lady|first\s+gentleman|wife|husband|spouse)(?:\s+of\s+(?:the\s+)?[\w'-]+"
                    r"(?:\s+[\w'-]+){0,2}?)?\s*,?\s+(?:[A-Z][\w'.-]*\s+){0,3}$", re.I)
# "met with representatives of ...", "held talks with business leaders": people the article does not name.
UNNAMED_COUNTERPART = re.compile(
    r"\s+(?:with\s+)?(?:the\s+|a\s+group\s+of\s+|some\s+)?(?:[\w-]+\s+){0,2}?(?:representatives|members|leaders|officials"
    r"|delegates|community|students|executives|businessmen|business\s+people|journalists|reporters|lawmakers"
    r"|stakeholders|diaspora|troops|soldiers|staff|residents|citizens|nationals|authorities|negotiators)\b", re.I)
# "met with Chinese officials, including Vice Premier He Lifeng": the body met, then who of it.
NAMED_AMONG = re.compile(r"[^.;]{0,60}?\b(?:including|such\s+as|among\s+them|led\s+by|headed\s+by|namely)\b", re.I)
SEPARATE = re.compile(r"\b(?:separate(?:ly)?|pair\s+of\s+bilateral|series\s+of\s+bilateral|respectively)\b", re.I)
SPOKE = re.compile(r"\b(?:spoke|speaks|spoken|speak)\s+(?:with|to)\b", re.I)
REMOTE_KINDS = {"phone_call", "video_call"}
# Specific kinds win over general ones when two mentions of a meeting are merged.
KIND_RANK = ["", "in_person", "visit", "summit", "dialogue", "summit_sidelines", "phone_call", "video_call"]


@dataclass
class MeetingCandidate:
    participants: list[int]  # ArticlePerson indexes
    sentences: list[Sentence]
    kind: str = ""
    planned: bool = False
    occasion: Occasion | None = None
    place: PlaceMention | None = None
    date: ResolvedDate | None = None
    date_explicit: bool = False  # read from the meeting's own sentence, not inherited
    agreements: list[str] = field(default_factory=list)
    date_mention: DateMention | None = None
    linked: bool = False  # participants read from the dependency parse, not just named in the sentence
    attendees: list[int] = field(default_factory=list)  # joined from an attendance list ("attended by A, B")

    @property
    def city(self) -> str:
        return self.place.city if self.place and self.place.kind == "city" else ""

    @property
    def country(self) -> str:
        return self.place.country if self.place else ""

    def facts(self, participants: frozenset | None = None) -> MeetingFacts:
        """What matching needs; `participants` stands in for the article's person indexes (database ids, say)."""
        return MeetingFacts(
            kind=self.kind, participants=frozenset(self.participants) if participants is None else participants,
            date=self.date, date_explicit=self.date_explicit, country=self.country, city=self.city,
            occasion=self.occasion.key if self.occasion else frozenset(), date_mention=self.date_mention,
        )


def meeting_candidates(analysis: Analysis) -> list[MeetingCandidate]:
    found: list[MeetingCandidate] = []
    previous_subject: tuple[int, int, int] | None = None  # (person, sentence index, paragraph)
    person_countries = {p.index: p.country for p in analysis.people.persons}  # once per article, not per sentence
    reported = -1  # the latest sentence that reports a meeting with a verb ("met", "held talks")
    for fact in analysis.facts:
        attended = _attended(fact, found, reported)
        if attended is not None:
            # "The meeting was attended by A, B and C": more people at the meeting just reported, not a new one.
            absent = _absent(fact)
            joined = [p for p in fact.persons if p not in attended.participants and p not in absent]
            attended.participants += joined
            attended.attendees += joined
            continue
        if fact.cue is None:
            if (subject := _subject(fact)) is not None:
                previous_subject = (subject, fact.sentence.index, fact.sentence.paragraph)
            continue
        if _verbal(fact):
            reported = fact.sentence.index
        groups = linked_groups(fact.parse, fact.spans, trigger_tokens(fact.parse), person_countries)
        if SEPARATE.search(fact.sentence.text):
            # "held separate talks with A, B and C", "a pair of bilateral meetings with A and B": one each.
            groups = _one_each(groups or [list(fact.persons)])
            subject = groups[0][0] if groups and groups[0] else None
            covered = {p for group in groups for p in group}
            groups += [[subject, p] for p in fact.persons if subject is not None and p not in covered]
        if len(groups) > 1:
            # Several bilaterals in one sentence: each is its own meeting, read from the parse alone.
            for group in groups:
                found.append(_candidate(fact, group, None, linked=True))
            previous_subject = (groups[0][0], fact.sentence.index, fact.sentence.paragraph)
            continue
        absent = _absent(fact)
        participants = [p for p in (groups[0] if groups else fact.persons) if p not in absent]
        after_cue = fact.cue.start + len(fact.cue.trigger)
        unnamed_met = UNNAMED_COUNTERPART.match(fact.sentence.text, after_cue)
        if not groups and unnamed_met and not NAMED_AMONG.match(fact.sentence.text, unnamed_met.end()):
            # "Freeland met with Mexican officials, who briefed her on the deal Trump announced": those met are not
            # named; who the sentence names after them is not whom she met.
            participants = [p for p in participants
                            if any(person == p and start < fact.cue.start for start, _, person in fact.spans)]
        occasions = _occasions(fact)
        if occasions and not PARTICIPATION.search(fact.sentence.text):
            participants = []  # "the importance of holding the 2+2 Dialogue" names the event, not who was there
        participants += [p for p in _group(fact, analysis, found) if p not in participants]
        if len(participants) == 1 and previous_subject and previous_subject[0] not in participants:
            close = previous_subject[1] == fact.sentence.index - 1 or previous_subject[2] == fact.sentence.paragraph
            # "Also held talks with X": the one named is met by the previous sentence's subject. "X met with
            # representatives of the community": X is the subject, and met people the article does not name.
            as_subject = any(person == participants[0] and start < fact.cue.start for start, _, person in fact.spans)
            after_cue = fact.cue.start + len(fact.cue.trigger)
            unnamed = UNNAMED_COUNTERPART.match(fact.sentence.text, after_cue) or _body_after(fact.sentence.text, after_cue)
            # "A tight schedule awaits the prime minister, with a welcoming ceremony": a title alone names the one
            # the sentence is about, who meets no one new in it.
            by_title = all(m.via == "title_only" for m in fact.mentions if not m.name)  \
                and not any(m.name for m in fact.mentions)
            if close and not (as_subject and (unnamed or by_title)):
                participants.insert(0, previous_subject[0])
        if (subject := _subject(fact)) is not None:
            previous_subject = (subject, fact.sentence.index, fact.sentence.paragraph)
        if len(participants) < 2 and not occasions:
            continue
        if not occasions and _one_government(participants, analysis):
            continue  # colleagues of one government talking among themselves: a cabinet session, not diplomacy
        for occasion in occasions or (None,):
            found.append(_candidate(fact, participants, occasion, linked=bool(groups)))
    return found


# How far back, in sentences, an attendance list may reach for the meeting it completes: readouts report the talks
# in a few sentences, then who attended.
ATTENDANCE_REACH = 8


def _attended(fact: SentenceFacts, found: list[MeetingCandidate], reported: int) -> MeetingCandidate | None:
    """The meeting an attendance list completes: the latest with people in it ("the summit" named alone is none),
    unless a later sentence reported a meeting of people the article does not name ("the two governments met
    yesterday in Abuja ... Those in attendance were"): that one's attendees make their own."""
    if not fact.persons or not gazetteer().attendance.search(fact.sentence.text):
        return None
    latest = next((m for m in reversed(found) if len(m.participants) >= 2), None)
    if latest is None or fact.sentence.index - latest.sentences[-1].index > ATTENDANCE_REACH:
        return None
    return latest if latest.sentences[-1].index >= reported else None


def assume_hosts(meetings: list[MeetingCandidate], analysis: Analysis) -> None:
    """Attendees the text gives no country, at a meeting held in the country of one of its people, are assumed to be
    that host's: a readout lists its own side's officials without saying whose they are ("The meeting was attended
    by Sheikh Mansour, Deputy Prime Minister, ..."). The other side's are named as such ("On the Palestinian side").
    Run once the venue is settled: it may come from the dateline, not the meeting's own sentences."""
    for meeting in meetings:
        if meeting.attendees:
            _assume_hosts(meeting, meeting.attendees, analysis)


def _assume_hosts(meeting: MeetingCandidate, joined: list[int], analysis: Analysis) -> None:
    venue = meeting.country
    persons = analysis.people.persons
    if not venue or not any(persons[i].evidenced_country == venue for i in meeting.participants):
        return
    for index in joined:
        person = persons[index]
        if not (person.evidenced_country or person.assumed_country) and not person.international \
                and venue not in person.not_countries:
            person.assumed_country = venue


def _verbal(fact: SentenceFacts) -> bool:
    """Whether the sentence reports a meeting with a verb ("met", "held talks"), not a noun that refers back to one
    ("During the meeting")."""
    if fact.parse is None:
        return fact.cue.trigger.lower() in {"met", "meet", "meets", "held", "hosted", "received"}
    index = fact.parse.index_at(fact.cue.start)
    return index is not None and fact.parse.tokens[index].pos == "VERB"


def _body_after(text: str, position: int) -> bool:
    """ "talks with the IMF were moving forward": the counterpart is an international body, not a person."""
    match = re.match(r"\s+(?:with\s+)?(?:the\s+)?(?P<body>[A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,4})", text[position:])
    return bool(match) and any(match.group("body").startswith(body) for body in gazetteer().bodies)


def _subject(fact: SentenceFacts) -> int | None:
    """The first person a sentence names who is there, not honoured or sending greetings."""
    absent = _absent(fact)
    return next((p for p in fact.persons if p not in absent), None)


def _occasions(fact: SentenceFacts) -> tuple[Occasion, ...]:
    """The sentence's occasions, but not words of a title: "President of European Commission" names no event."""
    return tuple(o for o in fact.cue.occasions
                 if not any(t.start <= o.start < t.end or o.start <= t.start < o.end for t in fact.titles))


def _absent(fact: SentenceFacts) -> set[int]:
    """People the sentence names only as senders: "conveyed the greetings of King Salman", "a message from X"."""
    sent, present = set(), set()
    previous_end, previous_absent = 0, False
    # '"President A receives President B," the presidential aide said': who speaks of a meeting quoted is not at it.
    speaking = ATTRIBUTION.search(fact.sentence.text) if fact.cue is not None else None
    speakers = {person for start, _, person in fact.spans if start > speaking.start()} \
        if speaking is not None and fact.cue.start < speaking.start() else set()
    for start, end, person in sorted(fact.spans):
        # "the directives of King A and President B": both are absent, however long B's title.
        absent = ABSENT.search(fact.sentence.text, max(0, start - 80), start) is not None or (
            previous_absent and AND_NEXT.fullmatch(fact.sentence.text, previous_end, start) is not None)
        # "before Trump's announcement of the tariff plan": the owner of what the sentence speaks of.
        absent = absent or POSSESSOR.match(fact.sentence.text, end) is not None
        (sent if absent else present).add(person)
        previous_end, previous_absent = end, absent
    return (sent - present) | speakers


POSSESSOR = re.compile(r"['\u2019]s\s+(?:[\w-]+\s+){0,2}?(?:announcement|tariffs?|plans?|policy|policies|administration"
                       r"|government|decision|remarks|statement|order|threats?|campaign|era|tenure|approach|demands?"
                       r"|proposal|priorities|agenda|speech|interview|comments)\b", re.I)
ATTRIBUTION = re.compile(r"[,.!?][\"\u201d]\s+(?:[^\"\u201c\u201d]{0,100}?)\b(?:said|says|added|stated|tweeted|wrote"
                         r"|posted|noted|told)\b")
AND_NEXT = re.compile(r"\s+and\s+(?:[\w'\u2019-]+\s+){0,6}")


def _one_each(groups: list[list[int]]) -> list[list[int]]:
    """Each group of three or more split into its first person (the subject) with each of the others."""
    split: list[list[int]] = []
    for group in groups:
        split += [[group[0], other] for other in group[1:]] if len(group) >= 3 else [group]
    return split


def _candidate(fact: SentenceFacts, participants: list[int], occasion: Occasion | None,
               linked: bool = False) -> MeetingCandidate:
    after = occasion.end if occasion else fact.cue.start
    place = venue([p for p in fact.places if not visited_at_other_time(fact.sentence.text, p)], after)
    kind = fact.cue.kind
    spoke = SPOKE.search(fact.sentence.text)
    placed = spoke and any(p.located and p.start > spoke.start() for p in fact.places)
    if kind in {"", "in_person"} and not occasion and spoke and not placed:
        kind = "phone_call"  # "the Prime Minister spoke with the President of Mexico", at no place named: a call
    elif not kind and (occasion or place):
        kind = "in_person"  # "their meeting at the G7 Summit in Kananaskis": wherever it was, they were there
    candidate = MeetingCandidate(
        participants=list(participants), sentences=[fact.sentence], kind=kind,
        planned=fact.cue.planned, occasion=occasion, place=place, linked=linked,
    )
    candidate.date_mention = _best_date(fact)
    candidate.agreements = [a.name for a in fact.agreements]
    return candidate


def _one_government(participants: list[int], analysis: Analysis) -> bool:
    """All of one country: by the text's word for each, or, with no word for any, by what is known or assumed of all.

    An assumption beside a country the text gives ("met Penny Wong of Australia" in an article naming no other
    country) says nothing about who is foreign, so a mix of the two never makes a meeting domestic.
    """
    persons = [analysis.people.persons[i] for i in participants]
    if any(p.counterparts & set(participants) for p in persons):
        return False  # counterparts serve two governments, whatever is assumed of their countries
    stated = [p.evidenced_country if p.country_stated else "" for p in persons]
    countries = stated if any(stated) else [p.evidenced_country or p.assumed_country for p in persons]
    return len(countries) >= 2 and all(countries) and len(set(countries)) == 1


def _group(fact: SentenceFacts, analysis: Analysis, found: list[MeetingCandidate]) -> list[int]:
    """ "the two leaders", "the two defence ministers": the people the article has been talking about."""
    match = GROUP.search(fact.sentence.text)
    if not match:
        return []
    what = match.group("what").lower()
    if what in {"leaders", "ministers", "officials"}:
        return found[-1].participants if found else []
    holders = [p.index for p in analysis.people.persons
               if any(t.title.lower() in what or what.startswith(t.title.lower().split()[0]) for t in p.titles)]
    return holders if len(holders) == 2 else []


SPECIFICITY = {"full": 0, "month_day": 1, "day_month": 1, "weekday": 2,
               "month_year": 3, "month": 4, "relative": 5, "year": 6}


OTHER_CLAUSE = re.compile(r"\b(?:after|since|before|until|assum\w*|took\s+office|sworn)\b", re.I)


def _best_date(fact: SentenceFacts):
    """The sentence's most specific date that belongs to the meeting, not to a clause like "after assuming office in May"."""
    trigger = fact.cue.start if fact.cue else 0
    own = [m for m in fact.dates
           if not (m.start > trigger and OTHER_CLAUSE.search(fact.sentence.text[trigger: m.start]))]
    mentions = sorted(own, key=lambda m: (SPECIFICITY[m.kind], m.start))
    return mentions[0] if mentions else None


def resolve_dates(candidates: list[MeetingCandidate], analysis: Analysis, reference: datetime.date | None) -> None:
    """Dates from each meeting's own words; failing those, the paragraph's latest, else the article's lead date."""
    paragraph_dates: dict[int, list[tuple[int, ResolvedDate]]] = {}
    lead: ResolvedDate | None = None
    for fact in analysis.facts:
        for mention in fact.dates:
            resolved = resolve(mention, reference)
            if resolved:
                paragraph_dates.setdefault(fact.sentence.paragraph, []).append((fact.sentence.index, resolved))
                # The article's own time: a day or month near the top, not "in 1965" from the background; with a
                # publication date, only the opening sentences may say otherwise ("in September" further down is
                # more often a plan or a past event than the day of the report).
                if lead is None and fact.sentence.index < (2 if reference else 8) and resolved.precision != "year":
                    lead = resolved
    if lead is None and reference is not None:
        lead = ResolvedDate(reference, "day", "")
    for candidate in candidates:
        mention = candidate.date_mention
        sentence = candidate.sentences[0]
        candidate.date, candidate.date_explicit = None, False
        if mention is not None:
            candidate.date = resolve(mention, reference, planned=candidate.planned)
            candidate.date_explicit = candidate.date is not None
        if candidate.date is None and not candidate.planned:
            earlier = [d for i, d in paragraph_dates.get(sentence.paragraph, []) if i < sentence.index]
            inherited = earlier[-1] if earlier else lead
            if inherited is not None:
                candidate.date = _shifted(inherited, sentence.text)
            if candidate.date is not None and EARLIER_MEETING.search(sentence.text):
                # "building on their productive meeting at the G7 Summit": before the article's day, in its year
                # mostly; a day taken from the article would be wrong.
                candidate.date = ResolvedDate(candidate.date.date.replace(month=1, day=1), "year", "")


EARLIER_MEETING = re.compile(
    r"\b(?:building\s+on|follow(?:ing|s|ed)?\s+up\s+on|recall(?:ed|ing|s)?|since)\s+(?:their|our|the)\s+(?:[\w-]+\s+){0,3}?"
    r"(?:meeting|talks|conversation|call|visit)\b|\b(?:their|our)\s+(?:previous|earlier|last|recent)\s+(?:meeting|talks"
    r"|conversation|call|visit)\b", re.I)

DAY_SHIFT = re.compile(r"(?:on\s+)?the\s+(next|following|previous)\s+day\b", re.I)



def _shifted(date: ResolvedDate, sentence: str) -> ResolvedDate:
    """ "The next day, ...": a day after the date the sentence inherits. "Later" and "earlier" keep the day, as the
    events of one report mostly share it."""
    shift = DAY_SHIFT.match(sentence)
    if shift is None or date.precision != "day":
        return date
    days = -1 if shift.group(1).lower() == "previous" else 1
    return ResolvedDate(date.date + datetime.timedelta(days=days), "day", f"{date.text}, {shift.group(0)}")


def apply_location_context(candidates: list[MeetingCandidate], analysis: Analysis) -> None:
    """Meetings with no venue of their own happen where the article's visitor is: "While in Tokyo, ..."."""
    context: dict[int, PlaceMention] = {}
    current = analysis.dateline
    for fact in analysis.facts:
        for place in fact.places:
            if visited_at_other_time(fact.sentence.text, place):
                continue  # "ahead of her proposed visit to India in the coming months"
            # "arrived in Jakarta", "while in Tokyo"; or a city where the sentence's meeting took place ("met ... in
            # Phnom Penh"): where the article's people are until it says otherwise.
            stay = place.kind in {"city", "country"} and arrived(fact.sentence.text, place)
            # "In the capital Jakarta, Fidan held talks with ...": the city of a sentence that reports a meeting.
            met_there = fact.cue is not None and place.kind == "city" and place.located
            # "ANKARA (AA) - ... met his counterparts at the ASEAN meeting in Indonesia": a venue in another country
            # than the dateline's, named with a meeting, is where the story is; the dateline is where it was filed.
            elsewhere = (fact.cue is not None and place.kind == "country" and place.located and place.start > fact.cue.start
                         and current is not None and current.country != place.country)
            # "A (right) poses for a photo with B in Seoul on Friday": a caption that puts two people together there.
            together = (place.kind == "city" and place.located and len(fact.persons) >= 2
                        and TOGETHER.search(fact.sentence.text) is not None)
            if stay or met_there or elsewhere or together:
                current = place
        if current is not None:
            context[fact.sentence.index] = current
    for candidate in candidates:
        if candidate.kind in REMOTE_KINDS:
            candidate.place = None  # a call joins two capitals; it took place in neither
        elif candidate.place is None:
            candidate.place = context.get(candidate.sentences[0].index)


TOGETHER = re.compile(r"\b(?:pos(?:es|ed|ing|e)\s+(?:for\s+(?:a\s+)?(?:photos?|pictures?)\s+)?|shak(?:es|ing)\s+hands\s+"
                      r"|shook\s+hands\s+|pictured\s+)with\b", re.I)


def merge_candidates(candidates: list[MeetingCandidate]) -> list[MeetingCandidate]:
    """Mentions of one meeting in one article become one candidate: same people, nothing that disagrees."""
    merged: list[MeetingCandidate] = []
    for candidate in candidates:
        target = next((m for m in reversed(merged) if same_meeting(m.facts(), candidate.facts())), None)
        if target is None:
            merged.append(candidate)
        else:
            absorb(target, candidate)
    return merged


def absorb(target: MeetingCandidate, other: MeetingCandidate) -> None:
    target.participants += [p for p in other.participants if p not in target.participants]
    target.sentences += [s for s in other.sentences if s not in target.sentences]
    if KIND_RANK.index(other.kind) > KIND_RANK.index(target.kind):
        target.kind = other.kind
    target.planned = target.planned and other.planned
    if other.occasion and (not target.occasion or len(other.occasion.name) > len(target.occasion.name)):
        target.occasion = other.occasion
    if other.place and (not target.place or (other.place.kind == "city" and target.place.kind != "city")):
        target.place = other.place
    # An inherited date is a guess from context: the first mention's stands unless the other's is read from its own words.
    if other.date and (not target.date or (other.date_explicit and not target.date_explicit)
                       or (other.date_explicit and target.date_explicit and other.date.finer_than(target.date))):
        target.date, target.date_explicit = other.date, other.date_explicit
    target.agreements += [a for a in other.agreements if a not in target.agreements]
    target.date_mention = target.date_mention or other.date_mention
    target.linked = target.linked or other.linked
    target.attendees += [p for p in other.attendees if p not in target.attendees]
