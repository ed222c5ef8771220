"""The curated dataset: what a dump carries between databases, and what it leaves behind.

A record's history (django-simple-history) is this database's own audit trail, keyed by local ids:
a dump leaves it out, and the database a dump is loaded into starts its own history from the load.

A load writes every record the dataset carries, fields and parties as the dataset has them (loaddata). The rows that
link records (participants, agreement-meeting links, aliases) are rows of their own, which loaddata adds or updates
and never deletes; so for the records whose links are a curator's decision in the dataset, the links it does not carry
are then removed (`remove_links_not_loaded`): loading v2 of a dataset over v1 gives v2's links.
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from django.apps import apps
from django.core.management import call_command
from django.db import models
from django.db.models.signals import post_save
from simple_history.models import HistoricalChanges

from .models import AgreementMeeting, Participant, PersonAlias
from .models.base import Extracted

# The rows linking a record to others: (link, the foreign key to the record it hangs from, the lock that makes the
# record's list of them a curator's, or None where only a review does). Sources are left out: they are evidence,
# which no curator removes, and an article the dataset does not carry still supports what it supports here. Tenures
# are records of their own, and records are never deleted by a load.
LINKS: tuple[tuple[type[models.Model], str, str | None], ...] = (
    (Participant, "meeting", "participants"),
    (AgreementMeeting, "meeting", None),
    (AgreementMeeting, "agreement", "meetings"),
    (PersonAlias, "person", None),
)


def is_history(model: type[models.Model]) -> bool:
    return issubclass(model, HistoricalChanges)


def dataset_models() -> list[type[models.Model]]:
    """The events models a dump carries, each with a natural key."""
    return [model for model in apps.get_app_config("events").get_models() if not is_history(model)]


def dump_dataset(path: Path | str, *, indent: int | None = None) -> None:
    """Every events record with natural keys and no primary keys: loadable into any database with `loaddata`."""
    history = [model._meta.label for model in apps.get_app_config("events").get_models() if is_history(model)]
    call_command("dumpdata", "events", natural_foreign=True, natural_primary=True, exclude=history,
                 output=str(path), indent=indent, verbosity=0)


@contextmanager
def loaded_rows() -> Iterator[dict[type[models.Model], set[int]]]:
    """The primary keys, by model, of every row a fixture load saves (raw saves) while the block runs."""
    loaded: dict[type[models.Model], set[int]] = defaultdict(set)

    def collect(sender, instance, raw=False, **kwargs) -> None:
        if raw:
            loaded[sender].add(instance.pk)

    post_save.connect(collect, weak=False, dispatch_uid="events.dataset.loaded_rows")
    try:
        yield loaded
    finally:
        post_save.disconnect(dispatch_uid="events.dataset.loaded_rows")


def owns_links(record: Extracted, lock: str | None) -> bool:
    """The dataset decides a record's links when a curator decided on it there: reviewed as a whole (an ingest adds
    no link to it either), or with that list locked. An unreviewed record's links are the union of the dataset's and
    this database's: an article ingested here may rightly have added one the dataset never saw."""
    return record.is_protected or (lock is not None and lock in record.locked_fields)


def remove_links_not_loaded(loaded: dict[type[models.Model], set[int]], *, label: str) -> list[str]:
    """Delete the links of the loaded records the dataset owns (`owns_links`) that the load did not carry; each
    removal goes into the link's history with the dataset named. What was removed, in words."""
    removed = []
    for model, fk, lock in LINKS:
        owner_model = model._meta.get_field(fk).related_model
        ids = sorted(loaded.get(owner_model, ()))
        for start in range(0, len(ids), 500):  # bounded IN lists: SQLite limits a query's parameters
            owners = [r.pk for r in owner_model._default_manager.filter(pk__in=ids[start:start + 500])
                      if owns_links(r, lock)]
            for row in model._default_manager.filter(**{f"{fk}__in": owners}):
                if row.pk not in loaded.get(model, ()):
                    row._change_reason = f"not in the dataset {label}"[:100]
                    row.delete()
                    removed.append(f"{model._meta.verbose_name} {row}")
    return removed
