"""Fixtures for the inbox and outbox: the `world` region with municipal and provider actors, and the
official iWmo 3.2 schemas from ../shared/iwmo (or IWMO_MATERIAL_DIR), like tests/iwmo."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path
from types import SimpleNamespace

import pytest
import time_machine

from regie.exchange.decisions import allocation_create
from regie.exchange.models import Direction, Message
from regie.regions.models import OrganisationKind
from tests import factories as f
from tests.exchange.portal import APRIL


MATERIAL = Path(os.environ.get("IWMO_MATERIAL_DIR") or Path(__file__).resolve().parents[2].parent / "shared" / "iwmo")
XSD_DIR = MATERIAL / "3.2" / "xsd"


@pytest.fixture
def xsd_dir() -> Path:
    if not (XSD_DIR / "basisschema.xsd").is_file():  # pragma: no cover
        pytest.fail(f"iWmo-schema's niet gevonden in {XSD_DIR}; zet IWMO_MATERIAL_DIR")
    return XSD_DIR


@pytest.fixture
def schemas(settings, xsd_dir):
    """The inbox validates against the official schemas."""
    settings.IWMO_SCHEMA_DIR = str(xsd_dir)
    return xsd_dir


# The portal and API tests: the `world` region's people and Aadorp's 301 to Zorg Twee.

@pytest.fixture
def people(world):
    office = f.OrganisationFactory(region=world.region, kind=OrganisationKind.PURCHASING_OFFICE, name="Inkoopbureau")
    gemeente_a = f.OrganisationFactory(region=world.region, kind=OrganisationKind.MUNICIPALITY,
                                       municipality=world.a, name="Gemeente Aadorp")
    gemeente_b = f.OrganisationFactory(region=world.region, kind=OrganisationKind.MUNICIPALITY,
                                       municipality=world.b, name="Gemeente Bedorp")
    council = f.OrganisationFactory(region=world.region, kind=OrganisationKind.ADVISORY_COUNCIL, name="Adviesraad")
    return SimpleNamespace(
        officer_a=f.actor(gemeente_a, "access_officer"),
        access_b=f.actor(gemeente_b, "access_officer").user,
        finance=f.actor(office, "finance").user,
        staff_p1=f.actor(world.p1, "provider_staff").user,
        staff_p2=f.actor(world.p2, "provider_staff").user,
        norole_p2=f.actor(world.p2, "council_member").user,
        member=f.actor(council, "council_member").user,
    )


@pytest.fixture
def allocated(world, people, schemas):
    """Aadorp allocates begeleiding to client 1 at Zorg Twee from 1 April: one 301 in the outbox."""
    with time_machine.travel(dt.datetime(2025, 3, 28, 10, 0), tick=False):
        allocation = allocation_create(actor=people.officer_a, client=world.clients[0], product=world.begeleiding,
                                       category=world.b1, provider=world.p2, start=APRIL)
    return allocation


@pytest.fixture
def outgoing(allocated):
    return Message.objects.get(direction=Direction.OUT, code="301", allocations=allocated)


@pytest.fixture
def as_user(client):
    def login(user):
        client.force_login(user)
        return client
    return login
