"""On PostgreSQL every statement of an API request has a time limit; a statement past it answers 503."""
from __future__ import annotations

import pytest
from django.db import OperationalError, connection, transaction
from django.http import HttpResponse
from django.test import RequestFactory

from diplomacy.middleware import StatementTimeoutMiddleware
from events.api.exceptions import api_exception_handler

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(connection.vendor != "postgresql", reason="statement_timeout is PostgreSQL's"),
]


def statement_timeout() -> str:
    with connection.cursor() as cursor:
        cursor.execute("SHOW statement_timeout")
        return cursor.fetchone()[0]


def timeout_during(path: str) -> str:
    middleware = StatementTimeoutMiddleware(lambda request: HttpResponse(statement_timeout()))
    return middleware(RequestFactory().get(path)).content.decode()


def test_an_api_request_runs_under_the_timeout(settings):
    settings.API_STATEMENT_TIMEOUT_MS = 5000
    assert timeout_during("/api/meetings/") == "5s"


def test_the_timeout_is_lifted_after_the_request(settings):
    settings.API_STATEMENT_TIMEOUT_MS = 5000
    timeout_during("/api/meetings/")
    assert statement_timeout() == "0"


def test_the_admin_is_not_limited(settings):
    settings.API_STATEMENT_TIMEOUT_MS = 5000
    assert timeout_during("/admin/") == "0"


def test_a_statement_past_the_timeout_answers_503():
    with pytest.raises(OperationalError) as stopped, transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SET LOCAL statement_timeout = '10ms'")
        cursor.execute("SELECT pg_sleep(1)")
    assert api_exception_handler(stopped.value, {}).status_code == 503
