"""What every extracted record shares: a stable id for fixtures, a review state, locked fields."""
from __future__ import annotations

import calendar
import datetime
import uuid

from django.db import models


class DatePrecision(models.TextChoices):
    DAY = "day", "Day"
    MONTH = "month", "Month"
    YEAR = "year", "Year"


class ReviewState(models.TextChoices):
    EXTRACTED = "extracted", "Extracted"
    VERIFIED = "verified", "Verified"
    REJECTED = "rejected", "Rejected"


# uuid5 namespace of this project's records: the same record read from the same words gets the same uid in
# every database, so a dump loaded where the same articles were ingested updates records instead of doubling them.
UID_NAMESPACE = uuid.UUID("4f9d6a52-5c0e-4e8e-9d36-2b1e0c7a9d11")


def stable_uid(kind: str, *parts: str) -> uuid.UUID:
    return uuid.uuid5(UID_NAMESPACE, "\x1f".join([kind, *(" ".join(part.split()).casefold() for part in parts)]))


class UidManager(models.Manager):
    def get_by_natural_key(self, uid: str):
        return self.get(uid=uid)


class Extracted(models.Model):
    """A record the pipeline creates and a curator may correct.

    `uid` is the natural key: it survives dumpdata/loaddata between databases where the
    integer primary key would not. `locked_fields` names the fields a curator has set by
    hand; a re-parse never writes them, and a verified or rejected record is locked whole.
    Each concrete model keeps its history (django-simple-history): every save, by a curator
    or an ingest, with who, when, why, and the values it had.
    """

    uid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    review_state = models.CharField(max_length=10, choices=ReviewState.choices, default=ReviewState.EXTRACTED)
    locked_fields = models.JSONField(default=list, blank=True, help_text="Fields a re-parse must not overwrite.")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = UidManager()

    class Meta:
        abstract = True

    def natural_key(self) -> tuple[str]:
        return (str(self.uid),)

    @property
    def is_protected(self) -> bool:
        """A curator has decided on the record as a whole: a re-parse adds evidence to it and nothing else."""
        return self.review_state in (ReviewState.VERIFIED, ReviewState.REJECTED)

    def identity(self) -> tuple[str, ...]:
        """What the record is, in words, for its stable uid (each model says)."""
        return ()

    def give_stable_uid(self) -> None:
        """Before the first save: the uid made from the record's identity, unless another record has it
        (two persons of one name), when the random uid stays."""
        if self.identity():
            uid = stable_uid(self._meta.model_name, *self.identity())
            if not type(self)._default_manager.filter(uid=uid).exists():
                self.uid = uid

    def is_locked(self, field: str) -> bool:
        return self.is_protected or field in self.locked_fields

    def lock(self, *fields: str) -> None:
        self.locked_fields = sorted(set(self.locked_fields) | set(fields))


def precision_check(date_field: str, precision_field: str, name: str) -> models.CheckConstraint:
    """A date and its precision come together: both set, or both empty."""
    return models.CheckConstraint(
        condition=(
            models.Q(**{f"{date_field}__isnull": True, f"{precision_field}": ""})
            | models.Q(**{f"{date_field}__isnull": False, f"{precision_field}__in": DatePrecision.values})
        ),
        name=name,
    )


def period_start(day: datetime.date, precision: str) -> datetime.date:
    """A date known to a month or a year is stored as the first day of that period."""
    if precision == DatePrecision.MONTH:
        return day.replace(day=1)
    if precision == DatePrecision.YEAR:
        return day.replace(month=1, day=1)
    return day


def period_end(day: datetime.date, precision: str) -> datetime.date:
    """The last day of the period a date with its precision stands for."""
    if precision == DatePrecision.MONTH:
        return day.replace(day=calendar.monthrange(day.year, day.month)[1])
    if precision == DatePrecision.YEAR:
        return day.replace(month=12, day=31)
    return day


def period_ends_on_or_after(day: datetime.date, date_field: str, precision_field: str) -> models.Q:
    """A date known to a month or year stands for that whole period, stored as its first day.

    The period reaches `day` when it starts on or after the first day of `day`'s own month
    (or year): "June 2024" (2024-06-01, month) is on or after 2024-06-15.
    """
    # No period that reaches `day` starts before that year: the bound on the date alone is what an index on it can
    # use (a range scan), the precisions then sort out the rest of the rows it finds.
    return models.Q(**{f"{date_field}__gte": day.replace(month=1, day=1)}) & (
        models.Q(**{precision_field: DatePrecision.DAY, f"{date_field}__gte": day})
        | models.Q(**{precision_field: DatePrecision.MONTH, f"{date_field}__gte": day.replace(day=1)})
        | models.Q(**{precision_field: DatePrecision.YEAR})
    )
