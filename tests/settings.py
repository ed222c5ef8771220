"""The project's settings for the test suite: DEBUG off as in production, with a key for tests only.

Static files are looked up by the finders rather than from a collectstatic manifest, which tests
do not build; tests/test_deploy.py checks the production storage after a real collectstatic.
"""
import atexit
import os
import shutil
import tempfile

os.environ.setdefault("SECRET_KEY", "tests-only-key-0123456789-abcdefghijklmnopqrstuvwxyz-never-deployed")
# The cache (throttles, counts) in a folder of this run's own, which every test empties (tests/conftest.py): never a
# developer's Redis or .django_cache. A child process the tests start inherits the folder, as a second gunicorn
# worker shares the server's.
os.environ.pop("CACHE_URL", None)
if "DIPLOMACY_TEST_CACHE_DIR" not in os.environ:
    os.environ["DIPLOMACY_TEST_CACHE_DIR"] = tempfile.mkdtemp(prefix="diplomacy-test-cache-")
    atexit.register(shutil.rmtree, os.environ["DIPLOMACY_TEST_CACHE_DIR"], ignore_errors=True)
os.environ["CACHE_DIR"] = os.environ["DIPLOMACY_TEST_CACHE_DIR"]

from diplomacy.settings import *  # noqa: F403

STORAGES = {**STORAGES, "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}  # noqa: F405
# Nothing is collected for tests: WhiteNoise would warn about the missing folder on every client.
STATIC_ROOT = None
# Log-in tests hash many passwords: the cheapest hasher, for tests only.
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
