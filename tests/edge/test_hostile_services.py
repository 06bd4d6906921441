"""What enters past the parsers of a door (the iWmo inbox turns XML into typed values, a service is
called with them) meets the same rules: a far date is refused, a number no column holds is rejected
and not stored, and one provider's absurd line cannot break the month's pages or its settlement."""

import datetime as dt
from decimal import Decimal

import pytest
import time_machine
from django.urls import reverse

from regie.billing.models import DeclarationLine, SettlementRun
from regie.billing.services import declaration_submit, settlement_run
from regie.care.models import AllocationStatus
from regie.care.services import allocation_start
from regie.core.errors import DomainError
from regie.exchange.decisions import allocation_create
from regie.exchange.inbox import message_receive
from regie.exchange.models import Direction, Message, MessageStatus
from tests import factories as f
from tests.exchange.provider import read_301, start_305

MARCH = dt.date(2025, 3, 1)


@pytest.mark.parametrize(("field", "value", "code"), [
    ("amount", Decimal("1E+30"), "value-out-of-range"),
    ("amount", Decimal("NaN"), "value-out-of-range"),
    ("amount", Decimal("sNaN"), "value-out-of-range"),
    ("amount", Decimal("-Infinity"), "value-out-of-range"),
    ("amount", Decimal("400.001"), "value-out-of-range"),
    ("volume", Decimal("12345678901"), "value-out-of-range"),
    ("unit_price", Decimal("Infinity"), "value-out-of-range"),
])
def test_a_line_whose_number_fits_no_column_is_rejected_and_the_number_not_stored(world, field, value, code):
    declaration = declaration_submit(actor=None, provider=world.p1, source="iwmo",
                                     lines=[f.debit("A1", "2025-03", **{field: value}), f.debit("A2", "2025-03")])
    first, second = declaration.lines.order_by("line_number")
    assert (first.status, first.reason_code, getattr(first, field)) == ("rejected", code, None)
    assert second.status == "approved"


def test_after_an_absurd_line_the_month_still_settles_and_shows(world, people, as_user):
    declaration_submit(actor=None, provider=world.p1, source="iwmo",
                       lines=[f.debit("A1", "2025-03", amount=Decimal("1E+30")),
                              f.debit("A2", "2025-03", amount=Decimal("NaN"))])
    declaration_submit(actor=None, provider=world.p2, source="csv", lines=[f.debit("A3", "2025-03")])
    run = settlement_run(actor=None, region=world.region, month=MARCH)
    assert run.paid_to_providers == Decimal("650.00")  # only Zorg Twee's sound line
    for user, url in ((people.staff_p1, reverse("billing:declaration-list") + "?maand=2025-03"),
                      (people.finance, reverse("billing:settlement-detail", args=["2025-03"])),
                      (people.finance, reverse("billing:settlement-list"))):
        assert as_user(user).get(url).status_code == 200
    assert settlement_run(actor=None, region=world.region, month=dt.date(2025, 4, 1)).pk != run.pk  # later ones too


@pytest.mark.parametrize("month", [dt.date(2100, 1, 1), dt.date(2010, 1, 1)])
def test_a_line_for_a_month_outside_the_window_is_rejected(world, month):
    declaration = declaration_submit(actor=None, provider=world.p1, source="iwmo",
                                     lines=[f.debit("A1", f"{month:%Y-%m}")])
    assert declaration.lines.get().reason_code == "month-out-of-window"


def test_a_month_no_region_takes_refuses_the_declaration_whole(world):
    with pytest.raises(DomainError) as error:
        declaration_submit(actor=None, provider=world.p1, source="iwmo",
                           lines=[f.debit("A1", "2025-03"), f.debit("A1", "9999-12")])
    assert (error.value.code, error.value.field) == ("month-out-of-window", "month")
    assert not DeclarationLine.objects.exists()


def test_settling_a_month_before_the_region_started_is_refused(world):
    with pytest.raises(DomainError) as error:
        settlement_run(actor=None, region=world.region, month=dt.date(2001, 1, 1))
    assert error.value.code == "month-out-of-window"
    assert not SettlementRun.objects.exists()


def test_the_window_follows_the_region_settings(world, officer_a):
    world.region.care_from, world.region.future_years = dt.date(2025, 6, 1), 0
    world.region.save()
    with time_machine.travel(dt.datetime(2025, 7, 1, 9, 0), tick=False):
        for start in (dt.date(2025, 5, 31), dt.date(2025, 7, 2)):
            with pytest.raises(DomainError) as error:
                allocation_create(actor=officer_a, client=world.clients[0], product=world.begeleiding,
                                  category=world.b1, provider=world.p1, start=start)
            assert (error.value.code, error.value.field) == ("date-out-of-window", "start")
        f.end_a1(world)  # so that the allocation inside the window duplicates none
        allocation_create(actor=officer_a, client=world.clients[0], product=world.begeleiding, category=world.b1,
                          provider=world.p1, start=dt.date(2025, 7, 1))


def test_a_start_far_in_the_future_is_refused(world):
    waiting = f.AllocationFactory(client=world.clients[0], municipality=world.a, provider=world.p1,
                                  category=world.b1, reference="A5", start=dt.date(2025, 1, 10), status="allocated",
                                  started_on=None)
    with pytest.raises(DomainError) as error:
        allocation_start(actor=None, allocation=waiting, started_on=dt.date(9999, 12, 31))
    assert (error.value.code, error.value.field) == ("date-out-of-window", "started_on")
    waiting.refresh_from_db()
    assert waiting.status == AllocationStatus.ALLOCATED and waiting.started_on is None


def test_a_305_from_the_inbox_with_a_start_in_9999_is_rejected_and_not_stored(world, officer_a):
    """The iWmo rules refuse it first (0001); were they to let it through, `allocation_start` refuses it (9019)."""
    with time_machine.travel(dt.datetime(2025, 4, 3, 9, 0), tick=False):
        allocation = allocation_create(actor=officer_a, client=world.clients[0], product=world.begeleiding,
                                       category=world.b1, provider=world.p2, start=dt.date(2025, 4, 1))
        toewijzing = read_301(Message.objects.get(direction=Direction.OUT, code="301", allocations=allocation))
        message = message_receive(actor=None, filename="start.xml", data=start_305(
            toewijzing, identification="S1", dated=dt.date(2025, 4, 3), begindatum=dt.date(9999, 12, 31)))
    assert message.status == MessageStatus.REJECTED
    assert {p["retourcode"] for p in message.problems} & {"0001", "9019"}
    allocation.refresh_from_db()
    assert allocation.status == AllocationStatus.ALLOCATED and allocation.started_on is None


def test_a_message_file_name_with_control_characters_is_stored_cleaned(world, officer_a):
    """PostgreSQL refuses NUL in text: the name a client sends is made storable, not a server error."""
    with time_machine.travel(dt.datetime(2025, 4, 3, 9, 0), tick=False):
        allocation = allocation_create(actor=officer_a, client=world.clients[0], product=world.begeleiding,
                                       category=world.b1, provider=world.p2, start=dt.date(2025, 4, 1))
        toewijzing = read_301(Message.objects.get(direction=Direction.OUT, code="301", allocations=allocation))
        message = message_receive(actor=None, filename="st\x00art\u202e.xml", data=start_305(
            toewijzing, identification="S1", dated=dt.date(2025, 4, 3), begindatum=dt.date(2025, 4, 2)))
    assert message.status == MessageStatus.ACCEPTED
    assert Message.objects.get(pk=message.pk).filename == "st_art_.xml"
