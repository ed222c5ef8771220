"""Failed log-ins are throttled per client address on the admin's and the browsable API's log-in forms."""
import pytest

pytestmark = pytest.mark.django_db

LOGIN_FORMS = ["/admin/login/", "/api/auth/login/"]
PASSWORD = "a-long-pass-phrase-1"


@pytest.fixture(autouse=True)
def three_failures(settings):
    settings.LOGIN_FAILURE_LIMIT = 3


@pytest.fixture
def staff(django_user_model):
    return django_user_model.objects.create_user("curator", password=PASSWORD, is_staff=True)


def log_in(client, url, password, **headers):
    return client.post(url, {"username": "curator", "password": password}, **headers).status_code


@pytest.mark.parametrize("url", LOGIN_FORMS)
def test_past_the_limit_even_the_right_password_is_429(client, staff, url):
    statuses = [log_in(client, url, "wrong") for _ in range(3)] + [log_in(client, url, PASSWORD)]
    assert statuses == [200, 200, 200, 429]


@pytest.mark.parametrize("url", LOGIN_FORMS)
def test_under_the_limit_the_right_password_logs_in(client, staff, url):
    statuses = [log_in(client, url, "wrong") for _ in range(2)] + [log_in(client, url, PASSWORD)]
    assert statuses == [200, 200, 302]


def test_a_new_forwarded_for_does_not_reset_the_count(client, staff):
    for n in range(3):
        log_in(client, "/admin/login/", "wrong", HTTP_X_FORWARDED_FOR=f"198.51.100.{n}")
    assert log_in(client, "/admin/login/", PASSWORD, HTTP_X_FORWARDED_FOR="198.51.100.99") == 429


def test_another_address_is_not_throttled(client, staff):
    for _ in range(3):
        log_in(client, "/admin/login/", "wrong", REMOTE_ADDR="192.0.2.1")
    assert log_in(client, "/admin/login/", PASSWORD, REMOTE_ADDR="192.0.2.2") == 302


def test_the_form_still_opens_when_throttled(client, staff):
    for _ in range(3):
        log_in(client, "/admin/login/", "wrong")
    assert client.get("/admin/login/").status_code == 200


def test_successful_log_ins_do_not_count(client, staff):
    for _ in range(4):
        assert log_in(client, "/admin/login/", PASSWORD) == 302
        client.logout()
    assert log_in(client, "/admin/login/", "wrong") == 200
