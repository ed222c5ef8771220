"""Anonymous readers are throttled at API_ANON_THROTTLE_RATE per client address, in a cache every
server process shares (CACHE_URL); signed-in users are not."""
import os
import random
import socket
import subprocess
import sys

import pytest
from django.conf import settings
from django.core.cache import cache
from rest_framework.throttling import AnonRateThrottle

from diplomacy import settings as diplomacy_settings

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
