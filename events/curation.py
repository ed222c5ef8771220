"""What a curator's edit means for the pipeline: the fields they touched are never re-parsed."""
from __future__ import annotations

from collections.abc import Iterable

from django.db import models
from django.utils import timezone

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


def set_review_state(queryset: models.QuerySet, state: ReviewState) -> int:
    """Give every record of `queryset` the review state, locked so that a re-parse cannot reset it."""
    records = list(queryset)
    now = timezone.now()
    for record in records:
        record.review_state = state
        record.lock("review_state")
        record.updated_at = now
    return queryset.model._default_manager.bulk_update(records, ["review_state", "locked_fields", "updated_at"])
