import datetime as dt

import pytest

from regie.audit.models import AuditRecord
from regie.care.models import AllocationStatus, AllocationVersion, Client
from regie.care.services import (
    ResidencePeriod, allocation_change, allocation_create, allocation_end, allocation_start, allocation_stop,
    allocation_withdraw, client_create,
)
from regie.core.errors import DomainError, Forbidden
from tests import factories as f


def new_allocation(world, officer, **extra):
    values = {"client": world.clients[0], "product": world.begeleiding, "category": world.b1,
              "provider": world.p1, "start": dt.date(2025, 5, 1)}
    f.end_a1(world)
    return allocation_create(actor=officer, **{**values, **extra})


def test_an_allocation_is_made_for_the_municipality_of_residence_with_a_first_version(world, officer_a):
    allocation = new_allocation(world, officer_a)
    assert allocation.municipality == world.a
    assert allocation.status == AllocationStatus.ALLOCATED
    assert list(allocation.versions.values_list("version", "change")) == [(1, "toegewezen")]
    assert AuditRecord.objects.filter(client_id=world.clients[0].pk, action="create", subject="allocation").exists()


def test_an_allocation_needs_a_contract_for_the_product(world, officer_a):
    outsider = f.ProviderFactory(region=world.region)
    with pytest.raises(DomainError) as error:
        new_allocation(world, officer_a, provider=outsider)
    assert error.value.code == "no-contract"


def test_a_member_of_a_cooperative_delivers_under_the_cooperative_contract(world, officer_a):
    member = f.ProviderFactory(region=world.region, cooperative=world.p1)
    assert new_allocation(world, officer_a, provider=member).provider == member


def test_an_allocation_needs_a_tariff_on_its_start(world, officer_a):
    with pytest.raises(DomainError) as error:
        new_allocation(world, officer_a, start=dt.date(2023, 6, 1))
    assert error.value.code in {"no-contract", "no-tariff"}


def test_the_category_must_belong_to_the_product(world, officer_a):
    with pytest.raises(DomainError) as error:
        new_allocation(world, officer_a, product=world.dagbesteding, category=world.b1)
    assert error.value.code == "category-mismatch"


def test_an_officer_allocates_only_to_own_residents(world, officer_a):
    with pytest.raises(Forbidden):
        new_allocation(world, officer_a, client=world.clients[2])  # lives in B


def test_a_change_is_a_new_version_and_keeps_the_old_one(world, officer_a):
    allocation = new_allocation(world, officer_a)
    allocation = allocation_change(actor=officer_a, allocation=allocation, category=world.b2,
                                   end=dt.date(2025, 12, 31))
    assert allocation.version == 2
    versions = list(AllocationVersion.objects.filter(allocation=allocation).order_by("version"))
    assert [(v.category_id, v.end) for v in versions] == [(world.b1.pk, None), (world.b2.pk, dt.date(2025, 12, 31))]


def test_a_change_without_changes_is_refused(world, officer_a):
    allocation = new_allocation(world, officer_a)
    with pytest.raises(DomainError) as error:
        allocation_change(actor=officer_a, allocation=allocation, category=world.b1)
    assert error.value.code == "nothing-changed"


def test_the_status_flow_allocated_started_stopped(world, officer_a, staff_p1):
    allocation = new_allocation(world, officer_a)
    with pytest.raises(DomainError):
        allocation_stop(actor=staff_p1, allocation=allocation, stopped_on=dt.date(2025, 6, 1), reason="19")
    allocation = allocation_start(actor=staff_p1, allocation=allocation, started_on=dt.date(2025, 5, 3))
    assert allocation.status == AllocationStatus.STARTED
    allocation = allocation_stop(actor=staff_p1, allocation=allocation, stopped_on=dt.date(2025, 8, 31), reason="19")
    assert (allocation.status, allocation.stopped_on, allocation.version) == ("stopped", dt.date(2025, 8, 31), 3)


def test_another_provider_cannot_start_the_allocation(world, officer_a):
    allocation = new_allocation(world, officer_a)
    with pytest.raises(Forbidden):
        allocation_start(actor=f.actor(world.p2, "provider_staff"), allocation=allocation,
                         started_on=dt.date(2025, 5, 3))


def test_ending_an_allocation_before_its_start_is_refused_and_does_not_withdraw_it(world, officer_a):
    allocation = new_allocation(world, officer_a)
    with pytest.raises(DomainError) as error:
        allocation_end(actor=officer_a, allocation=allocation, end=dt.date(2025, 4, 30), reason="36")
    assert (error.value.code, error.value.field) == ("period-reversed", "end")
    allocation.refresh_from_db()
    assert (allocation.status, allocation.end, allocation.version) == (AllocationStatus.ALLOCATED, None, 1)


def test_withdrawing_is_its_own_action(world, officer_a):
    allocation = new_allocation(world, officer_a)
    allocation = allocation_withdraw(actor=officer_a, allocation=allocation, reason="36")
    assert (allocation.status, allocation.end, allocation.end_reason, allocation.version) == (
        AllocationStatus.WITHDRAWN, dt.date(2025, 5, 1), "36", 2)
    assert AuditRecord.objects.filter(subject="allocation", object_id=allocation.reference, action="update").exists()


def test_ending_needs_a_reason_from_the_codelist(world, officer_a):
    allocation = new_allocation(world, officer_a)
    with pytest.raises(DomainError) as error:
        allocation_end(actor=officer_a, allocation=allocation, end=dt.date(2025, 9, 30), reason="99")
    assert error.value.code == "end-reason-unknown"


def test_client_create_validates_bsn_and_residence(world, officer_a):
    period = ResidencePeriod(municipality=world.a, valid_from=dt.date(2020, 1, 1))
    with pytest.raises(DomainError) as error:
        client_create(actor=officer_a, region=world.region, bsn="123456789", family_name="Smit", initials="A.",
                      birth_date=dt.date(1950, 1, 1), residences=[period])
    assert error.value.code == "bsn-invalid"
    overlapping = [period, ResidencePeriod(municipality=world.b, valid_from=dt.date(2021, 1, 1))]
    with pytest.raises(DomainError) as error:
        client_create(actor=officer_a, region=world.region, bsn="123456782", family_name="Smit", initials="A.",
                      birth_date=dt.date(1950, 1, 1), residences=overlapping)
    assert error.value.code == "residence-overlap"
    client = client_create(actor=officer_a, region=world.region, bsn="123456782", family_name="Smit",
                           initials="A.", birth_date=dt.date(1950, 1, 1), residences=[period])
    assert Client.objects.get(pk=client.pk).residences.get().municipality == world.a


def test_a_goal_is_closed_once(world, officer_a):
    from regie.care.services import goal_close, plan_create

    plan = plan_create(actor=officer_a, client=world.clients[0], drawn_up_on=dt.date(2025, 1, 5),
                       goals=[{"life_domain": "finances", "description": "Schulden op orde", "baseline_score": 2}])
    goal = plan.goals.get()
    goal_close(actor=officer_a, goal=goal, followup_score=4, result="achieved", closed_on=dt.date(2025, 9, 1))
    with pytest.raises(DomainError) as error:
        goal_close(actor=officer_a, goal=goal, followup_score=5, result="achieved", closed_on=dt.date(2025, 10, 1))
    assert error.value.code == "goal-closed"
