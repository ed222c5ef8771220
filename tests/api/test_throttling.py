"""Anonymous readers are throttled at API_ANON_THROTTLE_RATE per client address, in a cache every
server process shares (CACHE_URL); signed-in users are not."""
import os
import random
import socket
import subprocess
import sys
import time

import pytest
from django.conf import settings
from django.core.cache import cache
from rest_framework.throttling import AnonRateThrottle

from diplomacy import settings as diplomacy_settings
from events.api.throttling import LEASE_SECONDS
from events.api.throttling import AnonRateThrottle as LeasingThrottle

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


# What a second gunicorn worker does: another process, the project's settings and the environment's cache, one
# request from ADDRESS through the anonymous throttle at 2 a minute; prints whether it was let through.
OTHER_WORKER = """
import django
django.setup()
from django.contrib.auth.models import AnonymousUser
from django.test import RequestFactory
from rest_framework.throttling import AnonRateThrottle
AnonRateThrottle.THROTTLE_RATES["anon"] = "2/min"
request = RequestFactory().get("/api/countries/", REMOTE_ADDR=ADDRESS)
request.user = AnonymousUser()
print(AnonRateThrottle().allow_request(request, None))
"""


def redis_running() -> bool:
    try:
        socket.create_connection(("127.0.0.1", 6379), timeout=1).close()
    except OSError:
        return False
    return True


@pytest.mark.parametrize("cache_url", [
    pytest.param("", id="default: files"),
    pytest.param("redis://127.0.0.1:6379/0", id="redis",
                 marks=pytest.mark.skipif(not redis_running(), reason="no Redis on 127.0.0.1:6379")),
])
def test_two_server_processes_count_one_allowance(api_client, two_per_minute, monkeypatch, settings, cache_url):
    # An address of the benchmarking range, new each run: a Redis other runs share holds no count of it.
    address = f"198.18.{random.randrange(256)}.{random.randrange(1, 255)}"
    monkeypatch.setenv("CACHE_URL", cache_url)
    settings.CACHES = {"default": diplomacy_settings.cache_from_env()}
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "diplomacy.settings"}
    try:
        for _ in range(2):
            child = subprocess.run([sys.executable, "-c", f"ADDRESS = {address!r}" + OTHER_WORKER], env=env,
                                   cwd=settings.BASE_DIR, capture_output=True, text=True, check=True)
            assert child.stdout.split() == ["True"]
        assert api_client.get("/api/countries/", REMOTE_ADDR=address).status_code == 429
    finally:
        cache.delete(f"throttle_anon_{address}")


def test_the_cache_is_one_every_process_can_read():
    """A cache of one process (Django's local memory) would give each gunicorn worker its own allowance."""
    assert settings.CACHES["default"]["BACKEND"] != "django.core.cache.backends.locmem.LocMemCache"


# ----------------------------------------------------------------------------- leases (events.api.throttling)


class CountingCache:
    """The cache, counting the writes of throttle histories."""

    def __init__(self):
        self.writes = 0

    def get(self, key, default=None):
        return cache.get(key, default)

    def set(self, key, value, timeout):
        self.writes += 1
        cache.set(key, value, timeout)


@pytest.fixture
def clock(monkeypatch):
    """The throttle's time, moved by hand: a burst of the test client takes no time at all."""
    now = [time.time()]
    monkeypatch.setattr(LeasingThrottle, "timer", staticmethod(lambda: now[0]))
    return now


@pytest.fixture
def counted_writes(monkeypatch):
    counting = CountingCache()
    monkeypatch.setattr(LeasingThrottle, "cache", counting)
    return counting


def rate(monkeypatch, value: str) -> None:
    monkeypatch.setitem(AnonRateThrottle.THROTTLE_RATES, "anon", value)


def test_a_burst_far_from_the_limit_is_written_less_than_once_a_request(api_client, monkeypatch, clock, counted_writes):
    rate(monkeypatch, "1000/hour")
    for _ in range(100):  # 50 a second
        assert api_client.get("/api/countries/").status_code == 200
        clock[0] += 0.02
    assert 0 < counted_writes.writes < 50


def test_an_address_of_a_few_requests_a_second_is_written_each_request(api_client, monkeypatch, clock,
                                                                        counted_writes):
    rate(monkeypatch, "1000/hour")
    for _ in range(20):  # 2 a second
        api_client.get("/api/countries/")
        clock[0] += 0.5
    assert counted_writes.writes == 20


def test_one_process_counting_in_leases_is_allowed_exactly_the_rate(api_client, monkeypatch, clock):
    rate(monkeypatch, "40/min")
    statuses = [api_client.get("/api/countries/").status_code for _ in range(41)]
    assert statuses == [200] * 40 + [429]


def test_unused_entries_of_a_lease_are_given_back_when_it_ends(api_client, monkeypatch, clock):
    rate(monkeypatch, "1000/hour")
    made = 0
    while made < 30 and len(cache.get("throttle_anon_192.0.2.1", [])) == made:
        api_client.get("/api/countries/", REMOTE_ADDR="192.0.2.1")
        made += 1
    assert len(cache.get("throttle_anon_192.0.2.1")) > made  # entries leased and not used yet
    clock[0] += LEASE_SECONDS + 0.1
    api_client.get("/api/countries/", REMOTE_ADDR="192.0.2.2")  # any request of the process gives them back
    assert len(cache.get("throttle_anon_192.0.2.1")) == made


# Another server process with leases: one ATTEMPTS requests from ADDRESS at 40 a minute; prints how many went through.
LEASING_WORKER = """
import django
django.setup()
from django.contrib.auth.models import AnonymousUser
from django.test import RequestFactory
from rest_framework.throttling import AnonRateThrottle
from events.api.throttling import AnonRateThrottle as LeasingThrottle
AnonRateThrottle.THROTTLE_RATES["anon"] = "40/min"
request = RequestFactory().get("/api/countries/", REMOTE_ADDR=ADDRESS)
request.user = AnonymousUser()
print(sum(LeasingThrottle().allow_request(request, None) for _ in range(ATTEMPTS)))
"""


def test_another_process_counts_the_entries_of_a_lease(api_client, monkeypatch, clock, settings):
    rate(monkeypatch, "40/min")
    for _ in range(10):
        assert api_client.get("/api/countries/", REMOTE_ADDR="192.0.2.9").status_code == 200
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "diplomacy.settings"}
    child = subprocess.run([sys.executable, "-c", "ADDRESS, ATTEMPTS = '192.0.2.9', 40" + LEASING_WORKER], env=env,
                           cwd=settings.BASE_DIR, capture_output=True, text=True, check=True)
    assert 10 + int(child.stdout) <= 40
