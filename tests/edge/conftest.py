"""Fixtures for the hostile-input suite: the people of the `world` region (tests/ui) and a region set up
through the commands (tests/commands), shared by importing their fixtures."""

import pytest
from django.apps import apps

from tests.commands.conftest import clients, files, region  # noqa: F401 - fixtures
from tests.ui.conftest import as_user, people  # noqa: F401 - fixtures

# Every table a form, an upload, the API or a command can write to.
STORED = [
    "regions.Region", "regions.Municipality", "regions.Organisation", "regions.RegionalCost",
    "catalogue.Product", "catalogue.Category", "catalogue.Tariff", "contracting.Contract",
    "care.Client", "care.Residence", "care.SupportPlan", "care.Goal", "care.Allocation", "care.AllocationVersion",
    "billing.Declaration", "billing.DeclarationLine", "billing.SettlementRun",
    "exchange.Message", "exchange.AllocationRequest", "exchange.ChangeRequest",
]


def stored() -> dict:
    """What is stored, row by row, in every table above (so a changed row shows too)."""
    return {label: sorted(map(repr, apps.get_model(label).objects.values_list())) for label in STORED}


@pytest.fixture
def nothing_stored(db):
    """Call after the hostile request: fails when any table changed."""
    before = {}

    def snapshot():
        before.update(stored())

    def check():
        after = stored()
        changed = [label for label in STORED if after[label] != before[label]]
        assert not changed, f"stored in {changed}"

    return snapshot, check
