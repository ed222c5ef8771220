"""Writing one news article about a meeting (or about something else) the way papers do.

Every phrase that carries a fact is chosen here and recorded for the gold: which spelling of a name was
printed, which precision of date the words support, which agreement status the sentence states.
"""
from __future__ import annotations

import datetime
import random

from bench.names import invent, strip_marks
from bench.world import Meeting, Person, World

MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
OUTLETS = ["The Daily Courier", "Capital Times", "Asia Wire", "Global Dispatch", "The Morning Ledger",
           "Continental Post", "Harbour Herald", "The Frontier Observer", "Meridian News", "Southern Standard"]
TOPICS = ["trade and investment", "energy security", "regional stability", "climate finance", "food security",
          "maritime cooperation", "connectivity projects", "defence ties", "people-to-people exchanges",
          "the situation in the Middle East", "supply chains", "counter-terrorism", "visa facilitation",
          "critical minerals", "digital infrastructure", "student mobility"]
QUOTES = ["We had a productive exchange on the full range of our relations",
          "Our partnership has never been stronger", "We agreed to deepen cooperation in several areas",
          "The talks were candid and constructive", "There is great potential that remains untapped",
          "We look forward to taking this relationship to a new level"]
FURNITURE = ["Advertisement", "Share this article", "Follow us on X and Facebook for the latest updates.",
             "Subscribe to our newsletter", "Also read: Markets close higher on strong earnings",
             "Read more: Opinion | What the new budget means for you", "Click here to join our WhatsApp channel",
             "Related Stories", "Most Read"]


def day_month(day: datetime.date, rng: random.Random, year: bool) -> str:
    if rng.random() < 0.5:
        return f"{MONTHS[day.month - 1]} {day.day}" + (f", {day.year}" if year else "")
    return f"{day.day} {MONTHS[day.month - 1]}" + (f" {day.year}" if year else "")


def date_phrase(day: datetime.date, published: datetime.date | None, rng: random.Random) -> tuple[str, str]:
    """How a paper dates an event it reports, and the precision those words support."""
    if published is None:
        if rng.random() < 0.15:
            return f"in {MONTHS[day.month - 1]} {day.year}", "month"
        return "on " + day_month(day, rng, year=True), "day"
    ago = (published - day).days
    styles = ["date", "date", "full"]
    if ago == 0:
        styles += ["today", "weekday", "weekday"]
    elif ago == 1:
        styles += ["yesterday", "weekday", "weekday"]
    elif ago < 7:
        styles += ["weekday", "weekday", "weekday_date"]
    if day.month == published.month and day.year == published.year and ago > 2:
        styles.append("this_month")
    style = rng.choice(styles)
    if style == "today":
        return "today", "day"
    if style == "yesterday":
        return "yesterday", "day"
    if style == "weekday":
        return f"on {WEEKDAYS[day.weekday()]}", "day"
    if style == "weekday_date":
        return f"on {WEEKDAYS[day.weekday()]}, {day_month(day, rng, year=False)}", "day"
    if style == "this_month":
        return "earlier this month", "month"
    return "on " + day_month(day, rng, year=style == "full" or day.year != published.year), "day"


class Writer:
    """One article: keeps track of who has been named, so the second mention is short."""

    def __init__(self, world: World, rng: random.Random, source: str, published: datetime.date | None):
        self.world, self.rng, self.source, self.published = world, rng, source, published
        self.named: set[str] = set()

    def cite(self, person: Person, spelling: str) -> str:
        if spelling not in person.name.seen:
            person.name.seen.append(spelling)
        if self.source not in person.sources:
            person.sources.append(self.source)
        return spelling

    def title(self, person: Person) -> str:
        spellings = self.world.spellings.get(person.title) or [person.title.lower()]
        if self.rng.random() < 0.6:
            return person.title
        spelling = self.rng.choice(spellings)
        return spelling if spelling == "PM" else spelling.title().replace(" Of ", " of ").replace(" For ", " for ")

    def mention(self, person: Person) -> str:
        """First mention with title and country, then the short name."""
        country = self.world.countries[person.country]
        if person.id in self.named:
            if self.rng.random() < 0.15:
                return f"the {country.demonym} {person.title.lower()}"
            return self.cite(person, person.name.short)
        self.named.add(person.id)
        name = self.cite(person, person.name.written(self.rng))
        title = self.title(person)
        style = self.rng.randrange(4)
        if style == 0:
            return f"{country.demonym} {title} {name}"
        if style == 1:
            return f"{title} {name} of {country.the_name}"
        if style == 2:
            return f"{country.possessive} {title} {name}"
        return f"{name}, {country.possessive} {title.lower() if title != 'PM' else 'prime minister'},"

    def when(self, meeting: Meeting) -> str:
        words, precision = date_phrase(meeting.date, self.published, self.rng)
        order = ["year", "month", "day"]
        if order.index(precision) > order.index(meeting.precision):
            meeting.precision = precision
        return words

    def cite_meeting(self, meeting: Meeting) -> None:
        if self.source not in meeting.sources:
            meeting.sources.append(self.source)

    def meeting_sentence(self, meeting: Meeting) -> str:
        sentence = self._meeting_sentence(meeting)
        return sentence[0].upper() + sentence[1:]

    def _meeting_sentence(self, meeting: Meeting) -> str:
        rng, people = self.rng, meeting.participants
        self.cite_meeting(meeting)
        a = self.mention(people[0])
        extra = f", accompanied by {self.mention(people[1])}," if len(people) == 3 else ""
        b = self.mention(people[-1])
        when, city = self.when(meeting), meeting.city
        host = self.world.countries[meeting.country].the_name if meeting.country in self.world.countries \
            else {"CH": "Switzerland"}.get(meeting.country, meeting.country)
        if meeting.kind == "phone_call":
            return rng.choice([f"{a}{extra} spoke by phone with {b} {when}.",
                               f"{a}{extra} held a telephone conversation with {b} {when}.",
                               f"In a phone call {when}, {a}{extra} and {b} discussed bilateral ties."])
        if meeting.kind == "video_call":
            return rng.choice([f"{a}{extra} and {b} held a virtual meeting {when}.",
                               f"{a}{extra} held talks with {b} by video conference {when}."])
        if meeting.kind == "summit_sidelines":
            return rng.choice([f"{a}{extra} met {b} on the sidelines of the {meeting.occasion} in {city} {when}.",
                               f"On the margins of the {meeting.occasion} in {city}, {a}{extra} held talks with {b} "
                               f"{when}.",
                               f"{a}{extra} and {b} held a bilateral meeting {when} on the sidelines of the "
                               f"{meeting.occasion}, which is being held in {city}, {host}."])
        if meeting.kind == "visit":
            return rng.choice([f"{a}{extra} received visiting {b} in {city} {when}.",
                               f"{b}, who is on an official visit to {host}, called on {a}{extra} in {city} {when}.",
                               f"{a}{extra} hosted {b} for talks in {city} {when} during the latter's visit to "
                               f"{host}."])
        return rng.choice([f"{a}{extra} met {b} in {city} {when}.",
                           f"{a}{extra} held talks with {b} in {city} {when}.",
                           f"{a}{extra} and {b} held bilateral talks in {city} {when}, officials said."])

    def agreement_sentence(self, meeting: Meeting) -> str:
        agreement = meeting.agreement
        if self.source not in agreement.sources:
            agreement.sources.append(self.source)
        name = agreement.name if self.rng.random() < 0.6 else self.rng.choice(agreement.aliases)
        if agreement.status == "signed":
            return self.rng.choice([f"The two sides signed the {name} after the talks.",
                                    f"Following the meeting, officials signed the {name}."])
        if agreement.status == "proposed":
            return self.rng.choice([f"They agreed to begin work on a {name}.",
                                    f"Both sides proposed a {name}, to be finalised at a later date."])
        if agreement.status == "negotiating":
            return f"Negotiations on the {name} are continuing, officials said."
        year = meeting.date.year - self.rng.randint(1, 4)
        return f"They reviewed progress under the {name}, which entered into force in {year}."

    def body(self, meeting: Meeting) -> list[str]:
        rng, people = self.rng, meeting.participants
        paragraphs = [self.meeting_sentence(meeting)]
        first, last = people[0], people[-1]
        topics = rng.sample(TOPICS, 3)
        paragraphs.append(f"The two sides discussed {', '.join(topics[:2])} and {topics[2]}, "
                          f"according to a statement issued after the {'call' if 'call' in meeting.kind else 'talks'}.")
        paragraphs.append(f"“{rng.choice(QUOTES)},” {self.mention(rng.choice([first, last]))} said.")
        if meeting.agreement:
            paragraphs.append(self.agreement_sentence(meeting))
        if rng.random() < 0.25:
            country = rng.choice([first, last]).country
            spokesperson = self.world.holder(country, "spokesperson", meeting.date)
            self.named.add(spokesperson.id)
            name = self.cite(spokesperson, spokesperson.name.written(rng))
            paragraphs.append(f"Foreign ministry spokesperson {name} told reporters in "
                              f"{self.world.countries[country].capital} that the meeting reflected the "
                              f"“strong momentum” in relations.")
        return paragraphs

    def background(self, meeting: Meeting) -> str:
        self.cite_meeting(meeting)
        if meeting.precision == "year":
            meeting.precision = "month"
        where = f" in {meeting.city}" if meeting.city else ""
        return (f"{meeting.participants[0].name.short} and {meeting.participants[-1].name.short} last met in "
                f"{MONTHS[meeting.date.month - 1]} {meeting.date.year}{where}.")


def headline(world: World, meeting: Meeting, rng: random.Random) -> str:
    a, b = meeting.participants[0], meeting.participants[-1]
    ca, cb = world.countries[a.country], world.countries[b.country]
    if rng.random() < 0.5:
        if a.title == b.title:
            return f"{ca.demonym} {a.title} meets {cb.demonym} counterpart"
        return f"{ca.demonym} {a.title} holds talks with {cb.demonym} {b.title}"
    return f"{ca.name}, {cb.name} vow to deepen ties"


def dateline(published: datetime.date, rng: random.Random) -> str:
    return rng.choice([f"Published: {MONTHS[published.month - 1]} {published.day}, {published.year}",
                       f"Updated {published.day} {MONTHS[published.month - 1]} {published.year}, "
                       f"{rng.randint(6, 22):02d}:{rng.randint(0, 59):02d} GMT",
                       f"{WEEKDAYS[published.weekday()]}, {MONTHS[published.month - 1]} {published.day}, "
                       f"{published.year}"])


def frame(title: str, paragraphs: list[str], published: datetime.date | None, stamp: str, outlet: str,
          rng: random.Random) -> str:
    """Headline, page furniture and the date as stored pages carry it: a `date` line, an inline stamp, a
    published line, or nothing."""
    lines = []
    if stamp == "line":
        lines.append(f"date {published.isoformat()}")
    lines.append(title)
    if stamp == "furniture":
        lines.append(dateline(published, rng))
    if rng.random() < 0.4:
        lines.append(rng.choice(["By our correspondent", "Staff Reporter", f"{outlet} staff", "Agencies"]))
    body = list(paragraphs)
    for line in rng.sample(FURNITURE, rng.randint(0, 2)):
        body.insert(rng.randint(1, len(body)), line)
    if rng.random() < 0.5:
        body.append(f"© {(published or datetime.date(2025, 1, 1)).year} {outlet}. All rights reserved.")
    text = "\n\n".join([*lines[:1], "\n".join(lines[1:]), *body]) if stamp == "line" else \
        "\n\n".join(["\n".join(lines), *body])
    if stamp == "inline":
        text = f" date {published.isoformat()} {text}"
    return text + "\n"


def off_topic(world: World, rng: random.Random, published: datetime.date) -> tuple[str, list[str], list[dict]]:
    """An article with no diplomacy: sport, markets, weather, culture. Named people in it are no officials."""
    a, b = (world.countries[c] for c in rng.sample(world.codes, 2))
    person = invent(rng, a.culture, set(world.taken), set())  # no official's name; may recur among non-officials
    kind = rng.randrange(4)
    weekday = WEEKDAYS[(published - datetime.timedelta(days=1)).weekday()]
    named = []
    if kind == 0:
        title = f"{a.name} beat {b.name} in friendly"
        paragraphs = [f"{a.name} beat {b.name} {rng.randint(1, 4)}-{rng.randint(0, 1)} in an international friendly "
                      f"in {a.capital} on {weekday}.",
                      f"Coach {person.full} said his side would meet {b.name} again at next year's tournament.",
                      f"The two teams last met in {rng.randint(2010, 2019)}."]
        named = [{"name": person.full, "aliases": [person.full, person.short], "country": a.code}]
    elif kind == 1:
        title = f"{a.demonym} shares close higher"
        paragraphs = [f"Stocks in {a.capital} rose {rng.randint(1, 30) / 10:.1f} per cent on {weekday}, led by "
                      f"banks and energy companies.",
                      f"Investors were watching talks between {a.demonym} and {b.demonym} exporters over shipping "
                      f"rates, analysts said.",
                      "The central bank meets next month to decide on interest rates."]
    elif kind == 2:
        title = f"Heavy rain expected across {a.name}"
        paragraphs = [f"The weather service in {a.capital} warned of heavy rain and strong winds from {weekday}.",
                      "Schools in several districts will stay closed, officials said.",
                      f"Flights between {a.capital} and {b.capital} may be delayed."]
    else:
        title = f"{b.demonym} film festival opens in {a.capital}"
        paragraphs = [f"A festival of {b.demonym} cinema opened in {a.capital} on {weekday} with a sold-out "
                      f"screening.",
                      f"Director {strip_marks(person.full) if rng.random() < 0.3 else person.full} said the "
                      f"festival hosted visitors from {rng.randint(5, 40)} countries.",
                      "The event runs until the end of the month."]
        named = [{"name": person.full, "aliases": [person.full, strip_marks(person.full), person.short],
                  "country": a.code}]
    return title, paragraphs, named
