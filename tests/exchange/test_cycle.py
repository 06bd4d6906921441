"""The whole chain through the inbox: 301 → 305 → 323 → 325 → settlement, with XML files only."""

import datetime as dt
from decimal import Decimal

import pytest
import time_machine

import iwmo
from regie.billing.models import DeclarationLine, LineStatus
from regie.billing.services import settlement_run, settlement_statement
from regie.care.models import AllocationStatus
from regie.exchange.decisions import allocation_create
from regie.exchange.inbox import message_receive
from regie.exchange.models import Direction, Message, MessageStatus
from tests.exchange.provider import declaration_323, read_301, start_305

APRIL = dt.date(2025, 4, 1)


@pytest.fixture
def allocated(world, officer_a, schemas):
    """Aadorp allocates begeleiding categorie 1 (€ 400 a month) to client 1 at Zorg Twee from 1 April."""
    with time_machine.travel(dt.datetime(2025, 3, 28, 10, 0), tick=False):
        allocation = allocation_create(actor=officer_a, client=world.clients[0], product=world.begeleiding,
                                       category=world.b1, provider=world.p2, start=APRIL)
    return allocation


def outgoing_301(allocation) -> Message:
    return Message.objects.get(direction=Direction.OUT, code="301", allocations=allocation)


def receive(data, **kw):
    return message_receive(actor=None, data=data, filename="bestand.xml", **kw)


@pytest.fixture
def started(allocated, schemas):
    toewijzing = read_301(outgoing_301(allocated))
    with time_machine.travel(dt.datetime(2025, 4, 3, 9, 0), tick=False):
        message = receive(start_305(toewijzing, identification="S1", dated=dt.date(2025, 4, 3),
                                    begindatum=dt.date(2025, 4, 2)))
    return toewijzing, message


def test_the_full_cycle_pays_what_the_325_approves(world, allocated, started, schemas):
    toewijzing, start = started
    assert toewijzing.header.afzender == "0001" and toewijzing.header.ontvanger == world.p2.agb_code
    allocated.refresh_from_db()
    assert (allocated.status, allocated.started_on) == (AllocationStatus.STARTED, dt.date(2025, 4, 2))
    assert start.status == MessageStatus.ACCEPTED and list(start.allocations.all()) == [allocated]
    retour = iwmo.read(bytes(start.answer.xml))
    assert retour.NAAM == "wmo306" and retour.header.retour_codes == [] and retour.client is None
    assert iwmo.validate_schema(bytes(start.answer.xml), schemas) == []

    with time_machine.travel(dt.datetime(2025, 5, 5, 9, 0), tick=False):
        declaration = receive(declaration_323(toewijzing, identification="D-APR", dated=dt.date(2025, 5, 5),
                                              month=APRIL, tariff_cents=40000))
    assert declaration.status == MessageStatus.ACCEPTED, declaration.problems
    answer = declaration.answer
    assert (answer.code, answer.direction, answer.status) == ("325", Direction.OUT, MessageStatus.QUEUED)
    assert iwmo.validate_schema(bytes(answer.xml), schemas) == []
    antwoord = iwmo.read(bytes(answer.xml))
    assert antwoord.declaratie_antwoord.retour_codes == ["8001"]
    assert antwoord.declaratie_antwoord.totaal_toegekend_bedrag.totaal_bedrag == 40000
    assert antwoord.header.declaratie_identificatie.identificatie == "D-APR"
    line = DeclarationLine.objects.get(declaration=declaration.declaration)
    assert (line.status, line.amount, line.month, line.allocation) == (LineStatus.APPROVED, Decimal("400.00"),
                                                                       APRIL, allocated)

    run = settlement_run(actor=None, region=world.region, month=APRIL)
    statement = settlement_statement(run)
    assert statement["providers"] == [{"agb": world.p2.agb_code, "name": "Zorg Twee", "amount": "400.00",
                                       "lines": 1}]


def test_the_same_323_twice_pays_once_and_gets_the_same_answer(world, allocated, started, schemas):
    toewijzing, _ = started
    data = declaration_323(toewijzing, identification="D-APR", dated=dt.date(2025, 5, 5), month=APRIL,
                           tariff_cents=40000)
    with time_machine.travel(dt.datetime(2025, 5, 5, 9, 0), tick=False):
        first = receive(data)
        second = receive(data)
    assert (first.duplicate, second.duplicate) == (False, True)
    assert second.pk == first.pk and second.answer.pk == first.answer.pk
    assert DeclarationLine.objects.filter(status=LineStatus.APPROVED).count() == 1
    assert Message.objects.filter(direction=Direction.IN, code="323").count() == 1
    assert Message.objects.filter(direction=Direction.OUT, code="325").count() == 1
    run = settlement_run(actor=None, region=world.region, month=APRIL)
    assert run.paid_to_providers == Decimal("400.00")


def test_a_declaration_for_a_month_not_started_is_rejected_with_its_retourcode(world, allocated, schemas):
    toewijzing = read_301(outgoing_301(allocated))
    with time_machine.travel(dt.datetime(2025, 5, 5, 9, 0), tick=False):
        message = receive(declaration_323(toewijzing, identification="D-EARLY", dated=dt.date(2025, 5, 5),
                                          month=APRIL, tariff_cents=40000))
    assert message.status == MessageStatus.REJECTED
    antwoord = iwmo.read(bytes(message.answer.xml)).declaratie_antwoord
    assert antwoord.totaal_toegekend_bedrag.totaal_bedrag == 0
    (client,) = antwoord.clienten
    assert [p.retour_codes for p in client.prestaties] == [["9307"]]
    assert DeclarationLine.objects.get().reason_code == "allocation-not-started"
