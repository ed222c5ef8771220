"""The project's settings for the test suite: DEBUG off as in production, with a key for tests only.

Static files are looked up by the finders rather than from a collectstatic manifest, which tests
do not build; tests/test_deploy.py checks the production storage after a real collectstatic.
"""
import os

os.environ.setdefault("SECRET_KEY", "tests-only-key-0123456789-abcdefghijklmnopqrstuvwxyz-never-deployed")

from diplomacy.settings import *  # noqa: F403

STORAGES = {**STORAGES, "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}  # noqa: F405
# Nothing is collected for tests: WhiteNoise would warn about the missing folder on every client.
STATIC_ROOT = None
# Log-in tests hash many passwords: the cheapest hasher, for tests only.
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
