"""Edges of declaring and settling that the worked example does not reach (mutation testing of
billing/services.py, docs/development.md): what a declaration stores about itself, lines whose
allocation has no tariff or no residence, numbers too large for their column, a duplicate and a
credit in one file, and settlements across regions, without municipalities, or for a municipality
that has left."""

import datetime as dt
from decimal import Decimal

from django.db import connection
from django.test.utils import CaptureQueriesContext

from regie.billing import services
from regie.billing.models import DeclarationLine, LineStatus, MunicipalityCharge
from regie.billing.services import declaration_submit, settlement_run
from regie.catalogue.models import Tariff
from tests import factories as f
from tests.factories import credit, debit

MARCH = dt.date(2025, 3, 1)


def submit(provider, *lines, **options):
    declaration = declaration_submit(actor=None, provider=provider, lines=list(lines), source="csv", **options)
    return declaration, list(declaration.lines.order_by("line_number"))


def test_a_declaration_keeps_its_source_and_a_storable_file_name(world):
    declaration, _lines = submit(world.p1, debit("A1", "2025-03"))
    assert (declaration.source, declaration.filename) == ("csv", "")
    declaration, _lines = submit(world.p1, debit("A1", "2025-04"), filename="maart\x00.csv")
    declaration.refresh_from_db()
    assert declaration.filename == "maart_.csv"


def test_a_declaration_reads_allocations_with_their_product_and_category_at_once(world):
    def queries(*references):
        with CaptureQueriesContext(connection) as captured:
            submit(world.p1, *(debit(reference, "2025-03") for reference in references))
        return len(captured)

    DeclarationLine.objects.all().delete()
    one = queries("A1")
    DeclarationLine.objects.all().delete()
    assert queries("A1", "A2") == one


def test_a_category_without_any_tariff_rejects_its_lines(world):
    Tariff.objects.filter(category=world.b1).delete()
    _declaration, (line,) = submit(world.p1, debit("A1", "2025-03"))
    assert (line.status, line.reason_code) == (LineStatus.REJECTED, "tariff-missing")


def test_a_client_without_any_residence_rejects_its_lines(world):
    world.clients[0].residences.all().delete()
    _declaration, (line,) = submit(world.p1, debit("A1", "2025-03"))
    assert (line.status, line.reason_code) == (LineStatus.REJECTED, "no-residence")


def test_a_volume_or_price_too_large_for_its_column_is_rejected_and_not_stored(world):
    # volume and unit price hold 10 digits (8 before the point); the amount 12
    _declaration, lines = submit(world.p1, debit("A1", "2025-03", volume=Decimal("123456789.00")),
                                 debit("A2", "2025-03", unit_price=Decimal("123456789.00")),
                                 debit("A3", "2025-03", amount=Decimal("12345678901.00")))
    assert [(line.reason_code, line.volume, line.unit_price, line.amount) for line in lines] == [
        ("value-out-of-range", None, None, None)] * 3
    assert lines[2].declaration.lines.count() == 3


def test_a_credit_after_a_duplicate_in_one_file_reverses_the_approved_debit(world):
    _declaration, (first, duplicate, reversal) = submit(world.p1, debit("A1", "2025-03"), debit("A1", "2025-03"),
                                                        credit("A1", "2025-03"))
    first.refresh_from_db()
    assert [line.reason_code for line in (first, duplicate, reversal)] == ["", "duplicate", ""]
    assert (reversal.reverses_id, reversal.amount, first.is_reversed) == (first.pk, Decimal("-400.00"), True)


def test_a_debit_and_its_credit_in_one_file_cancel_out_even_when_the_month_was_paid_meanwhile(world, monkeypatch):
    _declaration, (paid,) = submit(world.p1, debit("A1", "2025-03"))
    monkeypatch.setattr(services, "_open_debits", lambda allocation_ids, months: {})  # read before it committed
    _declaration, (debit_line, credit_line) = submit(world.p1, debit("A1", "2025-03"), credit("A1", "2025-03"))
    assert (debit_line.reason_code, debit_line.is_reversed) == ("", True)
    assert (credit_line.status, credit_line.reverses_id, credit_line.amount) == (
        LineStatus.APPROVED, debit_line.pk, Decimal("-400.00"))
    paid.refresh_from_db()
    assert (paid.status, paid.is_reversed) == (LineStatus.APPROVED, False)  # the month stays paid once


def test_a_run_ties_and_pays_only_its_own_regions_lines(world):
    other = f.AllocationFactory(reference="E1", start=dt.date(2025, 1, 1))
    f.ResidenceFactory(client=other.client, municipality=other.municipality, valid_from=dt.date(2000, 1, 1))
    f.TariffFactory(category=other.category, amount=Decimal("100.00"), valid_from=dt.date(2024, 1, 1))
    f.ContractFactory(region=other.region, provider=other.provider, start=dt.date(2024, 1, 1),
                      products=[other.product])
    _declaration, (elsewhere,) = submit(other.provider, debit("E1", "2025-03"))
    assert elsewhere.status == LineStatus.APPROVED
    submit(world.p1, debit("A1", "2025-03"))
    run = settlement_run(actor=None, region=world.region, month=MARCH)
    elsewhere.refresh_from_db()
    assert elsewhere.settlement_id is None
    assert run.paid_to_providers == Decimal("400.00")


def test_a_region_without_municipalities_settles_to_zero_in_cents(world):
    empty = f.RegionFactory(name="Regio Leeg")
    run = settlement_run(actor=None, region=empty, month=MARCH)
    assert (str(run.paid_to_providers), str(run.charged_for_care), str(run.regional_costs)) == ("0.00",) * 3
    assert not MunicipalityCharge.objects.filter(run=run).exists()


def test_a_client_with_two_allocations_counts_once_for_its_municipality(world):
    second = f.AllocationFactory(client=world.clients[0], municipality=world.a, provider=world.p1,
                                 category=world.d1, reference="A5", start=dt.date(2025, 1, 10))
    submit(world.p1, debit("A1", "2025-03"), debit(second.reference, "2025-03"))
    run = settlement_run(actor=None, region=world.region, month=MARCH)
    assert MunicipalityCharge.objects.get(run=run, municipality=world.a).client_count == 1


def test_a_municipality_that_left_before_the_month_pays_its_care_and_no_share(world):
    submit(world.p2, debit("A3", "2025-03"))  # client 3 lives in B
    world.b.valid_to = dt.date(2025, 2, 28)
    world.b.save()
    run = settlement_run(actor=None, region=world.region, month=MARCH)
    charge = MunicipalityCharge.objects.get(run=run, municipality=world.b)
    assert (charge.care, charge.regional_costs, charge.total) == (Decimal("650.00"), Decimal("0.00"),
                                                                  Decimal("650.00"))
    assert MunicipalityCharge.objects.get(run=run, municipality=world.a).regional_costs == Decimal("10000.00")


def test_a_line_is_stored_as_declared_with_its_number_and_the_allocations_product(world):
    _declaration, (approved, rejected) = submit(
        world.p1, debit("A1", "2025-03"),
        debit("A2", "2025-03", volume=Decimal("2.00"), unit_price=Decimal("799.00"), amount=Decimal("1598.00")))
    assert (approved.line_number, approved.product_id, approved.category_id) == (1, world.begeleiding.pk, world.b1.pk)
    assert (rejected.line_number, rejected.reason_code, rejected.product_id, rejected.category_id) == (
        2, "tariff-mismatch", world.begeleiding.pk, world.b2.pk)
    assert (rejected.volume, rejected.unit_price, rejected.amount) == (Decimal("2.00"), Decimal("799.00"),
                                                                       Decimal("1598.00"))


def test_an_empty_declaration_is_stored_without_lines(world):
    declaration, lines = submit(world.p1)
    assert lines == [] and declaration.pk is not None
