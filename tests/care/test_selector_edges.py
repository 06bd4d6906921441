"""The care selectors at their edges: who sees which rows (and which refusal the others get), the order
and size of a page, the audit of each read, and the queries a screen costs."""

import datetime as dt

import pytest
from django.utils.translation import gettext

from regie.audit.models import AuditRecord
from regie.care.models import Allocation, AllocationVersion
from regie.care.selectors import (
    allocation_get, allocation_page, allocations_for, client_get, client_search, clients_by_bsn, clients_for,
    goal_get, plans_for, residences_of, versions_of, with_latest_residence,
)
from regie.care.services import plan_create
from regie.core.errors import Forbidden, NotFound
from regie.regions.models import OrganisationKind
from tests import factories as f


@pytest.fixture
def actors(world, officer_a, staff_p1):
    org_b = f.OrganisationFactory(region=world.region, kind=OrganisationKind.MUNICIPALITY, municipality=world.b)
    office = f.OrganisationFactory(region=world.region, kind=OrganisationKind.PURCHASING_OFFICE)
    council = f.OrganisationFactory(region=world.region, kind=OrganisationKind.ADVISORY_COUNCIL)
    return {"a": officer_a, "b": f.actor(org_b, "access_officer"), "p1": staff_p1,
            "p2": f.actor(world.p2, "provider_staff"), "office": f.actor(office, "contract_manager"),
            "council": f.actor(council, "council_member")}


def reads(subject):
    return list(AuditRecord.objects.filter(action="read", subject=subject).order_by("id").values_list(
        "client_id", "username", "outcome", "object_id", "detail"))


# -- who may see what ---------------------------------------------------------------------------------


@pytest.mark.parametrize("who, code, label", [
    ("office", "clients-not-allowed", "client data"),
    ("council", "clients-not-allowed", "client data"),
])
def test_clients_are_refused_with_a_code_that_names_them(actors, who, code, label):
    with pytest.raises(Forbidden) as error:
        clients_for(actor=actors[who])
    assert error.value.code == code and gettext(label) in error.value.message


def test_allocations_are_refused_to_the_council_with_a_code_that_names_them(actors):
    with pytest.raises(Forbidden) as error:
        allocations_for(actor=actors["council"])
    assert error.value.code == "allocations-not-allowed" and gettext("allocations") in error.value.message


def test_a_client_who_lived_twice_in_a_municipality_is_listed_once(world, actors):
    client = world.clients[0]
    client.residences.update(valid_to=dt.date(2010, 12, 31))
    f.ResidenceFactory(client=client, municipality=world.a, valid_from=dt.date(2015, 1, 1))
    assert [c.pk for c in clients_for(actor=actors["a"])].count(client.pk) == 1


@pytest.fixture
def plan(world, officer_a):
    return plan_create(actor=officer_a, client=world.clients[1], drawn_up_on=dt.date(2025, 1, 5),
                       goals=[{"life_domain": "finances", "description": "Schulden", "baseline_score": 2}])


@pytest.mark.parametrize("who, sees", [("a", True), ("b", False), ("p1", False), ("office", False),
                                       ("council", False)])
def test_only_the_municipality_that_drew_up_a_plan_sees_it_and_its_goals(world, actors, plan, who, sees):
    found = list(plans_for(actor=actors[who], client=world.clients[1]))
    assert found == ([plan] if sees else [])
    goal = plan.goals.get()
    if sees:
        assert goal_get(actor=actors[who], client=world.clients[1], pk=goal.pk) == goal
    else:
        with pytest.raises(NotFound) as error:
            goal_get(actor=actors[who], client=world.clients[1], pk=goal.pk)
        assert error.value.code == "goal-not-found" and error.value.message


def test_a_goal_comes_with_its_plan_and_a_wrong_number_is_not_found(world, actors, plan, django_assert_num_queries):
    goal_pk = plan.goals.get().pk
    with django_assert_num_queries(1):
        goal = goal_get(actor=actors["a"], client=world.clients[1], pk=goal_pk)
        assert goal.plan.drawn_up_on == dt.date(2025, 1, 5)
    with pytest.raises(NotFound) as error:
        goal_get(actor=actors["a"], client=world.clients[1], pk="abc")
    assert error.value.code == "goal-not-found" and error.value.message


@pytest.mark.parametrize("who, count", [("a", 2), ("b", 2), ("p1", 2), ("p2", 0)])
def test_the_residences_of_a_client_as_each_sees_them(world, actors, who, count, django_assert_num_queries):
    client = world.clients[1]  # lived in A, then in B; Zorg Een has their allocation, Zorg Twee not
    actors[who].provider_ids  # the actor's organisations, read once per request
    with django_assert_num_queries(1):
        found = [(r.client_id, r.municipality.code) for r in residences_of(actor=actors[who], client=client)]
    assert sorted(found) == [(client.pk, "0001"), (client.pk, "0002")][:count]


def test_the_versions_of_an_allocation_are_its_own_and_within_scope(world, actors):
    first, second = world.allocations[0], world.allocations[1]
    for allocation in (first, second):
        AllocationVersion.objects.create(allocation=allocation, version=1, provider_id=allocation.provider_id,
                                         product_id=allocation.product_id, category_id=allocation.category_id,
                                         start=allocation.start, status=allocation.status, change="toegewezen")
    assert [v.allocation_id for v in versions_of(actor=actors["a"], allocation=first)] == [first.pk]
    assert list(versions_of(actor=actors["p2"], allocation=first)) == []


# -- one client, one allocation ------------------------------------------------------------------------


def test_a_client_outside_the_scope_is_not_found_and_the_attempt_is_audited(world, actors):
    with pytest.raises(NotFound) as error:
        client_get(actor=actors["b"], pk="x" * 50)
    assert error.value.code == "client-not-found" and error.value.message
    assert reads("client") == [(None, actors["b"].user.username, "not_found", "x" * 40, {})]


def test_an_allocation_outside_the_scope_is_not_found_and_the_attempt_is_audited(world, actors):
    with pytest.raises(NotFound) as error:
        allocation_get(actor=actors["p2"], pk=world.allocations[0].pk)
    assert error.value.code == "allocation-not-found" and error.value.message
    assert reads("allocation") == [(None, actors["p2"].user.username, "not_found", str(world.allocations[0].pk), {})]


def test_reading_a_client_and_an_allocation_is_audited_by_name(world, actors):
    client_get(actor=actors["a"], pk=world.clients[0].pk)
    assert reads("client") == [(world.clients[0].pk, actors["a"].user.username, "ok", "", {})]


def test_an_allocation_comes_with_what_its_screen_shows_in_one_query(world, actors, django_assert_num_queries):
    pk = world.allocations[0].pk
    with django_assert_num_queries(2):  # the allocation with its relations, and the audit record
        allocation = allocation_get(actor=actors["a"], pk=pk)
    with django_assert_num_queries(0):
        assert (allocation.client.family_name, allocation.product.code, allocation.category.number,
                allocation.provider.name, allocation.municipality.code) == ("Cliënt1", "02A01", 1, "Zorg Een", "0001")
    assert reads("allocation") == [(world.clients[0].pk, actors["a"].user.username, "ok", "", {})]


# -- lists ------------------------------------------------------------------------------------------


def test_the_allocation_page_is_newest_first_then_by_number_and_comes_with_its_relations(
        world, actors, django_assert_num_queries):
    a2, a1 = world.allocations[1], world.allocations[0]
    Allocation.objects.filter(pk=a2.pk).update(start=dt.date(2025, 2, 1))
    a5 = f.AllocationFactory(client=world.clients[0], municipality=world.a, provider=world.p1, category=world.b2,
                             reference="A5", start=dt.date(2025, 1, 10))
    with django_assert_num_queries(3):  # the count, the rows with their relations, the audit
        page = allocation_page(actor=actors["a"])
        rows = [(a.reference, a.client.family_name, a.product.code, a.category.number, a.provider.name,
                 a.municipality.code) for a in page]
    assert [r[0] for r in rows] == ["A2", "A1", "A4", "A5"]
    assert a1.pk < world.allocations[3].pk < a5.pk
    assert [a.reference for a in allocation_page(actor=actors["a"], page=2, per_page=2)] == ["A4", "A5"]
    assert [a.reference for a in allocation_page(actor=actors["a"], reference=" a2 ")] == ["A2"]


def test_the_allocation_page_holds_fifty_and_audits_its_clients(world, actors):
    for n in range(48):
        f.AllocationFactory(client=world.clients[0], municipality=world.a, provider=world.p1, category=world.b1,
                            reference=f"B{n:02d}", start=dt.date(2024, 1, 1))
    page = allocation_page(actor=actors["a"])
    assert len(page) == 50 and page.paginator.count == 51
    assert [(r[0], r[1]) for r in reads("allocations.list")] == [
        (c.pk, actors["a"].user.username) for c in world.clients if c.pk in {a.client_id for a in page}]


def test_a_search_finds_by_name_or_by_bsn_with_spaces_and_is_audited(world, actors):
    client = world.clients[0]
    spaced = f"{client.bsn[:4]} {client.bsn[4:]}"
    assert [c.pk for c in client_search(actor=actors["a"], query=f"  {spaced} ")] == [client.pk]
    assert [c.pk for c in client_search(actor=actors["a"], query="  Cliënt1  ")] == [client.pk]
    assert reads("clients.search")[-1] == (client.pk, actors["a"].user.username, "ok", "", {"query": "Cliënt1"})


def test_a_search_without_a_query_lists_fifty_by_name_then_initials(world, actors):
    for n in range(48):
        c = f.ClientFactory(region=world.region, family_name="Aa", initials="Z." if n == 0 else f"{'BA'[n % 2]}.")
        f.ResidenceFactory(client=c, municipality=world.a, valid_from=dt.date(2000, 1, 1))
    found = client_search(actor=actors["a"])
    assert len(found) == 50
    keys = [(c.family_name, c.initials, c.pk) for c in found]
    assert keys == sorted(keys)
    assert keys[0][1] == "A." and keys[23][1] == "A." and keys[24][1] == "B." and keys[47][1] == "Z."
    assert [k[0] for k in keys[48:]] == ["Cliënt1", "Cliënt2"]


def test_the_latest_residence_of_each_client_in_two_queries(world, django_assert_num_queries):
    moved, stayed = world.clients[1], world.clients[0]
    homeless = f.ClientFactory(region=world.region)
    clients = [moved, stayed, homeless]
    with django_assert_num_queries(2):
        with_latest_residence(clients)
        latest = [(c.latest_residence.municipality.code if c.latest_residence else None) for c in clients]
    assert latest == ["0002", "0001", None]
    assert moved.latest_residence.valid_from == dt.date(2025, 2, 21)


def test_clients_by_bsn_are_the_regions_own_with_their_region(world, django_assert_num_queries):
    other = f.ClientFactory(region=f.RegionFactory(), bsn=world.clients[0].bsn)
    wanted = [world.clients[0].bsn, world.clients[1].bsn, world.clients[1].bsn]
    with django_assert_num_queries(1):
        found = clients_by_bsn(region=world.region, bsns=wanted)
        assert {bsn: (c.pk, c.region.name) for bsn, c in found.items()} == {
            world.clients[0].bsn: (world.clients[0].pk, "Regio Voorbeeld"),
            world.clients[1].bsn: (world.clients[1].pk, "Regio Voorbeeld")}
    assert other.pk not in {c.pk for c in found.values()}
