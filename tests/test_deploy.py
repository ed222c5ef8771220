"""Production settings: check --deploy is clean with the production variables, WhiteNoise serves the
collected static files with DEBUG off, the health check answers, and / leads somewhere."""
from __future__ import annotations

import os
import subprocess
import sys

import pytest
from django.conf import settings

# What a production server sets (README, "Deploying").
PRODUCTION = {
    "DEBUG": "0",
    "SECRET_KEY": "a-long-random-production-secret-0123456789-abcdefghijklmnopqrstuvwxyz",
    "ALLOWED_HOSTS": "diplomacy.example.org",
    "SECURE_SSL_REDIRECT": "1",
    "SECURE_HSTS_SECONDS": "31536000",
    "SECURE_HSTS_INCLUDE_SUBDOMAINS": "1",
    "SECURE_HSTS_PRELOAD": "1",
    "SECURE_PROXY_SSL_HEADER": "X-Forwarded-Proto: https",
}
OURS = {"DJANGO_SETTINGS_MODULE", "DATABASE_URL", "STATIC_ROOT", *PRODUCTION}


def run_django(code: str, **env: str) -> subprocess.CompletedProcess:
    """Run `code` after django.setup() with diplomacy.settings in a fresh interpreter, `env` over a clean environment."""
    base = {key: value for key, value in os.environ.items() if key not in OURS}
    script = f"import django; django.setup()\n{code}"
    return subprocess.run([sys.executable, "-c", script], cwd=settings.BASE_DIR, capture_output=True, text=True,
                          env=base | {"DJANGO_SETTINGS_MODULE": "diplomacy.settings"} | env, timeout=300)


CHECK_DEPLOY = "from django.core.management import call_command; call_command('check', deploy=True, fail_level='WARNING')"


def test_check_deploy_reports_nothing_with_the_production_variables():
    result = run_django(CHECK_DEPLOY, **PRODUCTION)
    assert (result.returncode, result.stdout.strip(), result.stderr) == (0, "System check identified no issues (0 silenced).", "")


@pytest.mark.parametrize(("variable", "warning"), [
    ("SECURE_SSL_REDIRECT", "security.W008"),
    ("SECURE_HSTS_SECONDS", "security.W004"),
    ("SECURE_HSTS_PRELOAD", "security.W021"),
])
def test_check_deploy_warns_when_an_https_variable_is_missing(variable, warning):
    env = {key: value for key, value in PRODUCTION.items() if key != variable}
    result = run_django(CHECK_DEPLOY, **env)
    assert (result.returncode, warning in result.stderr) == (1, True)


def test_cookies_are_secure_with_debug_off():
    result = run_django("from django.conf import settings as s; print(s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE)",
                        DEBUG="0", SECRET_KEY=PRODUCTION["SECRET_KEY"])
    assert result.stdout == "True True\n"


def test_proxy_ssl_header_is_opt_in():
    code = "from django.conf import settings as s; print(s.SECURE_PROXY_SSL_HEADER)"
    unset = run_django(code, DEBUG="1")
    behind_proxy = run_django(code, DEBUG="1", SECURE_PROXY_SSL_HEADER="X-Forwarded-Proto: https")
    assert (unset.stdout, behind_proxy.stdout) == ("None\n", "('HTTP_X_FORWARDED_PROTO', 'https')\n")


def test_bad_proxy_ssl_header_stops_start_up():
    result = run_django("", DEBUG="1", SECURE_PROXY_SSL_HEADER="https")
    assert (result.returncode, "ImproperlyConfigured: SECURE_PROXY_SSL_HEADER" in result.stderr) == (1, True)


def test_bad_frame_options_stop_start_up():
    result = run_django("", DEBUG="1", X_FRAME_OPTIONS="ALLOWALL")
    assert (result.returncode, "ImproperlyConfigured: X_FRAME_OPTIONS" in result.stderr) == (1, True)


SERVE_STATIC = """
from django.core.management import call_command
from django.templatetags.static import static
from django.test import Client
call_command("collectstatic", interactive=False, verbosity=0)
url = static("admin/css/base.css")
response = Client().get(url)
print(url != "/static/admin/css/base.css", response.status_code, response.headers.get("Cache-Control"))
"""


def test_whitenoise_serves_collected_static_files_with_debug_off(tmp_path):
    result = run_django(SERVE_STATIC, DEBUG="0", SECRET_KEY=PRODUCTION["SECRET_KEY"], STATIC_ROOT=str(tmp_path))
    assert result.stdout.split(" ", 2)[:2] == ["True", "200"], result.stderr
    assert "immutable" in result.stdout


@pytest.mark.django_db
def test_health_answers_ok_when_the_database_answers(client):
    response = client.get("/health/")
    assert (response.status_code, response.json()) == (200, {"status": "ok", "database": "ok"})


def test_health_answers_503_when_the_database_is_down():
    # Nothing listens on port 1: the connection is refused, as when PostgreSQL is down.
    code = ("from django.test import Client; r = Client().get('/health/'); print(r.status_code, r.json())")
    result = run_django(code, DEBUG="0", SECRET_KEY=PRODUCTION["SECRET_KEY"], ALLOWED_HOSTS="testserver",
                        DATABASE_URL="postgres://nobody@127.0.0.1:1/none")
    assert result.stdout == "503 {'status': 'error', 'database': 'unavailable'}\n", result.stderr


def test_root_redirects_to_the_api(client):
    response = client.get("/")
    assert (response.status_code, response["Location"]) == (302, "/api/")
