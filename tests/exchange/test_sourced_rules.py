"""TR378, TR381 and TR418 need the receiver's own data. The bare library reports them as not
checked; the region's inbox always supplies their sources (`rules.RegionSources`), so a message
that breaks one gets its retourcode there."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest
import time_machine

import iwmo
from iwmo.regels import REGELS
from regie.billing.models import DeclarationLine
from regie.care.models import AllocationStatus
from regie.exchange.decisions import allocation_create
from regie.exchange.inbox import message_receive
from regie.exchange.models import Direction, Message, MessageStatus
from regie.exchange.rules import RegionSources
from regie.regions.models import PartialMonthRule
from tests.exchange.provider import declaration_323, read_301, start_305, stop_307

APRIL = dt.date(2025, 4, 1)
SOURCED = {"TR378", "TR381", "TR418"}


def at(day: dt.date):
    return time_machine.travel(dt.datetime.combine(day, dt.time(9)), tick=False)


def receive(data: bytes) -> Message:
    return message_receive(actor=None, data=data, filename="x.xml")


def found(message: Message) -> list[tuple[str, str]]:
    return [(p["regel"], p["retourcode"]) for p in message.problems]


def bare(data: bytes):
    """What the library alone says: no sources, so the three rules are not checked."""
    return iwmo.check(data, vandaag=dt.date(2025, 6, 1))


def made(world, officer_a, start=APRIL):
    with at(start - dt.timedelta(days=2)):
        allocation = allocation_create(actor=officer_a, client=world.clients[0], product=world.begeleiding,
                                       category=world.b1, provider=world.p2, start=start)
    return allocation, read_301(Message.objects.get(direction=Direction.OUT, code="301", allocations=allocation))


def started(world, officer_a, start=APRIL):
    allocation, toewijzing = made(world, officer_a, start)
    with at(start + dt.timedelta(days=2)):
        message = receive(start_305(toewijzing, identification="S1", dated=start + dt.timedelta(days=2),
                                    begindatum=start))
    assert message.status == MessageStatus.ACCEPTED, message.problems
    return allocation, toewijzing


def test_tr378_a_municipality_that_no_longer_exists_gets_s300(world, officer_a, schemas):
    allocation, toewijzing = made(world, officer_a)
    type(world.a).objects.filter(pk=world.a.pk).update(valid_to=dt.date(2025, 3, 31))  # merged away
    data = start_305(toewijzing, identification="S1", dated=dt.date(2025, 4, 3), begindatum=APRIL)
    with at(dt.date(2025, 4, 3)):
        message = receive(data)
    assert message.status == MessageStatus.REJECTED
    assert found(message) == [("TR378", "S300")]
    assert iwmo.read(bytes(message.answer.xml)).header.retour_codes == ["S300"]
    allocation.refresh_from_db()
    assert allocation.status == AllocationStatus.ALLOCATED
    result = bare(data)
    assert "TR378" in result.niet_gecontroleerd and "TR378" not in {b.regel for b in result.bevindingen}


def test_tr381_a_product_code_outside_the_catalogue_gets_s329(world, officer_a, schemas):
    allocation, toewijzing = made(world, officer_a)
    product = toewijzing.client.toegewezen_producten[0]
    toewijzing.client.toegewezen_producten[0] = replace(product, product=replace(product.product, code="02Z99"))
    data = start_305(toewijzing, identification="S1", dated=dt.date(2025, 4, 3), begindatum=APRIL)
    with at(dt.date(2025, 4, 3)):
        message = receive(data)
    assert message.status == MessageStatus.REJECTED
    assert found(message) == [("TR381", "S329")]
    retour = iwmo.read(bytes(message.answer.xml))
    assert [p.retour_codes for p in retour.client.start_producten] == [["S329"]]
    allocation.refresh_from_db()
    assert allocation.status == AllocationStatus.ALLOCATED
    result = bare(data)
    assert "TR381" in result.niet_gecontroleerd and not result.bevindingen


def test_tr418_a_tariff_that_is_not_the_contracts_gets_0611(world, officer_a, schemas):
    allocation, toewijzing = started(world, officer_a)
    data = declaration_323(toewijzing, identification="D1", dated=dt.date(2025, 5, 5), month=APRIL,
                           tariff_cents=40001)  # the tariff of begeleiding category 1 is € 400.00
    with at(dt.date(2025, 5, 5)):
        message = receive(data)
    assert message.status == MessageStatus.REJECTED
    assert found(message) == [("TR418", "0611")]
    antwoord = iwmo.read(bytes(message.answer.xml)).declaratie_antwoord
    assert [p.retour_codes for c in antwoord.clienten for p in c.prestaties] == [["0611"]]
    assert not DeclarationLine.objects.filter(allocation=allocation).exists()  # refused in the message, not billed
    result = bare(data)
    assert "TR418" in result.niet_gecontroleerd and not result.bevindingen


@pytest.mark.parametrize(("rule", "cents"), [(PartialMonthRule.FULL_MONTH, 40000), (PartialMonthRule.PRO_RATA, 20000)])
def test_tr418_accepts_the_tariff_the_billing_checks_expect(world, officer_a, schemas, rule, cents):
    """A broken month (care from 16 April) follows the region's partial-month rule, as billing does."""
    world.region.partial_month_rule = rule
    world.region.save()
    allocation, toewijzing = started(world, officer_a, start=dt.date(2025, 4, 16))
    data = declaration_323(toewijzing, identification="D1", dated=dt.date(2025, 5, 5), month=APRIL,
                           tariff_cents=cents)
    with at(dt.date(2025, 5, 5)):
        message = receive(data)
    assert (message.status, found(message)) == (MessageStatus.ACCEPTED, [])
    assert DeclarationLine.objects.get(allocation=allocation).status == "approved"


def test_tr418_reveals_no_tariff_of_another_providers_allocation(world, officer_a, schemas):
    """An allocation of Zorg Een, declared by Zorg Twee: TR338 says so; TR418 does not judge its tariff."""
    allocation, toewijzing = started(world, officer_a)
    other = world.allocations[0]  # Zorg Een's, reference A1: no ToewijzingNummer, so give it one
    type(other).objects.filter(pk=other.pk).update(reference="777", status=AllocationStatus.STARTED,
                                                   started_on=other.start)
    declared = toewijzing.client.toegewezen_producten[0]
    toewijzing.client.toegewezen_producten[0] = replace(declared, toewijzingnummer=777)
    data = declaration_323(toewijzing, identification="D1", dated=dt.date(2025, 5, 5), month=APRIL, tariff_cents=1)
    with at(dt.date(2025, 5, 5)):
        message = receive(data)
    assert "TR418" not in {rule for rule, _ in found(message)}
    assert ("TR338", "9338") in found(message)


def test_the_region_supplies_every_source_a_rule_asks_for(world):
    sources = RegionSources(world.region)
    assert {r.code for r in REGELS if r.bron} == SOURCED
    for rule in REGELS:
        if rule.bron:
            assert callable(getattr(sources, rule.bron)), rule.code


def test_in_the_inbox_nothing_is_left_unchecked(world, officer_a, schemas, monkeypatch):
    """Every message kind the inbox takes: `iwmo.check` there reports no rule as not checked."""
    results = []
    check = iwmo.check

    def recording(*args, **kwargs):
        results.append(check(*args, **kwargs))
        return results[-1]

    monkeypatch.setattr(iwmo, "check", recording)
    allocation, toewijzing = started(world, officer_a)
    with at(dt.date(2025, 5, 5)):
        receive(declaration_323(toewijzing, identification="D1", dated=dt.date(2025, 5, 5), month=APRIL,
                                tariff_cents=40000))
        receive(stop_307(toewijzing, identification="E1", dated=dt.date(2025, 5, 5), begindatum=APRIL,
                         einddatum=dt.date(2025, 4, 30)))
    assert [r.bericht.NAAM for r in results] == ["wmo305", "wmo323", "wmo307"]
    assert all(r.niet_gecontroleerd == () for r in results)
    assert all(bare(bytes(m.xml)).niet_gecontroleerd for m in Message.objects.filter(direction=Direction.IN))
