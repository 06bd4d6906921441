"""Settings for Regie: one readable module, every knob an environment variable with a typed default.

Runs with nothing configured (SQLite under var/, debug off, log events on stderr).
`DATABASE_URL` switches the database; `REGIE_ENV=production` refuses to start without a real
secret key; a value a setting does not know refuses to start, with ImproperlyConfigured.
"""

import os
from pathlib import Path

import dj_database_url
import environ
from django.core.exceptions import ImproperlyConfigured

from regie.core.logs import logging_config

BASE_DIR = Path(__file__).resolve().parent
REPO_DIR = BASE_DIR.parent.parent

# django-environ reads and casts the variables, dj-database-url translates DATABASE_URL (docs/settings.md,
# "Why these libraries"). The wrappers below keep what they do not: a value that is not understood stops
# the start with one ImproperlyConfigured sentence naming the variable, never a library traceback.
_env = environ.Env()
_env.escape_proxy = True  # "\$" is a literal dollar; a bare leading "$" would name another variable


def env(name: str, default: str, help: str) -> str:  # noqa: A002 - "help" reads best here
    """Read one setting; `help` documents it where it is defined (see docs/settings.md)."""
    if os.environ.get(name, "").startswith("$"):
        raise ImproperlyConfigured(f"{name} starts with $, which would read another variable: write \\$ instead")
    return _env.str(name, default=default)


def env_int(name: str, default: int, help: str) -> int:  # noqa: A002
    """A whole number above zero; unset or empty is `default`; anything else refuses to start."""
    if env(name, "", help).strip() == "":
        return default
    try:
        value = _env.int(name, default=default)
    except ValueError:
        value = 0
    if value < 1:
        raise ImproperlyConfigured(f"{name}={os.environ[name]!r} is not a whole number above zero")
    return value


def env_list(name: str, default: list[str], help: str) -> list[str]:  # noqa: A002
    """Comma-separated values; unset is `default`."""
    env(name, "", help)
    return _env.list(name, default=default)


_TRUE, _FALSE = {"1", "true", "yes", "on"}, {"0", "false", "no", "off"}


def env_bool(name: str, default: bool, help: str) -> bool:  # noqa: A002
    """1/true/yes/on or 0/false/no/off (any case); unset or empty is `default`; anything else refuses to start.
    Stricter than django-environ's bool, which reads every unknown word as false."""
    value = env(name, "", help).strip().lower()
    if value == "":
        return default
    if value not in _TRUE | _FALSE:
        raise ImproperlyConfigured(f"{name}={os.environ[name]!r} is not a yes/no value: use 1 (on) or 0 (off)")
    return value in _TRUE


def env_choice(name: str, default: str, choices: tuple[str, ...], help: str) -> str:  # noqa: A002
    """One of `choices` exactly; unset or empty is `default`; anything else refuses to start."""
    value = env(name, "", help) or default
    if value not in choices:
        raise ImproperlyConfigured(f"{name}={value!r} is not known: use one of {', '.join(choices)}")
    return value


_ENGINES = {"django.db.backends.sqlite3", "django.db.backends.postgresql"}


def database_from_url(url: str) -> dict:
    """Translate a `DATABASE_URL` (sqlite:///path or postgres://user:pw@host:port/name) with dj-database-url.
    A relative SQLite path is under the repository, wherever the command runs."""
    try:
        database = dj_database_url.parse(url)
    except ValueError as error:  # an unknown scheme or a malformed port
        raise ImproperlyConfigured(f"DATABASE_URL: {error} (use sqlite or postgres)") from None
    if database["ENGINE"] not in _ENGINES:
        raise ImproperlyConfigured(f"DATABASE_URL: unsupported scheme {url.split(':', 1)[0]!r} (use sqlite or postgres)")
    if database["ENGINE"] == "django.db.backends.sqlite3":
        if database["NAME"] != ":memory:" and not Path(database["NAME"]).is_absolute():
            database["NAME"] = str(REPO_DIR / database["NAME"])
        database.setdefault("OPTIONS", {})["timeout"] = 20
    database["PORT"] = str(database["PORT"] or "")
    return database


ENVIRONMENT = env_choice("REGIE_ENV", "development", ("development", "test", "production"),
                         "development, test or production")
DEBUG = env_bool("REGIE_DEBUG", False, "Django's detailed error pages with tracebacks; only when set to 1")
_DEV_KEY = "insecure-development-key-not-for-production"
SECRET_KEY = env("REGIE_SECRET_KEY", _DEV_KEY, "secret for sessions and signing; required in production")
if ENVIRONMENT == "production" and (SECRET_KEY == _DEV_KEY or len(SECRET_KEY) < 32):
    raise ImproperlyConfigured("REGIE_SECRET_KEY must be set to a random value of at least 32 characters")
_DEV_PSEUDONYM_KEY = "insecure-development-pseudonym-key"
PSEUDONYM_KEY = env("REGIE_PSEUDONYM_KEY", _DEV_PSEUDONYM_KEY,
                    "secret from which the pseudonyms of clients in management information are derived, one key "
                    "per purpose; required in production, and kept: a new key gives every client a new pseudonym")
if ENVIRONMENT == "production" and (PSEUDONYM_KEY == _DEV_PSEUDONYM_KEY or len(PSEUDONYM_KEY) < 32):
    raise ImproperlyConfigured("REGIE_PSEUDONYM_KEY must be set to a random value of at least 32 characters")
ALLOWED_HOSTS = env_list("REGIE_ALLOWED_HOSTS", ["127.0.0.1", "localhost"], "comma-separated host names")

DATABASES = {
    "default": database_from_url(
        env("DATABASE_URL", "sqlite:///var/regie.sqlite3", "sqlite:///path or postgres://user:pw@host:5432/name")
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

IWMO_SCHEMA_DIR = env(
    "IWMO_SCHEMA_DIR", "", "folder with the official iWmo 3.2 XSD files; empty: schema validation is off"
)

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "rest_framework",
    "drf_spectacular",
    "regie.core",
    "regie.regions",
    "regie.catalogue",
    "regie.contracting",
    "regie.care",
    "regie.billing",
    "regie.audit",
    "regie.facts",
    "regie.monitoring",
    "regie.demo",
    "regie.exchange",
]

MIDDLEWARE = [
    "regie.core.middleware.RequestIdMiddleware",
    "regie.core.middleware.RequestSizeMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "regie.core.middleware.LanguageMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "regie.core.middleware.DomainErrorMiddleware",
]

ROOT_URLCONF = "regie.urls"
WSGI_APPLICATION = "regie.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "regie.regions.context_processors.actor",
                "regie.core.context_processors.request_id",
            ],
        },
    },
]

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"

# Message levels named as the NL Design System's alert types.
MESSAGE_TAGS = {10: "info", 20: "info", 25: "ok", 30: "warning", 40: "error"}

# Dutch unless the person chose English in the header; the browser's Accept-Language is not
# followed (regie.core.languages). Catalogue: locale/nl/LC_MESSAGES/django.po (docs/development.md).
LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", "Nederlands"), ("en", "English")]
LOCALE_PATHS = [BASE_DIR / "locale"]
LANGUAGE_COOKIE_NAME = "regie_language"
LANGUAGE_COOKIE_AGE = 365 * 24 * 60 * 60
LANGUAGE_COOKIE_SAMESITE = "Lax"
# Dates 31-12-2026 and numbers 1.234,56 in Dutch; English formats in English (regie/formats/).
FORMAT_MODULE_PATH = ["regie.formats"]
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
# WhiteNoise serves the static files, with or without DEBUG (docs/settings.md): outside production
# straight from the apps' and STATICFILES_DIRS folders, in production from STATIC_ROOT, filled by
# `manage.py collectstatic`.
STATIC_ROOT = REPO_DIR / "var" / "static" if ENVIRONMENT == "production" else None
WHITENOISE_USE_FINDERS = ENVIRONMENT != "production"
WHITENOISE_AUTOREFRESH = DEBUG

CSRF_FAILURE_VIEW = "regie.core.error_views.csrf_failure"

LOGGING = logging_config(
    log_file=env("REGIE_LOG_FILE", "", "file that log events are appended to; empty: standard error"),
    level=env_choice("REGIE_LOG_LEVEL", "INFO", ("DEBUG", "INFO", "WARNING", "ERROR"), "lowest level logged"),
)

# Caps at the edge (docs/settings.md, docs/development.md "Edge parsing").
REGIE_REQUEST_MAX_BYTES = env_int("REGIE_REQUEST_MAX_BYTES", 64 * 1024 * 1024,
                                  "largest request body in bytes; a larger one is refused with 413")
REGIE_API_MAX_BYTES = env_int("REGIE_API_MAX_BYTES", 26 * 1024 * 1024,
                              "largest API request body in bytes (one iWmo message of 25 MB and its envelope)")
REGIE_API_JSON_MAX_DEPTH = env_int("REGIE_API_JSON_MAX_DEPTH", 32, "deepest nesting of a JSON body on the API")
REGIE_UPLOAD_MAX_BYTES = env_int("REGIE_UPLOAD_MAX_BYTES", 5 * 1024 * 1024,
                                 "largest CSV upload or import file in bytes")
REGIE_UPLOAD_MAX_ROWS = env_int("REGIE_UPLOAD_MAX_ROWS", 100000, "most data rows in one CSV upload or import file")
DATA_UPLOAD_MAX_MEMORY_SIZE = env_int("REGIE_FORM_MAX_BYTES", 2_621_440,
                                      "largest form body in bytes, files not counted (Django's default)")
DATA_UPLOAD_MAX_NUMBER_FIELDS = 1000
DATA_UPLOAD_MAX_NUMBER_FILES = 100

REST_FRAMEWORK = {
    # JSON only: the API is for the providers' systems (docs/api.md). DRF's browsable HTML page would be a
    # second, half-translated interface beside the portal, which is where people work.
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": ["regie.core.parsers.BoundedJSONParser", "rest_framework.parsers.FormParser",
                               "rest_framework.parsers.MultiPartParser"],
    "DEFAULT_AUTHENTICATION_CLASSES": ["rest_framework.authentication.SessionAuthentication"],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "EXCEPTION_HANDLER": "regie.core.api.problem_exception_handler",
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
}

# The OpenAPI 3 description of the API (drf-spectacular; docs/api.md), served at /api/schema/ and
# committed as docs/openapi.yaml. Its texts are English and untranslated (it is for developers), and no
# choice's label is written into it, so the file is the same whatever language is active.
SPECTACULAR_SETTINGS = {
    "TITLE": "Regie API",
    "DESCRIPTION": "iWmo messages of providers, and the monitoring indicators as the dashboards show them "
                   "(docs/api.md). Errors are RFC 9457 problem documents with a stable `code`.",
    "VERSION": "1",
    "SERVE_INCLUDE_SCHEMA": False,
    "ENUM_GENERATE_CHOICE_DESCRIPTION": False,
    "COMPONENT_SPLIT_REQUEST": True,  # an upload is a binary file in a request, not the URL of one
    # One name per set of choices, wherever it is used (drf-spectacular names them by field otherwise).
    "ENUM_NAME_OVERRIDES": {
        "Dimension": "regie.monitoring.indicators.Dimension.values",
        "Period": "regie.monitoring.indicators.Period.values",
        "Theme": "regie.monitoring.indicators.Theme.values",
        "Audience": "regie.monitoring.serializers.AUDIENCES",
        "HiddenReason": "regie.monitoring.serializers.REASONS",
        "Direction": "regie.exchange.models.Direction.values",
        "MessageStatus": "regie.exchange.models.MessageStatus.values",
        "MessageCode": "regie.exchange.forms.CODES",
    },
}
