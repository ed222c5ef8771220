"""A statement timeout on PostgreSQL for API requests, so no query an anonymous reader can shape
runs for minutes (the issue saw 89 s and a runaway backend at 7.1 GB before search was capped)."""
from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.db import DatabaseError, connection
from django.http import HttpRequest, HttpResponse

API_PREFIX = "/api/"


class StatementTimeoutMiddleware:
    """SET statement_timeout for the request, then back to the server's default for the next user of the connection.

    Set per request rather than in the connection's OPTIONS: the same settings serve `ingest_articles`
    and `migrate`, which must not be cut short.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        timeout = settings.API_STATEMENT_TIMEOUT_MS
        if not (timeout and connection.vendor == "postgresql" and request.path.startswith(API_PREFIX)):
            return self.get_response(request)
        # Set before the request's first statement, not up front: an answer from the response cache
        # (events.api.response_cache) sends none, and then neither SET nor RESET is sent.
        limited = []

        def limit(execute, sql, params, many, context):
            if not limited:
                limited.append(True)
                with context["connection"].cursor() as cursor:
                    cursor.execute("SELECT set_config('statement_timeout', %s, false)", [f"{timeout}ms"])
            return execute(sql, params, many, context)

        try:
            with connection.execute_wrapper(limit):
                return self.get_response(request)
        finally:
            if limited:
                reset_statement_timeout()


def reset_statement_timeout() -> None:
    try:
        with connection.cursor() as cursor:
            cursor.execute("RESET statement_timeout")
    except DatabaseError:
        # A connection that cannot run this is closed at the end of the request (close_if_unusable_or_obsolete).
        pass
