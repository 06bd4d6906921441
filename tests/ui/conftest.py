"""The people of the `world` region, one per organisation kind and role, and a second region
whose objects every screen must treat as not there (404)."""

import datetime as dt
from decimal import Decimal
from types import SimpleNamespace

import pytest

from regie.billing.services import declaration_submit, settlement_run
from regie.regions.models import OrganisationKind
from tests import factories as f

MARCH = dt.date(2025, 3, 1)


def person(organisation, *roles, username):
    return f.actor(organisation, *roles, username=username).user


@pytest.fixture
def people(world):
    office = f.OrganisationFactory(region=world.region, kind=OrganisationKind.PURCHASING_OFFICE, name="Inkoopbureau")
    gemeente_a = f.OrganisationFactory(region=world.region, kind=OrganisationKind.MUNICIPALITY,
                                       municipality=world.a, name="Gemeente Aadorp")
    gemeente_b = f.OrganisationFactory(region=world.region, kind=OrganisationKind.MUNICIPALITY,
                                       municipality=world.b, name="Gemeente Bedorp")
    council = f.OrganisationFactory(region=world.region, kind=OrganisationKind.ADVISORY_COUNCIL, name="Adviesraad")
    return SimpleNamespace(
        office=office, gemeente_a=gemeente_a, gemeente_b=gemeente_b, council=council,
        purchaser=person(office, "purchaser", username="inkoper"),
        finance=person(office, "finance", username="financien"),
        contract_manager=person(office, "contract_manager", username="contractmanager"),
        access_a=person(gemeente_a, "access_officer", username="toegang-a"),
        policy_a=person(gemeente_a, "policy_adviser", username="beleid-a"),
        policy_b=person(gemeente_b, "policy_adviser", username="beleid-b"),
        staff_p1=person(world.p1, "provider_staff", username="zorg-een"),
        staff_p2=person(world.p2, "provider_staff", username="zorg-twee"),
        norole_p1=person(world.p1, "council_member", username="zorg-een-zonder-rol"),
        member=person(council, "council_member", username="adviesraad"),
    )


@pytest.fixture
def march(world):
    """March 2025 declared (with one rejected line per provider) and settled."""
    p1 = declaration_submit(actor=None, provider=world.p1, source="csv",
                            lines=[f.debit("A1", "2025-03"), f.debit("A2", "2025-03"), f.debit("A1", "2025-03")])
    p2 = declaration_submit(actor=None, provider=world.p2, source="csv",
                            lines=[f.debit("A3", "2025-03"), f.debit("A4", "2025-03")])
    run = settlement_run(actor=None, region=world.region, month=MARCH)
    return SimpleNamespace(run=run, p1=p1, p2=p2)


@pytest.fixture
def elsewhere(db):
    """Another region, with an object of every kind the screens show, settled for June 2025."""
    region = f.RegionFactory(name="Regio Elders")
    municipality = f.MunicipalityFactory(region=region, code="0999", name="Verweg")
    product = f.ProductFactory(region=region, code="02X99", name="Begeleiding elders")
    category = f.CategoryFactory(product=product, number=1)
    f.TariffFactory(category=category, amount=Decimal("300.00"), valid_from=dt.date(2024, 1, 1))
    provider = f.ProviderFactory(region=region, name="Zorg Elders", agb_code="99990009")
    contract = f.ContractFactory(region=region, provider=provider, start=dt.date(2024, 1, 1), products=[product])
    client = f.ClientFactory(region=region)
    f.ResidenceFactory(client=client, municipality=municipality, valid_from=dt.date(2000, 1, 1))
    f.AllocationFactory(client=client, municipality=municipality, provider=provider, category=category,
                        reference="E1", start=dt.date(2025, 1, 1))
    declaration = declaration_submit(actor=None, provider=provider, lines=[f.debit("E1", "2025-06")], source="csv")
    run = settlement_run(actor=None, region=region, month=dt.date(2025, 6, 1))
    return SimpleNamespace(region=region, product=product, provider=provider, contract=contract,
                           declaration=declaration, run=run)


@pytest.fixture
def as_user(client):
    def login(user):
        client.force_login(user)
        return client
    return login
