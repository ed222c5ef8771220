"""Conditional requests on a record a curator edits: an `ETag` on its detail view, `If-None-Match` on reads (304)
and `If-Match` on writes (412).

Without `If-Match`, a PUT built from a representation read before an ingest wrote the record counts the ingest's
values it never saw as the curator's changes, writes its old ones back and locks them. A client that sends the ETag
it read gets 412 instead, and a write whose ETag matches starts from the row as it is, so what it changes is exactly
what the curator changed. A write without `If-Match` is still allowed (clients written before it keep working).

The tag is a hash of the record's representation as this user reads it (its fields, lists and sources), the same
in every format: any write to the record, by a curator or an ingest, changes it. Writes compare it strongly, as
RFC 9110 says: a weak tag (`W/"..."`) never matches `If-Match`.
"""
from __future__ import annotations

import hashlib
import json
import re
from typing import Any

from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from rest_framework import status
from rest_framework.exceptions import APIException
from rest_framework.request import Request
from rest_framework.response import Response

ENTITY_TAG = re.compile(r'\s*(W/)?"([^"]*)"\s*(?:,|$)')


class PreconditionFailed(APIException):
    status_code = status.HTTP_412_PRECONDITION_FAILED
    default_code = "precondition_failed"
    default_detail = ("The record has changed since the version named in If-Match: read it again, and apply the "
                      "change to what it is now.")


def entity_tag(data: Any) -> str:
    """A strong ETag for a representation's data."""
    payload = json.dumps(data, cls=DjangoJSONEncoder, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return f'"{hashlib.sha256(payload.encode()).hexdigest()[:32]}"'


def matches(header: str, tag: str, *, weak: bool) -> bool:
    """Whether an If-Match (`weak=False`: strong comparison) or If-None-Match (`weak=True`) header names `tag`.

    A header that is not a list of entity tags names none: on a write that fails the precondition rather than
    ignoring it, since the client asked for one."""
    header = header.strip()
    if header == "*":
        return True
    opaque = tag.removeprefix("W/")
    position, found = 0, False
    while position < len(header):
        listed = ENTITY_TAG.match(header, position)
        if listed is None or listed.end() == position:
            return False
        is_weak, value = listed.group(1) is not None, f'"{listed.group(2)}"'
        found = found or (value == opaque and (weak or not is_weak))
        position = listed.end()
    return found


def not_modified(request: Request, tag: str) -> Response | None:
    """The 304 answer to a read whose If-None-Match names `tag`, else None."""
    if_none_match = request.headers.get("If-None-Match")
    if if_none_match is not None and matches(if_none_match, tag, weak=True):
        return Response(status=status.HTTP_304_NOT_MODIFIED, headers={"ETag": tag})
    return None


class ConditionalRecord:
    """A viewset mixin for records curators edit: ETag and If-None-Match on `retrieve`, If-Match on `update`,
    `partial_update` and `destroy`. A write reads the record under a row lock held until it commits, so the tag it
    checks, the values it starts from and the row it writes are one version (an ingest writing the record waits)."""

    def retrieve(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        response = super().retrieve(request, *args, **kwargs)
        if response.status_code != status.HTTP_200_OK:
            return response  # a merged record's redirect has no representation of its own
        tag = entity_tag(response.data)
        if (unchanged := not_modified(request, tag)) is not None:
            return unchanged
        response["ETag"] = tag
        return response

    def update(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        with transaction.atomic():
            self._hold_and_check(request)
            response = super().update(request, *args, **kwargs)
            if response.status_code == status.HTTP_200_OK:
                # The record read again as a GET shows it (the write may have changed lists it shows), still under
                # the lock: the body and the tag a client sends next are the same version.
                response.data = self.get_serializer(self.get_object()).data
                response["ETag"] = entity_tag(response.data)
        return response

    def destroy(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        with transaction.atomic():
            self._hold_and_check(request)
            return super().destroy(request, *args, **kwargs)

    def _hold_and_check(self, request: Request) -> None:
        lookup = self.kwargs[self.lookup_url_kwarg or self.lookup_field]
        model = self.get_queryset().model
        # No ordering: a model's default one may join another table (an office's country), which PostgreSQL will not
        # lock on the nullable side of an outer join.
        list(model._base_manager.select_for_update(of=("self",)).filter(**{self.lookup_field: lookup})
             .order_by().values_list("pk"))
        if_match = request.headers.get("If-Match")
        if if_match is None:
            return
        current = entity_tag(self.get_serializer(self.get_object()).data)
        if not matches(if_match, current, weak=False):
            raise PreconditionFailed()
