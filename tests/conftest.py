import pytest


@pytest.fixture
def api_client():
    from rest_framework.test import APIClient

    return APIClient()


@pytest.fixture(scope="session")
def ingest_context():
    """The real spaCy model, loaded once for the whole run (never a mock)."""
    from django.conf import settings

    from events.extraction.context import IngestContext

    return IngestContext(settings.SPACY_MODEL)
