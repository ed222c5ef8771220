"""Settings read from the environment fail loudly on values a server must never run with."""
from __future__ import annotations

import os
import subprocess
import sys

import pytest
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

from diplomacy import settings as diplomacy_settings


def import_settings(code: str = "", **env: str) -> subprocess.CompletedProcess:
    """Import the settings module as `s` in a fresh interpreter, `env` over a clean environment, and run `code`."""
    base = {key: value for key, value in os.environ.items()
            if key not in {"DEBUG", "SECRET_KEY", "DATABASE_URL", "ALLOWED_HOSTS"}}
    return subprocess.run([sys.executable, "-c", f"import diplomacy.settings as s; {code}"], cwd=settings.BASE_DIR,
                          env=base | env, capture_output=True, text=True)


def test_without_a_secret_key_a_private_random_key_file_is_made_and_kept(tmp_path):
    key_file = tmp_path / "secret_key"
    first = import_settings("print(s.SECRET_KEY)", DEBUG="off", SECRET_KEY_FILE=str(key_file))
    second = import_settings("print(s.SECRET_KEY)", DEBUG="off", SECRET_KEY_FILE=str(key_file))
    assert first.returncode == 0, first.stderr
    assert first.stdout == second.stdout and len(first.stdout.strip()) >= 50
    assert key_file.stat().st_mode & 0o077 == 0


def test_a_secret_key_from_the_environment_wins_over_the_file(tmp_path):
    result = import_settings("print(s.SECRET_KEY)", DEBUG="off", SECRET_KEY="from-env",
                             SECRET_KEY_FILE=str(tmp_path / "never-made"))
    assert result.stdout.strip() == "from-env" and not (tmp_path / "never-made").exists()


def test_debug_off_with_a_secret_key_starts():
    result = import_settings(DEBUG="off", SECRET_KEY="a-real-secret")
    assert (result.returncode, result.stderr) == (0, "")


@pytest.mark.parametrize("raw", ["1", "true", "Yes", " on "])
def test_env_bool_reads_true_words(monkeypatch, raw):
    monkeypatch.setenv("DEBUG", raw)
    assert diplomacy_settings.env_bool("DEBUG", False) is True


@pytest.mark.parametrize("raw", ["0", "false", "NO", "off", ""])
def test_env_bool_reads_false_words(monkeypatch, raw):
    monkeypatch.setenv("DEBUG", raw)
    assert diplomacy_settings.env_bool("DEBUG", True) is False


@pytest.mark.parametrize("raw", ["maybe", "2", "enabled"])
def test_env_bool_rejects_other_words(monkeypatch, raw):
    monkeypatch.setenv("DEBUG", raw)
    with pytest.raises(ImproperlyConfigured, match="DEBUG"):
        diplomacy_settings.env_bool("DEBUG", True)


def test_env_bool_default_when_unset(monkeypatch):
    monkeypatch.delenv("DEBUG", raising=False)
    assert diplomacy_settings.env_bool("DEBUG", True) is True


def test_env_int_rejects_a_word(monkeypatch):
    monkeypatch.setenv("CONN_MAX_AGE", "forever")
    with pytest.raises(ImproperlyConfigured, match="CONN_MAX_AGE"):
        diplomacy_settings.env_int("CONN_MAX_AGE", 0)


def test_env_list_splits_on_commas(monkeypatch):
    monkeypatch.setenv("ALLOWED_HOSTS", "example.org, www.example.org,")
    assert diplomacy_settings.env_list("ALLOWED_HOSTS", []) == ["example.org", "www.example.org"]


@pytest.mark.parametrize("url", ["mysql://user@localhost/diplomacy", "redis://localhost", "nonsense"])
def test_database_url_must_be_sqlite_or_postgres(monkeypatch, url):
    monkeypatch.setenv("DATABASE_URL", url)
    with pytest.raises(ImproperlyConfigured, match="DATABASE_URL"):
        diplomacy_settings.database_from_env()


def test_database_url_postgres(monkeypatch):
    monkeypatch.setenv("DATABASE_URL", "postgres://curator@db.example:5433/diplomacy")
    config = diplomacy_settings.database_from_env()
    assert (config["ENGINE"], config["HOST"], config["PORT"], config["NAME"]) == (
        "django.db.backends.postgresql", "db.example", 5433, "diplomacy")


def test_database_defaults_to_sqlite_in_the_project(monkeypatch):
    monkeypatch.delenv("DATABASE_URL", raising=False)
    config = diplomacy_settings.database_from_env()
    assert (config["ENGINE"], config["NAME"]) == ("django.db.backends.sqlite3",
                                                  str(diplomacy_settings.BASE_DIR / "db.sqlite3"))


def test_cache_defaults_to_files_beside_the_code(monkeypatch):
    monkeypatch.delenv("CACHE_URL", raising=False)
    monkeypatch.delenv("CACHE_DIR", raising=False)
    config = diplomacy_settings.cache_from_env()
    assert (config["BACKEND"], config["LOCATION"]) == ("django.core.cache.backends.filebased.FileBasedCache",
                                                       str(diplomacy_settings.BASE_DIR / ".django_cache"))


@pytest.mark.parametrize(("url", "backend"), [
    ("redis://cache.internal:6379/0", "django.core.cache.backends.redis.RedisCache"),
    ("rediss://cache.internal:6380/1", "django.core.cache.backends.redis.RedisCache"),
    ("db://", "django.core.cache.backends.db.DatabaseCache"),
])
def test_cache_url_names_a_shared_cache(monkeypatch, url, backend):
    monkeypatch.setenv("CACHE_URL", url)
    assert diplomacy_settings.cache_from_env()["BACKEND"] == backend


@pytest.mark.parametrize("url", ["locmem://", "memcached://localhost", "nonsense"])
def test_cache_url_refuses_a_cache_of_one_process_or_an_unknown_one(monkeypatch, url):
    monkeypatch.setenv("CACHE_URL", url)
    with pytest.raises(ImproperlyConfigured, match="CACHE_URL"):
        diplomacy_settings.cache_from_env()


def test_debug_is_off_unless_asked_for():
    result = import_settings("print(s.DEBUG)", SECRET_KEY="a-real-secret")
    assert result.stdout == "False\n"


def test_debug_on_runs_without_a_secret_key_for_local_development():
    result = import_settings("print(s.DEBUG, s.ALLOWED_HOSTS)", DEBUG="1")
    assert result.stdout.split(" ", 1) == ["True", "['localhost', '127.0.0.1', '[::1]']\n"]


def test_bad_debug_value_stops_start_up():
    result = import_settings(DEBUG="maybe")
    assert (result.returncode, "ImproperlyConfigured: DEBUG" in result.stderr) == (1, True)


def test_time_zones_are_on_in_utc():
    assert (settings.USE_TZ, settings.TIME_ZONE) == (True, "UTC")


PRAGMAS = ("import django, os; os.environ['DJANGO_SETTINGS_MODULE'] = 'diplomacy.settings'; django.setup(); "
           "from django.db import connection; cursor = connection.cursor(); "
           "print(*(cursor.execute(f'PRAGMA {p}').fetchone()[0] for p in ('journal_mode', 'synchronous')))")


def test_sqlite_writes_ahead_to_a_log_and_flushes_each_commit(tmp_path):
    result = import_settings(PRAGMAS, DATABASE_URL=f"sqlite:///{tmp_path / 'db.sqlite3'}", SQLITE_SYNCHRONOUS="")
    assert result.stdout.split() == ["wal", "2"], result.stderr  # 2: FULL


def test_sqlite_synchronous_normal_can_be_chosen(tmp_path):
    result = import_settings(PRAGMAS, DATABASE_URL=f"sqlite:///{tmp_path / 'db.sqlite3'}", SQLITE_SYNCHRONOUS="normal")
    assert result.stdout.split() == ["wal", "1"], result.stderr  # 1: NORMAL


def test_sqlite_synchronous_rejects_other_words(tmp_path, monkeypatch):
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{tmp_path / 'db.sqlite3'}")
    monkeypatch.setenv("SQLITE_SYNCHRONOUS", "OFF")
    with pytest.raises(ImproperlyConfigured, match="SQLITE_SYNCHRONOUS"):
        diplomacy_settings.database_from_env()
