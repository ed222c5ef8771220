"""The world the generated articles describe: governments, who held which office when, meetings, agreements.

Country names, demonyms and capitals come from events/data/countries.json, cities from cities.json, and
office titles with their other spellings from offices.json: the reference data the project ships, read as
a reader of the news would know it. Nothing here looks at how the extractor works.
"""
from __future__ import annotations

import datetime
import json
import random
from dataclasses import dataclass, field
from pathlib import Path

from bench.names import Name, fold, invent

DATA = Path(__file__).resolve().parent.parent / "events" / "data"
START, END = datetime.date(2016, 1, 1), datetime.date(2025, 12, 31)

# code: (naming culture, system of government, {role: title} where the country's title differs)
COUNTRIES: dict[str, tuple[str, str, dict[str, str]]] = {
    "JP": ("ja", "parliamentary_monarchy", {}), "CN": ("zh", "presidential", {"leader2": "Premier"}),
    "KR": ("ko", "presidential", {}), "VN": ("vi", "semi", {}), "HU": ("hu", "parliamentary", {}),
    "IN": ("hi", "parliamentary", {"foreign": "External Affairs Minister"}), "PK": ("ur", "parliamentary", {}),
    "BD": ("bn", "parliamentary", {}), "ID": ("id", "presidential", {}), "MY": ("ms", "parliamentary_monarchy", {}),
    "TH": ("th", "parliamentary_monarchy", {}), "PH": ("es", "presidential", {"foreign": "Secretary for Foreign Affairs"}),
    "AE": ("ar", "gulf", {"head": "President"}), "SA": ("ar", "gulf", {"head": "King"}), "EG": ("ar", "semi", {}),
    "JO": ("ar", "parliamentary_monarchy", {}), "MA": ("ar", "parliamentary_monarchy", {}),
    "QA": ("ar", "gulf", {"head": "Emir"}), "IR": ("fa", "presidential", {}), "TR": ("tr", "presidential", {}),
    "IL": ("he", "parliamentary", {}), "GR": ("el", "parliamentary", {}), "IT": ("it", "parliamentary", {}),
    "FR": ("fr", "semi", {}), "BE": ("nl", "parliamentary_monarchy", {}), "NL": ("nl", "parliamentary_monarchy", {}),
    "DE": ("de", "parliamentary", {"leader2": "Chancellor"}), "AT": ("de", "parliamentary", {"leader2": "Chancellor"}),
    "PL": ("pl", "semi", {}), "CZ": ("cs", "parliamentary", {}), "RU": ("ru", "semi", {}), "UA": ("uk", "semi", {}),
    "SE": ("nordic", "parliamentary_monarchy", {}), "NO": ("nordic", "parliamentary_monarchy", {}),
    "DK": ("nordic", "parliamentary_monarchy", {}), "FI": ("fi", "semi", {}),
    "IE": ("ga", "parliamentary", {"leader2": "Taoiseach"}),
    "GB": ("en", "parliamentary_monarchy", {"foreign": "Foreign Secretary"}),
    "US": ("en", "presidential", {"foreign": "Secretary of State"}), "CA": ("en", "parliamentary_monarchy", {}),
    "AU": ("en", "parliamentary_monarchy", {}), "NZ": ("en", "parliamentary_monarchy", {}),
    "BR": ("pt", "presidential", {}), "PT": ("pt", "semi", {}), "AR": ("es", "presidential", {}),
    "MX": ("es", "presidential", {}), "CL": ("es", "presidential", {}), "CO": ("es", "presidential", {}),
    "PE": ("es", "presidential", {}), "ES": ("es", "parliamentary_monarchy", {}), "NG": ("yo", "presidential", {}),
    "GH": ("ak", "presidential", {}), "KE": ("sw", "presidential", {}), "TZ": ("sw", "presidential", {}),
    "ET": ("am", "parliamentary", {}), "ZA": ("zu", "presidential", {}), "SN": ("fr", "semi", {}),
    "CI": ("fr", "semi", {}), "KZ": ("kz", "presidential", {}), "MN": ("mn", "semi", {}),
    "LK": ("si", "semi", {}),
}

# role -> (default title, who leads at summits)
ROLES = {
    "head": "President", "leader2": "Prime Minister", "foreign": "Foreign Minister", "defence": "Defence Minister",
    "trade": "Trade Minister", "finance": "Finance Minister", "security": "National Security Advisor",
    "deputy": "Deputy Prime Minister", "spokesperson": "Spokesperson",
}
SYSTEM_ROLES = {
    "presidential": ["head", "foreign", "defence", "trade", "finance", "security", "spokesperson"],
    "semi": ["head", "leader2", "foreign", "defence", "trade", "finance", "spokesperson"],
    "parliamentary": ["head", "leader2", "deputy", "foreign", "defence", "trade", "finance", "spokesperson"],
    "parliamentary_monarchy": ["leader2", "deputy", "foreign", "defence", "trade", "finance", "spokesperson"],
    "gulf": ["head", "foreign", "defence", "trade", "finance", "spokesperson"],
}
# the leader who meets other leaders
LEADER = {"presidential": "head", "semi": "head", "parliamentary": "leader2", "parliamentary_monarchy": "leader2",
          "gulf": "head"}
STOP = {"of", "the", "for", "and"}


@dataclass
class Country:
    code: str
    name: str
    demonym: str
    capital: str
    cities: list[str]
    system: str
    culture: str
    titles: dict[str, str]

    @property
    def the_name(self) -> str:
        """'the United States', 'Japan'."""
        plural = self.name.startswith(("United ", "Netherlands", "Philippines", "Czech Republic"))
        return f"the {self.name}" if plural else self.name

    @property
    def possessive(self) -> str:
        return f"{self.the_name}'" if self.name.endswith("s") else f"{self.the_name}'s"


@dataclass
class Person:
    id: str
    name: Name
    country: str
    role: str
    title: str
    start: datetime.date
    end: datetime.date
    sources: list[str] = field(default_factory=list)


@dataclass
class Agreement:
    id: str
    name: str
    aliases: list[str]
    parties: list[str]
    status: str
    sources: list[str] = field(default_factory=list)


@dataclass
class Meeting:
    id: str
    kind: str
    date: datetime.date
    participants: list[Person]
    country: str | None
    city: str | None
    occasion: str | None = None
    agreement: Agreement | None = None
    sources: list[str] = field(default_factory=list)
    precision: str = "year"  # the best precision any report gave, raised as articles are written


SUMMITS = [  # occasion, fixed host (None: rotates among the world's countries)
    ("G20 Summit", None), ("G7 Summit", None), ("NATO Summit", None), ("ASEAN Summit", None),
    ("BRICS Summit", None), ("UN General Assembly", ("US", "New York")), ("Munich Security Conference", ("DE", "Munich")),
    ("World Economic Forum annual meeting", ("CH", "Davos")), ("African Union summit", ("ET", "Addis Ababa")),
    ("Shanghai Cooperation Organisation summit", None), ("East Asia Summit", None), ("APEC leaders' meeting", None),
    ("Commonwealth Heads of Government Meeting", None), ("UN climate conference", None),
]
FIELDS = ["renewable energy", "maritime security", "agriculture", "digital economy", "health", "education",
          "critical minerals", "tourism", "cybersecurity", "civil aviation", "water management", "space research",
          "customs", "fisheries", "disaster management", "culture"]
AGREEMENT_FORMS = [
    "Memorandum of Understanding on Cooperation in {field}", "Agreement on {field} Cooperation",
    "Joint Declaration on {field} Partnership", "Framework Agreement on {field}",
]
PAIR_FORMS = ["{a}-{b} Free Trade Agreement", "{a}-{b} Comprehensive Strategic Partnership",
              "{a}-{b} Double Taxation Avoidance Agreement", "{a}-{b} Visa Exemption Agreement",
              "{a}-{b} Investment Protection Agreement", "{a}-{b} Defence Cooperation Agreement"]


def load_reference() -> tuple[dict[str, dict], dict[str, list[str]], dict[str, list[str]]]:
    countries = {c["code"]: c for c in json.loads((DATA / "countries.json").read_text())}
    cities: dict[str, list[str]] = {}
    for city in sorted(json.loads((DATA / "cities.json").read_text()), key=lambda c: -c.get("population", 0)):
        cities.setdefault(city["country"], []).append(city["name"])
    spellings = {}
    for office in json.loads((DATA / "offices.json").read_text())["offices"]:
        # spellings a paper writes in full; abbreviations other than "PM" are left to headlines
        spellings[office["title"]] = [p for p in office["patterns"] if p.islower() or p == "PM"]
    return countries, cities, spellings


def title_words(title: str) -> list[str]:
    return [w for w in title.lower().replace("-", " ").split() if w not in STOP]


class World:
    def __init__(self, rng: random.Random):
        self.rng = rng
        reference, cities, self.spellings = load_reference()
        self.countries: dict[str, Country] = {}
        for code, (culture, system, titles) in COUNTRIES.items():
            ref = reference[code]
            self.countries[code] = Country(code, ref["name"], ref["demonyms"][0], ref["capital"],
                                           [c for c in cities.get(code, []) if c != ref["capital"]][:6],
                                           system, culture, titles)
        self.codes = sorted(self.countries)
        self.persons: list[Person] = []
        self.holders: dict[tuple[str, str], list[Person]] = {}
        self.taken: set[str] = set()  # every full name given out, officials or not
        for code in self.codes:
            self._staff(self.countries[code], self.taken)
        self.meetings: list[Meeting] = []
        self.agreements: list[Agreement] = []
        self.by_pair: dict[tuple[str, str], list[Meeting]] = {}

    def _staff(self, country: Country, taken: set[str]) -> None:
        """Successive holders of each office from START to END, terms of one to five years."""
        for role in SYSTEM_ROLES[country.system]:
            title = country.titles.get(role, ROLES[role])
            day, terms = START - datetime.timedelta(days=self.rng.randint(0, 900)), []
            while day <= END:
                end = day + datetime.timedelta(days=self.rng.randint(400, 1800))
                compatriots = [p for p in self.persons if p.country == country.code]
                colleagues = {fold(p.name.short) for p in compatriots if p.start <= end and p.end >= day}
                namesakes = {fold(p.name.short) for p in compatriots}
                person = Person(f"p{len(self.persons):05d}",
                                invent(self.rng, country.culture, taken, colleagues, namesakes),
                                country.code, role, title, day, end)
                self.persons.append(person)
                terms.append(person)
                day = end + datetime.timedelta(days=1)
            self.holders[(country.code, role)] = terms

    def holder(self, code: str, role: str, day: datetime.date) -> Person:
        for person in self.holders[(code, role)]:
            if person.start <= day <= person.end:
                return person
        raise LookupError((code, role, day))

    def leader(self, code: str, day: datetime.date) -> Person:
        return self.holder(code, LEADER[self.countries[code].system], day)

    def new_meeting(self) -> Meeting:
        rng = self.rng
        a, b = rng.sample(self.codes, 2)
        day = START + datetime.timedelta(days=rng.randint(60, (END - START).days))
        kind = rng.choices(["in_person", "phone_call", "video_call", "summit_sidelines", "visit"],
                           [30, 18, 5, 22, 25])[0]
        level = rng.choices(["leaders", "foreign", "defence", "trade", "finance", "mixed"], [40, 30, 8, 8, 4, 10])[0]
        if level == "leaders":
            people = [self.leader(a, day), self.leader(b, day)]
            if rng.random() < 0.12:  # a leader brings the foreign minister
                people.insert(1, self.holder(a, "foreign", day))
        elif level == "mixed":  # a visiting minister received by the host's leader
            people, kind = [self.leader(a, day), self.holder(b, "foreign", day)], "visit"
        else:
            people = [self.holder(a, level, day), self.holder(b, level, day)]
        country, city, occasion = None, None, None
        if kind in ("in_person", "visit"):
            country = a
            host = self.countries[a]
            city = host.capital if rng.random() < 0.8 or not host.cities else rng.choice(host.cities)
        elif kind == "summit_sidelines":
            occasion, fixed = rng.choice(SUMMITS)
            if fixed:
                country, city = fixed
            else:
                country = rng.choice(self.codes)
                city = self.countries[country].capital if rng.random() < 0.6 or not self.countries[country].cities \
                    else rng.choice(self.countries[country].cities)
        meeting = Meeting(f"m{len(self.meetings):05d}", kind, day, people, country, city, occasion)
        if rng.random() < 0.25:
            meeting.agreement = self._agreement(a, b)
        self.meetings.append(meeting)
        self.by_pair.setdefault(tuple(sorted((a, b))), []).append(meeting)
        return meeting

    def _agreement(self, a: str, b: str) -> Agreement:
        rng = self.rng
        ca, cb = self.countries[a], self.countries[b]
        if rng.random() < 0.5:
            form = rng.choice(AGREEMENT_FORMS).format(field=rng.choice(FIELDS).title().replace(" And ", " and "))
            name = f"{ca.name}-{cb.name} {form}"
            aliases = [form, f"{cb.name}-{ca.name} {form}"]
        else:
            name = rng.choice(PAIR_FORMS).format(a=ca.name, b=cb.name)
            aliases = [name.replace(f"{ca.name}-{cb.name}", f"{cb.name}-{ca.name}")]
        status = rng.choices(["signed", "proposed", "negotiating", "in_force"], [60, 15, 10, 15])[0]
        agreement = Agreement(f"a{len(self.agreements):05d}", name, aliases, sorted([a, b]), status)
        self.agreements.append(agreement)
        return agreement

    def side_meeting(self, meeting: Meeting) -> Meeting | None:
        """Another bilateral the same day and place by the last participant, with a third country's counterpart."""
        guest = meeting.participants[-1]
        others = [c for c in self.codes if c not in {p.country for p in meeting.participants}]
        third = self.rng.choice(others)
        try:
            counterpart = self.holder(third, guest.role, meeting.date) if guest.role != LEADER[
                self.countries[guest.country].system] else self.leader(third, meeting.date)
        except LookupError:
            return None
        side = Meeting(f"m{len(self.meetings):05d}", meeting.kind, meeting.date, [guest, counterpart],
                       meeting.country, meeting.city, meeting.occasion)
        self.meetings.append(side)
        return side

    def earlier_meeting(self, meeting: Meeting) -> Meeting | None:
        """A past meeting of the same two countries, for an article's background paragraph."""
        codes = sorted({p.country for p in meeting.participants})
        if len(codes) != 2:
            return None
        past = [m for m in self.by_pair.get(tuple(codes), []) if m.date < meeting.date - datetime.timedelta(days=60)
                and m.kind != "phone_call"]
        return past[-1] if past else None
