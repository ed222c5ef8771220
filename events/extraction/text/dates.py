"""The one date grammar: how a date is written, and what a date in prose stands for.

The form ("November 26th 2019", "Aug. 20, 2024", "2024-08-20T10:00:00Z", "20.08.2024", "2024/08/20") is shared by
the clean stage (datelines, timestamps), the readers (metadata) and the mentions found in sentences, so all of them
agree on what a date looks like. A mention keeps the precision its words support: "earlier in June" is a month,
never June 1st; "on Monday" is a day only when there is a reference date to count back from.
"""
from __future__ import annotations

import calendar
import datetime
import heapq
import re
from dataclasses import dataclass

MONTHS: dict[str, int] = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6,
    "july": 7, "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
}
# News style guides abbreviate to three letters, and some to "Sept".
_MONTH_ALIASES: dict[str, int] = {name[:3]: number for name, number in MONTHS.items()} | {"sept": 9}

# Fragments (no groups of their own, no flags): callers compile them with re.IGNORECASE.
MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b\.?"
)
DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?\b"
YEAR = r"(?:1[89]\d\d|2\d\d\d)\b"
WEEKDAY = r"(?:mon|tue(?:s)?|wed(?:nes)?|thu(?:r(?:s)?)?|fri|sat(?:ur)?|sun)(?:day)?\b\.?"
# A time of day: "13:37", "1:00 pm", "10.15 a.m.", "9 AM".
TIME = r"(?:\d{1,2}[:.]\d{2}(?::\d{2})?(?:\s*[ap]\.?\s?m\b\.?)?|\d{1,2}\s*[ap]\.?\s?m\b\.?)"
# Time zones written after a time. A closed list: any short capitalised word would otherwise pass as one.
TIMEZONE = (
    r"(?:(?:UTC|GMT)\s?[+-]\s?\d{1,2}(?::?\d{2})?|IST|GMT|UTC|BST|CET|CEST|EET|EEST|WET|MSK|JST|KST|HKT|SGT|PKT"
    r"|WIB|AEST|AEDT|ACST|AWST|NZST|NZDT|EST|EDT|CST|CDT|MST|MDT|PST|PDT|ET|PT|GST|SAST|WAT|EAT|CAT"
    r"|BdST|NPT|MMT|ICT|PHT|MYT|AST|TRT|IRST)\b"
)
ISO_DATE = r"(?:1[89]\d\d|2\d\d\d)-[01]?\d-[0-3]?\d(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?"
# "November 26th 2019", "Aug. 20, 2024", "Monday, Aug 20, 2024"
MONTH_DAY_YEAR = rf"{MONTH}\s*{DAY},?\s+{YEAR}"
# "20 August 2024", "26th of November, 2019"
DAY_MONTH_YEAR = rf"{DAY}\s*(?:of\s+)?{MONTH},?\s+{YEAR}"
# "20-08-2024", "20.08.2024", "08/20/2024": day first with dashes and dots, as outlets outside the US write them;
# with slashes the order varies, so only a date no reading of which is ambiguous is one (see _parse_numeric).
NUMERIC_DATE = r"\b[0-3]?\d[-./][0-3]?\d[-./](?:1[89]|2\d)\d\d\b"
# "2024/08/20", "2024.08.20": year first is never ambiguous.
YEAR_FIRST_DATE = r"\b(?:1[89]|2\d)\d\d[/.][01]?\d[/.][0-3]?\d\b"
FULL_DATE = rf"(?:{ISO_DATE}|{MONTH_DAY_YEAR}|{DAY_MONTH_YEAR}|{NUMERIC_DATE}|{YEAR_FIRST_DATE})"
# A date without its year, as datelines write it: "Aug 20", "20 August".
MONTH_DAY = rf"(?:{MONTH}\s*{DAY}|{DAY}\s*(?:of\s+)?{MONTH})"

_ISO = re.compile(rf"^{ISO_DATE}$", re.IGNORECASE)
_NUMERIC = re.compile(r"^(?P<first>\d{1,2})(?P<separator>[-./])(?P<second>\d{1,2})(?P=separator)(?P<year>\d{4})$")
_YEAR_FIRST = re.compile(r"^(?P<year>\d{4})(?P<separator>[/.])(?P<month>\d{1,2})(?P=separator)(?P<day>\d{1,2})$")
_MDY = re.compile(rf"^(?P<month>{MONTH})\s*(?P<day>{DAY}),?\s+(?P<year>{YEAR})$", re.IGNORECASE)
_DMY = re.compile(rf"^(?P<day>{DAY})\s*(?:of\s+)?(?P<month>{MONTH}),?\s+(?P<year>{YEAR})$", re.IGNORECASE)
_MD = re.compile(rf"^(?:(?P<month>{MONTH})\s*(?P<day>{DAY})|(?P<day2>{DAY})\s*(?:of\s+)?(?P<month2>{MONTH}))$",
                 re.IGNORECASE)
# What may surround a date in a timestamp without changing which day it is: weekday, time, zone, punctuation.
_DECORATION = re.compile(rf"(?:{WEEKDAY}|{TIME}|{TIMEZONE}|\bat\b|[\s,|•·/()\u2013\u2014-])+", re.IGNORECASE)


def month_number(name: str) -> int | None:
    """1-12 for an English month name or abbreviation ("Sept.", "aug"), else None."""
    key = name.strip().rstrip(".").lower()
    return MONTHS.get(key) or _MONTH_ALIASES.get(key)


def _day(text: str) -> int:
    return int(re.sub(r"\D", "", text))


def _make(year: int, month: int | None, day: int) -> datetime.date | None:
    if month is None:
        return None
    try:
        return datetime.date(year, month, day)
    except ValueError:  # "February 30th": a malformed date is no date
        return None


def parse_date_text(s: str) -> datetime.date | None:
    """The calendar date a string names, or None.

    The whole string must be one full date (day, month and year), optionally with a weekday, a time of day and a
    time zone around it ("Updated: " style labels are the caller's to strip). ISO datetimes keep the date as
    written, not converted to UTC: the local day is the day the outlet published. A date without a year ("Aug 20")
    is None here; see `parse_month_day`.
    """
    text = s.strip()
    if not text:
        return None
    if _ISO.match(text):
        try:
            return datetime.datetime.fromisoformat(text.replace(" ", "T", 1)).date()
        except ValueError:
            # fromisoformat wants zero-padded fields; "2024-8-5" is still a date
            year, month, day = (int(part) for part in re.findall(r"\d+", text)[:3])
            return _make(year, month, day)
    found = re.search(FULL_DATE, text, re.IGNORECASE)
    if not found or _DECORATION.sub("", text[: found.start()] + " " + text[found.end():]):
        return None
    return _parse_full(found.group(0))


def _parse_full(text: str) -> datetime.date | None:
    text = text.strip()
    if _ISO.match(text):
        return parse_date_text(text)
    year_first = _YEAR_FIRST.match(text)
    if year_first:
        return _make(int(year_first["year"]), int(year_first["month"]), int(year_first["day"]))
    numeric = _NUMERIC.match(text)
    if numeric:
        return _parse_numeric(int(numeric["first"]), int(numeric["second"]), int(numeric["year"]),
                              day_first=numeric["separator"] != "/")
    for pattern in (_MDY, _DMY):
        match = pattern.match(text)
        if match:
            return _make(int(match["year"]), month_number(match["month"]), _day(match["day"]))
    return None


def _parse_numeric(first: int, second: int, year: int, *, day_first: bool) -> datetime.date | None:
    if day_first:
        return _make(year, second, first)
    if first > 12 >= second:
        return _make(year, second, first)
    if second > 12 >= first:
        return _make(year, first, second)
    return None  # "05/08/2024": May 8th in one country, 5 August in another


def parse_month_day(s: str) -> tuple[int, int] | None:
    """(month, day) for a date written without a year ("Aug 20", "20th August"), else None."""
    match = _MD.match(s.strip())
    if not match:
        return None
    month = month_number(match["month"] or match["month2"])
    day = _day(match["day"] or match["day2"])
    if month is None or _make(2000, month, day) is None:  # 2000 is a leap year: Feb 29 stays possible
        return None
    return month, day

# ----------------------------------------------------------------------------- dates in prose

WEEKDAYS = {name.lower(): i for i, name in enumerate(calendar.day_name)}
_MONTH = rf"(?P<month>{MONTH})"
_DAY = rf"(?P<day>{DAY})"
_YEAR = rf"(?P<year>{YEAR})"
_WEEKDAY = r"(?P<weekday>" + "|".join(WEEKDAYS) + r")"

# A date written whole, in any of the forms above: read by _parse_full, as everywhere else.
FULL_IN_PROSE = re.compile(rf"(?<![\w/.-])(?P<full>{FULL_DATE})", re.I)
PATTERNS: list[tuple[str, re.Pattern]] = [
    ("full", FULL_IN_PROSE),
    ("month_year", re.compile(rf"\b{_MONTH},?\s+{_YEAR}", re.I)),
    ("month_day", re.compile(rf"\b{_MONTH}\s*{_DAY}(?!\s*(?:,\s*)?(?:19|20)\d\d)", re.I)),
    ("day_month", re.compile(rf"\b{_DAY}\s*(?:of\s+)?{_MONTH}(?!,?\s+(?:19|20)\d\d)", re.I)),
    # "in July", "last July", "in July of last year", "in July last year".
    ("month", re.compile(rf"\b(?:in|earlier in|later in|early|late|since|last|this|next)\s+{_MONTH}(?!\s*[0-3]?\d\b)"
                         rf"(?:\s+(?:of\s+)?(?P<year_rel>last|this|next)\s+year\b)?", re.I)),
    ("relative", re.compile(r"\b(?P<rel>(?:earlier |later )?(?:this|last|next|previous|past) (?:year|month|week)"
                            r"|yesterday|today|tomorrow)\b", re.I)),
    ("weekday", re.compile(rf"\b(?:(?:on|late|early|last|next|this)\s+)?{_WEEKDAY}\b", re.I)),
    ("year", re.compile(rf"\b(?:in|during|year)\s+{_YEAR}(?!-)")),
]
# "May" is a month and a verb: _mention takes it only with a day or year beside it.

# The patterns each of whose matches holds an ASCII digit (its day or year begins with one): most sentences have
# none, and skipping five of the eight patterns there was most of find_dates' time.
WITH_DIGITS = frozenset({"full", "month_year", "month_day", "day_month", "year"})
_ASCII_DIGIT = re.compile(r"[0-9]")


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
    taken: list[tuple[int, int]] = []  # spans of earlier patterns' mentions: disjoint, in order of start
    digits = _ASCII_DIGIT.search(text) is not None
    for kind, pattern in PATTERNS:
        if not digits and kind in WITH_DIGITS:
            continue  # it cannot match here
        # One pattern's matches come in order and never overlap one another, so one walk along `taken` beside them
        # finds each match's neighbours: linear in the number of dates, where asking every taken span was quadratic.
        added: list[tuple[int, int]] = []
        i = 0
        for match in pattern.finditer(text):
            start, end = match.start(), match.end()
            while i < len(taken) and taken[i][1] <= start:
                i += 1
            if i < len(taken) and taken[i][0] < end:
                continue
            mention = _mention(kind, match)
            if mention:
                found.append(mention)
                added.append((start, end))
        if added:  # most patterns find nothing in a sentence: no merge to make
            taken = list(heapq.merge(taken, added))
    return sorted(found, key=lambda m: m.start)


def _mention(kind: str, match: re.Match) -> DateMention | None:
    groups = match.groupdict()
    if kind == "full":
        date = _parse_full(groups["full"])
        if date is None:
            return None
        return DateMention(kind, match.group(0), match.start(), match.end(), date.year, date.month, date.day)
    month_word = (groups.get("month") or "").strip().rstrip(".").lower()
    lower_case = not match.group(0)[0].isupper()
    if month_word == "may" and (kind == "month" or (kind in {"month_day", "day_month"} and lower_case)):
        return None
    month = month_number(month_word) if month_word else None
    day = _day(groups["day"]) if groups.get("day") else None
    if day is not None and not 1 <= day <= 31:
        return None
    return DateMention(
        kind=kind, text=match.group(0), start=match.start(), end=match.end(),
        year=int(groups["year"]) if groups.get("year") else None, month=month, day=day,
        weekday=WEEKDAYS.get((groups.get("weekday") or "").lower()),
        relative=(groups.get("rel") or groups.get("year_rel") or "").lower(),
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
    if mention.kind == "full":
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
        if mention.relative:
            # "in July of last year": the year is said, whatever the month.
            year += {"last": -1, "this": 0, "next": 1}[mention.relative]
            return ResolvedDate(datetime.date(year, mention.month, 1), "month", text)
        # "last February" in an August article is that year's February, the latest one past; "next October" the
        # coming one. A bare month is past in a report of what was, ahead in one of what is planned.
        if lowered.startswith("next"):
            year += 1 if mention.month <= reference.month else 0
        elif lowered.startswith("last"):
            year -= 1 if mention.month >= reference.month else 0
        elif planned and mention.month < reference.month:
            year += 1
        elif not planned and mention.month > reference.month:
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
    # The full dates find_dates gives are the first pattern's matches, all of them (only later patterns' matches can
    # be left out for overlapping), so the other seven patterns need not run over the whole text.
    mentions = (_mention("full", match) for match in FULL_IN_PROSE.finditer(text))
    dates = [resolve(m, None) for m in mentions if m]
    return max((d.date for d in dates if d), default=None)
