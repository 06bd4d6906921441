"""Care mistakes that would do lasting harm are refused, with a stable code on the field, and change nothing:
an end outside the allocation, a withdrawal in disguise, a duplicate allocation, a goal closed before
its plan, and every period that ends before it begins."""

import datetime as dt
from decimal import Decimal

import pytest
from django.urls import reverse

from regie.audit.models import AuditRecord
from regie.care.models import Allocation, AllocationStatus, Goal
from regie.care.services import ResidencePeriod, allocation_start, allocation_stop, client_create, goal_close, plan_create
from regie.exchange.decisions import allocation_change, allocation_create, allocation_end, allocation_withdraw
from regie.catalogue.services import tariff_add
from regie.contracting.services import contract_create
from regie.core.errors import DomainError
from regie.exchange.models import Direction, Message
from regie.regions.services import municipality_spec
from tests import factories as f

MAY, JUNE = dt.date(2025, 5, 1), dt.date(2025, 6, 1)


def state(allocation):
    return Allocation.objects.filter(pk=allocation.pk).values_list(
        "status", "start", "end", "started_on", "stopped_on", "end_reason", "version").get()


def refused(call, **kwargs) -> DomainError:
    with pytest.raises(DomainError) as error:
        call(**kwargs)
    return error.value


@pytest.fixture
def fresh(world, officer_a):
    """An allocation from 1 May 2025 to 31 December 2025 for client 1 (A1 ended on 30 April)."""
    f.end_a1(world)
    return allocation_create(actor=officer_a, client=world.clients[0], product=world.begeleiding, category=world.b1,
                             provider=world.p1, start=MAY, end=dt.date(2025, 12, 31))


# -- ending ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("end, code", [
    (dt.date(2025, 4, 30), "period-reversed"),
    (dt.date(1, 1, 1), "date-out-of-window"),  # before the region's window, which is checked first
    (dt.date(2026, 1, 1), "end_after_allocation_end"),
])
def test_an_end_outside_the_allocation_is_refused(fresh, officer_a, end, code):
    before = state(fresh)
    error = refused(allocation_end, actor=officer_a, allocation=fresh, end=end, reason="36")
    assert (error.code, error.field) == (code, "end")
    assert state(fresh) == before


def test_an_end_on_the_start_day_is_a_one_day_allocation_not_a_withdrawal(fresh, officer_a):
    ended = allocation_end(actor=officer_a, allocation=fresh, end=MAY, reason="36")
    assert (ended.status, ended.end) == (AllocationStatus.ALLOCATED, MAY)


def test_an_end_before_the_reported_start_of_care_is_refused(fresh, officer_a, staff_p1):
    started = allocation_start(actor=staff_p1, allocation=fresh, started_on=dt.date(2025, 5, 20))
    before = state(started)
    error = refused(allocation_end, actor=officer_a, allocation=started, end=dt.date(2025, 5, 10), reason="23")
    assert (error.code, error.field) == ("end_before_care_start", "end")
    error = refused(allocation_change, actor=officer_a, allocation=started, end=dt.date(2025, 5, 10))
    assert (error.code, error.field) == ("end_before_care_start", "end")
    assert state(started) == before


def test_a_change_cannot_end_before_the_start_either(fresh, officer_a):
    error = refused(allocation_change, actor=officer_a, allocation=fresh, end=dt.date(2025, 4, 1))
    assert (error.code, error.field) == ("period-reversed", "end")


# -- withdrawing ----------------------------------------------------------------------------------


def test_withdrawing_queues_the_same_301_as_before(fresh, officer_a):
    withdrawn = allocation_withdraw(actor=officer_a, allocation=fresh, reason="36")
    assert state(withdrawn) == (AllocationStatus.WITHDRAWN, MAY, MAY, None, None, "36", 2)
    message = Message.objects.filter(direction=Direction.OUT, code="301", allocations=withdrawn).latest("pk")
    assert list(message.allocations.all()) == [withdrawn]


def test_a_started_allocation_is_not_withdrawn(fresh, officer_a, staff_p1):
    started = allocation_start(actor=staff_p1, allocation=fresh, started_on=MAY)
    before = state(started)
    assert refused(allocation_withdraw, actor=officer_a, allocation=started).code == "allocation_started"
    assert state(started) == before


def test_a_withdrawn_or_stopped_allocation_is_not_withdrawn_again(fresh, officer_a):
    withdrawn = allocation_withdraw(actor=officer_a, allocation=fresh)
    assert refused(allocation_withdraw, actor=officer_a, allocation=withdrawn).code == "allocation-closed"
    assert refused(allocation_withdraw, actor=officer_a, allocation=fresh, reason="99").code == "end-reason-unknown"


def test_only_the_allocating_municipality_withdraws(world, fresh):
    from regie.core.errors import Forbidden
    from regie.regions.models import OrganisationKind

    other = f.OrganisationFactory(region=world.region, kind=OrganisationKind.MUNICIPALITY, municipality=world.b)
    with pytest.raises(Forbidden):
        allocation_withdraw(actor=f.actor(other, "access_officer"), allocation=fresh)
    assert state(fresh)[0] == AllocationStatus.ALLOCATED


# -- duplicates -----------------------------------------------------------------------------------


def allocate(world, officer, **extra):
    values = {"client": world.clients[0], "product": world.begeleiding, "category": world.b2, "provider": world.p1,
              "start": JUNE}
    return allocation_create(actor=officer, **{**values, **extra})


def test_a_duplicate_of_an_active_allocation_is_refused(world, officer_a):
    before = Allocation.objects.count()
    error = refused(allocate, world=world, officer=officer_a)
    assert (error.code, error.field, error.params["duplicates"]) == ("allocation_duplicate", "confirm_duplicate",
                                                                    ["A1"])
    assert Allocation.objects.count() == before
    assert not Message.objects.filter(direction=Direction.OUT).exists()


def test_a_confirmed_duplicate_is_made_and_the_reason_is_recorded(world, officer_a):
    allocation = allocate(world, officer_a, duplicate_reason="  Tijdelijk extra begeleiding  ")
    record = AuditRecord.objects.get(action="create", subject="allocation", object_id=allocation.reference)
    assert (record.username, record.detail) == (officer_a.user.username, {
        "duplicate_of": ["A1"], "duplicate_reason": "Tijdelijk extra begeleiding"})
    assert record.at is not None
    with pytest.raises(DomainError):
        allocate(world, officer_a, duplicate_reason="   ")  # only spaces confirm nothing


@pytest.mark.parametrize("case", ["other-provider", "other-product", "after-the-end", "withdrawn", "stopped-before"])
def test_what_is_not_a_duplicate(world, officer_a, case):
    extra = {}
    if case == "other-provider":
        extra = {"provider": world.p2}
    elif case == "other-product":
        extra = {"product": world.dagbesteding, "category": world.d1}
    elif case == "after-the-end":
        f.end_a1(world)
    elif case == "withdrawn":
        Allocation.objects.filter(reference="A1").update(status=AllocationStatus.WITHDRAWN)
    else:
        Allocation.objects.filter(reference="A1").update(status=AllocationStatus.STOPPED,
                                                         started_on=dt.date(2025, 1, 10),
                                                         stopped_on=dt.date(2025, 5, 31))
    assert allocate(world, officer_a, **extra).start == JUNE


def test_a_duplicate_before_an_open_allocation_overlaps_it_too(world, officer_a):
    error = refused(allocate, world=world, officer=officer_a, start=dt.date(2025, 1, 1), end=dt.date(2025, 1, 10))
    assert error.code == "allocation_duplicate"
    assert allocate(world, officer_a, start=dt.date(2025, 1, 1), end=dt.date(2025, 1, 9)).end == dt.date(2025, 1, 9)


def test_a_longer_period_may_not_reach_into_a_duplicate(world, officer_a):
    f.end_a1(world)
    later = allocate(world, officer_a, start=dt.date(2025, 8, 1))
    a1 = Allocation.objects.get(reference="A1")
    error = refused(allocation_change, actor=officer_a, allocation=a1, end=dt.date(2025, 8, 1))
    assert (error.code, error.params["duplicates"]) == ("allocation_duplicate", [later.reference])
    error = refused(allocation_change, actor=officer_a, allocation=a1, clear_end=True)
    assert error.code == "allocation_duplicate"
    assert allocation_change(actor=officer_a, allocation=a1, end=dt.date(2025, 7, 31)).end == dt.date(2025, 7, 31)
    assert allocation_change(actor=officer_a, allocation=a1, category=world.b2).category == world.b2


# -- goals ----------------------------------------------------------------------------------------


@pytest.fixture
def goal(world, officer_a):
    plan = plan_create(actor=officer_a, client=world.clients[0], drawn_up_on=dt.date(2025, 3, 10),
                       goals=[{"life_domain": "finances", "description": "Schulden op orde", "baseline_score": 2}])
    return plan.goals.get()


def test_a_goal_closed_before_its_plan_is_refused(goal, officer_a):
    for day, code in ((dt.date(2025, 3, 9), "goal_closed_before_plan"), (dt.date(1, 1, 1), "date-out-of-window")):
        error = refused(goal_close, actor=officer_a, goal=goal, followup_score=4, result="achieved", closed_on=day)
        assert (error.code, error.field) == (code, "closed_on")
    stored = Goal.objects.filter(pk=goal.pk).values_list("closed_on", "result", "followup_score").get()
    assert stored == (None, "", None)
    closed = goal_close(actor=officer_a, goal=goal, followup_score=4, result="achieved", closed_on=dt.date(2025, 3, 10))
    assert closed.closed_on == dt.date(2025, 3, 10)


# -- one rule for every period: it does not end before it begins ------------------------------------


def test_every_period_that_ends_before_it_begins_is_refused_the_same_way(world, officer_a):
    start, end = dt.date(2025, 6, 1), dt.date(2025, 5, 31)
    calls = {
        "resident_to": lambda: client_create(
            actor=officer_a, region=world.region, bsn=f.valid_bsn(77), family_name="Smit", initials="",
            birth_date=dt.date(1950, 1, 1), residences=[ResidencePeriod(municipality=world.a, valid_from=start,
                                                                        valid_to=end)]),
        "end": lambda: contract_create(region=world.region, provider=world.p1, products=[world.begeleiding],
                                       start=start, end=end),
        "valid_to": lambda: tariff_add(actor=None, category=f.CategoryFactory(product=world.begeleiding, number=7),
                                                  amount=Decimal("10.00"), valid_from=start, valid_to=end),
    }
    for field, call in calls.items():
        with pytest.raises(DomainError) as error:
            call()
        assert (error.value.code, error.value.field) == ("period-reversed", field)
    with pytest.raises(DomainError) as error:
        municipality_spec(code="0003", name="Cedorp", population=100, valid_from=start, valid_to=end)
    assert (error.value.code, error.value.field) == ("period-reversed", "valid_to")
    with pytest.raises(DomainError) as error:
        allocate(world, officer_a, provider=world.p2, start=start, end=end)
    assert (error.value.code, error.value.field) == ("period-reversed", "end")


def test_a_stop_before_the_start_of_care_and_a_start_outside_the_allocation_are_refused(fresh, staff_p1):
    for day in (dt.date(2025, 4, 30), dt.date(2026, 1, 1)):
        error = refused(allocation_start, actor=staff_p1, allocation=fresh, started_on=day)
        assert (error.code, error.field) == ("start-outside-allocation", "started_on")
    started = allocation_start(actor=staff_p1, allocation=fresh, started_on=dt.date(2025, 5, 10))
    for day in (dt.date(2025, 5, 9), dt.date(2026, 1, 1)):
        error = refused(allocation_stop, actor=staff_p1, allocation=started, stopped_on=day, reason="19")
        assert (error.code, error.field) == ("stop-outside-allocation", "stopped_on")
    assert state(started)[0] == AllocationStatus.STARTED


# -- through the screens ----------------------------------------------------------------------------


@pytest.fixture
def as_officer(client, officer_a):
    client.force_login(officer_a.user)
    return client


def post_allocation(client, world, **extra):
    data = {"product": world.begeleiding.pk, "category": "2", "provider": world.p1.pk, "start": "2025-06-01",
            "end": ""}
    return client.post(reverse("care:allocation-create", args=[world.clients[0].pk]), {**data, **extra})


def test_the_allocation_form_asks_to_confirm_a_duplicate_with_a_reason(as_officer, world):
    before = Allocation.objects.count()
    first = post_allocation(as_officer, world)
    assert first.status_code == 200
    form = first.context["form"]
    assert form.errors["confirm_duplicate"] and "duplicate_reason" in form.fields
    page = first.content.decode()
    assert 'name="confirm_duplicate"' in page and 'name="duplicate_reason"' in page
    unticked = post_allocation(as_officer, world, duplicate_reason="Extra")
    assert unticked.status_code == 200 and unticked.context["form"].errors["confirm_duplicate"]
    no_reason = post_allocation(as_officer, world, confirm_duplicate="on", duplicate_reason=" ")
    assert no_reason.status_code == 200 and no_reason.context["form"].errors["duplicate_reason"]
    assert Allocation.objects.count() == before
    confirmed = post_allocation(as_officer, world, confirm_duplicate="on", duplicate_reason="Extra begeleiding")
    assert confirmed.status_code == 302
    allocation = Allocation.objects.get(start=JUNE)
    assert AuditRecord.objects.get(action="create", subject="allocation", object_id=allocation.reference).detail == {
        "duplicate_of": ["A1"], "duplicate_reason": "Extra begeleiding"}


def test_a_form_without_a_duplicate_shows_no_confirmation(as_officer, world):
    response = as_officer.get(reverse("care:allocation-create", args=[world.clients[0].pk]))
    assert "confirm_duplicate" not in response.context["form"].fields
    response = post_allocation(as_officer, world, provider=world.p2.pk)
    assert response.status_code == 302


def test_the_end_screen_refuses_an_end_before_the_start_and_does_not_withdraw(as_officer, fresh):
    response = as_officer.post(reverse("care:allocation-end", args=[fresh.pk]), {"end": "2025-04-30",
                                                                                 "end_reason": "36"})
    assert response.status_code == 200 and response.context["form"].errors["end"]
    assert state(fresh)[:3] == (AllocationStatus.ALLOCATED, MAY, dt.date(2025, 12, 31))


def test_the_goal_screen_refuses_a_closing_date_before_the_plan(as_officer, world, goal):
    url = reverse("care:goal-close", args=[world.clients[0].pk, goal.pk])
    response = as_officer.post(url, {"followup_score": "4", "result": "achieved", "closed_on": "2025-03-01"})
    assert response.status_code == 200 and response.context["form"].errors["closed_on"]
    assert Goal.objects.get(pk=goal.pk).closed_on is None
