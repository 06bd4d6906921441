"""The edges of billing/services.py that the worked example does not reach (mutation testing,
docs/development.md): who may declare and settle, tariff periods, credits, out-of-range numbers,
a year without regional costs, and the exact figures of payments and charges."""

import datetime as dt
from decimal import Decimal

import pytest

from regie.billing.models import DeclarationLine, MunicipalityCharge, ProviderPayment
from regie.billing.services import declaration_submit, settlement_run, settlement_statement
from regie.catalogue.models import Tariff
from regie.core.errors import DomainError
from regie.regions.models import OrganisationKind, RegionalCost
from tests import factories as f
from tests.factories import credit, debit

MARCH = dt.date(2025, 3, 1)


def submit(provider, *lines, actor=None):
    declaration = declaration_submit(actor=actor, provider=provider, lines=list(lines), source="csv")
    return list(declaration.lines.order_by("line_number"))


def codes(lines):
    return [line.reason_code for line in lines]


def settle(world, month=MARCH, actor=None):
    return settlement_run(actor=actor, region=world.region, month=month)


def test_a_provider_declares_only_for_its_own_organisation(world):
    with pytest.raises(DomainError) as error:
        submit(world.p1, debit("A1", "2025-03"), actor=f.actor(world.p2, "provider_staff"))
    assert error.value.code == "provider-mismatch"
    staff = f.actor(world.p1, "provider_staff")
    declaration = declaration_submit(actor=staff, provider=world.p1, lines=[debit("A1", "2025-03")], source="csv")
    assert declaration.submitted_by == staff.user
    assert codes(declaration.lines.all()) == [""]


def test_a_month_outside_every_window_refuses_the_whole_declaration_naming_the_line(world):
    with pytest.raises(DomainError) as error:
        submit(world.p1, debit("A1", "2025-03"), debit("A1", "9999-12"))
    assert (error.value.code, error.value.field) == ("month-out-of-window", "month")
    assert "2" in error.value.message
    assert not DeclarationLine.objects.exists()


def test_a_new_tariff_applies_from_its_first_day(world):
    Tariff.objects.filter(category=world.b1).update(valid_to=dt.date(2025, 2, 28))
    f.TariffFactory(category=world.b1, amount=Decimal("420.00"), valid_from=MARCH)
    january, february, march = submit(world.p1, debit("A1", "2025-01"), debit("A1", "2025-02"),
                                      debit("A1", "2025-03"))
    assert [line.unit_price for line in (january, february, march)] == [
        Decimal("400.00"), Decimal("400.00"), Decimal("420.00")]
    assert march.amount == Decimal("420.00")


def test_without_a_tariff_on_the_first_day_the_line_is_rejected(world):
    Tariff.objects.filter(category=world.b1).update(valid_from=dt.date(2025, 2, 1))
    assert codes(submit(world.p1, debit("A1", "2025-01"), debit("A1", "2025-02"))) == ["tariff-missing", ""]


def test_numbers_that_do_not_fit_their_column_are_rejected_and_not_stored(world):
    lines = submit(world.p1, debit("A1", "2025-03", amount=Decimal("1E12")),
                   debit("A1", "2025-04", volume=Decimal("1.001")),
                   debit("A1", "2025-05", unit_price=Decimal("1E10")),
                   debit("A1", "2009-01", amount=Decimal("1E12")))
    assert codes(lines) == ["value-out-of-range"] * 4
    assert [(line.volume, line.unit_price, line.amount) for line in lines] == [
        (None, None, None), (None, None, None), (None, None, None), (None, None, None)]
    assert all(line.status == "rejected" for line in lines)


def test_a_month_outside_the_regions_window_is_rejected(world):
    [line] = submit(world.p1, debit("A1", "2009-01"))
    assert (line.status, line.reason_code) == ("rejected", "month-out-of-window")


def test_a_credit_in_a_later_declaration_mirrors_the_debit(world):
    [debit_line] = submit(world.p1, debit("A2", "2025-03"))
    [line] = submit(world.p1, credit("A2", "2025-03", amount=Decimal("800.00")))
    assert (line.status, line.reason_code, line.municipality, line.volume, line.unit_price, line.amount) == (
        "approved", "", world.b, Decimal(1), Decimal("800.00"), Decimal("-800.00"))
    assert line.reverses_id == debit_line.pk
    debit_line.refresh_from_db()
    assert debit_line.is_reversed
    assert codes(submit(world.p1, credit("A2", "2025-03"))) == ["credit-without-debit"]
    assert codes(submit(world.p1, debit("A2", "2025-03"))) == [""]


def test_a_credit_may_give_the_amount_negative(world):
    submit(world.p1, debit("A1", "2025-03"))
    [line] = submit(world.p1, credit("A1", "2025-03", amount=Decimal("-400.00")))
    assert (line.status, line.amount) == ("approved", Decimal("-400.00"))


@pytest.mark.parametrize("reference, provider, amount, code", [
    ("XX", "p1", None, "allocation-unknown"),
    ("A3", "p1", None, "allocation-other-provider"),
    ("A1", "p1", Decimal("399.99"), "amount-mismatch"),
    ("A1", "p1", Decimal("-400.01"), "amount-mismatch"),
])
def test_each_credit_check_rejects_with_its_code(world, reference, provider, amount, code):
    submit(world.p1, debit("A1", "2025-03"))
    [line] = submit(getattr(world, provider), credit(reference, "2025-03", amount=amount))
    assert (line.status, line.reason_code, line.reverses_id, line.municipality_id) == ("rejected", code, None, None)
    assert DeclarationLine.objects.get(debit_credit="D").is_reversed is False


def test_a_cooperative_cannot_credit_what_its_member_declared(world):
    world.p2.cooperative = world.p1
    world.p2.save()
    submit(world.p2, debit("A3", "2025-03"))
    assert codes(submit(world.p1, credit("A3", "2025-03"))) == ["credit-without-debit"]


def test_a_credit_may_reverse_a_debit_of_the_same_declaration(world):
    [first] = submit(world.p1, debit("A1", "2025-03"))
    lines = submit(world.p1, credit("A1", "2025-03"), debit("A1", "2025-03"), credit("A1", "2025-03"))
    assert codes(lines) == ["", "", ""]
    assert (lines[0].reverses_id, lines[2].reverses_id) == (first.pk, lines[1].pk)
    assert [line.amount for line in lines] == [Decimal("-400.00"), Decimal("400.00"), Decimal("-400.00")]
    assert DeclarationLine.objects.filter(debit_credit="D", is_reversed=True).count() == 2
    assert codes(submit(world.p1, credit("A1", "2025-03"))) == ["credit-without-debit"]


def test_settling_needs_the_purchasing_office(world):
    provider_finance = f.actor(world.p1, "finance")
    with pytest.raises(DomainError) as error:
        settle(world, actor=provider_finance)
    assert error.value.code == "settlement-not-allowed"
    office = f.OrganisationFactory(region=world.region, kind=OrganisationKind.PURCHASING_OFFICE)
    finance = f.actor(office, "finance")
    run = settle(world, actor=finance)
    assert run.created_by == finance.user


def test_a_run_pays_and_charges_exact_figures(world):
    submit(world.p1, debit("A1", "2025-03"), debit("A2", "2025-03"), debit("A2", "2025-02"))
    submit(world.p2, debit("A3", "2025-03"), debit("A4", "2025-03"))
    run = settle(world)
    assert (run.paid_to_providers, run.charged_for_care, run.regional_costs, run.created_by) == (
        Decimal("2650.00"), Decimal("2650.00"), Decimal("10000.00"), None)
    payments = {p.provider_id: (p.amount, p.line_count) for p in ProviderPayment.objects.filter(run=run)}
    assert payments == {world.p1.pk: (Decimal("2000.00"), 3), world.p2.pk: (Decimal("650.00"), 1)}
    charges = {c.municipality_id: (c.care, c.regional_costs, c.total, c.client_count)
               for c in MunicipalityCharge.objects.filter(run=run)}
    assert charges == {
        world.a.pk: (Decimal("1200.00"), Decimal("7500.00"), Decimal("8700.00"), 2),
        world.b.pk: (Decimal("1450.00"), Decimal("2500.00"), Decimal("3950.00"), 2),
    }
    assert DeclarationLine.objects.filter(settlement=run).count() == 5


def test_a_later_line_of_an_earlier_month_is_tied_but_a_later_month_is_not(world):
    submit(world.p1, debit("A1", "2025-02"), debit("A1", "2025-03"), debit("A1", "2025-04"))
    run = settle(world)
    assert sorted(DeclarationLine.objects.filter(settlement=run).values_list("month", flat=True)) == [
        dt.date(2025, 2, 1), MARCH]
    assert DeclarationLine.objects.get(month=dt.date(2025, 4, 1)).settlement_id is None
    assert run.paid_to_providers == Decimal("800.00")


def test_a_year_without_regional_costs_charges_only_care(world):
    RegionalCost.objects.all().delete()
    submit(world.p1, debit("A1", "2025-03"))
    run = settle(world)
    assert run.regional_costs == Decimal("0.00")
    charges = {c.municipality_id: (c.care, c.regional_costs, c.total, c.client_count) for c in run.charges.all()}
    assert charges == {world.a.pk: (Decimal("400.00"), Decimal("0.00"), Decimal("400.00"), 1),
                       world.b.pk: (Decimal("0.00"), Decimal("0.00"), Decimal("0.00"), 0)}


def test_regional_costs_are_those_of_the_runs_year(world):
    RegionalCost.objects.create(region=world.region, year=2024, amount=Decimal("240000.00"))
    run = settle(world, month=dt.date(2024, 6, 1))
    assert run.regional_costs == Decimal("20000.00")
    assert settle(world).regional_costs == Decimal("10000.00")


def test_the_statement_lists_rejected_lines_in_order_with_their_codes(world):
    submit(world.p1, debit("ZZ", "2025-03"), debit("A1", "2025-03", volume=Decimal(2)), debit("ZZ", "2025-02"))
    statement = settlement_statement(settle(world))
    assert statement["rejected"] == [
        {"reference": "A1", "month": "2025-03", "code": "volume-mismatch"},
        {"reference": "ZZ", "month": "2025-02", "code": "allocation-unknown"},
        {"reference": "ZZ", "month": "2025-03", "code": "allocation-unknown"},
    ]
    assert statement["month"] == "2025-03"
    assert statement["providers"] == []
    assert [(m["code"], m["name"], m["clients"]) for m in statement["municipalities"]] == [
        ("0001", "Aadorp", 0), ("0002", "Bedorp", 0)]
    assert (statement["paid_to_providers"], statement["charged_for_care"], statement["regional_costs"]) == (
        "0.00", "0.00", "10000.00")


def test_the_statement_reads_providers_and_municipalities_with_their_rows(world, django_assert_num_queries):
    submit(world.p1, debit("A1", "2025-03"))
    submit(world.p2, debit("A3", "2025-03"))
    run = settle(world)
    with django_assert_num_queries(3):  # payments, charges, rejected lines: no query per row
        statement = settlement_statement(run)
    assert [p["agb"] for p in statement["providers"]] == ["11110001", "22220002"]
