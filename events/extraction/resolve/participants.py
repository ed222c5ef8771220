"""Who met whom in one sentence, read from the dependency parse rather than from who happens to be named in it.

"X held talks with A of Italy, B of Brazil and C of Kenya" gives three bilaterals; "the chancellor's administration"
or a spokesperson quoted in the same sentence takes part in nothing.
"""
from __future__ import annotations

from events.extraction.gazetteer import gazetteer
from events.extraction.recognise.nlp import SentenceParse

SUBJECT = {"nsubj", "nsubjpass", "csubj"}
OBJECT = {"dobj", "obj", "attr", "dative", "oprd"}
LINKING_PREPOSITIONS = {"with", "to", "between", "by", "on", "of", "among", "and"}
MAX_WALK = 64  # tokens visited per phrase: a sentence is bounded, and so is each walk
# The sets _objects tests each child against, made once rather than for every child it looks at.
OBJECT_LIKE = frozenset(OBJECT | {"poss", "agent", "npadvmod"})
LINKING_OR_IN = frozenset(LINKING_PREPOSITIONS | {"in"})


def _conjuncts(parse: SentenceParse, index: int) -> list[int]:
    """A token and everything coordinated with it: "A, B and C"; "his counterpart, Wang Yi"."""
    found, queue = [], [index]
    while queue and len(found) < MAX_WALK:
        i = queue.pop(0)
        if i in found:
            continue
        found.append(i)
        queue += [c for c in parse.children(i) if parse.tokens[c].dep in {"conj", "appos"}]
    return found


def _phrase_people(parse: SentenceParse, index: int, owner: dict[int, int]) -> list[int]:
    """The persons a noun phrase headed at `index` names, with what it coordinates and its "of"/"with" complements."""
    people: list[int] = []
    for i in _conjuncts(parse, index):
        person = owner.get(i)
        if person is None:
            # "the Foreign Minister of Italy, X": the head is the title, the name hangs off it.
            for child in parse.children(i):
                if parse.tokens[child].dep in {"appos", "compound"} and owner.get(child) is not None:
                    person = owner[child]
                    break
        if person is not None and person not in people:
            people.append(person)
    return people


def _subject_of(parse: SentenceParse, verb: int) -> int | None:
    """The subject of a verb, or of the verb it is coordinated with: "X arrived in Rome and met A"."""
    seen = 0
    while seen < MAX_WALK:
        seen += 1
        subject = next((c for c in parse.children(verb) if parse.tokens[c].dep in SUBJECT), None)
        if subject is not None:
            return subject
        token = parse.tokens[verb]
        if token.dep not in {"conj", "xcomp", "advcl", "relcl", "acl", "pcomp"} or token.head == verb:
            return None
        verb = token.head
    return None


def _objects(parse: SentenceParse, trigger: int) -> list[int]:
    """Tokens that head what a meeting word takes: its object, "with"/"to"/"between" phrases, a meeting noun's
    complements ("held talks with A"), and the possessor of a meeting noun ("X's meetings with A and B")."""
    nouns = gazetteer().meeting_nouns
    heads, queue, seen = [], [trigger], 0
    while queue and seen < MAX_WALK:
        i = queue.pop(0)
        seen += 1
        for child in parse.children(i):
            token = parse.tokens[child]
            # "held talks with A of Italy, B of Brazil and C": the parse hangs B off "talks" as an apposition.
            if token.dep in OBJECT_LIKE or (token.dep == "appos" and i == trigger):
                if token.lemma in nouns or token.text.lower() in nouns:
                    queue.append(child)
                else:
                    heads.append(child)
            elif token.dep == "prep" and token.lemma in LINKING_OR_IN:
                if token.lemma == "in":
                    # "in the presence of X": whoever witnessed a signing was there.
                    presence = [g for g in parse.children(child) if parse.tokens[g].lemma == "presence"]
                    queue += presence
                    continue
                heads += [g for g in parse.children(child) if parse.tokens[g].dep in {"pobj", "pcomp"}]
            elif token.dep == "prt":
                queue.append(child)  # "called on X", "spoke to": the particle carries the object in some parses
    return heads


def token_owners(parse: SentenceParse, spans: list[tuple[int, int, int]]) -> dict[int, int]:
    """Token index -> person index, for every token inside a resolved mention."""
    owner: dict[int, int] = {}
    for start, end, person in spans:
        for i, token in enumerate(parse.tokens):
            if start <= token.start < end:
                owner[i] = person
    return owner


def linked_groups(parse: SentenceParse | None, spans: list[tuple[int, int, int]], triggers: list[int],
                  countries: dict[int, str]) -> list[list[int]]:
    """The meetings a sentence reports, as lists of person indexes (subject first).

    One subject meeting several counterparts of different countries is one bilateral each; counterparts of one
    country ("called on the Prime Minister with the Defence Minister") stay together.
    """
    if parse is None or not triggers:
        return []
    owner = token_owners(parse, spans)
    groups: list[list[int]] = []
    for trigger in triggers:
        token = parse.tokens[trigger]
        subject = _subject_of(parse, trigger) if token.pos in {"VERB", "AUX"} else None
        if subject is None and token.pos == "NOUN" and parse.tokens[token.head].pos in {"VERB", "AUX"}:
            subject = _subject_of(parse, token.head)  # "X held talks with A": the noun's verb has the subject
        subjects = _phrase_people(parse, subject, owner) if subject is not None else []
        objects: list[int] = []
        for head in _objects(parse, trigger):
            objects += [p for p in _phrase_people(parse, head, owner) if p not in objects and p not in subjects]
        if len(subjects) >= 2 and not objects:
            groups.append(subjects)  # "A and B met", "A and B signed"
        elif subjects and objects:
            groups += _bilaterals(subjects, objects, countries)
    unique: list[list[int]] = []
    for group in groups:
        if not any(set(group) <= set(other) for other in unique):
            unique = [u for u in unique if not set(u) < set(group)] + [group]
    return unique


def _bilaterals(subjects: list[int], objects: list[int], countries: dict[int, str]) -> list[list[int]]:
    object_countries = [countries.get(p, "") for p in objects]
    distinct = len(objects) >= 2 and all(object_countries) and len(set(object_countries)) == len(objects)
    if len(subjects) == 1 and distinct:
        return [[subjects[0], other] for other in objects]
    return [subjects + objects]
