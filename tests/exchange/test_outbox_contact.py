"""The 301's Client part carries the client's gender and BRP address when the register has them
(iWmo TR006, CD034, CD005, CD025, CS089); without an address it keeps only the kind."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
import time_machine

import iwmo
from iwmo.codelists import AdresSoort, Geslacht
from regie.exchange.decisions import allocation_create
from regie.exchange.models import Direction, Message

TODAY = dt.datetime(2025, 3, 28, 10, 30, tzinfo=ZoneInfo("Europe/Amsterdam"))


@pytest.fixture(autouse=True)
def frozen():
    with time_machine.travel(TODAY, tick=False):
        yield


def written_301(world, officer, **contact):
    client = world.clients[0]
    for name, value in contact.items():
        setattr(client, name, value)
    client.save()
    allocation_create(actor=officer, client=client, product=world.begeleiding, category=world.b1,
                      provider=world.p2, start=dt.date(2025, 4, 1))
    message = Message.objects.get(direction=Direction.OUT, code="301", provider=world.p2)
    return bytes(message.xml)


FULL = {"gender": "1", "street": "Kerkstraat", "house_number": 12, "postcode": "5211AB", "town": "'s-Hertogenbosch"}


def test_gender_and_address_are_in_the_client_part(world, officer_a, xsd_dir):
    xml = written_301(world, officer_a, **FULL)
    assert iwmo.validate_schema(xml, xsd_dir) == []
    client = iwmo.read(xml).client
    assert client.geslacht == Geslacht.MANNELIJK
    (contact,) = client.contactgegevens
    adres = contact.adres
    assert contact.soort == AdresSoort.BRP_ADRES
    assert (adres.huis.huisnummer, adres.huis.huisletter, adres.huis.huisnummer_toevoeging) == (12, None, None)
    assert (adres.postcode, adres.straatnaam, adres.plaatsnaam, adres.land_code) == (
        "5211AB", "Kerkstraat", "'s-Hertogenbosch", "NL")


@pytest.mark.parametrize(("addition", "letter", "toevoeging"), [("A", "A", None), ("bis", None, "bis"),
                                                                 ("2", None, "2"), ("", None, None)])
def test_one_letter_is_the_huisletter_anything_longer_the_toevoeging(world, officer_a, xsd_dir, addition, letter,
                                                                     toevoeging):
    xml = written_301(world, officer_a, **FULL, house_number_addition=addition)
    huis = iwmo.read(xml).client.contactgegevens[0].adres.huis
    assert (huis.huisletter, huis.huisnummer_toevoeging) == (letter, toevoeging)
    assert iwmo.check(xml, xsd_dir, vandaag=dt.date(2025, 3, 28)).bevindingen == []


def test_postcode_and_house_number_alone_pass_every_rule(world, officer_a, xsd_dir):
    xml = written_301(world, officer_a, gender="2", house_number=3, postcode="5261CD")
    adres = iwmo.read(xml).client.contactgegevens[0].adres
    assert (adres.straatnaam, adres.plaatsnaam, adres.postcode) == (None, None, "5261CD")
    assert iwmo.read(xml).client.geslacht == Geslacht.VROUWELIJK
    assert iwmo.check(xml, xsd_dir, vandaag=dt.date(2025, 3, 28)).bevindingen == []


@pytest.mark.parametrize("gender", ["0", ""])
def test_without_an_address_the_301_keeps_only_the_kind_and_an_unknown_gender(world, officer_a, xsd_dir, gender):
    xml = written_301(world, officer_a, gender=gender)
    client = iwmo.read(xml).client
    assert client.geslacht == Geslacht.ONBEKEND
    assert [(c.soort, c.adres) for c in client.contactgegevens] == [(AdresSoort.BRP_ADRES, None)]
    assert iwmo.validate_schema(xml, xsd_dir) == []
