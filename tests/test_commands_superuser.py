"""ensure_superuser: a way into a new installation's admin without a shared default password."""
from __future__ import annotations

import re
from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def fast_password_hashing(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def ensure_superuser(*args: str) -> str:
    out = StringIO()
    call_command("ensure_superuser", *args, stdout=out)
    return out.getvalue()


def printed_password(output: str) -> str:
    match = re.search(r"with password (\S+)", output)
    assert match, output
    return match.group(1)


def test_first_run_creates_a_superuser_with_the_printed_password():
    password = printed_password(ensure_superuser())
    user = get_user_model().objects.get()
    assert (user.username, user.is_superuser, user.is_staff, user.check_password(password)) == (
        "admin", True, True, True)


def test_second_run_creates_nothing_and_prints_no_password():
    ensure_superuser()
    output = ensure_superuser()
    assert (get_user_model().objects.count(), "password " in output.replace("changepassword", "")) == (1, False)


def test_passwords_differ_between_installations():
    first = printed_password(ensure_superuser())
    get_user_model().objects.all().delete()
    assert printed_password(ensure_superuser()) != first


def test_username_can_be_chosen():
    ensure_superuser("--username", "curator")
    assert get_user_model().objects.get().username == "curator"


def test_an_existing_superuser_of_another_name_is_enough():
    get_user_model().objects.create_superuser("someone", "", "x")
    ensure_superuser()
    assert list(get_user_model().objects.values_list("username", flat=True)) == ["someone"]
