"""Revisions of every record (django-simple-history), with the manager class made once per model.

simple_history's descriptor builds a new manager class (`Manager.from_queryset`, which walks the queryset class's
members) each time `Model.history` or `instance.history` is read, and every save reads it to write its historical
row: 3% of an ingest's time (py-spy, 200 generated articles). The class depends only on the two classes it is made
of, so one is enough.
"""
from __future__ import annotations

import functools
from typing import Any

from simple_history import manager, models


class HistoryManager(manager.HistoryManager):
    @classmethod
    @functools.cache
    def from_queryset(cls, queryset_class: type, class_name: str | None = None) -> type:
        return super().from_queryset(queryset_class, class_name)


def HistoricalRecords(**kwargs: Any) -> models.HistoricalRecords:
    return models.HistoricalRecords(history_manager=HistoryManager, **kwargs)
