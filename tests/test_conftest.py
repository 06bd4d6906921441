"""The suite's own rules: which tests are skipped where (tests/conftest.py)."""

from types import SimpleNamespace

import pytest

from tests import conftest


@pytest.fixture(autouse=True)
def outside_ci(monkeypatch):
    """These tests set CI's variables themselves; CI's own (the PostgreSQL pass) must not leak in."""
    monkeypatch.delenv("REGIE_REQUIRE_POSTGRES", raising=False)
    monkeypatch.delenv("REGIE_REQUIRE_BROWSER", raising=False)


class Item:
    """What the hook sees of a test: its keywords hold its markers, but also the names of its
    nodes and parameters (a folder `postgres/`, an id `[postgres]`), which are no marker."""

    def __init__(self, name, *markers, keywords=()):
        self.keywords = {name: 1, **{m: 1 for m in (*markers, *keywords)}}
        self.markers = [getattr(pytest.mark, m).mark for m in markers]
        self.added = []

    def get_closest_marker(self, name):
        return next((m for m in self.markers if m.name == name), None)

    def add_marker(self, marker):
        self.added.append(marker)


def collect(monkeypatch, vendor, *items):
    monkeypatch.setattr(conftest, "connection", SimpleNamespace(vendor=vendor))
    config = SimpleNamespace(pluginmanager=SimpleNamespace(hasplugin=lambda name: True))
    conftest.pytest_collection_modifyitems(config, list(items))
    return [bool(item.added) for item in items]


def test_only_the_postgres_marker_skips_a_test_away_from_postgresql(monkeypatch):
    marked = Item("test_race", "postgres")
    named = Item("test_both[postgres]", keywords=("postgres",))
    plain = Item("test_plain")
    assert collect(monkeypatch, "sqlite", marked, named, plain) == [True, False, False]


def test_on_postgresql_marked_tests_run_whatever_the_url_looks_like(monkeypatch):
    # The database vendor decides, not the spelling of DATABASE_URL (pgsql://, postgresql://).
    assert collect(monkeypatch, "postgresql", Item("test_race", "postgres")) == [False]


@pytest.mark.parametrize("url", ["pgsql://u@h:5432/regie", "postgresql://u@h:5432/regie", "postgres://u@h/regie"])
def test_every_postgresql_url_configures_postgresql(url):
    from regie.settings import database_from_url

    assert database_from_url(url)["ENGINE"] == "django.db.backends.postgresql"


def test_where_ci_requires_postgresql_another_database_stops_the_run(monkeypatch):
    monkeypatch.setenv("REGIE_REQUIRE_POSTGRES", "1")
    with pytest.raises(pytest.UsageError):
        collect(monkeypatch, "sqlite", Item("test_race", "postgres"))


@pytest.mark.parametrize(("required", "outcome"), [("1", pytest.fail.Exception), ("", pytest.skip.Exception)])
def test_a_missing_browser_fails_where_ci_requires_it_and_skips_elsewhere(monkeypatch, required, outcome):
    from tests.e2e.conftest import unavailable

    monkeypatch.setenv("REGIE_REQUIRE_BROWSER", required)
    with pytest.raises(outcome):
        unavailable("no Chromium here")
