"""Every refusal of billing/services.py as its user reads it: the stable code, the field a form marks,
and the whole message in English and in Dutch (a message that loses its translation is a defect)."""

import datetime as dt

import pytest
from django.utils import timezone, translation

from regie.billing import services
from regie.billing.models import SettlementRun
from regie.billing.services import declaration_submit, settlement_run
from regie.core.errors import DomainError
from tests import factories as f
from tests.factories import debit

MARCH = dt.date(2025, 3, 1)


def refusal(call, language):
    with translation.override(language), pytest.raises(DomainError) as error:
        call()
    return error.value.code, error.value.field, error.value.message


def test_declaring_for_another_organisation(world):
    other = f.actor(world.p2, "provider_staff")

    def call():
        declaration_submit(actor=other, provider=world.p1, lines=[debit("A1", "2025-03")], source="csv")

    assert refusal(call, "en") == ("provider-mismatch", None, "You can only declare on behalf of your own organisation.")
    assert refusal(call, "nl") == ("provider-mismatch", None, "U kunt alleen namens uw eigen organisatie declareren.")


def test_a_line_outside_every_month_names_its_line_number(world):
    def call():
        declaration_submit(actor=None, provider=world.p1, lines=[debit("A1", "2025-03"), debit("A1", "9999-12")],
                           source="csv")

    code, field, message = refusal(call, "en")
    assert (code, field) == ("month-out-of-window", "month")
    assert message.startswith("Line 2: 9999-12 lies outside the months this region accepts")
    assert refusal(call, "nl")[2].startswith("Regel 2: 9999-12 ")


def test_settling_is_for_the_purchasing_office_alone(world):
    office = f.OrganisationFactory(region=world.region, kind="municipality", municipality=world.a, name="Gemeente A")
    finance = f.actor(office, "finance")

    def call():
        settlement_run(actor=finance, region=world.region, month=MARCH)

    assert refusal(call, "en") == ("settlement-not-allowed", None, "Only the purchasing office settles.")
    assert refusal(call, "nl") == ("settlement-not-allowed", None, "Alleen het inkoopbureau verrekent.")


def test_a_month_outside_the_regions_window_is_not_settled(world):
    def call():
        settlement_run(actor=None, region=world.region, month=dt.date(2014, 12, 1))  # before care_from

    code, field, message = refusal(call, "en")
    assert (code, field) == ("month-out-of-window", "month")
    assert message.startswith("2014-12 lies outside the months this region accepts (2015-01 to ")


def test_a_month_not_ended_names_the_first_day_it_can_be_settled(world):
    month = timezone.localdate().replace(day=1)

    def call():
        settlement_run(actor=None, region=world.region, month=month)

    code, field, message = refusal(call, "en")
    assert (code, field) == ("month_not_ended", "month")
    with translation.override("en"):
        last = services.short_date(services.month_end(month))
    assert message == f"The month {month:%Y-%m} has not ended yet; it can be settled from the day after {last}."
    with translation.override("nl"):
        assert refusal(call, "nl")[2].startswith(f"De maand {month:%Y-%m} ")


def test_a_month_before_one_already_closed_is_not_settled(world):
    settlement_run(actor=None, region=world.region, month=MARCH)

    def call():
        settlement_run(actor=None, region=world.region, month=dt.date(2025, 2, 1))

    assert refusal(call, "en") == ("settlement-out-of-order", None,
                                   "2025-02 can no longer be settled: a later month has already been closed. "
                                   "Corrections go into the next run.")
    assert refusal(call, "nl")[2].startswith("2025-02 ")
    assert refusal(call, "nl")[2] != refusal(call, "en")[2]


def test_another_regions_runs_neither_answer_nor_block_a_run(world):
    elsewhere = f.RegionFactory(name="Regio Elders")
    SettlementRun.objects.create(region=elsewhere, month=MARCH, paid_to_providers=0, charged_for_care=0,
                                 regional_costs=0)
    SettlementRun.objects.create(region=elsewhere, month=dt.date(2025, 6, 1), paid_to_providers=0,
                                 charged_for_care=0, regional_costs=0)
    run = settlement_run(actor=None, region=world.region, month=MARCH)
    assert run.region == world.region
    assert SettlementRun.objects.filter(region=world.region).count() == 1


def test_a_run_that_another_officer_closed_meanwhile_is_given_back(world, monkeypatch):
    """Between the first look and the lock another run may commit: the look under the lock finds it."""
    real = services._check_month_ended
    theirs = []

    def meanwhile(month):
        real(month)
        monkeypatch.setattr(services, "_check_month_ended", real)
        theirs.append(settlement_run(actor=None, region=world.region, month=month))

    monkeypatch.setattr(services, "_check_month_ended", meanwhile)
    mine = settlement_run(actor=None, region=world.region, month=MARCH)
    assert mine.pk == theirs[0].pk
    assert SettlementRun.objects.filter(region=world.region).count() == 1
