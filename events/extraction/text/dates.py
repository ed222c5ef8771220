"""Date expressions in a sentence, and their resolution against a reference date.

A date keeps the precision its words support: "earlier in June" is a month, never June 1st;
"on Monday" is a day only when there is a reference date to count back from.
"""
from __future__ import annotations

import calendar
import datetime
import re
from dataclasses import dataclass

MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
MONTHS |= {name.lower(): i for i, name in enumerate(calendar.month_abbr) if name}
MONTHS["sept"] = 9
WEEKDAYS = {name.lower(): i for i, name in enumerate(calendar.day_name)}

MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
YEAR = r"(?P<year>(?:19|20)\d\d)"
WEEKDAY = r"(?P<weekday>" + "|".join(WEEKDAYS) + r")"

PATTERNS: list[tuple[str, re.Pattern]] = [
    ("iso", re.compile(r"\b(?P<year>(?:19|20)\d\d)([-/])(?P<month>[01]\d)\2(?P<day>[0-3]\d)\b")),
    ("month_day_year", re.compile(rf"\b{MONTH}\s+{DAY},?\s+{YEAR}\b", re.I)),
    ("day_month_year", re.compile(rf"\b{DAY}\s+(?:of\s+)?{MONTH},?\s+{YEAR}\b", re.I)),
    ("month_year", re.compile(rf"\b{MONTH},?\s+{YEAR}\b", re.I)),
    ("month_day", re.compile(rf"\b{MONTH}\s+{DAY}\b(?!\s*(?:,\s*)?(?:19|20)\d\d)", re.I)),
    ("day_month", re.compile(rf"\b{DAY}\s+(?:of\s+)?{MONTH}\b(?!,?\s+(?:19|20)\d\d)", re.I)),
    ("relative", re.compile(r"\b(?P<rel>(?:earlier |later )?(?:this|last|next|previous|past) (?:year|month|week)"
                            r"|yesterday|today|tomorrow)\b", re.I)),
    ("weekday", re.compile(rf"\b(?:(?:on|late|early|last|next|this)\s+)?{WEEKDAY}\b", re.I)),
    ("month", re.compile(rf"\b(?:in|earlier in|later in|early|late|since|last|this|next)\s+{MONTH}\b(?!\s+[0-3]?\d\b)", re.I)),
    ("year", re.compile(rf"\b(?:in|during|year)\s+{YEAR}\b(?!-)")),
]
# "May" is a month and a verb: _mention takes it only with a day or year beside it.


@dataclass(frozen=True)
class DateMention:
    kind: str
    text: str
    start: int
    end: int
    year: int | None = None
    month: int | None = None
    day: int | None = None
    weekday: int | None = None
    relative: str = ""


@dataclass(frozen=True)
class ResolvedDate:
    date: datetime.date
    precision: str  # "day", "month" or "year"
    text: str

    def contains(self, other: ResolvedDate) -> bool:
        """Whether `other` falls inside the period this date stands for."""
        if self.precision == "year":
            return other.date.year == self.date.year
        if self.precision == "month":
            return (other.date.year, other.date.month) == (self.date.year, self.date.month)
        return other.precision == "day" and other.date == self.date

    def compatible(self, other: ResolvedDate) -> bool:
        return self.contains(other) or other.contains(self)

    def finer_than(self, other: ResolvedDate) -> bool:
        order = {"year": 0, "month": 1, "day": 2}
        return order[self.precision] > order[other.precision]


def find_dates(text: str) -> list[DateMention]:
    """Every date expression in the text, without overlaps, earliest first."""
    found: list[DateMention] = []
    taken: list[tuple[int, int]] = []
    for kind, pattern in PATTERNS:
        for match in pattern.finditer(text):
            if any(match.start() < end and start < match.end() for start, end in taken):
                continue
            mention = _mention(kind, match)
            if mention:
                found.append(mention)
                taken.append((match.start(), match.end()))
    return sorted(found, key=lambda m: m.start)


def _mention(kind: str, match: re.Match) -> DateMention | None:
    groups = match.groupdict()
    month_word = (groups.get("month") or "").lower()
    lower_case = not match.group(0)[0].isupper()
    if month_word == "may" and (kind == "month" or (kind in {"month_day", "day_month"} and lower_case)):
        return None
    month = int(month_word) if month_word.isdigit() else MONTHS.get(month_word)
    day = int(groups["day"]) if groups.get("day") else None
    if day is not None and not 1 <= day <= 31:
        return None
    return DateMention(
        kind=kind, text=match.group(0), start=match.start(), end=match.end(),
        year=int(groups["year"]) if groups.get("year") else None, month=month, day=day,
        weekday=WEEKDAYS.get((groups.get("weekday") or "").lower()),
        relative=(groups.get("rel") or "").lower(),
    )


def _safe_date(year: int, month: int, day: int) -> datetime.date | None:
    try:
        return datetime.date(year, month, day)
    except ValueError:
        return None


def _shift_month(date: datetime.date, months: int) -> datetime.date:
    index = date.year * 12 + date.month - 1 + months
    return datetime.date(index // 12, index % 12 + 1, 1)


def resolve(mention: DateMention, reference: datetime.date | None, *, planned: bool = False) -> ResolvedDate | None:
    """The date a mention stands for, seen from `reference` (the article's date), or None.

    `planned` says the event lies ahead of the reference ("will meet on Tuesday"), so
    bare days and months count forward rather than back.
    """
    text = mention.text
    if mention.kind in {"iso", "month_day_year", "day_month_year"}:
        date = _safe_date(mention.year, mention.month, mention.day)
        return ResolvedDate(date, "day", text) if date else None
    if mention.kind == "month_year":
        return ResolvedDate(datetime.date(mention.year, mention.month, 1), "month", text)
    if mention.kind == "year":
        return ResolvedDate(datetime.date(mention.year, 1, 1), "year", text)
    if reference is None:
        return None
    if mention.kind in {"month_day", "day_month"}:
        date = _safe_date(reference.year, mention.month, mention.day)
        if date is None:
            return None
        # Past events: "October 29" in a November article is this year's; in a January one, last year's.
        if not planned and date > reference + datetime.timedelta(days=7):
            date = _safe_date(reference.year - 1, mention.month, mention.day) or date
        elif planned and date < reference - datetime.timedelta(days=7):
            date = _safe_date(reference.year + 1, mention.month, mention.day) or date
        return ResolvedDate(date, "day", text)
    if mention.kind == "month":
        year = reference.year
        lowered = text.lower()
        if lowered.startswith("next") or (planned and mention.month < reference.month):
            year += 1 if mention.month < reference.month or lowered.startswith("next") else 0
        elif lowered.startswith("last") or (not planned and mention.month > reference.month):
            year -= 1
        return ResolvedDate(datetime.date(year, mention.month, 1), "month", text)
    if mention.kind == "weekday":
        lowered = text.lower()
        if lowered.startswith("next") or planned:
            delta = (mention.weekday - reference.weekday()) % 7
            if lowered.startswith("next") and delta == 0:
                delta = 7
        else:
            delta = -((reference.weekday() - mention.weekday) % 7)
            if lowered.startswith("last") and delta == 0:
                delta = -7
        return ResolvedDate(reference + datetime.timedelta(days=delta), "day", text)
    return _resolve_relative(mention.relative, reference, text)


def _resolve_relative(words: str, reference: datetime.date, text: str) -> ResolvedDate | None:
    if words in {"today", "yesterday", "tomorrow"}:
        shift = {"today": 0, "yesterday": -1, "tomorrow": 1}[words]
        return ResolvedDate(reference + datetime.timedelta(days=shift), "day", text)
    unit = words.rsplit(" ", 1)[-1]
    step = 1 if "next" in words else -1 if ("last" in words or "previous" in words or "past" in words) else 0
    if unit == "year":
        return ResolvedDate(datetime.date(reference.year + step, 1, 1), "year", text)
    if unit == "month":
        return ResolvedDate(_shift_month(reference.replace(day=1), step), "month", text)
    # "last week" names no day: the month is what the words support.
    week = reference + datetime.timedelta(weeks=step)
    return ResolvedDate(week.replace(day=1), "month", text)


def latest_full_date(text: str) -> datetime.date | None:
    """The latest fully written date in a text: a stand-in reference when an article carries no date."""
    dates = [resolve(m, None) for m in find_dates(text) if m.kind in {"iso", "month_day_year", "day_month_year"}]
    return max((d.date for d in dates if d), default=None)
