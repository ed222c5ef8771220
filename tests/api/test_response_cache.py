"""Anonymous GET answers are kept per data generation (events.api.response_cache): a kept answer is the one the
view gives, and after any committed write (the API, the admin, an ingest, a bulk update) the next GET shows it.

Transactional: the generation changes when a write commits, which a test's usual transaction never does."""
from __future__ import annotations

from unittest import mock

import pytest
from django.core.cache import cache
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from rest_framework.test import APIClient
from rest_framework.throttling import AnonRateThrottle

from events.api import response_cache
from events.models import Meeting
from tests.curation.ingest import WONG_MARSUDI, ingest
from tests.factories import MeetingFactory, ParticipantFactory, PersonFactory
from tests.test_admin import save_change

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)  # countries survive earlier flushes

LIST = "/api/meetings/"


def titles(client: APIClient, url: str = LIST) -> list[str]:
    response = client.get(url, HTTP_ACCEPT="application/json")
    assert response.status_code == 200
    return sorted(m["title"] for m in response.json()["results"])


def get(client: APIClient, url: str, **headers: str):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, **headers)
    return response, len(queries)


def test_a_kept_answer_is_the_views_own_and_runs_no_query(api_client):
    meeting = MeetingFactory(title="Talks")
    ParticipantFactory(meeting=meeting, person=PersonFactory())
    for url in (LIST, f"{LIST}?format=csv", f"{LIST}{meeting.pk}/", "/api/countries/", "/api/persons/?page_size=3"):
        first, first_queries = get(api_client, url)
        kept, kept_queries = get(api_client, url)
        assert first.status_code == kept.status_code == 200
        assert first_queries > 0 and kept_queries == 0, url
        assert kept.content == first.content, url
        assert dict(kept.items()) == dict(first.items()), url


def test_an_answer_is_kept_per_address_and_format(api_client):
    MeetingFactory(title="Talks")
    assert api_client.get(f"{LIST}?format=csv").content != api_client.get(f"{LIST}?format=json").content
    assert api_client.get(LIST, HTTP_ACCEPT="text/csv")["Content-Type"].startswith("text/csv")
    assert api_client.get(LIST, HTTP_ACCEPT="application/json")["Content-Type"] == "application/json"
    assert api_client.get(f"{LIST}?search=Talks").json()["count"] == 1
    assert api_client.get(f"{LIST}?search=Other").json()["count"] == 0


def test_a_write_through_the_api_shows_at_once(api_client, curator):
    meeting = MeetingFactory(title="Talks")
    assert titles(api_client) == ["Talks"]
    assert api_client.get(f"{LIST}{meeting.pk}/").json()["title"] == "Talks"
    writer = APIClient()
    writer.force_authenticate(curator)
    assert writer.patch(f"{LIST}{meeting.pk}/", {"title": "Summit"}, format="json").status_code == 200
    assert titles(api_client) == ["Summit"]
    assert api_client.get(f"{LIST}{meeting.pk}/").json()["title"] == "Summit"


def test_a_change_in_the_admin_shows_at_once(api_client, admin_client):
    meeting = MeetingFactory(title="Talks")
    assert titles(api_client) == ["Talks"]
    save_change(admin_client, meeting, title="Summit")
    assert titles(api_client) == ["Summit"]


def test_an_ingested_article_shows_at_once(api_client, ingest_context):
    assert titles(api_client) == []
    assert api_client.get("/api/persons/?search=Marsudi").json()["count"] == 0
    ingest(ingest_context, WONG_MARSUDI)
    assert len(titles(api_client)) == 1
    assert api_client.get("/api/persons/?search=Marsudi").json()["count"] == 1


def test_bulk_writes_show_at_once(api_client):
    """No model signal is sent for these: the writes are seen in the SQL Django sends."""
    MeetingFactory(title="Talks")
    assert titles(api_client) == ["Talks"]
    Meeting.objects.update(title="Summit")
    assert titles(api_client) == ["Summit"]
    with transaction.atomic():
        Meeting.objects.bulk_create([Meeting(title="Visit", kind="visit")])
    assert titles(api_client) == ["Summit", "Visit"]
    Meeting.objects.filter(title="Visit").delete()
    assert titles(api_client) == ["Summit"]


def test_a_write_after_a_rolled_back_savepoint_shows(api_client):
    MeetingFactory(title="Talks")
    assert titles(api_client) == ["Talks"]
    with transaction.atomic():
        try:
            with transaction.atomic():
                Meeting.objects.update(title="Never")
                raise RuntimeError
        except RuntimeError:
            pass
        Meeting.objects.update(title="Summit")
    assert titles(api_client) == ["Summit"]


def test_a_connection_with_an_uncommitted_write_reads_its_own_rows(api_client):
    MeetingFactory(title="Talks")
    assert titles(api_client) == ["Talks"]
    with transaction.atomic():
        Meeting.objects.update(title="Summit")
        assert response_cache.pending(connection)
        assert titles(api_client) == ["Summit"]
        transaction.set_rollback(True)
    assert titles(api_client) == ["Talks"]


def test_a_lost_generation_is_a_new_one(api_client):
    MeetingFactory(title="Talks")
    before = response_cache.generation()
    titles(api_client)
    cache.delete(response_cache.GENERATION_KEY)
    assert response_cache.generation() != before


def test_a_curator_gets_no_kept_answer(api_client, curator):
    """A curator may see rejected records: the reader's kept answer is not theirs, and theirs is not kept."""
    MeetingFactory(title="Talks", review_state="rejected")
    url = f"{LIST}?review_state=rejected"
    assert api_client.get(url).json()["count"] == 0
    api_client.force_authenticate(curator)
    for _ in range(2):
        response, queries = get(api_client, url)
        assert response.json()["count"] == 1 and queries > 0


def test_html_is_not_kept(api_client):
    MeetingFactory(title="Talks")
    get(api_client, LIST, HTTP_ACCEPT="text/html")
    assert get(api_client, LIST, HTTP_ACCEPT="text/html")[1] > 0


def test_a_kept_record_answers_if_none_match(api_client):
    meeting = MeetingFactory(title="Talks")
    url = f"{LIST}{meeting.pk}/"
    tag = api_client.get(url)["ETag"]
    response, queries = get(api_client, url, HTTP_IF_NONE_MATCH=tag)
    assert (response.status_code, response["ETag"], queries) == (304, tag, 0)
    assert get(api_client, url, HTTP_IF_NONE_MATCH='"other"')[0].status_code == 200


def test_a_kept_answer_is_still_throttled(api_client):
    MeetingFactory(title="Talks")
    rates = {**AnonRateThrottle.THROTTLE_RATES, "anon": "2/minute"}
    with mock.patch.object(AnonRateThrottle, "THROTTLE_RATES", rates):
        assert [api_client.get(LIST).status_code for _ in range(3)] == [200, 200, 429]


def test_the_cache_can_be_turned_off(api_client, settings):
    settings.API_RESPONSE_CACHE_SECONDS = 0
    MeetingFactory(title="Talks")
    get(api_client, LIST)
    assert get(api_client, LIST)[1] > 0


def test_a_large_answer_is_not_kept(api_client, monkeypatch):
    monkeypatch.setattr(response_cache, "MAX_KEPT_BYTES", 10)
    MeetingFactory(title="Talks")
    get(api_client, LIST)
    assert get(api_client, LIST)[1] > 0
