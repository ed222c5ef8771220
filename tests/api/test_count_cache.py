"""A large `count` is kept until the next write (events.api.pagination); a small one is never kept."""
import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from events.api import pagination
from tests.factories import MeetingFactory

pytestmark = pytest.mark.django_db


def count(api_client) -> int:
    return api_client.get("/api/meetings/").json()["count"]


def test_a_small_count_is_exact_after_a_write(api_client):
    MeetingFactory.create_batch(2)
    assert count(api_client) == 2
    MeetingFactory()
    assert count(api_client) == 3


@pytest.mark.django_db(transaction=True, serialized_rollback=True)  # countries survive earlier flushes
def test_a_large_count_is_kept_until_a_write(api_client, monkeypatch):
    """Kept under the data generation (events.api.response_cache), which a committed write replaces."""
    monkeypatch.setattr(pagination, "COUNT_CACHE_FROM", 2)
    MeetingFactory.create_batch(2)
    assert count(api_client) == 2
    with CaptureQueriesContext(connection) as queries:
        # another page size: another address, so not the response cache's answer
        assert api_client.get("/api/meetings/?page_size=1").json()["count"] == 2
    assert not [q for q in queries.captured_queries if "COUNT(" in q["sql"]], "the count was kept"
    MeetingFactory()
    assert count(api_client) == 3
    assert api_client.get("/api/meetings/?page_size=1").json()["count"] == 3
    cache.clear()
    assert count(api_client) == 3


def test_a_large_count_is_exact_in_a_transaction_that_wrote(api_client, monkeypatch):
    """A test's transaction never commits: its writes are seen by its own connection only, which keeps no count."""
    monkeypatch.setattr(pagination, "COUNT_CACHE_FROM", 2)
    MeetingFactory.create_batch(2)
    assert count(api_client) == 2
    MeetingFactory()
    assert count(api_client) == 3
