"""Each declaration check with its reason code; approved lines carry the payer and the amount."""

import datetime as dt
from decimal import Decimal

import pytest

from regie.billing.checks import REASONS
from regie.billing.models import DeclarationLine
from regie.billing.services import declaration_submit
from regie.catalogue.models import Variant
from regie.regions.models import PartialMonthRule
from tests import factories as f
from tests.factories import credit, debit


def submit(provider, *lines):
    declaration = declaration_submit(actor=None, provider=provider, lines=list(lines), source="csv")
    return list(declaration.lines.order_by("line_number"))


def codes(lines):
    return [line.reason_code for line in lines]


def test_an_approved_line_carries_payer_volume_tariff_and_amount(world):
    [line] = submit(world.p1, debit("A2", "2025-02"))
    assert (line.status, line.municipality, line.volume, line.unit_price, line.amount) == (
        "approved", world.a, Decimal(1), Decimal("800.00"), Decimal("800.00"))
    [line] = submit(world.p1, debit("A2", "2025-03"))
    assert line.municipality == world.b  # moved on 21 February: B pays from March


def test_the_region_may_choose_residence_on_the_last_day_of_the_month(world):
    world.region.residence_rule = "last_day_of_month"
    world.region.save()
    [line] = submit(world.p1, debit("A2", "2025-02"))
    assert line.municipality == world.b


@pytest.mark.parametrize(
    "line, code",
    [
        (debit("XX", "2025-03"), "allocation-unknown"),
        (debit("A3", "2025-03"), "allocation-other-provider"),
        (debit("A1", "2024-12"), "month-outside-allocation"),
        (debit("A1", "2025-03", product_code="07A01"), "product-mismatch"),
        (debit("A1", "2025-03", category=2), "category-mismatch"),
        (debit("A1", "2025-03", unit_price=Decimal("401.00")), "tariff-mismatch"),
        (debit("A1", "2025-03", volume=Decimal(2)), "volume-mismatch"),
        (debit("A1", "2025-03", amount=Decimal("399.99")), "amount-mismatch"),
        (credit("A1", "2025-03"), "credit-without-debit"),
    ],
)
def test_each_check_rejects_with_its_code(world, line, code):
    assert codes(submit(world.p1, line)) == [code]
    assert code in REASONS
    assert not DeclarationLine.objects.filter(status="approved").exists()


def test_a_month_after_the_stop_is_rejected_but_the_month_of_the_stop_is_not(world):
    assert codes(submit(world.p2, debit("A4", "2025-02"), debit("A4", "2025-03"))) == ["", "month-after-stop"]


def test_care_not_started_in_the_month_is_rejected(world):
    allocation = world.allocations[0]
    allocation.status, allocation.started_on = "allocated", None
    allocation.save()
    assert codes(submit(world.p1, debit("A1", "2025-03"))) == ["allocation-not-started"]


def test_no_residence_in_the_region_is_rejected(world):
    world.clients[0].residences.update(valid_to=dt.date(2025, 2, 28))
    assert codes(submit(world.p1, debit("A1", "2025-02"), debit("A1", "2025-03"))) == ["", "no-residence"]


def test_a_credit_reverses_a_debit_and_frees_the_month(world):
    submit(world.p1, debit("A1", "2025-03"))
    lines = submit(world.p1, credit("A1", "2025-03"), debit("A1", "2025-03"), debit("A1", "2025-03"))
    assert codes(lines) == ["", "", "duplicate"]
    assert lines[0].amount == Decimal("-400.00")
    assert lines[0].reverses.is_reversed
    assert DeclarationLine.objects.filter(status="approved").count() == 3


def test_a_cooperative_declares_for_its_members(world):
    world.p2.cooperative = world.p1
    world.p2.save()
    assert codes(submit(world.p1, debit("A3", "2025-03"))) == [""]


def test_pro_rata_makes_a_broken_first_month_cheaper(world):
    world.region.partial_month_rule = PartialMonthRule.PRO_RATA
    world.region.save()
    # started 10 January: 22 of 31 days × 400.00 = 283.870… → 283.87
    [january, february] = submit(world.p1, debit("A1", "2025-01"), debit("A1", "2025-02"))
    assert (january.amount, february.amount) == (Decimal("283.87"), Decimal("400.00"))


def test_output_based_products_declare_euros(world):
    product = f.ProductFactory(region=world.region, code="02B01", variant=Variant.OUTPUT)
    category = f.CategoryFactory(product=product, number=1)
    f.TariffFactory(category=category, amount=Decimal("321.00"), valid_from=dt.date(2024, 1, 1))
    world.p1.contracts.get().products.add(product)
    f.AllocationFactory(client=world.clients[0], municipality=world.a, provider=world.p1, category=category,
                        reference="O1", start=dt.date(2025, 1, 1))
    [line] = submit(world.p1, debit("O1", "2025-03", volume=Decimal("321")))
    assert (line.status, line.volume, line.unit_price, line.amount) == (
        "approved", Decimal(321), Decimal("1.00"), Decimal("321.00"))
