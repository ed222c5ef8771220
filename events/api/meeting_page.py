"""A page of the meeting lists as plain dicts, read with `values()` instead of model instances and DRF's fields.

A py-spy profile of /api/meetings/?country=JP&date_after=2020-01-01 under load (gunicorn -w 2, 100,000 meetings,
SQLite) put half of a request in reading the page (building model instances and Django's prefetch machinery: 20%)
and 14% in MeetingSerializer's per-field work, for 50 meetings and their nested lists. Here the page and each nested
list is one query of plain rows, shaped in the order of MeetingSerializer's fields; the detail view and writes keep
the serializer, and tests/api/test_meeting_page.py checks that every meeting of a page reads as its detail does.
"""
from __future__ import annotations

import datetime
from collections import defaultdict
from typing import Any

from django.db.models import QuerySet
from django.utils import timezone
from rest_framework import ISO_8601, serializers
from rest_framework.settings import api_settings

from events.models import AgreementMeeting, Country, MeetingSource, ReviewState

COLUMNS = ("id", "uid", "date", "date_precision", "date_text", "end_date", "kind", "status", "title", "summary",
           "occasion", "city", "country_id", "review_state", "locked_fields", "created_at",
           "updated_at")
PARTICIPANT_COLUMNS = ("meeting_id", "person_id", "person__name", "raw_name", "office_id", "office__title",
                       "office__kind", "office__country__code", "office__ministry", "country__code", "side")

# DRF's own fields for the values whose text it decides (time zone, "Z"), so the dates read as the serializer's.
DATE = serializers.DateField()
DATETIME = serializers.DateTimeField()


def rows(meetings: QuerySet) -> QuerySet:
    """The page query: the same filters and order as `meetings`, plain rows of the columns shown.

    The meeting's own columns only: a join in it (the venue's country) would be in the page's COUNT too, where it made
    PostgreSQL read every meeting for `?country=` (the bench's EXPLAIN check); the venues are read by id instead.
    """
    return meetings.prefetch_related(None).values(*COLUMNS)


def day(value: Any) -> str | None:
    return None if value is None else DATE.to_representation(value)


def moment(value: datetime.datetime | None) -> str | None:
    """A timestamp as DRF's DateTimeField writes it: ISO 8601 in the current time zone, UTC as "Z".

    Written here for the aware values the database returns (two a meeting): DRF's field spent three times as long
    checking the value as formatting it (18 against 5 microseconds a value, 100 values a page of 50). Anything else
    goes through DRF's field."""
    if value is None or value.tzinfo is None or api_settings.DATETIME_FORMAT != ISO_8601:
        return DATETIME.to_representation(value)
    text = value.astimezone(timezone.get_current_timezone()).isoformat()
    return text[:-6] + "Z" if text.endswith("+00:00") else text


def represent(page: list[dict], participants: QuerySet) -> list[dict]:
    """The page's meetings as MeetingSerializer gives them; `participants` are those the reader may see."""
    ids = [row["id"] for row in page]
    venues = {c["id"]: {"code": c["code"], "name": c["name"]} for c in
              Country.objects.filter(id__in={row["country_id"] for row in page} - {None}).values("id", "code", "name")}
    people, agreements, sources = defaultdict(list), defaultdict(list), defaultdict(list)
    for p in participants.filter(meeting_id__in=ids).values(*PARTICIPANT_COLUMNS):
        people[p["meeting_id"]].append({
            "person": {"id": p["person_id"], "name": p["person__name"]} if p["person_id"] is not None else None,
            "name": p["person__name"] if p["person_id"] is not None else p["raw_name"],
            "raw_name": p["raw_name"],
            "office": {"id": p["office_id"], "title": p["office__title"], "kind": p["office__kind"],
                       "country": p["office__country__code"], "ministry": p["office__ministry"]}
            if p["office_id"] is not None else None,
            "country": p["country__code"],
            "side": p["side"],
        })
    for a in (AgreementMeeting.objects.filter(meeting_id__in=ids).exclude(agreement__review_state=ReviewState.REJECTED)
              .order_by("meeting_id", "id").values("meeting_id", "agreement_id", "agreement__name", "agreement__status",
                                                  "role")):
        agreements[a["meeting_id"]].append({"id": a["agreement_id"], "name": a["agreement__name"],
                                            "status": a["agreement__status"], "role": a["role"]})
    for s in (MeetingSource.objects.filter(record_id__in=ids).order_by("record_id", "id")
              .values("record_id", "evidence", "article_id", "article__title", "article__outlet", "article__published",
                      "article__url")):
        sources[s["record_id"]].append({
            "article": {"id": s["article_id"], "title": s["article__title"], "outlet": s["article__outlet"],
                        "published": day(s["article__published"]), "url": s["article__url"]},
            "evidence": s["evidence"],
        })
    return [{
        "id": m["id"],
        "uid": str(m["uid"]),
        "date": day(m["date"]),
        "date_precision": m["date_precision"],
        "date_text": m["date_text"],
        "end_date": day(m["end_date"]),
        "kind": m["kind"],
        "status": m["status"],
        "title": m["title"],
        "summary": m["summary"],
        "occasion": m["occasion"],
        "location": {"city": m["city"],
                     "country": dict(venues[m["country_id"]]) if m["country_id"] is not None else None},
        "participants": people[m["id"]],
        "agreements": agreements[m["id"]],
        "sources": sources[m["id"]],
        "review_state": m["review_state"],
        "locked_fields": m["locked_fields"],
        "created_at": moment(m["created_at"]),
        "updated_at": moment(m["updated_at"]),
    } for m in page]
