"""Scoping of client data, for each organisation kind, and the audit of every read."""

import pytest

from regie.audit.models import AuditRecord
from regie.care.selectors import allocation_get, allocations_for, client_get, client_search, clients_for
from regie.core.errors import Forbidden, NotFound
from regie.regions.models import OrganisationKind
from tests import factories as f


@pytest.fixture
def actors(world):
    org_a = f.OrganisationFactory(region=world.region, kind=OrganisationKind.MUNICIPALITY, municipality=world.a)
    org_b = f.OrganisationFactory(region=world.region, kind=OrganisationKind.MUNICIPALITY, municipality=world.b)
    office = f.OrganisationFactory(region=world.region, kind=OrganisationKind.PURCHASING_OFFICE)
    council = f.OrganisationFactory(region=world.region, kind=OrganisationKind.ADVISORY_COUNCIL)
    return {
        "a": f.actor(org_a, "access_officer"),
        "b": f.actor(org_b, "access_officer"),
        "p1": f.actor(world.p1, "provider_staff"),
        "p2": f.actor(world.p2, "provider_staff"),
        "office": f.actor(office, "contract_manager"),
        "office_purchaser_only": f.actor(office, "council_member"),
        "council": f.actor(council, "council_member"),
    }


def names(clients):
    return sorted(c.family_name for c in clients)


def test_a_municipality_sees_its_residents_past_and_present(world, actors):
    # client 2 moved from A to B in 2025: both municipalities paid for some months
    assert names(clients_for(actor=actors["a"])) == ["Cliënt1", "Cliënt2", "Cliënt4"]
    assert names(clients_for(actor=actors["b"])) == ["Cliënt2", "Cliënt3"]


def test_a_provider_sees_its_own_clients_and_a_cooperative_its_members(world, actors):
    assert names(clients_for(actor=actors["p1"])) == ["Cliënt1", "Cliënt2"]
    world.p2.cooperative = world.p1
    world.p2.save()
    coop = f.actor(world.p1, "provider_staff")
    assert names(clients_for(actor=coop)) == ["Cliënt1", "Cliënt2", "Cliënt3", "Cliënt4"]


@pytest.mark.parametrize("who", ["office", "council"])
def test_the_office_and_the_council_see_no_clients(world, actors, who):
    with pytest.raises(Forbidden):
        clients_for(actor=actors[who])


def test_another_organisations_client_is_not_found_and_the_attempt_is_audited(world, actors):
    with pytest.raises(NotFound):
        client_get(actor=actors["b"], pk=world.clients[0].pk)
    record = AuditRecord.objects.get(subject="client", outcome="not_found")
    assert (record.object_id, record.client_id, record.organisation_id) == (
        str(world.clients[0].pk), None, actors["b"].organisation.pk)
    with pytest.raises(NotFound):
        client_get(actor=actors["p2"], pk=world.clients[0].pk)


def test_allocations_are_scoped(world, actors):
    assert sorted(a.reference for a in allocations_for(actor=actors["a"])) == ["A1", "A2", "A4"]
    assert sorted(a.reference for a in allocations_for(actor=actors["p2"])) == ["A3", "A4"]
    assert allocations_for(actor=actors["office"]).count() == 4
    with pytest.raises(Forbidden):
        allocations_for(actor=actors["office_purchaser_only"])
    with pytest.raises(Forbidden):
        allocations_for(actor=actors["council"])
    with pytest.raises(NotFound):
        allocation_get(actor=actors["p1"], pk=world.allocations[2].pk)


def test_every_client_shown_is_audited(world, actors):
    found = client_search(actor=actors["a"], query="Cliënt")
    records = AuditRecord.objects.filter(action="read", subject="clients.search")
    assert sorted(r.client_id for r in records) == sorted(c.pk for c in found)
    assert {r.organisation_id for r in records} == {actors["a"].organisation.pk}
    client_get(actor=actors["a"], pk=world.clients[0].pk)
    assert AuditRecord.objects.filter(subject="client", client_id=world.clients[0].pk).count() == 1


def test_a_page_of_allocations_audits_the_clients_on_it(world, actors):
    from regie.care.selectors import allocation_page

    page = allocation_page(actor=actors["p2"], status="stopped")
    assert [a.reference for a in page] == ["A4"]
    records = AuditRecord.objects.filter(subject="allocations.list")
    assert [r.client_id for r in records] == [world.clients[3].pk]
