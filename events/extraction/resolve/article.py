"""The pure part of the pipeline: article text in, persons, meetings and agreements out.

No database here: what the database already knows arrives as plain `KnownPerson` data.
"""
from __future__ import annotations

import datetime
import re
from collections import Counter
from dataclasses import dataclass, field

from events.extraction.gazetteer import gazetteer
from events.extraction.recognise.agreements import AgreementMention, agreement_key, agreement_status, find_agreements
from events.extraction.recognise.cues import MeetingCue, find_meeting_cue
from events.extraction.recognise.nlp import SentenceParse
from events.extraction.recognise.people import KnownNames, PersonMention, find_people, merge_entities
from events.extraction.recognise.places import PlaceMention, arrived, country_counts, find_places
from events.extraction.recognise.titles import TitleMention, find_titles
from events.extraction.resolve.matching import AgreementFacts, same_agreement
from events.extraction.resolve.people import GENERIC_TITLES, ArticlePerson, KnownPerson, PeopleIndex
from events.extraction.text.dates import DateMention, find_dates, latest_full_date
from events.extraction.text.split import Sentence, split_sentences


@dataclass
class SentenceFacts:
    sentence: Sentence
    titles: list[TitleMention]
    mentions: list[PersonMention]
    places: list[PlaceMention]
    dates: list[DateMention]
    cue: MeetingCue | None
    agreements: list[AgreementMention]
    persons: list[int] = field(default_factory=list)  # ArticlePerson indexes, in order of mention
    parse: SentenceParse | None = None
    # (start, end, ArticlePerson index) of every mention resolved to a person: what the parse's tokens point at
    spans: list[tuple[int, int, int]] = field(default_factory=list)


@dataclass
class AgreementCandidate:
    name: str
    head: str
    aliases: set[str] = field(default_factory=set)
    status: str = ""
    year: int | None = None
    parties: set[str] = field(default_factory=set)
    sentences: list[Sentence] = field(default_factory=list)

    @property
    def key(self) -> frozenset[str]:
        return agreement_key(self.name)

    @property
    def kind(self) -> str:
        return gazetteer().agreement_kinds.get(self.head, "other")

    def facts(self) -> AgreementFacts:
        return AgreementFacts(self.key, frozenset(self.parties))


@dataclass
class Analysis:
    facts: list[SentenceFacts]
    people: PeopleIndex
    pair: tuple[str, ...]  # the article's two main countries
    dateline: PlaceMention | None


@dataclass(frozen=True)
class RuleMentions:
    """What the rules find in a sentence without the parse: its titles, and the persons they and the counterpart
    phrases anchor."""

    titles: tuple[TitleMention, ...]
    people: tuple[PersonMention, ...]


def rule_mentions(sentences: list[Sentence]) -> dict[Sentence, RuleMentions]:
    """The rule mentions of each sentence that is prose (a piece of a cut run is none). Found once per article: the
    pipeline counts the names before parsing, and analyse() then reads the same mentions, where finding them again
    was a fifth of the pure stages' time."""
    found = {}
    for sentence in sentences:
        if not sentence.cut:
            titles = find_titles(sentence.text)
            found[sentence] = RuleMentions(tuple(titles), tuple(find_people(sentence.text, titles)))
    return found


def _titles_and_people(sentence: Sentence,
                       found: dict[Sentence, RuleMentions] | None) -> tuple[list[TitleMention], list[PersonMention]]:
    ahead = found.get(sentence) if found is not None else None
    if ahead is None:
        titles = find_titles(sentence.text)
        return titles, find_people(sentence.text, titles)
    return list(ahead.titles), list(ahead.people)  # the analysis adds to its lists: fresh ones each time


def analyse(text: str, known: list[KnownPerson] | None = None, dateline: str = "",
            parse=None, found: dict[Sentence, RuleMentions] | None = None) -> Analysis:
    """`parse`, when given, maps the article's sentences to their `SentenceParse` (the NLP layer's view); `found`
    may hold the sentences' rule mentions already (rule_mentions)."""
    sentences = split_sentences(text)
    parses = parse(sentences) if parse is not None else [None] * len(sentences)
    facts = []
    for sentence, sentence_parse in zip(sentences, parses, strict=True):
        if sentence.cut:
            # A piece of a run cut at the sentence limit (text.split) is no prose: read, a piece of a list of names
            # made persons, offices and agreements of words no sentence says. It stays a fact, with nothing found in
            # it, so that the report can count the pieces.
            facts.append(SentenceFacts(sentence, [], [], [], [], None, []))
            continue
        titles, people = _titles_and_people(sentence, found)
        mentions = merge_entities(sentence.text, people, sentence_parse, titles)
        facts.append(SentenceFacts(
            sentence, titles, mentions, find_places(sentence.text),
            find_dates(sentence.text), find_meeting_cue(sentence.text, sentence_parse), find_agreements(sentence.text),
            parse=sentence_parse,
        ))
    # The rules below read the sentences' own words too (a known name, "India-Japan", a pronoun's antecedent, the
    # dateline among the first sentences): a piece must not reach them either.
    prose = [fact for fact in facts if not fact.sentence.cut]
    people = PeopleIndex(known)
    for fact in prose:
        for mention in fact.mentions:
            if mention.name:
                people.add(mention, fact.sentence.index, fact.sentence.text)
    _add_bare_mentions(prose, people)
    for fact in prose:
        # "Keiichi Ichikawa" is a person here, whatever town shares the name.
        named = [(m.start, m.end) for m in fact.mentions if m.name]
        fact.places = [p for p in fact.places if not any(s <= p.start < e for s, e in named)]
    _link_references(prose, people)
    _visitors_and_hosts(prose, people)
    _delegations(prose, people)
    _representatives(prose, people)
    pair = _country_pair(prose, people)
    # Countries the text itself gives someone, before any inference: which side a report marks as foreign.
    marked = {p.voted_country for p in people.persons if p.country_votes}
    _infer_countries(prose, people, pair)
    filed_from = _dateline_place(dateline) or _dateline(prose)
    _assume_countries(prose, people, pair, filed_from)
    _assume_home(prose, people, filed_from)
    _assume_unmarked_side(people, pair, prose, marked)
    return Analysis(facts, people, pair, filed_from)


def _add_bare_mentions(facts: list[SentenceFacts], people: PeopleIndex) -> None:
    tokens = people.distinctive_tokens()
    named = {name for p in people.persons for name in p.names}
    for alias, known in people.known_aliases().items():
        if alias not in tokens and alias not in named:
            tokens.setdefault(alias, known.name)
    known_names = KnownNames(tokens)
    for fact in facts:
        taken = [(m.start, m.end) for m in fact.mentions if m.name]
        for mention in known_names.find(fact.sentence.text, taken):
            people.add(mention, fact.sentence.index, fact.sentence.text)
            fact.mentions.append(mention)
        fact.mentions.sort(key=lambda m: m.start)


def _link_references(facts: list[SentenceFacts], people: PeopleIndex) -> None:
    """Give every sentence its persons: named ones, and titles, handles and pronouns that point back."""
    previous: SentenceFacts | None = None
    subject_fact: SentenceFacts | None = None  # the latest sentence whose first person is its subject
    for fact in facts:
        for mention in fact.mentions:
            person: ArticlePerson | None = None
            if mention.name:
                person = next(p for p in people.persons if mention.name in p.names)
            elif mention.via == "title_only" and _before(PAST_OFFICE, fact.sentence.text, mention.start):
                pass
            elif mention.via == "title_only" and _before(PREDICATE, fact.sentence.text, mention.start):
                # "Kamikawa was appointed as Japan's new foreign minister": the title is the subject's own.
                subject = [m for m in fact.mentions if m.name and m.end <= mention.start]
                if subject:
                    person = next(p for p in people.persons if subject[-1].name in p.names)
                    people.note(person, PersonMention("", 0, 0, "title", mention.title, mention.title.country),
                                fact.sentence.index)
            elif mention.via == "title_only":
                person = people.by_title(mention.title, fact.sentence.index, frozenset(fact.persons))
            elif mention.via == "handle":
                person = people.by_handle(mention.handle)
            elif mention.via == "pronoun" and previous and previous.persons and _adjacent(previous, fact):
                # "They were received by A and B at the airport. He also ...": the hosts are named, the visitors
                # not; "He" is the visitor the article named before.
                antecedent = subject_fact if HOSTS_ONLY.match(previous.sentence.text) and subject_fact else previous
                person = people.persons[antecedent.persons[0]]
            if person is not None:
                fact.spans.append((mention.start, mention.end, person.index))
            if person is not None and person.index not in fact.persons:
                fact.persons.append(person.index)
                if not mention.name:
                    # "the US President": a title referring back still says which country its holder serves.
                    country = mention.title.country if mention.via == "title_only" and mention.title else ""
                    people.note(person, PersonMention("", 0, 0, mention.via, country=country), fact.sentence.index)
        # "his Japanese counterpart X": whoever else the sentence names first is not Japanese.
        for mention in fact.mentions:
            if (mention.via != "counterpart" and not mention.counterpart_of_country) or not fact.persons:
                continue
            subject = people.persons[fact.persons[0]]
            counterpart = next(p for p in people.persons if mention.name in p.names)
            if counterpart is subject:
                continue
            if mention.via == "counterpart":
                subject.counterparts.add(counterpart.index)
                counterpart.counterparts.add(subject.index)
            if mention.counterpart_of_country:
                subject.not_countries.add(mention.counterpart_of_country)
            if not counterpart.titles and subject.titles and not mention.respective:
                # "Prime Minister A and counterpart B": the same post, in the other government.
                generic = GENERIC_TITLES.get(subject.titles[0].kind, subject.titles[0].title)
                kind = subject.titles[0].kind
                counterpart.titles.append(TitleMention(generic, kind, 0, 0, mention.counterpart_of_country))
        if fact.persons:
            previous = fact
            if not HOSTS_ONLY.match(fact.sentence.text):
                subject_fact = fact


# "Rutte served as the prime minister of the Netherlands", "the former president": an office someone held is no
# reference to whoever holds it now.
PAST_OFFICE = re.compile(r"(?:\b(?:served|serving|worked)\s+as|\b(?:former|then|ex|late))[\s-]+(?:(?:the|a|an)\s+)?$", re.I)


def _before(pattern: re.Pattern, text: str, position: int) -> bool:
    """Whether `pattern` (anchored at its end) matches the few words before `position`: a bounded window, not the
    whole sentence before it."""
    return pattern.search(text, max(0, position - 40), position) is not None


# "was appointed as", "became", "is the": a title said of the sentence's subject.
PREDICATE = re.compile(r"\b(?:as|became|becomes|is|was|will\s+be|would\s+be|has\s+been|had\s+been)\s+(?:(?:the|a|an)\s+)?$",
                       re.I)


HOSTS_ONLY = re.compile(r"\s*(?:They|He|She)\s+(?:were|was)\s+(?:warmly\s+)?(?:received|welcomed|greeted|met)"
                        r"(?:\s+on\s+arrival)?\s+by\b")


def _adjacent(previous: SentenceFacts, fact: SentenceFacts) -> bool:
    """Close enough for "He" to mean the earlier sentence's subject: the same paragraph, or at most two sentences
    back (news paragraphs are a sentence or two, and a quote without names may sit between)."""
    return fact.sentence.index - previous.sentence.index <= 2 or previous.sentence.paragraph == fact.sentence.paragraph


# "Pena's entourage included A and B": the people a person brings are of that person's country.
ENTOURAGE = re.compile(r"['\u2019]s\s+(?:entourage|delegation|team|party)\s+(?:also\s+)?(?:included|includes|comprised|"
                       r"comprises|consisted\s+of|was\s+made\s+up\s+of|including)\b", re.I)


ACCOMPANIED = re.compile(r"(?:\s+(?:was|were|is|are|will\s+be|has\s+been)|,)\s+(?:also\s+)?accompanied\s+by\b", re.I)


# "Hungary was represented by Secretary of State Oszkar Okros": whom a country sends speaks for it.
REPRESENTED = re.compile(r"\s+(?:was|were|is|are|will\s+be)\s+represented\s+by\s+", re.I)


def _representatives(facts: list[SentenceFacts], people: PeopleIndex) -> None:
    for fact in facts:
        for place in fact.places:
            if place.kind != "country" or not (match := REPRESENTED.match(fact.sentence.text, place.end)):
                continue
            clause_end = _clause_end(fact.sentence.text, match.end())
            for start, _, index in fact.spans:
                if match.end() <= start < clause_end:
                    people.note(people.persons[index], PersonMention("", 0, 0, "title", country=place.country),
                                fact.sentence.index)


CLAUSE_END = re.compile(r";|,\s+(?:and|while|whereas)\s+(?:the\s+)?[A-Z]|,\s+and\s+the\b")


def _clause_end(text: str, position: int) -> int:
    """Where the clause that starts at `position` ends: at a semicolon, or a comma that opens another (", and the")."""
    found = CLAUSE_END.search(text, position)
    return found.start() if found else len(text)


def _delegations(facts: list[SentenceFacts], people: PeopleIndex) -> None:
    """ "A's delegation included B and C", "A was accompanied by B and C": B and C are of A's country. Those who
    accompany stop at the sentence's meeting verb: "A, accompanied by B, met C"."""
    for fact in facts:
        text = fact.sentence.text
        for match in [*ENTOURAGE.finditer(text), *ACCOMPANIED.finditer(text)]:
            owners = [person for _, end, person in fact.spans if end == match.start()]
            if not owners or not people.persons[owners[0]].country:
                continue
            country = people.persons[owners[0]].country
            stop = fact.cue.start if fact.cue and fact.cue.start > match.end() and match.re is ACCOMPANIED \
                else len(text)
            for start, _, index in fact.spans:
                member = people.persons[index]
                if match.end() < start < stop and not member.country and country not in member.not_countries:
                    member.assumed_country = country


def _visitors_and_hosts(facts: list[SentenceFacts], people: PeopleIndex) -> None:
    """ "Foreign Minister A made an official visit to Asuncion, Paraguay, where he met Foreign Minister B": A, the
    nearest person before the visit, is no Paraguayan; B, met there and given no country, is assumed one."""
    for fact in facts:
        for place in fact.places:
            if place.kind not in {"country", "city"} or not place.country:
                continue
            visit = arrived(fact.sentence.text, place)
            if visit is None:
                continue
            before = [(start, person) for start, _, person in fact.spans if start < visit.start()]
            if before:
                visitor = people.persons[max(before)[1]]
                if visitor.evidenced_country != place.country:
                    visitor.not_countries.add(place.country)
            for start, _, index in fact.spans:
                host = people.persons[index]
                if start > place.end and not host.country and place.country not in host.not_countries:
                    host.assumed_country = place.country


def _country_pair(facts: list[SentenceFacts], people: PeopleIndex) -> tuple[str, ...]:
    counts: Counter = Counter()
    for fact in facts:
        counts.update(country_counts(fact.places))
        for match in re.finditer(r"\b([A-Z][a-z]+)-([A-Z][a-z]+)\b", fact.sentence.text):
            for word in match.groups():
                place = gazetteer().place(word)
                if place and place.kind == "country":
                    counts[place.country] += 1
    for person in people.persons:
        for country, votes in person.country_votes.items():
            counts[country] += votes
    ranked = counts.most_common(3)
    # A second country tied with a third is no side of the story: "from Brazil to Chile, passing through Paraguay".
    if len(ranked) == 3 and ranked[1][1] == ranked[2][1]:
        ranked = ranked[:1]
    return tuple(code for code, _ in ranked[:2])


def _infer_countries(facts: list[SentenceFacts], people: PeopleIndex, pair: tuple[str, ...]) -> None:
    """Someone's counterpart, or someone meeting the other side, with no country of their own is of the pair's other.

    In a story of two countries that is evidence. Where a third is named it is only an assumption: the country left
    unnamed may be the protagonist's own ("Anwar held talks with Penny Wong", in a Malaysian report naming Australia
    and China), so it never makes a meeting domestic beside a country the text gives."""
    if len(pair) < 2:
        return
    two_countries = len(set().union(*(_nations(fact.places) for fact in facts))) <= 2

    def infer(person: ArticlePerson, country: str) -> None:
        if two_countries:
            person.country_votes[country] += 1
        elif country not in person.not_countries:
            person.assumed_country = country

    for person in people.persons:
        if person.country or person.international:
            continue
        excluded = person.not_countries & set(pair)
        if len(excluded) == 1:
            infer(person, next(c for c in pair if c not in excluded))
    for fact in facts:
        # Two people meeting: one of each side. With more, the others may be the host's own ministers. Two making a
        # visit travel together: "King A and Queen B of the Netherlands began their state visit to India", "The King
        # and Queen are accompanied on their visit by ...".
        if not fact.cue or len(fact.persons) != 2 or fact.cue.kind == "visit" \
                or THEIR_VISIT.search(fact.sentence.text):
            continue
        if gazetteer().attendance.search(fact.sentence.text) or ACCOMPANIED.search(fact.sentence.text):
            continue  # "The meeting was attended by A and B": a list of those present, often of one side
        first = min(start for start, _, _ in fact.spans)
        if RECEIVED_BY.search(fact.sentence.text, max(0, first - 120), first):
            continue  # "They were received by A and B at the airport": the hosts who greet a visitor, one side
        countries = {people.persons[i].country for i in fact.persons} - {""}
        for index in fact.persons:
            person = people.persons[index]
            if not person.country and not person.international and len(countries) == 1 \
                    and next(iter(countries)) in pair:
                infer(person, next(c for c in pair if c not in countries))


THEIR_VISIT = re.compile(r"\btheir\s+(?:[\w-]+\s+){0,3}visit\b", re.I)
RECEIVED_BY = re.compile(r"\b(?:received|welcomed|greeted)\s+by\b[^,;.]{0,80}$", re.I)


def _assume_countries(facts: list[SentenceFacts], people: PeopleIndex, pair: tuple[str, ...],
                      filed_from: PlaceMention | None = None) -> None:
    """For want of any word on it, a country assumed from a sentence or an article that names one only. Kept apart
    from the votes: the assumption never makes a meeting domestic when set beside a country the text gives."""
    for fact in facts:
        # "The Malaysian delegation comprises Minister of Transport A, Minister of Trade B", "On the Palestinian side,
        # it was attended by A, B", "A, B and C were among the Turkish delegates": a sentence that names one country
        # only, as a body of people, and gives none of its people another, speaks of that country's people. Given
        # to one of them alone ("President A and President B of Ghana"), it says nothing of the others; nor does a
        # country named for anything else ("PNG's population").
        text = fact.sentence.text
        free = [p for p in fact.places if not any(t.start <= p.start < t.end for t in fact.titles) and not p.located]
        named = _nations(free)
        if len(named) != 1 or any(people.persons[i].country_stated and people.persons[i].country not in named
                                  for i in fact.persons):
            continue
        if not any(PEOPLE_AFTER.match(text, p.end) or PEOPLE_BEFORE.search(text, max(0, p.start - 40), p.start)
                   for p in free):
            continue
        country = next(iter(named))
        for index in fact.persons:
            person = people.persons[index]
            if not person.country and country not in person.not_countries:
                person.assumed_country = country
    nations = set().union(*(_nations(fact.places) for fact in facts))
    cities = {p.country for fact in facts for p in fact.places if p.kind == "city"} | (
        {filed_from.country} if filed_from else set())
    if len(pair) == 1 and nations == set(pair) and cities <= nations:
        # An article that names one country only, and no city elsewhere ("MUSCAT - ... received Foreign Minister X
        # of Kenya": the hosts are no Kenyans): its officials are that country's.
        for person in people.persons:
            if not person.country and pair[0] not in person.not_countries:
                person.assumed_country = pair[0]


def _assume_home(facts: list[SentenceFacts], people: PeopleIndex, filed_from: PlaceMention | None) -> None:
    """ "BHUBANESWAR: Chief Minister Naveen Patnaik on Sunday ...": a report of home affairs names no country; where
    it was filed from is its officials'. With no dateline, the country of the leaders it names, where all the
    leaders the world knows are of one ("sworn in before President A ... Prime Minister B said")."""
    if any(_nations(fact.places) for fact in facts):
        return
    if any(fact.cue and len(fact.persons) >= 2 for fact in facts):
        return  # "BEIJING (Reuters) - Wang Yi met Antony Blinken": a meeting may bring anyone there
    leaders = {p.leader_country for p in people.persons} - {""}
    home = filed_from.country if filed_from else next(iter(leaders)) if len(leaders) == 1 else ""
    if not home:
        return
    for person in people.persons:
        if not person.country and not person.international and home not in person.not_countries:
            person.presumed_country = home


def _assume_unmarked_side(people: PeopleIndex, pair: tuple[str, ...], facts: list[SentenceFacts],
                          marked: set[str]) -> None:
    """A report marks the foreign side's officials ("her Sri Lankan counterpart Mahinda Rajapaksa") and leaves its
    own side's bare ("Health Minister Zahid Maleque"). In a story of two countries where everyone given a country is
    of one, those given none are assumed of the other."""
    nations = set().union(*(_nations(fact.places) for fact in facts))
    if len(pair) != 2 or not nations <= set(pair):
        return
    if len(marked) != 1 or not marked <= set(pair):
        return
    other = next(c for c in pair if c not in marked)
    if other not in nations or other in gazetteer().organisations:
        return  # a country named only by a venue ("talks in Washington") is no side; nor is an organisation
    for person in people.persons:
        if not person.country and not person.international and other not in person.not_countries:
            person.presumed_country = other


# A country named as a body of people: "the Malaysian delegation", "On the Palestinian side", "officials of Ghana".
_BODY_OF_PEOPLE = (r"(?:delegation|delegations|delegates|side|team|officials|ministers|government|cabinet|leadership"
                   r"|authorities)")
PEOPLE_AFTER = re.compile(rf"(?:['\u2019]s)?\s+(?:[a-z]+\s+)?{_BODY_OF_PEOPLE}\b")
PEOPLE_BEFORE = re.compile(rf"\b{_BODY_OF_PEOPLE}\s+(?:of|from)\s+(?:the\s+)?$")


def _nations(places: list[PlaceMention]) -> set[str]:
    """Countries named by name or demonym. A city is a venue: "in Beijing, Wang Yi met Blinken" makes no one Chinese."""
    return {p.country for p in places if p.kind in {"country", "demonym"}}


def _dateline_place(dateline: str) -> PlaceMention | None:
    place = gazetteer().city(dateline.strip()) if dateline else None  # "SINGAPORE:" files from the city
    if place is None:
        return None
    return PlaceMention(place.text, place.country, "city", 0, 0, place.city, True)


def _dateline(facts: list[SentenceFacts]) -> PlaceMention | None:
    """ "New Delhi | Defence Minister ...", "Johannesburg, Nov 23 (IANS)": the city an article was filed from."""
    for fact in facts[:3]:
        for place in fact.places:
            follows = fact.sentence.text[place.end:]
            if place.kind == "city" and re.match(r"\s*(?:\||,\s*[A-Z][a-z]{2,8}\.?\s+\d|\(|—|-\s)", follows):
                return place
            city = gazetteer().city(place.text)
            if city and place.start == 0 and fact.sentence.index == 0 and follows.startswith(": "):
                # "London: Prime Minister Narendra Modi on Thursday ...", "SINGAPORE: Malaysian Prime Minister ..."
                return PlaceMention(place.text, city.country, "city", place.start, place.end, city.city, True)
    return None


def collect_agreements(analysis: Analysis) -> list[AgreementCandidate]:
    found: list[AgreementCandidate] = []
    for fact in analysis.facts:
        for mention in fact.agreements:
            parties = {p.country for p in find_places(mention.name) if p.kind in {"country", "demonym"}}
            for word in re.findall(r"[A-Z][a-z]+", mention.name):
                place = gazetteer().place(word)
                if place and place.kind in {"country", "demonym"}:
                    parties.add(place.country)
            candidate = AgreementCandidate(mention.name, mention.head, set(mention.aliases), agreement_status(fact.sentence.text),
                                           mention.year, parties or set(analysis.pair), [fact.sentence])
            match = next((a for a in found if same_agreement(a.facts(), candidate.facts())
                          or _abbreviates(a.name, candidate.name) or _abbreviates(candidate.name, a.name)), None)
            if match is None:
                found.append(candidate)
                continue
            if _abbreviates(candidate.name, match.name):
                match.name, candidate.name = candidate.name, match.name  # the name in full names the record
            match.aliases |= {candidate.name, *candidate.aliases} - {match.name}
            match.status = match.status or candidate.status
            match.year = match.year or candidate.year
            match.parties |= candidate.parties
            match.sentences.append(fact.sentence)
    # A corridor, an initiative or a programme named in passing is no agreement between governments: only one the
    # article says was signed, agreed, discussed or proposed is.
    return [a for a in found if a.status or a.head.lower() not in SOFT_HEADS]


SOFT_HEADS = {"corridor", "initiative", "project", "programme", "program", "framework"}
ACRONYM = re.compile(r"\b[A-Z]{3,8}\b")


def _abbreviates(full: str, short: str) -> bool:
    """ "NAFTA deal" after "the North American Free Trade Agreement": an acronym of the initials of a name the
    article gives in full stands for that agreement."""
    acronym = ACRONYM.search(short)
    if acronym is None or len(short.split()) > 3:
        return False
    initials = "".join(w[0] for w in full.split() if w[:1].isupper())
    return len(initials) >= 3 and acronym.group(0) == initials


def reference_date(text: str, published: datetime.date | None) -> datetime.date | None:
    return published or latest_full_date(text)
