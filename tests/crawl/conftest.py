"""The crawl's demo region, built once for tests/crawl and rolled back after it, and its report."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
import time_machine
from django.db import transaction

# The smallest scale at which the demo still has allocations in every status (allocated, started, stopped),
# settled months, declarations with rejected lines and outgoing messages for every demo account to see.
SCALE = Decimal("0.05")
# The crawl runs at a fixed moment after the demo's history (October 2026), so that what the inbox
# receives is on time or late the same way every day.
NOW = dt.datetime(2026, 11, 16, 10, 0)

PAGES = pytest.StashKey[dict]()


@pytest.fixture(scope="module")
def frozen():
    with time_machine.travel(NOW, tick=False):
        yield


@pytest.fixture(scope="module")
def demo_region(frozen, django_db_setup, django_db_blocker):
    """The demo region (seed 1), generated once for the module inside a transaction that is rolled back."""
    from regie.demo.generator import demo_generate
    from regie.regions.models import Region

    with django_db_blocker.unblock():
        with transaction.atomic():
            demo_generate(seed=1, scale=SCALE)
            yield Region.objects.get()
            transaction.set_rollback(True)


def pytest_configure(config):
    config.stash[PAGES] = {}


def pytest_terminal_summary(terminalreporter, config):
    pages = config.stash.get(PAGES, {})
    if not pages:
        return
    terminalreporter.section("crawl: pages visited per account")
    for (phase, language), per_account in pages.items():
        total = sum(per_account.values())
        row = ", ".join(f"{account} {count}" for account, count in per_account.items())
        terminalreporter.write_line(f"{phase} [{language}]: {total} pages — {row}")
