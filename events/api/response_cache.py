"""A versioned cache of anonymous GET answers, and the data generation that versions it.

A py-spy profile of `/api/meetings/?country=JP&date_after=2020-01-01` under load (gunicorn -w 2, 100,000 meetings,
PostgreSQL) put some 60% of a request in the list itself (the page's queries 26%, the filterset 12%, shaping the
rows), for an answer that is the same for every anonymous reader until something is written. Such an answer is kept
in the server process's memory (`CACHES["api-responses"]`, 500 answers by default:
API_RESPONSE_CACHE_ENTRIES) under the request's full address, the format it was given in and the
**data generation**: a token that every committed write to the `events` tables replaces with a new one, so an
answer cached before a write is never found after it. Writes are seen where Django sends them, in an execute
wrapper on every database connection (`watch_writes`): model saves and deletes, queryset `update()` and
`bulk_create()` (an ingest's bulk writes send no model signals), the admin, the API, raw SQL through Django's
cursor. In a transaction the token is replaced when it commits (`on_commit`); a connection with a write not yet
committed neither reads nor stores answers (it would see its own uncommitted rows). Writes made outside Django
(psql) are seen when an answer expires: `API_RESPONSE_CACHE_SECONDS` (default 60; 0 turns the cache off).

Kept: 200 answers in JSON or CSV to a reader who is not logged in (a curator sees rejected records; the browsable
API's HTML carries a CSRF token). Any other answer is computed each time. A hit still passes authentication, the
throttle, content negotiation and the unknown-parameter check; a hit on a record whose `ETag` the client names in
If-None-Match answers 304, as the view does.
"""
from __future__ import annotations

import hashlib
import re
import secrets
from typing import Any

from django.conf import settings
from django.core.cache import cache, caches
from django.db import connections
from django.http import HttpResponse
from rest_framework.request import Request
from rest_framework.response import Response

from .conditional import not_modified

GENERATION_KEY = "api-generation"
CACHED_FORMATS = {"json", "csv"}
# Larger answers (pages of hundreds of meetings) are not kept: 500 answers per process stay under some 50 MB. A
# default page of 50 meetings is about 38 KB.
MAX_KEPT_BYTES = 100_000
# A statement that changes rows of the app's tables (history and many-to-many tables included).
WRITE = re.compile(r'\s*(?:INSERT\s+INTO|UPDATE|DELETE\s+FROM|TRUNCATE(?:\s+TABLE)?)\s+[("\s]*events_', re.IGNORECASE)


def generation() -> str:
    """The current data generation. A new token when the cache lost it: never one an earlier answer was kept under."""
    token = cache.get(GENERATION_KEY)
    if token is None:
        cache.add(GENERATION_KEY, secrets.token_hex(8), None)
        token = cache.get(GENERATION_KEY)
    return token


def bump() -> None:
    """A new generation: every answer kept so far is out of reach."""
    cache.set(GENERATION_KEY, secrets.token_hex(8), None)


def pending(connection: Any) -> bool:
    """Whether the connection has written to the app's tables in a transaction not yet committed."""
    return connection.in_atomic_block and any(func is bump for _, func, _ in connection.run_on_commit)


def watch_writes(execute, sql, params, many, context):
    """An execute wrapper: a write replaces the generation once it is committed (at once in autocommit)."""
    result = execute(sql, params, many, context)
    if isinstance(sql, str) and WRITE.match(sql):
        connection = context["connection"]
        if not connection.in_atomic_block:
            bump()
        elif not pending(connection):
            connection.on_commit(bump)
    return result


def install(connection: Any, **kwargs: Any) -> None:
    """`connection_created`: watch this connection's writes. First in the list, so that a test's or the bench's
    `connection.execute_wrapper()`, which pops the last one when it ends, never removes it."""
    if watch_writes not in connection.execute_wrappers:
        connection.execute_wrappers.insert(0, watch_writes)


class Hit(Exception):
    def __init__(self, response: HttpResponse):
        self.response = response


class CachedReads:
    """A viewset mixin (first among the bases): anonymous GET answers kept per data generation."""

    response_cache_key: str | None = None

    def initial(self, request: Request, *args: Any, **kwargs: Any) -> None:
        super().initial(request, *args, **kwargs)
        self.response_cache_key = cache_key(request)
        if self.response_cache_key is None:
            return
        kept = caches["api-responses"].get(self.response_cache_key)
        if kept is not None:
            raise Hit(answer(request, *kept))

    def handle_exception(self, exc: Exception) -> HttpResponse:
        if isinstance(exc, Hit):
            return exc.response
        return super().handle_exception(exc)

    def finalize_response(self, request: Request, response: HttpResponse, *args: Any, **kwargs: Any) -> HttpResponse:
        response = super().finalize_response(request, response, *args, **kwargs)
        key, self.response_cache_key = self.response_cache_key, None
        if key is not None and isinstance(response, Response) and response.status_code == 200 \
                and not response.cookies and not pending(connections["default"]):
            response.render()
            if len(response.content) > MAX_KEPT_BYTES:
                return response
            caches["api-responses"].set(key, (response.status_code, response.content, list(response.items())),
                      settings.API_RESPONSE_CACHE_SECONDS)
        return response


def cache_key(request: Request) -> str | None:
    """The key of this request's answer, or None if it is not one to keep."""
    if not (settings.API_RESPONSE_CACHE_SECONDS > 0 and request.method == "GET"
            and not request.user.is_authenticated and request.auth is None
            and getattr(request, "accepted_renderer", None) is not None
            and request.accepted_renderer.format in CACHED_FORMATS and not pending(connections["default"])):
        return None
    address = f"{request.build_absolute_uri()}\n{request.accepted_media_type}"
    return f"api-response:{generation()}:{hashlib.sha256(address.encode()).hexdigest()}"


def answer(request: Request, status: int, content: bytes, headers: list[tuple[str, str]]) -> HttpResponse:
    response = HttpResponse(content, status=status, headers=dict(headers))
    tag = response.get("ETag")
    unchanged = not_modified(request, tag) if tag else None
    return unchanged if unchanged is not None else response
