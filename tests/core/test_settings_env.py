"""The settings refuse what they do not know, at start-up, with ImproperlyConfigured.

Each case imports the settings module in a fresh interpreter with the environment given.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[2] / "src"
PRINT = "import regie.settings as s; print(s.ENVIRONMENT, s.DEBUG, s.LOGGING['handlers']['regie']['class'])"


def settings_with(*, show: str = PRINT, **environment: str) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if not k.startswith("REGIE_") and k != "DATABASE_URL"}
    env.update(environment, PYTHONPATH=str(SRC))
    return subprocess.run([sys.executable, "-c", show], env=env, capture_output=True, text=True, timeout=60)


def refused(result: subprocess.CompletedProcess, name: str) -> bool:
    last = result.stderr.strip().splitlines()[-1] if result.stderr.strip() else ""
    return result.returncode != 0 and last.startswith("django.core.exceptions.ImproperlyConfigured: ") and name in last


def test_nothing_configured_is_development_without_debug():
    result = settings_with()
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["development", "False", "regie.core.logs.StderrHandler"]


@pytest.mark.parametrize("value", ["development", "test", "production"])
def test_known_environments_start(value):
    result = settings_with(REGIE_ENV=value, REGIE_SECRET_KEY="k" * 40, REGIE_PSEUDONYM_KEY="p" * 40)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split()[0] == value


@pytest.mark.parametrize("value", ["prod", "Production", "dev", " test", "staging", "production\n", "1"])
def test_unknown_environments_are_refused(value):
    assert refused(settings_with(REGIE_ENV=value, REGIE_SECRET_KEY="k" * 40), "REGIE_ENV")


@pytest.mark.parametrize(("value", "debug"), [("1", "True"), ("true", "True"), ("0", "False"), ("no", "False"),
                                             ("", "False")])
def test_debug_only_when_asked(value, debug):
    result = settings_with(REGIE_DEBUG=value)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split()[1] == debug


def test_development_alone_is_no_longer_debug():
    assert settings_with(REGIE_ENV="development").stdout.split()[1] == "False"


@pytest.mark.parametrize("value", ["2", "maybe", "enabled", "1.0", "ja", "tru"])
def test_malformed_debug_is_refused(value):
    assert refused(settings_with(REGIE_DEBUG=value), "REGIE_DEBUG")


def test_unknown_log_level_is_refused():
    assert refused(settings_with(REGIE_LOG_LEVEL="LOUD"), "REGIE_LOG_LEVEL")


def test_log_file_switches_the_handler(tmp_path):
    result = settings_with(REGIE_LOG_FILE=str(tmp_path / "regie.log"))
    assert result.returncode == 0, result.stderr
    assert result.stdout.split()[2] == "logging.FileHandler"


def test_production_still_refuses_the_development_key():
    assert refused(settings_with(REGIE_ENV="production"), "REGIE_SECRET_KEY")


@pytest.mark.parametrize("key", [None, "short", "insecure-development-pseudonym-key"])
def test_production_refuses_a_missing_short_or_development_pseudonym_key(key):
    extra = {"REGIE_PSEUDONYM_KEY": key} if key is not None else {}
    assert refused(settings_with(REGIE_ENV="production", REGIE_SECRET_KEY="k" * 40, **extra), "REGIE_PSEUDONYM_KEY")


DATABASE = "import json, regie.settings as s; print(json.dumps(s.DATABASES['default']))"


def database_for(url: str) -> dict:
    result = settings_with(show=DATABASE, DATABASE_URL=url)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_the_default_database_is_sqlite_under_the_repository():
    result = settings_with(show=DATABASE)
    database = json.loads(result.stdout)
    assert database["ENGINE"] == "django.db.backends.sqlite3"
    assert database["NAME"] == str(SRC.parent / "var" / "regie.sqlite3")
    assert database["OPTIONS"] == {"timeout": 20}


def test_an_absolute_sqlite_path_is_kept():
    assert database_for("sqlite:////tmp/elsewhere.sqlite3")["NAME"] == "/tmp/elsewhere.sqlite3"


@pytest.mark.parametrize("scheme", ["postgres", "postgresql", "pgsql"])
def test_every_spelling_of_postgres_reads_the_same(scheme):
    database = database_for(f"{scheme}://regie:p%40ss@db.example:5433/regie?sslmode=require")
    assert database["ENGINE"] == "django.db.backends.postgresql"
    assert (database["USER"], database["PASSWORD"], database["HOST"], database["PORT"], database["NAME"]) == (
        "regie", "p@ss", "db.example", "5433", "regie")
    assert database["OPTIONS"] == {"sslmode": "require"}


@pytest.mark.parametrize("url", ["mysql://u@h/n", "redis://h/0", "nonsense", "postgres://h:port/n"])
def test_a_database_url_we_do_not_run_on_is_refused(url):
    assert refused(settings_with(DATABASE_URL=url), "DATABASE_URL")


@pytest.mark.parametrize("value", ["many", "1.5", "-1", "0", "12MB"])
def test_a_cap_that_is_not_a_whole_number_is_refused(value):
    assert refused(settings_with(REGIE_UPLOAD_MAX_ROWS=value), "REGIE_UPLOAD_MAX_ROWS")


def test_a_cap_is_read_as_a_number():
    result = settings_with(show="import regie.settings as s; print(s.REGIE_UPLOAD_MAX_ROWS + 1)",
                           REGIE_UPLOAD_MAX_ROWS="41")
    assert result.stdout.strip() == "42"


def test_a_leading_dollar_is_refused_not_read_as_another_variable():
    assert refused(settings_with(REGIE_ENV="production", REGIE_SECRET_KEY="$" + "k" * 40), "REGIE_SECRET_KEY")


def test_allowed_hosts_are_a_list():
    result = settings_with(show="import regie.settings as s; print(s.ALLOWED_HOSTS)", REGIE_ALLOWED_HOSTS="a.nl,b.nl")
    assert result.stdout.strip() == "['a.nl', 'b.nl']"
