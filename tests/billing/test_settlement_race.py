"""A declaration that commits while a settlement run is in progress, on PostgreSQL.

Two real connections: the run goes on in the test's thread; at each step of the run
(`billing.services.step_hook`) a second thread submits and commits a declaration. Whatever the
moment, every approved line is either paid in this run or left for the next one, and what the
run pays, charges and ties together always agrees.
"""

import datetime as dt
import threading
from decimal import Decimal

import pytest
from django.db import connection
from django.db.models import Sum

from regie.billing import services
from regie.billing.models import DeclarationLine, SettlementRun
from regie.billing.services import declaration_submit, settlement_run
from tests.factories import credit, debit

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]

MARCH = dt.date(2025, 3, 1)
APRIL = dt.date(2025, 4, 1)
WAIT = 3  # seconds the run waits for the other declaration to commit; longer means it is blocked by a lock


def declare(provider, *lines):
    return declaration_submit(actor=None, provider=provider, lines=list(lines), source="csv")


def amount(lines) -> Decimal:
    return lines.aggregate(total=Sum("amount"))["total"] or Decimal("0.00")


def assert_run_reconciles(run: SettlementRun) -> None:
    tied = DeclarationLine.objects.filter(settlement=run, status="approved")
    assert run.paid_to_providers == amount(tied)
    assert sum(p.amount for p in run.payments.all()) == run.paid_to_providers
    assert sum(p.line_count for p in run.payments.all()) == tied.count()
    assert sum(c.care for c in run.charges.all()) == run.charged_for_care == run.paid_to_providers
    for payment in run.payments.all():
        assert payment.amount == amount(tied.filter(provider=payment.provider))
    for charge in run.charges.all():
        assert charge.care == amount(tied.filter(municipality=charge.municipality))


def run_with_a_declaration_at(step, other):
    """Run March; when the run reaches `step`, another connection commits `other()`. Gives the
    run and whether `other()` had committed before the run went on."""
    reached, errors, threads, during = [], [], [], []

    def submit():
        try:
            other()
        except Exception as error:  # noqa: BLE001 - reported by the test below
            errors.append(error)
        finally:
            connection.close()

    def hook(name):
        if name != step:
            return
        reached.append(name)
        thread = threading.Thread(target=submit)
        threads.append(thread)
        thread.start()
        thread.join(WAIT)
        during.append(not thread.is_alive())

    services.step_hook = hook
    try:
        run = settlement_run(actor=None, region=other.region, month=MARCH)
    finally:
        services.step_hook = None
        for thread in threads:
            thread.join()
    assert reached == [step], f"the run never reached step {step!r}"
    assert errors == []
    return run, during == [True]


# The steps of a run (services._step) and what March pays when the other declaration commits there.
@pytest.mark.parametrize(("step", "march_paid"), [("created", "1850.00"), ("tied", "400.00"), ("summed", "400.00")])
def test_a_declaration_committing_during_a_run_is_paid_in_it_or_in_the_next(world, step, march_paid):
    declare(world.p1, debit("A1", "2025-03"))

    def other():
        declare(world.p1, debit("A2", "2025-03"))
        declare(world.p2, debit("A3", "2025-03"))

    other.region = world.region
    march, committed_during_the_run = run_with_a_declaration_at(step, other)
    # A declaration does not wait for a run (or this test would not test the race).
    assert committed_during_the_run
    approved = DeclarationLine.objects.filter(status="approved")
    assert approved.count() == 3
    assert_run_reconciles(march)
    # A line is tied to a run only when that run paid it.
    assert set(approved.values_list("settlement", flat=True)) <= {march.pk, None}
    april = settlement_run(actor=None, region=world.region, month=APRIL)
    assert_run_reconciles(april)
    assert not DeclarationLine.objects.filter(settlement__isnull=True).exists()
    assert march.paid_to_providers == Decimal(march_paid)
    assert march.paid_to_providers + april.paid_to_providers == amount(approved) == Decimal("1850.00")


# A credit reverses a line the run has tied: from that moment it waits for the run to commit.
@pytest.mark.parametrize(("step", "march_paid"), [("created", "800.00"), ("tied", "1200.00"), ("summed", "1200.00")])
def test_a_credit_committing_during_a_run_reverses_in_the_same_or_the_next_run(world, step, march_paid):
    declare(world.p1, debit("A1", "2025-03"), debit("A2", "2025-03"))

    def other():
        declare(world.p1, credit("A2", "2025-03"), debit("A1", "2025-02"))

    other.region = world.region
    march, _ = run_with_a_declaration_at(step, other)
    assert_run_reconciles(march)
    assert march.paid_to_providers == Decimal(march_paid)
    april = settlement_run(actor=None, region=world.region, month=APRIL)
    assert_run_reconciles(april)
    approved = DeclarationLine.objects.filter(status="approved")
    assert not approved.filter(settlement__isnull=True).exists()
    # A1 in March and February stay paid; A2's March is paid and reversed.
    assert march.paid_to_providers + april.paid_to_providers == amount(approved) == Decimal("800.00")
