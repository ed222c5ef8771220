"""English date strings as news pages write them: "November 26th 2019", "Aug. 20, 2024", "2024-08-20T10:00:00Z".

The regex fragments are shared with the clean stage (datelines, timestamps) so that both agree on what a
date looks like. Everything here is about the *form* of a date; which date means what is the caller's call.
"""
from __future__ import annotations

import datetime
import re

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
    r"|WIB|AEST|AEDT|ACST|AWST|NZST|NZDT|EST|EDT|CST|CDT|MST|MDT|PST|PDT|ET|PT|GST|SAST|WAT|EAT|CAT)\b"
)
ISO_DATE = r"(?:1[89]\d\d|2\d\d\d)-[01]?\d-[0-3]?\d(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?"
# "November 26th 2019", "Aug. 20, 2024", "Monday, Aug 20, 2024"
MONTH_DAY_YEAR = rf"{MONTH}\s*{DAY},?\s+{YEAR}"
# "20 August 2024", "26th of November, 2019"
DAY_MONTH_YEAR = rf"{DAY}\s*(?:of\s+)?{MONTH},?\s+{YEAR}"
# "20-08-2024", "20.08.2024", "08/20/2024": day first with dashes and dots, as outlets outside the US write them;
# with slashes the order varies, so only a date no reading of which is ambiguous is one (see _parse_numeric).
NUMERIC_DATE = r"\b[0-3]?\d[-./][0-3]?\d[-./](?:1[89]|2\d)\d\d\b"
FULL_DATE = rf"(?:{ISO_DATE}|{MONTH_DAY_YEAR}|{DAY_MONTH_YEAR}|{NUMERIC_DATE})"
# A date without its year, as datelines write it: "Aug 20", "20 August".
MONTH_DAY = rf"(?:{MONTH}\s*{DAY}|{DAY}\s*(?:of\s+)?{MONTH})"

_ISO = re.compile(rf"^{ISO_DATE}$", re.IGNORECASE)
_NUMERIC = re.compile(r"^(?P<first>\d{1,2})(?P<separator>[-./])(?P<second>\d{1,2})(?P=separator)(?P<year>\d{4})$")
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
