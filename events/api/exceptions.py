"""Errors the database raises that are the client's or the moment's, not a bug: answered as such."""
from __future__ import annotations

from collections import Counter
from typing import Any

from django.db import OperationalError
from django.db.models import ProtectedError, RestrictedError
from rest_framework import status
from rest_framework.exceptions import APIException
from rest_framework.response import Response
from rest_framework.views import exception_handler

# PostgreSQL's SQLSTATE for a statement cancelled by statement_timeout (diplomacy.middleware).
QUERY_CANCELED = "57014"


class InUse(APIException):
    """A delete refused because records still depend on the record (events.deletion says which and why)."""

    status_code = status.HTTP_409_CONFLICT
    default_code = "in_use"


def api_exception_handler(exc: Exception, context: dict[str, Any]) -> Response | None:
    if isinstance(exc, ProtectedError | RestrictedError):
        return Response({"detail": still_referenced(exc)}, status=status.HTTP_409_CONFLICT)
    if isinstance(exc, OperationalError) and getattr(exc.__cause__, "sqlstate", None) == QUERY_CANCELED:
        return Response({"detail": "The query took too long and was stopped; narrow the filters or the page size."},
                        status=status.HTTP_503_SERVICE_UNAVAILABLE)
    return exception_handler(exc, context)


def still_referenced(error: ProtectedError | RestrictedError) -> str:
    """"Cannot delete: 2 tenures refer to it." from the records that hold on to it."""
    records = error.protected_objects if isinstance(error, ProtectedError) else error.restricted_objects
    counts = Counter(record._meta for record in records)
    held_by = ", ".join(f"{count} {opts.verbose_name if count == 1 else opts.verbose_name_plural}"
                        for opts, count in sorted(counts.items(), key=lambda item: item[0].label))
    verb = "refers" if sum(counts.values()) == 1 else "refer"
    return f"Cannot delete it: {held_by} {verb} to it. Change or delete those first."
