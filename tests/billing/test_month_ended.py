"""A month is settled only once it has ended, in the region's time zone (Europe/Amsterdam): a month
closed early (or year 9999) would lock out every month before it for good."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.urls import reverse

from regie.billing.models import DeclarationLine, SettlementRun
from regie.billing.services import declaration_submit, settlement_run
from regie.core.errors import DomainError
from regie.regions.models import OrganisationKind
from tests import factories as f

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
MARCH, APRIL = dt.date(2025, 3, 1), dt.date(2025, 4, 1)


def at(*moment, tz=AMSTERDAM):
    return time_machine.travel(dt.datetime(*moment, tzinfo=tz), tick=False)


@pytest.fixture
def declared(world):
    declaration_submit(actor=None, provider=world.p1, source="csv", lines=[f.debit("A1", "2025-03")])
    return world


def refused(region, month) -> DomainError:
    with pytest.raises(DomainError) as error:
        settlement_run(actor=None, region=region, month=month)
    return error.value


@pytest.mark.parametrize("moment", [
    (2025, 3, 31, 23, 59, 59),  # the last second of March in Amsterdam
    (2025, 3, 31, 12, 0),
    (2025, 3, 1, 0, 0),
])
def test_a_month_is_refused_until_its_last_day_is_over(declared, moment):
    with at(*moment):
        error = refused(declared.region, MARCH)
    assert (error.code, error.field) == ("month_not_ended", "month")
    assert not SettlementRun.objects.exists()
    assert not DeclarationLine.objects.filter(settlement__isnull=False).exists()


@pytest.mark.parametrize("moment", [(2025, 4, 1, 0, 0), (2025, 4, 1, 0, 30), (2025, 4, 2, 9, 0)])
def test_a_month_is_settled_from_midnight_after_its_last_day(declared, moment):
    with at(*moment):
        run = settlement_run(actor=None, region=declared.region, month=MARCH)
    assert run.month == MARCH and run.paid_to_providers > 0


def test_midnight_is_amsterdams_not_utcs(declared):
    # 22:30 UTC on 31 March is 00:30 on 1 April in Amsterdam (summer time): March has ended there ...
    with at(2025, 3, 31, 22, 30, tz=dt.timezone.utc):
        assert settlement_run(actor=None, region=declared.region, month=MARCH).month == MARCH
    # ... and 21:59 UTC on 30 April is 23:59 in Amsterdam: April has not.
    with at(2025, 4, 30, 21, 59, tz=dt.timezone.utc):
        assert refused(declared.region, APRIL).code == "month_not_ended"


def test_year_9999_is_refused_and_locks_nothing_out(declared):
    with at(2025, 4, 2, 9, 0):
        assert refused(declared.region, dt.date(9999, 12, 1)).code == "month-out-of-window"  # past the window too
        assert refused(declared.region, dt.date(2025, 4, 1)).code == "month_not_ended"  # the running month
        assert not SettlementRun.objects.exists()
        assert settlement_run(actor=None, region=declared.region, month=MARCH).month == MARCH


def test_the_ordering_rules_still_hold(declared):
    with at(2025, 5, 2, 9, 0):
        run = settlement_run(actor=None, region=declared.region, month=APRIL)
        assert settlement_run(actor=None, region=declared.region, month=APRIL).pk == run.pk  # again: the same run
        assert refused(declared.region, MARCH).code == "settlement-out-of-order"
        assert refused(declared.region, dt.date(2025, 5, 1)).code == "month_not_ended"
    assert list(SettlementRun.objects.values_list("month", flat=True)) == [APRIL]
    # the March line, declared before, went into April's run
    assert DeclarationLine.objects.get().settlement_id == run.pk


def test_a_settled_month_is_read_again_whatever_the_day(declared):
    with at(2025, 4, 2, 9, 0):
        run = settlement_run(actor=None, region=declared.region, month=MARCH)
    with at(2025, 3, 15, 9, 0):  # a clock set back still reads the closed month
        assert settlement_run(actor=None, region=declared.region, month=MARCH).pk == run.pk


def test_the_settlement_screen_refuses_a_month_that_has_not_ended(client, declared):
    office = f.OrganisationFactory(region=declared.region, kind=OrganisationKind.PURCHASING_OFFICE)
    client.force_login(f.actor(office, "finance").user)
    with at(2025, 3, 31, 23, 0):
        response = client.post(reverse("billing:settlement-run"), {"month": "2025-03"})
        assert response.status_code == 200
        assert response.context["form"].errors["month"]
        assert not SettlementRun.objects.exists()
    with at(2025, 4, 1, 0, 5):
        response = client.post(reverse("billing:settlement-run"), {"month": "2025-03"})
        assert response.status_code == 302
        assert SettlementRun.objects.filter(month=MARCH).exists()
