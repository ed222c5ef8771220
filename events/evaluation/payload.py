"""Reading the REST API's records the way CONTRACT.md describes them (names, codes, dates at their precision)."""
from __future__ import annotations

import re

WIDTH = {"year": 4, "month": 7, "day": 10}  # characters of an ISO date at each precision


def first(record, *keys, default=None):
    for key in keys:
        if isinstance(record, dict) and record.get(key) not in (None, ""):
            return record[key]
    return default


def code(value) -> str | None:
    if isinstance(value, dict):
        value = first(value, "code")
    return value.strip().upper() if isinstance(value, str) and len(value.strip()) == 2 else None


def person_names(person: dict) -> list[str]:
    aliases = [a if isinstance(a, str) else first(a, "name", default="") for a in person.get("aliases") or []]
    return [n for n in [first(person, "name", default=""), *aliases] if n]


def office_titles(person: dict) -> list[str]:
    titles = []
    for office in (person.get("offices") or []) + (person.get("tenures") or []):
        if isinstance(office, str):
            titles.append(office)
        elif isinstance(office, dict):
            inner = office.get("office")
            nested = first(inner, "title", "name", default="") if isinstance(inner, dict) else (inner or "")
            titles.append(first(office, "title", "name", default="") or nested)
    return [t for t in titles if t]


def participant_name(entry) -> str:
    if isinstance(entry, str):
        return entry
    inner = entry.get("person")
    if isinstance(inner, dict):
        return first(inner, "name", default="")
    return first(entry, "name", "person_name", "full_name", default="")


def meeting_date(meeting: dict) -> str | None:
    raw = first(meeting, "date")
    if not isinstance(raw, str) or not re.match(r"\d{4}", raw):
        return None
    return raw[: WIDTH.get(first(meeting, "date_precision", default="day"), 10)]


def meeting_country(meeting: dict) -> str | None:
    location = meeting.get("location")
    found = code(location.get("country")) if isinstance(location, dict) else None
    return found or code(meeting.get("country"))


def agreement_names(agreement: dict) -> list[str]:
    aliases = [a if isinstance(a, str) else first(a, "name", default="") for a in agreement.get("aliases") or []]
    return [n for n in [first(agreement, "name", "title", default=""), *aliases] if n]
