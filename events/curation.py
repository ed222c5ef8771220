"""What a curator's edit means for the pipeline: the fields they touched are never re-parsed."""
from __future__ import annotations

from collections.abc import Iterable

from django.db import models

from .models.base import Extracted, ReviewState

# The lock list itself is the curator's tool for unlocking; locking it would mean nothing.
NEVER_LOCKED = frozenset({"locked_fields"})


def fields_to_lock(model: type[models.Model], changed: Iterable[str]) -> list[str]:
    """The model fields among `changed` (a form's changed_data) that a re-parse must keep.

    Form-only fields (a formset's DELETE, an extra widget) are not model fields and are dropped.
    """
    opts = model._meta
    names = {field.name for field in [*opts.concrete_fields, *opts.many_to_many]} - NEVER_LOCKED
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


def save_as_curator(record: Extracted, user, reason: str = "", **kwargs) -> None:
    """Save with the curator and the reason written into the record's history."""
    record._history_user = user
    record._change_reason = reason[:100]
    record.save(**kwargs)
