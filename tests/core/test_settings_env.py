"""The settings refuse what they do not know, at start-up, with ImproperlyConfigured.

Each case imports the settings module in a fresh interpreter with the environment given.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[2] / "src"
PRINT = "import regie.settings as s; print(s.ENVIRONMENT, s.DEBUG, s.LOGGING['handlers']['regie']['class'])"


def settings_with(**environment: str) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if not k.startswith("REGIE_")}
    env.update(environment, PYTHONPATH=str(SRC))
    return subprocess.run([sys.executable, "-c", PRINT], env=env, capture_output=True, text=True, timeout=60)


def refused(result: subprocess.CompletedProcess, name: str) -> bool:
    last = result.stderr.strip().splitlines()[-1] if result.stderr.strip() else ""
    return result.returncode != 0 and last.startswith("django.core.exceptions.ImproperlyConfigured: ") and name in last


def test_nothing_configured_is_development_without_debug():
    result = settings_with()
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["development", "False", "regie.core.logs.StderrHandler"]


@pytest.mark.parametrize("value", ["development", "test", "production"])
def test_known_environments_start(value):
    result = settings_with(REGIE_ENV=value, REGIE_SECRET_KEY="k" * 40)
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
