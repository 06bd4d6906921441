"""The outbox: every change of an allocation queues a 301 with all current allocations of the client at
that provider (OP087), valid against the official schema; sending writes them to a folder."""

import datetime as dt
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core.management import call_command

import iwmo
from iwmo.codelists import Eenheid, Frequentie, RedenWijziging
from regie.exchange.decisions import allocation_change, allocation_create, allocation_end, allocation_withdraw
from regie.catalogue.models import Variant
from regie.exchange.models import Direction, Message, MessageStatus
from regie.exchange.outbox import allocation_number, references_for
from tests import factories as f

TODAY = dt.datetime(2025, 3, 28, 10, 30, tzinfo=ZoneInfo("Europe/Amsterdam"))


@pytest.fixture(autouse=True)
def frozen():
    with time_machine.travel(TODAY, tick=False):
        yield


def allocate(world, officer, **extra):
    values = {"client": world.clients[0], "product": world.begeleiding, "category": world.b1,
              "provider": world.p2, "start": dt.date(2025, 4, 1)}
    return allocation_create(actor=officer, **{**values, **extra})


def toewijzingen(provider):
    return [(m, iwmo.read(bytes(m.xml))) for m in
            Message.objects.filter(direction=Direction.OUT, code="301", provider=provider).order_by("pk")]


def test_a_new_allocation_queues_a_valid_301_for_the_provider(world, officer_a, xsd_dir):
    allocation = allocate(world, officer_a)
    ((message, bericht),) = toewijzingen(world.p2)
    assert message.status == MessageStatus.QUEUED and list(message.allocations.all()) == [allocation]
    assert iwmo.validate_schema(bytes(message.xml), xsd_dir) == []
    h = bericht.header
    assert (h.afzender, h.ontvanger, h.berichtidentificatie.identificatie, h.berichtidentificatie.dagtekening) == (
        "0001", "22220002", str(message.pk), dt.date(2025, 3, 28))
    (product,) = bericht.client.toegewezen_producten
    assert product.toewijzingnummer == 1 and allocation.reference == "00000001"
    assert (product.product.categorie, product.product.code) == ("02", "02A01")
    assert (product.ingangsdatum, product.einddatum, product.reden_wijziging) == (dt.date(2025, 4, 1), None, None)
    assert (product.toewijzingsdatum, str(product.toewijzingstijd)) == (dt.date(2025, 3, 28), "10:30:00")
    assert (product.omvang.volume, product.omvang.eenheid, product.omvang.frequentie) == (
        1, Eenheid.STUKS_INSPANNING, Frequentie.PER_MAAND)
    assert bericht.client.bsn == world.clients[0].bsn


def test_with_address_and_gender_our_301_passes_every_rule(world, officer_a, xsd_dir):
    client = world.clients[0]
    client.gender, client.street, client.house_number, client.postcode, client.town = (
        "2", "Kerkstraat", 12, "5211AB", "'s-Hertogenbosch")
    client.save()
    allocate(world, officer_a)
    ((message, _),) = toewijzingen(world.p2)
    result = iwmo.check(bytes(message.xml), xsd_dir, vandaag=dt.date(2025, 3, 28))
    assert result.bevindingen == []


def test_without_an_address_only_tr006_and_cd034_keep_our_301_from_passing_every_rule(world, officer_a, xsd_dir):
    """A client registered without an address (docs/exchange.md): TR006 and CD034 are the known gap."""
    assert not world.clients[0].postcode
    allocate(world, officer_a)
    ((message, _),) = toewijzingen(world.p2)
    result = iwmo.check(bytes(message.xml), xsd_dir, vandaag=dt.date(2025, 3, 28))
    assert {b.regel for b in result.bevindingen} == {"TR006", "CD034"}


def test_an_outputgericht_product_is_allocated_in_eurocent_per_month(world, officer_a, xsd_dir):
    world.dagbesteding.variant = Variant.OUTPUT
    world.dagbesteding.save()
    allocate(world, officer_a, product=world.dagbesteding, category=world.d1)
    ((message, bericht),) = toewijzingen(world.p2)
    omvang = bericht.client.toegewezen_producten[0].omvang
    assert (omvang.volume, omvang.eenheid, omvang.frequentie) == (65000, Eenheid.EURO, Frequentie.PER_MAAND)
    assert iwmo.validate_schema(bytes(message.xml), xsd_dir) == []


def test_a_change_sends_all_current_allocations_of_the_client_at_that_provider(world, officer_a, xsd_dir):
    first = allocate(world, officer_a)
    second = allocate(world, officer_a, product=world.dagbesteding, category=world.d1)
    other = f.ClientFactory(region=world.region)
    f.ResidenceFactory(client=other, municipality=world.a, valid_from=dt.date(2000, 1, 1))
    allocate(world, officer_a, client=other)  # another client: not in these messages
    allocation_change(actor=officer_a, allocation=first, end=dt.date(2025, 12, 31))
    messages = toewijzingen(world.p2)
    assert len(messages) == 4
    message, bericht = messages[-1]
    assert iwmo.validate_schema(bytes(message.xml), xsd_dir) == []
    assert set(message.allocations.all()) == {first, second}
    products = {p.toewijzingnummer: p for p in bericht.client.toegewezen_producten}
    assert set(products) == {allocation_number(first.reference), allocation_number(second.reference)}
    changed = products[allocation_number(first.reference)]
    assert (changed.einddatum, changed.reden_wijziging) == (dt.date(2025, 12, 31),
                                                            RedenWijziging.HERBEOORDELING_VERKORTING)
    assert products[allocation_number(second.reference)].reden_wijziging is None
    assert len({m.identification for m, _ in messages}) == 4  # a unique BerichtIdentificatie per message


def test_withdrawing_an_allocation_sends_it_once_as_removed(world, officer_a, xsd_dir):
    allocation = allocate(world, officer_a)
    allocation_withdraw(actor=officer_a, allocation=allocation, reason="36")
    message, bericht = toewijzingen(world.p2)[-1]
    (product,) = bericht.client.toegewezen_producten
    assert (product.ingangsdatum, product.einddatum, product.reden_wijziging) == (
        dt.date(2025, 4, 1), dt.date(2025, 4, 1), RedenWijziging.VERWIJDERD)
    assert iwmo.validate_schema(bytes(message.xml), xsd_dir) == []
    allocate(world, officer_a, product=world.dagbesteding, category=world.d1)
    _, later = toewijzingen(world.p2)[-1]
    assert [p.product.code for p in later.client.toegewezen_producten] == ["07A01"]


def test_ending_for_a_move_gives_the_matching_reden_wijziging(world, officer_a):
    allocation = allocate(world, officer_a)
    allocation.status, allocation.started_on = "started", dt.date(2025, 4, 1)
    allocation.save()
    allocation_end(actor=officer_a, allocation=allocation, end=dt.date(2025, 6, 30), reason="31")
    _, bericht = toewijzingen(world.p2)[-1]
    assert bericht.client.toegewezen_producten[0].reden_wijziging == RedenWijziging.VERHUIZING_ANDERE_GEMEENTE


def test_an_allocation_iwmo_cannot_number_is_held_with_the_reason(world, officer_a):
    allocation = allocate(world, officer_a, reference="B-7")
    message = Message.objects.get(direction=Direction.OUT, allocations=allocation)
    assert (message.status, message.identification, bytes(message.xml)) == (MessageStatus.HELD, "", b"")
    assert message.problems[0]["regel"] == "reference-not-a-number"


def test_a_provider_without_agb_code_gets_nothing_sendable(world, officer_a):
    provider = f.ProviderFactory(region=world.region, agb_code="")
    f.ContractFactory(region=world.region, provider=provider, start=dt.date(2024, 1, 1), products=[world.begeleiding])
    allocate(world, officer_a, provider=provider)
    assert Message.objects.get(provider=provider).problems[0]["regel"] == "provider-without-agb"


@pytest.mark.parametrize("number", [0, 7, 999_999_999])
def test_every_reference_maps_back_to_its_number(number):
    assert all(allocation_number(ref) == number for ref in references_for(number))
    assert f"{number:08d}" in references_for(number) or number > 99_999_999


def test_send_outbox_writes_the_queued_messages_and_marks_them_sent(world, officer_a, tmp_path, xsd_dir):
    allocate(world, officer_a)
    allocate(world, officer_a, reference="B-7", product=world.dagbesteding, category=world.d1)  # held
    call_command("send-outbox", str(tmp_path))
    (path,) = tmp_path.iterdir()
    sent = Message.objects.get(status=MessageStatus.SENT)
    assert path.name == f"301_0001_22220002_{sent.identification}.xml" == sent.filename
    assert path.read_bytes() == bytes(sent.xml) and sent.sent_at is not None
    assert iwmo.validate_schema(path.read_bytes(), xsd_dir) == []
    assert Message.objects.filter(status=MessageStatus.HELD).count() == 1
    call_command("send-outbox", str(tmp_path))  # nothing queued any more
    assert len(list(tmp_path.iterdir())) == 1


def test_amounts_in_the_301_are_integer_cents(world, officer_a):
    world.dagbesteding.variant = Variant.OUTPUT
    world.dagbesteding.save()
    f.TariffFactory(category=world.d1, amount=Decimal("650.55"), valid_from=dt.date(2025, 4, 1))
    world.d1.tariffs.filter(valid_from=dt.date(2024, 1, 1)).update(valid_to=dt.date(2025, 3, 31))
    allocate(world, officer_a, product=world.dagbesteding, category=world.d1)
    _, bericht = toewijzingen(world.p2)[-1]
    assert bericht.client.toegewezen_producten[0].omvang.volume == 65055
