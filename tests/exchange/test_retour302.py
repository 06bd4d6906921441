"""The provider's retour message on ours: a 302 on a 301 (and a 320 on a 319) is read, linked to the message
it answers, stored with its retourcodes as findings, never answered; and its deadline, 3 working days."""

import datetime as dt

import pytest
import time_machine
from django.urls import reverse

import iwmo
from iwmo.regels import Bevinding, Niveau
from regie.exchange.decisions import allocation_create
from regie.exchange.inbox import MessageRefused, message_receive
from regie.exchange.models import AllocationRequest, Direction, Message, MessageStatus
from regie.exchange.outbox import message_sent
from regie.exchange.requests import allocation_request_refuse
from regie.exchange.timeliness import DEADLINES, timeliness_items
from regie.regions.models import OrganisationKind
from tests import factories as f
from tests.exchange.provider import read_301

APRIL = dt.date(2025, 4, 1)


def at(day: dt.date, hour: int = 10):
    return time_machine.travel(dt.datetime(day.year, day.month, day.day, hour, 0), tick=False)


def retour(heen, *, identification="R1", dated=dt.date(2025, 4, 1), header_code: str | None = None,
           product_codes: dict[int, str] | None = None) -> bytes:
    """What a provider's system answers to our 301 (or 319): nothing wrong, a code on the Header, or per product."""
    bevindingen = []
    if header_code == "0001":
        bevindingen.append(Bevinding(regel="TR006", retourcode="0001", niveau=Niveau.INHOUD, pad="", melding=""))
    elif header_code:
        bevindingen.append(Bevinding(regel="TR056", retourcode=header_code, niveau=Niveau.BERICHTOVERSTIJGEND,
                                     pad="", melding="", klasse=heen.header))
    for index, code in (product_codes or {}).items():
        bevindingen.append(Bevinding(regel="TR332", retourcode=code, niveau=Niveau.BERICHTOVERSTIJGEND, pad="",
                                     melding="", klasse=heen.client.toegewezen_producten[index]))
    return iwmo.write(iwmo.maak_retourbericht(heen, bevindingen, identificatie_retour=identification,
                                              dagtekening_retour=dated))


def receive(data, **kw):
    return message_receive(actor=None, data=data, filename="retour.xml", **kw)


def rows():
    return Message.objects.count()


@pytest.fixture
def sent(world, officer_a, schemas):
    """Aadorp allocates begeleiding and dagbesteding to client 1 at Zorg Twee on Friday 28 March; the provider
    fetches the second 301 (both products) on Monday 31 March."""
    with at(dt.date(2025, 3, 28)):
        for product, category in ((world.begeleiding, world.b1), (world.dagbesteding, world.d1)):
            allocation_create(actor=officer_a, client=world.clients[0], product=product, category=category,
                              provider=world.p2, start=APRIL)
    _first, second = Message.objects.filter(direction=Direction.OUT, code="301").order_by("pk")
    with at(dt.date(2025, 3, 31)):
        message_sent(message=second)
    return second


def test_a_302_without_retourcodes_accepts_our_301_and_is_not_answered(world, sent, schemas):
    toewijzing = read_301(sent)
    assert len(toewijzing.client.toegewezen_producten) == 2
    data = retour(toewijzing, identification="RET-7")
    assert iwmo.validate_schema(data, schemas) == []
    before = rows()
    with at(dt.date(2025, 4, 1)):
        message = receive(data)
    assert rows() == before + 1  # the 302 itself, no answer to it
    assert (message.direction, message.code, message.status, message.duplicate) == (
        Direction.IN, "302", MessageStatus.ACCEPTED, False)
    assert (message.sender, message.receiver, message.identification, message.dated) == (
        world.p2.agb_code, world.a.code, "RET-7", dt.date(2025, 4, 1))
    assert (message.provider, message.municipality, message.reply_to) == (world.p2, world.a, sent)
    assert message.problems == [] and message.schema_checked is True
    assert message.answer is None
    assert sent.answer == message
    assert set(message.allocations.all()) == set(sent.allocations.all()) and message.allocations.count() == 2


def test_a_302_rejecting_one_product_is_partly_with_the_retourcode_in_dutch(world, sent, schemas):
    with at(dt.date(2025, 4, 1)):
        message = receive(retour(read_301(sent), product_codes={1: "9332"}))
    assert message.status == MessageStatus.PARTLY
    assert message.problems == [{
        "regel": "302", "retourcode": "9332", "pad": "/Bericht/Client/ToegewezenProducten/ToegewezenProduct[2]",
        "melding": "Toewijzing heeft geen uniek nummer binnen wettelijk domein."}]
    assert message.answer is None


@pytest.mark.parametrize("header_code", ["0001", "9056"])
def test_a_302_with_a_code_on_the_header_rejects_our_whole_301(world, sent, schemas, header_code):
    with at(dt.date(2025, 4, 1)):
        message = receive(retour(read_301(sent), header_code=header_code))
    assert message.status == MessageStatus.REJECTED
    assert [(p["retourcode"], p["pad"]) for p in message.problems] == [(header_code, "/Bericht/Header")]
    assert message.reply_to == sent and message.answer is None


def test_a_302_rejecting_every_product_is_rejected(world, sent, schemas):
    with at(dt.date(2025, 4, 1)):
        message = receive(retour(read_301(sent), product_codes={0: "9332", 1: "9385"}))
    # the Client carries 0200 (no finding of its own), but no allocated product was taken
    assert message.status == MessageStatus.REJECTED
    assert sorted(p["retourcode"] for p in message.problems) == ["9332", "9385"]


def test_a_302_on_a_301_we_never_sent_is_refused_and_nothing_is_stored(world, sent, schemas):
    heen = read_301(sent)
    heen.header.berichtidentificatie.identificatie = "999999"
    before = rows()
    with pytest.raises(MessageRefused) as error, at(dt.date(2025, 4, 1)):
        receive(retour(heen))
    assert error.value.code == "retour-original-unknown"
    assert "999999" in error.value.message and "niet" in error.value.message
    assert rows() == before


def test_a_302_on_a_301_to_another_provider_is_refused(world, sent, schemas):
    heen = read_301(sent)
    heen.header.ontvanger = world.p1.agb_code
    before = rows()
    with pytest.raises(MessageRefused) as error, at(dt.date(2025, 4, 1)):
        receive(retour(heen))
    assert error.value.code == "retour-original-unknown" and rows() == before


def test_the_same_302_twice_changes_nothing(world, sent, schemas):
    data = retour(read_301(sent))
    with at(dt.date(2025, 4, 1)):
        first = receive(data)
        before = rows()
        second = receive(data)
    assert (first.duplicate, second.duplicate) == (False, True) and second.pk == first.pk
    assert rows() == before
    assert Message.objects.filter(direction=Direction.IN, code="302").count() == 1


def test_a_second_different_302_on_the_same_301_is_refused(world, sent, schemas):
    with at(dt.date(2025, 4, 1)):
        receive(retour(read_301(sent), identification="R1"))
        before = rows()
        with pytest.raises(MessageRefused) as error:
            receive(retour(read_301(sent), identification="R2", product_codes={0: "9332"}))
    assert error.value.code == "retour-already-received" and "R1" in error.value.message
    assert rows() == before


def test_a_302_through_the_portal_must_come_from_the_addressed_provider(world, sent, schemas):
    data = retour(read_301(sent))
    before = rows()
    with pytest.raises(MessageRefused) as error, at(dt.date(2025, 4, 1)):
        message_receive(actor=f.actor(world.p1, "provider_staff"), data=data, filename="r.xml")
    assert error.value.code == "sender-mismatch" and rows() == before
    with at(dt.date(2025, 4, 1)):
        message = message_receive(actor=f.actor(world.p2, "provider_staff"), data=data, filename="r.xml")
    assert message.reply_to == sent and message.received_by is not None


def test_a_302_with_a_schema_error_is_refused(world, sent, schemas):
    data = retour(read_301(sent)).replace(b"<wmo302:BerichtCode>415<", b"<wmo302:BerichtCode>999<")
    before = rows()
    with pytest.raises(MessageRefused) as error, at(dt.date(2025, 4, 1)):
        receive(data)
    assert error.value.code == "iwmo-xsd" and rows() == before


def test_the_302_detail_explains_its_retourcode_and_links_to_our_301(client, world, sent, schemas):
    with at(dt.date(2025, 4, 1)):
        message = receive(retour(read_301(sent), product_codes={0: "9332"}))
    client.force_login(f.actor(world.p2, "provider_staff").user)
    page = client.get(reverse("exchange:message-detail", args=[message.pk])).content.decode()
    assert "9332" in page and "Toewijzing heeft geen uniek nummer binnen wettelijk domein." in page
    assert reverse("exchange:message-detail", args=[sent.pk]) in page
    ours = client.get(reverse("exchange:message-detail", args=[sent.pk])).content.decode()
    assert reverse("exchange:message-detail", args=[message.pk]) in ours


def test_a_320_on_our_319_is_linked_to_it(world, officer_a, schemas):
    from tests.exchange.test_requests import vot

    with at(dt.date(2025, 4, 3)):
        message_receive(actor=None, data=vot(world), filename="verzoek.xml")
        refusal = allocation_request_refuse(actor=officer_a, request=AllocationRequest.objects.get(), reason="3")
        message_sent(message=refusal)
    antwoord = iwmo.read(bytes(refusal.xml))
    data = iwmo.write(iwmo.maak_retourbericht(antwoord, [], identificatie_retour="R320",
                                              dagtekening_retour=dt.date(2025, 4, 4)))
    assert iwmo.validate_schema(data, schemas) == []
    with at(dt.date(2025, 4, 4)):
        message = receive(data)
    assert (message.code, message.status, message.reply_to, message.sender) == (
        "320", MessageStatus.ACCEPTED, refusal, world.p2.agb_code)
    assert message.answer is None
    (item,) = [i for i in _items(officer_a) if i.deadline == "302"]
    assert (item.since, item.done, item.subject) == (dt.date(2025, 4, 3), dt.date(2025, 4, 4),
                                                      f"319 {refusal.identification}")


# --- the deadline: 3 working days after our 301 went out -------------------------------------------------------

def _items(actor, day=dt.date(2025, 4, 30)):
    with at(day):
        return timeliness_items(actor=actor, first_month=dt.date(2025, 3, 1), last_month=dt.date(2025, 4, 1))


@pytest.fixture
def office(world):
    org = f.OrganisationFactory(region=world.region, kind=OrganisationKind.PURCHASING_OFFICE, name="Inkoopbureau")
    return f.actor(org, "contract_manager")


def test_the_302_is_due_three_working_days_after_the_301_was_sent(world, sent, office, schemas):
    assert DEADLINES["302"].workdays == 3 and DEADLINES["302"].side == "aanbieder"
    (open_item,) = [i for i in _items(office, dt.date(2025, 4, 3)) if i.deadline == "302"]
    # sent Monday 31 March: due Thursday 3 April, open until then
    assert (open_item.since, open_item.due, open_item.done, open_item.message_id) == (
        dt.date(2025, 3, 31), dt.date(2025, 4, 3), None, sent.pk)
    assert open_item.provider_id == world.p2.pk and not open_item.late_on(dt.date(2025, 4, 3))
    assert open_item.late_on(dt.date(2025, 4, 4))
    with at(dt.date(2025, 4, 3), hour=16):
        receive(retour(read_301(sent)))
    (item,) = [i for i in _items(office) if i.deadline == "302"]
    assert item.done == dt.date(2025, 4, 3) and not item.late_on(dt.date(2025, 4, 30))


def test_a_302_after_three_working_days_is_late_and_easter_does_not_count(world, officer_a, office, schemas):
    with at(dt.date(2025, 4, 17)):
        allocation_create(actor=officer_a, client=world.clients[0], product=world.begeleiding, category=world.b1,
                          provider=world.p2, start=APRIL)
        ours = Message.objects.get(direction=Direction.OUT, code="301")
        message_sent(message=ours)  # Thursday 17 April; Good Friday counts, Easter Monday not: due Wednesday 23rd
    (item,) = [i for i in _items(office, dt.date(2025, 4, 23)) if i.deadline == "302"]
    assert item.due == dt.date(2025, 4, 23)
    with at(dt.date(2025, 4, 24)):
        receive(retour(read_301(ours)))
    (item,) = [i for i in _items(office) if i.deadline == "302"]
    assert item.done == dt.date(2025, 4, 24) and item.late_on(dt.date(2025, 4, 30))
    assert item.workdays_late(dt.date(2025, 4, 30)) == 1


def test_a_301_not_yet_sent_starts_no_clock(world, sent, office):
    queued = Message.objects.filter(direction=Direction.OUT, code="301", status=MessageStatus.QUEUED)
    assert queued.count() == 1
    assert [i.message_id for i in _items(office) if i.deadline == "302"] == [sent.pk]


def test_the_provider_sees_its_own_302_clocks_only(world, sent, office):
    p1_items = _items(f.actor(world.p1, "provider_staff"))
    p2_items = _items(f.actor(world.p2, "provider_staff"))
    assert [i for i in p1_items if i.deadline == "302"] == []
    assert [i.message_id for i in p2_items if i.deadline == "302"] == [sent.pk]
