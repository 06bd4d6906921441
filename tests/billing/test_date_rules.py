"""The date and rounding rules of a debit line at their edges: the first and last day of a month,
allocations that end, stop, or never start (docs/settlement.md, table of reason codes).

Each case is chosen so that moving a comparison by one day (`<` to `<=`, month start to month
end) or changing a rounding mode flips the outcome; `make mutation` relies on them. The checks are
pure functions over model instances, so the instances here are built, not saved: mutation testing
runs these tests once per mutant, and a test database per run would cost minutes.
"""

import datetime as dt
from decimal import Decimal

import pytest

from regie.billing.checks import Expected, LineInput, debit_check, delivered_days, expected_line
from regie.care.models import Allocation, AllocationStatus
from regie.catalogue.models import Category, Product, Variant
from regie.regions.models import PartialMonthRule

MARCH = dt.date(2025, 3, 1)
EXPECTED = Expected(volume=Decimal(1), unit_price=Decimal("400.00"), amount=Decimal("400.00"))


def d(day: str) -> dt.date:
    return dt.date.fromisoformat(day)


def check(allocation, month=MARCH, **line):
    return debit_check(line=LineInput(reference=allocation.reference, month=month, **line), allocation=allocation,
                       provider_ids={allocation.provider_id}, expected=EXPECTED, payer_id=1, already_paid=False)


def allocation(*, variant=Variant.EFFORT, **fields):
    fields.setdefault("start", d("2025-01-10"))
    fields.setdefault("started_on", fields["start"])
    fields.setdefault("status", AllocationStatus.STARTED)
    product = Product(code="02A01", variant=variant)
    return Allocation(reference="R1", provider_id=7, product=product, category=Category(product=product, number=1),
                      **fields)


@pytest.mark.parametrize(("start", "end", "code"), [
    ("2025-03-31", None, ""),  # starts on the last day of the month: one day of care
    ("2025-04-01", None, "month-outside-allocation"),  # starts the day after the month
    ("2025-01-10", "2025-03-01", ""),  # ends on the first day of the month: one day of care
    ("2025-01-10", "2025-03-15", ""),  # ends mid-month
    ("2025-01-10", "2025-03-31", ""),
    ("2025-01-10", "2025-02-28", "month-outside-allocation"),  # ends the day before the month
])
def test_month_outside_allocation_at_the_edges(start, end, code):
    alloc = allocation(start=d(start), end=end and d(end), started_on=d(start))
    assert check(alloc) == code


@pytest.mark.parametrize(("stopped_on", "code"), [
    ("2025-02-28", "month-after-stop"),  # stopped the day before the month
    ("2025-03-01", ""),  # stopped on the first day: that day was care
    ("2025-03-15", ""),
    ("2025-03-31", ""),
])
def test_month_after_stop_at_the_edges(stopped_on, code):
    alloc = allocation(status=AllocationStatus.STOPPED, stopped_on=d(stopped_on))
    assert check(alloc) == code


@pytest.mark.parametrize(("status", "started_on", "code"), [
    (AllocationStatus.STARTED, "2025-03-31", ""),  # started on the last day of the month
    (AllocationStatus.STARTED, "2025-04-01", "allocation-not-started"),  # started after the month
    (AllocationStatus.STARTED, "2025-03-01", ""),
    (AllocationStatus.STARTED, None, "allocation-not-started"),  # start never reported
    (AllocationStatus.ALLOCATED, None, "allocation-not-started"),
    (AllocationStatus.WITHDRAWN, None, "allocation-not-started"),
    (AllocationStatus.ALLOCATED, "2025-02-01", "allocation-not-started"),  # a status that says not started wins
    (AllocationStatus.STOPPED, "2025-02-01", ""),
])
def test_allocation_not_started_at_the_edges(status, started_on, code):
    alloc = allocation(start=d("2025-01-10"), status=status, started_on=started_on and d(started_on))
    assert check(alloc) == code


def test_the_first_failing_rule_names_the_line_in_table_order():
    alloc = allocation(start=d("2025-01-10"), end=d("2025-01-31"), status=AllocationStatus.STOPPED,
                       stopped_on=d("2025-01-20"))
    assert check(alloc) == "month-outside-allocation"
    assert check(alloc, month=d("2025-01-01")) == ""
    other = allocation()
    assert debit_check(line=LineInput(reference="x", month=MARCH), allocation=other, provider_ids={-1},
                       expected=EXPECTED, payer_id=1, already_paid=False) == "allocation-other-provider"
    assert debit_check(line=LineInput(reference="x", month=MARCH), allocation=None, provider_ids=set(),
                       expected=EXPECTED, payer_id=1, already_paid=False) == "allocation-unknown"


def test_stated_values_and_payer_rules():
    alloc = allocation()
    assert check(alloc, product_code=alloc.product.code, category=alloc.category.number, volume=Decimal(1),
                 unit_price=Decimal("400.00"), amount=Decimal("400.00")) == ""
    assert check(alloc, product_code="XXXXX") == "product-mismatch"
    assert check(alloc, category=alloc.category.number + 1) == "category-mismatch"
    assert check(alloc, unit_price=Decimal("400.01")) == "tariff-mismatch"
    assert check(alloc, volume=Decimal(2)) == "volume-mismatch"
    assert check(alloc, amount=Decimal("399.99")) == "amount-mismatch"
    line = LineInput(reference=alloc.reference, month=MARCH)
    common = {"line": line, "allocation": alloc, "provider_ids": {alloc.provider_id}}
    assert debit_check(**common, expected=None, payer_id=1, already_paid=False) == "tariff-missing"
    assert debit_check(**common, expected=EXPECTED, payer_id=None, already_paid=False) == "no-residence"
    assert debit_check(**common, expected=EXPECTED, payer_id=1, already_paid=True) == "duplicate"


@pytest.mark.parametrize(("fields", "days"), [
    ({}, 31),
    ({"start": "2025-03-31"}, 1),
    ({"start": "2025-03-01"}, 31),
    ({"start": "2025-02-01", "started_on": "2025-03-20"}, 12),  # care began after the allocation did
    ({"start": "2025-03-10", "started_on": "2025-03-05"}, 22),  # a start reported early counts from the allocation
    ({"end": "2025-03-01"}, 1),
    ({"end": "2025-03-15"}, 15),
    ({"stopped_on": "2025-03-01"}, 1),
    ({"stopped_on": "2025-03-31", "end": "2025-03-10"}, 10),  # the earlier of end and stop counts
    ({"stopped_on": "2025-03-10", "end": "2025-03-31"}, 10),
    ({"stopped_on": "2025-02-28"}, 0),  # never negative
])
def test_delivered_days(fields, days):
    values = {"start": "2025-01-10", **fields}
    alloc = allocation(**{k: d(v) for k, v in values.items()})
    assert delivered_days(alloc, MARCH) == days


def test_delivered_days_in_february_of_a_leap_year():
    assert delivered_days(allocation(start=d("2024-02-15")), d("2024-02-01")) == 15


@pytest.mark.parametrize(("tariff", "days", "amount"), [
    ("10.05", 15, "5.03"),  # 5.025: half up, not half even, not down
    ("10.01", 15, "5.01"),  # 5.005: half up
    ("10.02", 15, "5.01"),
    ("400.00", 30, "400.00"),
    ("400.00", 1, "13.33"),  # 13.333…: down
    ("400.00", 2, "26.67"),  # 26.666…: up
])
def test_pro_rata_rounds_half_up_to_the_cent(tariff, days, amount):
    # April has 30 days; care from the (31 - days)th.
    alloc = allocation(start=dt.date(2025, 4, 31 - days))
    expected = expected_line(allocation=alloc, month=d("2025-04-01"), tariff=Decimal(tariff),
                             partial_month_rule=PartialMonthRule.PRO_RATA)
    assert expected == Expected(volume=Decimal(1), unit_price=Decimal(amount), amount=Decimal(amount))


def test_full_month_and_output_variant():
    alloc = allocation(start=d("2025-04-30"))
    assert expected_line(allocation=alloc, month=d("2025-04-01"), tariff=Decimal("400.00"),
                         partial_month_rule=PartialMonthRule.FULL_MONTH) == Expected(
        volume=Decimal(1), unit_price=Decimal("400.00"), amount=Decimal("400.00"))
    output = allocation(start=d("2025-04-16"), variant=Variant.OUTPUT)
    assert expected_line(allocation=output, month=d("2025-04-01"), tariff=Decimal("10.05"),
                         partial_month_rule=PartialMonthRule.PRO_RATA) == Expected(
        volume=Decimal("5.03"), unit_price=Decimal("1.00"), amount=Decimal("5.03"))
