"""Schemathesis against the API's own OpenAPI schema, in-process through the WSGI app: every endpoint and method,
as an anonymous reader and as a curator with a token, over a database holding one of each kind of record.

Checked: no request it generates gets a 5xx, and every answer is one the schema documents, in status code, content
type, headers and body (errors included: events.api.schema documents them).
Bounded: a few examples per operation (SCHEMATHESIS_MAX_EXAMPLES), no deadline, no stored database of examples,
derandomised, so the run is repeatable in CI's `make test` on SQLite and PostgreSQL.
"""
import os

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from drf_spectacular.generators import SchemaGenerator
from hypothesis import HealthCheck, settings
from rest_framework.authtoken.models import Token
from schemathesis.checks import (
    content_type_conformance,
    not_a_server_error,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from diplomacy.wsgi import application
from tests import factories
from tests.api.conftest import user_with

pytestmark = pytest.mark.django_db

MAX_EXAMPLES = int(os.environ.get("SCHEMATHESIS_MAX_EXAMPLES", "10"))
CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance, response_headers_conformance,
          response_schema_conformance]
CURATED = ("person", "meeting", "agreement", "office")

schema = schemathesis.openapi.from_dict(SchemaGenerator().get_schema(request=None, public=True))
schema.app = application
bounded = settings(max_examples=MAX_EXAMPLES, deadline=None, database=None, derandomize=True,
                   suppress_health_check=list(HealthCheck))


@pytest.fixture(autouse=True)
def keep_the_test_connection():
    """Called as a WSGI app, Django closes its connection after each request, and with it the test's
    transaction on PostgreSQL: keep it open, as Django's test client does."""
    for signal in (request_started, request_finished):
        signal.disconnect(close_old_connections)
    yield
    for signal in (request_started, request_finished):
        signal.connect(close_old_connections)


@pytest.fixture(autouse=True)
def records():
    """One of each: lists and relations answer with bodies to check, not only empty pages."""
    tenure = factories.TenureSourceFactory().record
    meeting = factories.MeetingSourceFactory().record
    factories.ParticipantFactory(meeting=meeting, person=tenure.person)
    factories.ParticipantFactory(meeting=meeting, person__country=factories.country("IN"))
    factories.AgreementMeetingFactory(meeting=meeting, agreement=factories.AgreementSourceFactory().record)
    factories.PersonSourceFactory(record=tenure.person)


@pytest.fixture
def curator_token() -> str:
    """A curator: may add, change and delete every curated record."""
    user = user_with(*(f"{verb}_{model}" for verb in ("add", "change", "delete") for model in CURATED))
    return Token.objects.create(user=user).key


@schema.parametrize()
@bounded
def test_api_as_anonymous(case):
    case.call_and_validate(checks=CHECKS)


@schema.parametrize()
@bounded
def test_api_as_a_curator_with_a_token(case, curator_token):
    case.call_and_validate(headers={"Authorization": f"Token {curator_token}"}, checks=CHECKS)
