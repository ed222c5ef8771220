"""The curated dataset: what a dump carries between databases, and what it leaves behind.

A record's history (django-simple-history) is this database's own audit trail, keyed by local ids:
a dump leaves it out, and the database a dump is loaded into starts its own history from the load.
"""
from __future__ import annotations

from pathlib import Path

from django.apps import apps
from django.core.management import call_command
from django.db import models
from simple_history.models import HistoricalChanges


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
