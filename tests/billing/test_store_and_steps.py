"""The defensive paths of billing/services.py that no ordinary declaration reaches (mutation testing,
docs/development.md): a month paid by another declaration between reading and writing, the step
hook the race test drives, and a municipality that joins the region after the settled month."""

import datetime as dt
from decimal import Decimal

import pytest

from regie.billing import services
from regie.billing.models import LineStatus, MunicipalityCharge
from regie.billing.services import declaration_submit, settlement_run
from tests import factories as f
from tests.factories import debit

MARCH = dt.date(2025, 3, 1)


def submit(provider, *lines):
    declaration = declaration_submit(actor=None, provider=provider, lines=list(lines), source="csv")
    return list(declaration.lines.order_by("line_number"))


def test_a_month_paid_meanwhile_is_kept_as_a_rejected_duplicate_and_the_other_lines_are_stored(world, monkeypatch):
    """Another declaration may commit the same month after this one read what was paid: the unique
    constraint then decides line by line, and no line is lost."""
    (first,) = submit(world.p1, debit("A1", "2025-03"))
    monkeypatch.setattr(services, "_open_debits", lambda allocation_ids, months: {})  # read before `first` committed
    february, march = submit(world.p1, debit("A1", "2025-02"), debit("A1", "2025-03"))
    assert (february.status, february.reason_code, february.municipality_id) == (LineStatus.APPROVED, "", world.a.pk)
    assert february.amount == Decimal("400.00")
    assert (march.status, march.reason_code, march.municipality_id) == (LineStatus.REJECTED, "duplicate", None)
    assert march.pk != first.pk
    first.refresh_from_db()
    assert (first.status, first.is_reversed) == (LineStatus.APPROVED, False)


def test_a_run_passes_its_steps_to_the_hook_in_order(world, monkeypatch):
    seen = []
    monkeypatch.setattr(services, "step_hook", seen.append)
    submit(world.p1, debit("A1", "2025-03"))
    settlement_run(actor=None, region=world.region, month=MARCH)
    assert seen == ["created", "tied", "summed"]


def test_a_municipality_that_joins_after_the_month_is_neither_charged_nor_given_a_share(world):
    later = f.MunicipalityFactory(region=world.region, code="0003", name="Cedorp", population=40000,
                                  valid_from=dt.date(2025, 4, 1))
    ended = f.MunicipalityFactory(region=world.region, code="0004", name="Dedorp", population=40000,
                                  valid_from=dt.date(2000, 1, 1), valid_to=dt.date(2025, 2, 28))
    run = settlement_run(actor=None, region=world.region, month=MARCH)
    charged = set(MunicipalityCharge.objects.filter(run=run).values_list("municipality_id", flat=True))
    assert charged == {world.a.pk, world.b.pk}
    assert later.pk not in charged and ended.pk not in charged
    # 120 000 a year, 10 000 a month, split 30 000 : 10 000 between A and B only.
    shares = dict(MunicipalityCharge.objects.filter(run=run).values_list("municipality_id", "regional_costs"))
    assert shares == {world.a.pk: Decimal("7500.00"), world.b.pk: Decimal("2500.00")}


@pytest.mark.parametrize("joins", [dt.date(2025, 3, 31), dt.date(2025, 3, 1)])
def test_a_municipality_that_exists_on_one_day_of_the_month_shares_in_it(world, joins):
    f.MunicipalityFactory(region=world.region, code="0003", name="Cedorp", population=40000, valid_from=joins)
    run = settlement_run(actor=None, region=world.region, month=MARCH)
    assert MunicipalityCharge.objects.filter(run=run).count() == 3
