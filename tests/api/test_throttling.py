"""Anonymous readers are throttled at API_ANON_THROTTLE_RATE; signed-in users are not."""
import pytest
from django.conf import settings
from rest_framework.throttling import AnonRateThrottle

pytestmark = pytest.mark.django_db


@pytest.fixture
def two_per_minute(monkeypatch):
    # DRF reads the rates into the class when it is imported, so a settings override would come too late.
    monkeypatch.setitem(AnonRateThrottle.THROTTLE_RATES, "anon", "2/min")


def test_anonymous_reader_is_throttled(api_client, two_per_minute):
    statuses = [api_client.get("/api/countries/").status_code for _ in range(3)]
    assert statuses == [200, 200, 429]


def test_signed_in_reader_is_not_throttled(api_client, reader, two_per_minute):
    api_client.force_authenticate(reader)
    statuses = {api_client.get("/api/countries/").status_code for _ in range(3)}
    assert statuses == {200}


def test_default_rate_is_set():
    assert settings.REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"]["anon"] == settings.API_ANON_THROTTLE_RATE
