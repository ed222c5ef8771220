"""What a curator's edit means: the fields they touched are never re-parsed, dates keep their precision,
and review moves are recorded."""
from __future__ import annotations

import datetime
from collections.abc import Iterable

from django.db import models, transaction

from .models.base import DatePrecision, Extracted, ReviewState, period_start

# The lock list itself is the curator's tool for unlocking; locking it would mean nothing.
NEVER_LOCKED = frozenset({"locked_fields"})

# Rows of their own that a curator edits on a record's page, locked under their relation's name like a field: a
# meeting's "participants" locked means the curator decided who took part, so no re-parse adds one back (or anew).
LOCKABLE_ROWS: dict[str, tuple[str, ...]] = {"meeting": ("participants",)}


def row_list(model: type[models.Model], row_model: type[models.Model]) -> str | None:
    """The lockable name under which `model` keeps its rows of `row_model`: a meeting's "participants", an agreement's
    "meetings" (its M2M through AgreementMeeting); None when they are no list a curator locks (a person's tenures)."""
    opts = model._meta
    for field in opts.many_to_many:
        if field.remote_field.through is row_model:
            return field.name
    for name in LOCKABLE_ROWS.get(opts.model_name, ()):
        if opts.get_field(name).related_model is row_model:
            return name
    return None


def fields_to_lock(model: type[models.Model], changed: Iterable[str]) -> list[str]:
    """The names among `changed` (a form's changed_data, a formset's relation) that a re-parse must keep.

    Form-only fields (a formset's DELETE, an extra widget) are not model fields and are dropped.
    """
    opts = model._meta
    names = {field.name for field in [*opts.concrete_fields, *opts.many_to_many]}
    names = (names | set(LOCKABLE_ROWS.get(opts.model_name, ()))) - NEVER_LOCKED
    return sorted(name for name in changed if name in names)


def lock_changed_fields(record: Extracted, changed: Iterable[str]) -> None:
    """Add the fields a curator changed to the record's locked fields (the record is not saved)."""
    record.lock(*fields_to_lock(type(record), changed))


def set_review_state(queryset: models.QuerySet, state: ReviewState, *, user=None) -> int:
    """Give every record of `queryset` the review state, locked so that a re-parse cannot reset it.

    Each move is saved one record at a time so that its history records who moved it, when,
    and from which state ("verified (was extracted)").
    """
    records = list(queryset)
    for record in records:
        reason = f"{state} (was {record.review_state})"
        record.review_state = state
        record.lock("review_state")
        save_as_curator(record, user, reason, update_fields=["review_state", "locked_fields", "updated_at"])
    return len(records)


def save_as_curator(record: models.Model, user, reason: str = "", **kwargs) -> None:
    """Save with the curator and the reason written into the record's history."""
    record._history_user = user
    record._change_reason = reason[:100]
    record.save(**kwargs)


def stored_changes(record: models.Model, candidates: Iterable[str], *, judge: Iterable[str] = (),
                   lists: dict | None = None) -> list[str]:
    """The names among `candidates` that change the stored record: each of those in `judge` only if its value on
    `record` (an M2M's, the records in `lists`) differs from the row's as it is now.

    `judge` names the fields whose change could not be told from what the curator started from: a POST that did not
    carry the values its page showed (a script, an old page) makes every field it fills look changed, and each would
    be written and locked. The row is read under a lock held to the end of the caller's transaction, so the answer
    stays true until the save; a name that is no model field (a formset's DELETE) is kept as it is.
    """
    candidates = list(candidates)
    model = type(record)
    names = {field.name: field for field in [*model._meta.concrete_fields, *model._meta.many_to_many]}
    judge = [name for name in set(judge) & set(candidates) if name in names]
    if not judge or record.pk is None:
        return candidates
    current = model._base_manager.select_for_update().get(pk=record.pk)
    same = set()
    for name in judge:
        field = names[name]
        if field.many_to_many:
            new = {related.pk for related in (lists or {}).get(name, ())}
            if name in (lists or {}) and new == set(getattr(current, name).values_list("pk", flat=True)):
                same.add(name)
        elif getattr(record, field.attname) == getattr(current, field.attname):
            same.add(name)
    return [name for name in candidates if name not in same]


def save_curated(record: models.Model, changed: Iterable[str], *, user, reason: str,
                 lock: Iterable[str] = ()) -> None:
    """Save a curator's edit of a stored record or row (a meeting, a participant on its page, a revert's): the fields
    in `changed` (model fields and M2M names alike; a form's changed_data, what a request changed), written onto the
    row as it is now, and, on an extracted record, locked with those in `lock`.

    The curator edited the record as read earlier (a change page opened minutes ago, a request's read): an ingest may
    have written other fields since, and a full save wrote their old values back. So the row is read again under a
    lock held to the end of the caller's transaction (an ingest writing it waits, as it makes the curator wait), the
    fields the curator left alone take its values, so the record and its history's version are the row as it is, and
    only the changed fields are written (a date with its precision: one without the other may disagree with it).
    The caller writes the changed M2M lists.
    """
    model = type(record)
    fields = {field.name: field for field in model._meta.concrete_fields if not field.primary_key}
    changed = set(changed)
    for date_field, precision_field, _ in DATES.get(model._meta.model_name, ()):
        if changed & {date_field, precision_field}:
            changed |= {date_field, precision_field}
    with transaction.atomic():
        current = model._base_manager.select_for_update().get(pk=record.pk)
        for name, field in fields.items():
            if name not in changed:
                setattr(record, field.attname, getattr(current, field.attname))
        written = changed & set(fields)
        if isinstance(record, Extracted):
            record.lock(*fields_to_lock(model, [*changed, *lock]))
            written |= {"locked_fields", "updated_at"}
        save_as_curator(record, user, reason, update_fields=sorted(written))


# A record's dates: (date field, its precision field, the field keeping the words it was read from, or None).
DATES = {
    "meeting": (("date", "date_precision", "date_text"),),
    "agreement": (("signed_date", "signed_precision", None), ("in_force_date", "in_force_precision", None)),
    "tenure": (("start_date", "start_precision", None), ("end_date", "end_precision", None)),
}


def settle_date(day: datetime.date | None, precision: str, *, precision_given: bool) -> tuple[datetime.date | None, str]:
    """A curator's date and precision as they will be stored.

    A day that is not the first of its period under the old precision ("20 August" on a month-precision
    meeting) is a day: the precision becomes "day" unless the curator gave one, and then the date is
    the start of the period they gave. No date, no precision.
    """
    if day is None:
        return None, ""
    if not precision_given and (not precision or period_start(day, precision) != day):
        return day, DatePrecision.DAY
    precision = precision or DatePrecision.DAY
    return period_start(day, precision), precision


def settle_curated_dates(record: Extracted, changed: Iterable[str]) -> list[str]:
    """Apply settle_date to the dates a curator changed on `record` (not saved); the fields it set.

    The words a date was read from ("Earlier this year") no longer describe a date a curator set:
    they are cleared unless the curator wrote new ones.
    """
    changed, settled = set(changed), []
    for date_field, precision_field, text_field in DATES.get(record._meta.model_name, ()):
        if not {date_field, precision_field} & changed:
            continue
        day, precision = settle_date(getattr(record, date_field), getattr(record, precision_field),
                                     precision_given=precision_field in changed)
        setattr(record, date_field, day)
        setattr(record, precision_field, precision)
        settled += [date_field, precision_field]
        if text_field and text_field not in changed:
            setattr(record, text_field, "")
            settled.append(text_field)
    return settled
