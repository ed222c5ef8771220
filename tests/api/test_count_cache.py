"""A large `count` is kept for a while (events.api.pagination); a small one is always exact."""
import pytest
from django.core.cache import cache

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


def test_a_large_count_is_kept_until_it_expires(api_client, monkeypatch):
    monkeypatch.setattr(pagination, "COUNT_CACHE_FROM", 2)
    MeetingFactory.create_batch(2)
    assert count(api_client) == 2
    MeetingFactory()
    assert count(api_client) == 2
    assert api_client.get("/api/meetings/?status=held").json()["count"] == 3, "another filter, another count"
    cache.clear()
    assert count(api_client) == 3
