"""A dump of every record the ingest makes, comparable between databases and runs: each row by its own values
and its related rows' values, never by ids, uids or times (which differ by construction), sorted."""
from __future__ import annotations

import json

from django.apps import apps
from django.db import models

MODELS = ["Article", "Person", "PersonAlias", "Office", "Tenure", "Meeting", "Participant", "Agreement",
          "PersonSource", "TenureSource", "MeetingSource", "AgreementSource"]


def _volatile(field: models.Field) -> bool:
    return (isinstance(field, models.AutoField | models.BigAutoField | models.UUIDField)
            or field.name.endswith("_at") or getattr(field, "auto_now", False) or getattr(field, "auto_now_add", False))


def label(obj: models.Model, depth: int = 0):
    values = []
    for field in obj._meta.concrete_fields:
        if _volatile(field):
            continue
        if field.is_relation:
            related = getattr(obj, field.name)
            values.append((field.name, None if related is None else label(related, depth + 1) if depth < 2
                           else str(related)))
        else:
            values.append((field.name, str(getattr(obj, field.attname))))
    if depth == 0:
        for field in obj._meta.many_to_many:
            values.append((field.name, sorted(json.dumps(label(o, 1)) for o in getattr(obj, field.name).all())))
    return values


def dump(using: str = "default") -> dict[str, list[str]]:
    result = {}
    for name in MODELS:
        try:
            model = apps.get_model("events", name)
        except LookupError:
            continue
        result[name] = sorted(json.dumps(label(obj)) for obj in model.objects.using(using).all())
    return result
