"""Receiving and answering at a moment in the past (`received_at`, `at`): what the demo generator and tests use to
build a history. The rules' "today", the stored moments and the answers' dates follow that moment, not the clock."""

import datetime as dt

import pytest
import time_machine
from django.utils import timezone

import iwmo
from regie.exchange.decisions import allocation_create
from regie.exchange.inbox import message_receive
from regie.exchange.models import AllocationRequest, Direction, Message, MessageStatus, RequestStatus
from regie.exchange.outbox import message_sent
from regie.exchange.requests import allocation_request_grant, allocation_request_refuse
from regie.exchange.timeliness import timeliness_items
from regie.regions.models import OrganisationKind
from tests import factories as f
from tests.exchange.provider import read_301, start_305
from tests.exchange.test_requests import vot

APRIL = dt.date(2025, 4, 1)
NOW = dt.datetime(2025, 6, 2, 12, 0)


def moment(day: dt.date, hour: int = 10) -> dt.datetime:
    return timezone.make_aware(dt.datetime(day.year, day.month, day.day, hour, 0))


@pytest.fixture(autouse=True)
def frozen():
    with time_machine.travel(NOW, tick=False):
        yield


@pytest.fixture
def office(world):
    org = f.OrganisationFactory(region=world.region, kind=OrganisationKind.PURCHASING_OFFICE, name="Inkoopbureau")
    return f.actor(org, "contract_manager")


@pytest.fixture
def toewijzing(world, officer_a):
    allocation = allocation_create(actor=officer_a, client=world.clients[0], product=world.begeleiding,
                                   category=world.b1, provider=world.p2, start=APRIL)
    return allocation, read_301(Message.objects.get(direction=Direction.OUT, code="301", allocations=allocation))


def test_a_305_received_in_the_past_is_stored_and_answered_then_and_timed_late(world, toewijzing, office, schemas):
    allocation, heen = toewijzing
    # care began on Wednesday 2 April; reported on Thursday 17 April: due 9 April, so late
    message = message_receive(actor=None, data=start_305(heen, identification="S1", dated=dt.date(2025, 4, 17),
                                                         begindatum=dt.date(2025, 4, 2)),
                              received_at=moment(dt.date(2025, 4, 17)))
    assert message.status == MessageStatus.ACCEPTED, message.problems
    message.refresh_from_db()
    assert message.created_at == moment(dt.date(2025, 4, 17))
    answer = message.answer
    assert (answer.code, answer.dated, answer.created_at) == ("306", dt.date(2025, 4, 17), moment(dt.date(2025, 4, 17)))
    assert iwmo.read(bytes(answer.xml)).header.dagtekening_retour == dt.date(2025, 4, 17)
    items = {i.deadline: i for i in timeliness_items(actor=office, first_month=APRIL, last_month=APRIL)}
    assert items["305"].done == dt.date(2025, 4, 17) and items["305"].late_on(dt.date(2025, 6, 2))
    assert items["retour"].done == dt.date(2025, 4, 17) and not items["retour"].late_on(dt.date(2025, 6, 2))


def test_without_received_at_the_message_is_received_now(world, toewijzing, schemas):
    _, heen = toewijzing
    message = message_receive(actor=None, data=start_305(heen, identification="S1", dated=dt.date(2025, 6, 2),
                                                         begindatum=dt.date(2025, 4, 2)))
    message.refresh_from_db()
    assert message.created_at == NOW.replace(tzinfo=dt.timezone.utc) and message.answer.dated == dt.date(2025, 6, 2)


def test_the_rules_today_is_the_day_of_receipt(world, toewijzing, schemas):
    """TR135: a Dagtekening after the day of receipt is refused, even though it lies before the clock's today."""
    _, heen = toewijzing
    message = message_receive(actor=None, data=start_305(heen, identification="S1", dated=dt.date(2025, 4, 18),
                                                         begindatum=dt.date(2025, 4, 2)),
                              received_at=moment(dt.date(2025, 4, 17)))
    assert message.status == MessageStatus.REJECTED
    assert "TR135" in [p["regel"] for p in message.problems]


def test_requests_received_and_answered_in_the_past(world, officer_a, office, schemas):
    with time_machine.travel(dt.datetime(2025, 4, 3, 9, 0), tick=False):
        data = vot(world, references=("R1", "R2"))
    message_receive(actor=None, data=data, received_at=moment(dt.date(2025, 4, 3)))
    first, second = AllocationRequest.objects.order_by("reference")
    assert (first.received_on, first.due_on) == (dt.date(2025, 4, 3), dt.date(2025, 4, 10))
    allocation_request_grant(actor=officer_a, request=first, category=world.b1, start=dt.date(2025, 5, 1),
                             end=None, at=moment(dt.date(2025, 4, 8), 14))
    refusal = allocation_request_refuse(actor=officer_a, request=second, reason="2", at=moment(dt.date(2025, 4, 9)))
    first.refresh_from_db()
    second.refresh_from_db()
    assert (first.status, first.answered_at) == (RequestStatus.GRANTED, moment(dt.date(2025, 4, 8), 14))
    assert (first.answer.code, first.answer.dated, first.answer.created_at) == (
        "301", dt.date(2025, 4, 8), moment(dt.date(2025, 4, 8), 14))
    assert iwmo.read(bytes(first.answer.xml)).header.berichtidentificatie.dagtekening == dt.date(2025, 4, 8)
    assert (second.status, second.answered_at, refusal.dated) == (
        RequestStatus.REFUSED, moment(dt.date(2025, 4, 9)), dt.date(2025, 4, 9))
    sent = message_sent(message=first.answer, at=moment(dt.date(2025, 4, 9), 8))
    assert sent.sent_at == moment(dt.date(2025, 4, 9), 8)
    items = [i for i in timeliness_items(actor=office, first_month=APRIL, last_month=APRIL) if i.deadline == "315"]
    assert sorted(i.done for i in items) == [dt.date(2025, 4, 8), dt.date(2025, 4, 9)]
    assert not any(i.late_on(dt.date(2025, 6, 2)) for i in items)
