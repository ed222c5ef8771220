import pytest
from django.core.cache import cache


@pytest.fixture(autouse=True)
def empty_cache():
    """Throttles and counts live in the cache, files of this run (tests/settings.py): no test sees another's."""
    cache.clear()
    yield
    cache.clear()


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
