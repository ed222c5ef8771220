import pytest
from django.contrib.auth.models import Permission

from events.api.throttling import LEASES
from tests.factories import UserFactory


def user_with(*codenames: str):
    user = UserFactory()
    user.user_permissions.add(*Permission.objects.filter(content_type__app_label="events", codename__in=codenames))
    return user


@pytest.fixture
def reader():
    """Logged in, with no model permission."""
    return UserFactory()


@pytest.fixture
def curator():
    """May add and change every curated record."""
    models = ("person", "meeting", "agreement", "office")
    return user_with(*(f"{verb}_{model}" for verb in ("add", "change") for model in models))


@pytest.fixture
def curator_client(api_client, curator):
    api_client.force_authenticate(curator)
    return api_client


@pytest.fixture(autouse=True)
def no_throttle_leases():
    """A lease (events.api.throttling) is this process's, not the cache's: no test runs on another's."""
    LEASES.clear()
    yield
    LEASES.clear()
