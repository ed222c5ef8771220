"""manage.py issue_token USERNAME prints a token that authenticates that user."""
import io

import pytest
from django.core.management import CommandError, call_command

from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def issue(*args: str) -> str:
    out = io.StringIO()
    call_command("issue_token", *args, stdout=out)
    return out.getvalue().strip()


def test_issued_token_authenticates(api_client):
    user = UserFactory(username="alice")
    api_client.credentials(HTTP_AUTHORIZATION=f"Token {issue('alice')}")
    assert api_client.get("/api/persons/").wsgi_request.user == user


def test_same_token_on_a_second_run():
    UserFactory(username="alice")
    assert issue("alice") == issue("alice")


def test_rotate_replaces_the_token():
    UserFactory(username="alice")
    assert issue("alice") != issue("alice", "--rotate")


def test_unknown_user_fails():
    with pytest.raises(CommandError, match="No user named"):
        issue("nobody")


def test_inactive_user_fails():
    UserFactory(username="gone", is_active=False)
    with pytest.raises(CommandError, match="inactive"):
        issue("gone")
