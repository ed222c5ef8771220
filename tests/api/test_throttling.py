"""Anonymous readers are throttled at API_ANON_THROTTLE_RATE per client address, in a cache every
server process shares; signed-in users are not."""
import pytest
from django.conf import settings
from django.db import connection
from rest_framework.throttling import AnonRateThrottle

pytestmark = pytest.mark.django_db


@pytest.fixture
def two_per_minute(monkeypatch):
    # DRF reads the rates into the class when it is imported, so a settings override would come too late.
    monkeypatch.setitem(AnonRateThrottle.THROTTLE_RATES, "anon", "2/min")


@pytest.fixture
def behind_one_proxy(settings):
    settings.REST_FRAMEWORK = {**settings.REST_FRAMEWORK, "NUM_PROXIES": 1}


def test_anonymous_reader_is_throttled(api_client, two_per_minute):
    statuses = [api_client.get("/api/countries/").status_code for _ in range(3)]
    assert statuses == [200, 200, 429]


def test_signed_in_reader_is_not_throttled(api_client, reader, two_per_minute):
    api_client.force_authenticate(reader)
    statuses = {api_client.get("/api/countries/").status_code for _ in range(3)}
    assert statuses == {200}


def test_default_rate_is_set():
    assert settings.REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"]["anon"] == settings.API_ANON_THROTTLE_RATE


def test_a_new_forwarded_for_per_request_does_not_get_round_it(api_client, two_per_minute):
    statuses = [api_client.get("/api/countries/", HTTP_X_FORWARDED_FOR=f"198.51.100.{n}").status_code for n in range(3)]
    assert statuses == [200, 200, 429]


def test_other_addresses_have_their_own_allowance(api_client, two_per_minute):
    for _ in range(2):
        api_client.get("/api/countries/", REMOTE_ADDR="192.0.2.1")
    assert api_client.get("/api/countries/", REMOTE_ADDR="192.0.2.2").status_code == 200


def test_behind_a_trusted_proxy_the_address_it_saw_counts(api_client, two_per_minute, behind_one_proxy):
    # What the client wrote before the proxy's entry is ignored; the proxy's entry is the client.
    statuses = [api_client.get("/api/countries/", HTTP_X_FORWARDED_FOR=f"10.0.0.{n}, 203.0.113.7").status_code
                for n in range(3)]
    assert statuses == [200, 200, 429]


def test_behind_a_trusted_proxy_two_clients_are_counted_apart(api_client, two_per_minute, behind_one_proxy):
    for _ in range(2):
        api_client.get("/api/countries/", HTTP_X_FORWARDED_FOR="203.0.113.7")
    assert api_client.get("/api/countries/", HTTP_X_FORWARDED_FOR="203.0.113.8").status_code == 200


def test_the_count_is_kept_in_the_database_every_process_reads(api_client):
    api_client.get("/api/countries/")
    with connection.cursor() as cursor:
        cursor.execute("SELECT cache_key FROM django_cache")
        keys = [row[0] for row in cursor.fetchall()]
    assert any("throttle_anon_127.0.0.1" in key for key in keys)
