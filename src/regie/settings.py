"""Settings for Regie: one readable module, every knob an environment variable with a typed default.

Runs with nothing configured (SQLite under var/, debug on). `DATABASE_URL` switches the
database; `REGIE_ENV=production` refuses to start without a real secret key.
"""

import os
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlparse

from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent
REPO_DIR = BASE_DIR.parent.parent


def env(name: str, default: str, help: str) -> str:  # noqa: A002 - "help" reads best here
    """Read one setting; `help` documents it where it is defined (see docs/settings.md)."""
    return os.environ.get(name, default)


def env_bool(name: str, default: bool, help: str) -> bool:  # noqa: A002
    return env(name, "1" if default else "0", help).lower() in {"1", "true", "yes", "on"}


def database_from_url(url: str) -> dict:
    """Translate a `DATABASE_URL` (sqlite:///path or postgres://user:pw@host:port/name)."""
    parsed = urlparse(url)
    if parsed.scheme == "sqlite":
        path = unquote(parsed.path)
        if url.startswith("sqlite:////"):
            name = path
        else:
            name = str(REPO_DIR / path.lstrip("/")) if path not in ("", "/") else ":memory:"
        return {"ENGINE": "django.db.backends.sqlite3", "NAME": name, "OPTIONS": {"timeout": 20}}
    if parsed.scheme in {"postgres", "postgresql", "pgsql"}:
        options = {key: values[-1] for key, values in parse_qs(parsed.query).items()}
        return {
            "ENGINE": "django.db.backends.postgresql",
            "NAME": unquote(parsed.path.lstrip("/")),
            "USER": unquote(parsed.username or ""),
            "PASSWORD": unquote(parsed.password or ""),
            "HOST": parsed.hostname or "",
            "PORT": str(parsed.port or ""),
            "OPTIONS": options,
        }
    raise ImproperlyConfigured(f"DATABASE_URL: unsupported scheme {parsed.scheme!r} (use sqlite or postgres)")


ENVIRONMENT = env("REGIE_ENV", "development", "development, test or production")
DEBUG = env_bool("REGIE_DEBUG", ENVIRONMENT == "development", "show error pages with details")
_DEV_KEY = "insecure-development-key-not-for-production"
SECRET_KEY = env("REGIE_SECRET_KEY", _DEV_KEY, "secret for sessions and signing; required in production")
if ENVIRONMENT == "production" and (SECRET_KEY == _DEV_KEY or len(SECRET_KEY) < 32):
    raise ImproperlyConfigured("REGIE_SECRET_KEY must be set to a random value of at least 32 characters")
ALLOWED_HOSTS = env("REGIE_ALLOWED_HOSTS", "127.0.0.1,localhost", "comma-separated host names").split(",")

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
    "regie.core",
    "regie.regions",
    "regie.catalogue",
    "regie.contracting",
    "regie.care",
    "regie.billing",
    "regie.audit",
    "regie.monitoring",
    "regie.demo",
    "regie.exchange",
]

MIDDLEWARE = [
    "regie.core.middleware.RequestSizeMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
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
                "regie.core.context_processors.actor",
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

LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", "Nederlands"), ("en", "English")]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = REPO_DIR / "var" / "static"

# Caps at the edge (docs/settings.md, docs/development.md "Edge parsing").
REGIE_REQUEST_MAX_BYTES = int(env("REGIE_REQUEST_MAX_BYTES", str(64 * 1024 * 1024),
                                  "largest request body in bytes; a larger one is refused with 413"))
REGIE_API_MAX_BYTES = int(env("REGIE_API_MAX_BYTES", str(26 * 1024 * 1024),
                              "largest API request body in bytes (one iWmo message of 25 MB and its envelope)"))
REGIE_API_JSON_MAX_DEPTH = int(env("REGIE_API_JSON_MAX_DEPTH", "32", "deepest nesting of a JSON body on the API"))
REGIE_UPLOAD_MAX_BYTES = int(env("REGIE_UPLOAD_MAX_BYTES", str(5 * 1024 * 1024),
                                 "largest CSV upload or import file in bytes"))
REGIE_UPLOAD_MAX_ROWS = int(env("REGIE_UPLOAD_MAX_ROWS", "100000", "most data rows in one CSV upload or import file"))
DATA_UPLOAD_MAX_MEMORY_SIZE = int(env("REGIE_FORM_MAX_BYTES", str(2_621_440),
                                      "largest form body in bytes, files not counted (Django's default)"))
DATA_UPLOAD_MAX_NUMBER_FIELDS = 1000
DATA_UPLOAD_MAX_NUMBER_FILES = 100

REST_FRAMEWORK = {
    "DEFAULT_PARSER_CLASSES": ["regie.core.parsers.BoundedJSONParser", "rest_framework.parsers.FormParser",
                               "rest_framework.parsers.MultiPartParser"],
    "DEFAULT_AUTHENTICATION_CLASSES": ["rest_framework.authentication.SessionAuthentication"],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "EXCEPTION_HANDLER": "regie.core.api.problem_exception_handler",
}
