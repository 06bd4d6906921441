"""The worked example of docs/settlement.md, computed by hand, and the settlement's guarantees."""

import datetime as dt
from decimal import Decimal

import pytest

from regie.billing.models import DeclarationLine, SettlementRun
from regie.billing.services import declaration_submit, settlement_run, settlement_statement
from regie.core.errors import DomainError
from tests.factories import credit, debit

MARCH = dt.date(2025, 3, 1)
APRIL = dt.date(2025, 4, 1)


def declare(world, provider, *lines):
    return declaration_submit(actor=None, provider=provider, lines=list(lines), source="csv")


@pytest.fixture
def march(world):
    declare(world, world.p1, debit("A1", "2025-03"), debit("A2", "2025-03"), debit("A1", "2025-03"))
    declare(world, world.p2, debit("A3", "2025-03"), debit("A4", "2025-03"), debit("NOPE", "2025-03"))
    return settlement_run(actor=None, region=world.region, month=MARCH)


def test_worked_example_march(world, march):
    statement = settlement_statement(march)
    assert [(p["agb"], p["amount"]) for p in statement["providers"]] == [("11110001", "1200.00"), ("22220002", "650.00")]
    assert [(m["code"], m["care"], m["regional_costs"], m["total"]) for m in statement["municipalities"]] == [
        ("0001", "400.00", "7500.00", "7900.00"),
        ("0002", "1450.00", "2500.00", "3950.00"),
    ]
    assert statement["paid_to_providers"] == statement["charged_for_care"] == "1850.00"
    assert statement["rejected"] == [
        {"reference": "A1", "month": "2025-03", "code": "duplicate"},
        {"reference": "A4", "month": "2025-03", "code": "month-after-stop"},
        {"reference": "NOPE", "month": "2025-03", "code": "allocation-unknown"},
    ]


def test_running_a_month_twice_gives_the_same_run(world, march):
    again = settlement_run(actor=None, region=world.region, month=MARCH)
    assert again.pk == march.pk
    assert SettlementRun.objects.count() == 1
    assert settlement_statement(again) == settlement_statement(march)


def test_a_correction_after_closing_lands_in_the_next_month(world, march):
    before = settlement_statement(march)
    declare(world, world.p1, credit("A1", "2025-03"), debit("A1", "2025-04"), debit("A2", "2025-02"))
    april = settlement_run(actor=None, region=world.region, month=APRIL)
    assert settlement_statement(SettlementRun.objects.get(pk=march.pk)) == before
    statement = settlement_statement(april)
    # -400 (credit of March) + 400 (April) + 800 (February, late; client 2 lived in A then)
    assert statement["providers"] == [{"agb": "11110001", "name": "Zorg Een", "amount": "800.00", "lines": 3}]
    assert [(m["code"], m["care"]) for m in statement["municipalities"]] == [("0001", "800.00"), ("0002", "0.00")]


def test_an_earlier_month_cannot_be_run_after_a_later_one(world, march):
    with pytest.raises(DomainError) as error:
        settlement_run(actor=None, region=world.region, month=dt.date(2025, 2, 1))
    assert error.value.code == "settlement-out-of-order"


def test_regional_costs_of_a_year_add_up_over_its_months(world):
    runs = [settlement_run(actor=None, region=world.region, month=dt.date(2025, m, 1)) for m in range(1, 13)]
    assert sum(run.regional_costs for run in runs) == Decimal("120000.00")
    assert all(sum(c.regional_costs for c in run.charges.all()) == run.regional_costs for run in runs)


def test_a_declared_month_is_paid_once_by_database_constraint(world):
    from django.db import IntegrityError, transaction

    declare(world, world.p1, debit("A1", "2025-03"))
    line = DeclarationLine.objects.get(status="approved")
    line.pk = None
    with pytest.raises(IntegrityError), transaction.atomic():
        line.save()
