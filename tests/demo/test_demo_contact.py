"""The demo's clients have a plausible gender and an address in a real town of the municipality they live
in now, so the demo's toewijzingen (301) pass iWmo rules TR006 and CD034."""

import re
from collections import Counter

import pytest

import iwmo
from regie.care.models import Client, Gender
from regie.demo.generator import TOWNS
from regie.exchange.models import Direction, Message, MessageStatus

pytestmark = pytest.mark.django_db


def test_every_client_has_a_gender_and_an_address_in_a_town_of_the_municipality_it_lives_in(demo):
    _, region = demo
    clients = list(Client.objects.filter(region=region).prefetch_related("residences__municipality"))
    assert clients
    for client in clients:
        current = max(client.residences.all(), key=lambda r: r.valid_from)
        towns = {town: postcodes for town, postcodes, _ in TOWNS[current.municipality.code]}
        assert client.town in towns, (client.town, current.municipality.code)
        low, high = towns[client.town]
        assert re.fullmatch(r"[1-9][0-9]{3}[A-Z]{2}", client.postcode) and low <= int(client.postcode[:4]) <= high
        assert 1 <= client.house_number <= 250 and client.street and len(client.street) <= 24
        assert client.gender in Gender.values
    genders = Counter(c.gender for c in clients)
    assert genders[Gender.MALE] > len(clients) / 4 and genders[Gender.FEMALE] > len(clients) / 4


def test_the_demo_301s_carry_the_address(demo):
    _, region = demo
    sample = list(Message.objects.filter(region=region, direction=Direction.OUT, code="301")
                  .exclude(status=MessageStatus.HELD).order_by("pk")[:5])
    assert sample
    for message in sample:
        (contact,) = iwmo.read(bytes(message.xml)).client.contactgegevens
        assert contact.adres is not None and contact.adres.postcode and contact.adres.huis.huisnummer
        findings = {b.regel for b in iwmo.check(bytes(message.xml)).bevindingen}
        assert not findings & {"TR006", "CD034", "CD005", "CD025", "CS089"}
