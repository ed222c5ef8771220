"""Schemathesis against the API's own OpenAPI schema, as an anonymous reader, in-process through the WSGI app.

Checked for now: no request it generates gets a 5xx. Conformance of every response to the schema
(documented 400s, parameter constraints such as minimum 1 for ids and pages) is still to do.
Bounded: a few examples per operation (SCHEMATHESIS_MAX_EXAMPLES), no deadline, no stored database of
examples, so the run is repeatable in CI's `make test` on SQLite and PostgreSQL.
"""
import os

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from drf_spectacular.generators import SchemaGenerator
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error

from diplomacy.wsgi import application

pytestmark = pytest.mark.django_db

MAX_EXAMPLES = int(os.environ.get("SCHEMATHESIS_MAX_EXAMPLES", "10"))

schema = schemathesis.openapi.from_dict(SchemaGenerator().get_schema(request=None, public=True))
schema.app = application


@pytest.fixture(autouse=True)
def keep_the_test_connection():
    """Called as a WSGI app, Django closes its connection after each request, and with it the test's
    transaction on PostgreSQL: keep it open, as Django's test client does."""
    for signal in (request_started, request_finished):
        signal.disconnect(close_old_connections)
    yield
    for signal in (request_started, request_finished):
        signal.connect(close_old_connections)


@schema.parametrize()
@settings(max_examples=MAX_EXAMPLES, deadline=None, database=None, derandomize=True,
          suppress_health_check=list(HealthCheck))
def test_api_as_anonymous(case):
    case.call_and_validate(checks=[not_a_server_error])
