"""Every refusal of the care services, as a table: its stable code, the field it names, a message that
names what was wrong; and the edges of each rule (the first and last accepted day, score and length).

These tests call `care.services` directly (no 301 is queued), so mutation testing runs them cheaply."""

import datetime as dt

import pytest
from django.db import transaction
from django.utils import translation

from regie.audit.models import AuditRecord
from regie.care.models import Allocation, AllocationStatus, AllocationVersion, Client, Goal
from regie.care.reasons import reason_record
from regie.care.services import (
    ResidencePeriod, allocation_change, allocation_create, allocation_end, allocation_start, allocation_stop,
    allocation_withdraw, client_create, goal_close, payer_day, plan_create,
)
from regie.core.errors import DomainError, Forbidden
from regie.core.formatting import short_date
from regie.regions.models import OrganisationKind, ResidenceRule
from tests import factories as f

MAY, DECEMBER_END = dt.date(2025, 5, 1), dt.date(2025, 12, 31)
BEFORE_CARE = dt.date(2014, 12, 31)  # inside the absolute bounds, the day before the region's care_from
TODAY = dt.date.today()


@pytest.fixture
def ctx(world, officer_a, staff_p1):
    """The world, its actors, and `fresh`: client 1's allocation of 1 May to 31 December 2025."""
    f.end_a1(world)
    world.officer, world.staff = officer_a, staff_p1
    world.fresh = allocation_create(actor=officer_a, client=world.clients[0], product=world.begeleiding,
                                    category=world.b1, provider=world.p1, start=MAY, end=DECEMBER_END)
    world.plan = plan_create(actor=officer_a, client=world.clients[0], drawn_up_on=dt.date(2025, 3, 10),
                             goals=[{"life_domain": "finances", "description": "Schulden", "baseline_score": 2}])
    return world


def new_client(w, **extra):
    values = {"actor": w.officer, "region": w.region, "bsn": f.valid_bsn(501), "family_name": "Smit",
              "initials": " A. ", "birth_date": dt.date(1950, 1, 1),
              "residences": [ResidencePeriod(municipality=w.a, valid_from=dt.date(2020, 1, 1))]}
    return client_create(**{**values, **extra})


def new_allocation(w, **extra):
    values = {"actor": w.officer, "client": w.clients[0], "product": w.begeleiding, "category": w.b1,
              "provider": w.p2, "start": MAY}
    return allocation_create(**{**values, **extra})


def started(w, on=dt.date(2025, 5, 10)):
    return allocation_start(actor=w.staff, allocation=w.fresh, started_on=on)


def other_officer(w):
    org = f.OrganisationFactory(region=w.region, kind=OrganisationKind.MUNICIPALITY, municipality=w.b)
    return f.actor(org, "access_officer")


def without_role(w):
    return f.actor(w.officer.organisation, "finance")


def far_future(w):
    """A day after the region's window once it accepts only one year ahead."""
    w.region.future_years = 1
    w.region.save()
    return TODAY.replace(year=TODAY.year + 2, day=1)


def no_residence_client(w):
    client = f.ClientFactory(region=w.region, family_name="Verhuisd")
    f.ResidenceFactory(client=client, municipality=w.a, valid_from=dt.date(2025, 5, 2))
    return client


def untariffed(w):
    return f.CategoryFactory(product=w.begeleiding, number=9)


# Refusals of care that has started: `fresh` starts on 10 May before the call.
AFTER_START = {"end before care", "withdraw started", "stop before care", "stop reason unknown", "stop after the end",
               "stop by another provider"}

# name: (call, code, field, fragments the message names)
REFUSALS = {
    "name missing": (lambda w: new_client(w, family_name="  "), "name-missing", "family_name", []),
    "birth before 1900": (lambda w: new_client(w, birth_date=dt.date(1899, 12, 31)), "date-out-of-window",
                          "birth_date", []),
    "birth tomorrow": (lambda w: new_client(w, birth_date=TODAY + dt.timedelta(days=1), residences=[
        ResidencePeriod(municipality=w.a, valid_from=TODAY + dt.timedelta(days=1))]), "birth-date-future",
                       "birth_date", []),
    "residence from beyond the window": (lambda w: new_client(w, residences=[
        ResidencePeriod(municipality=w.a, valid_from=far_future(w))]), "date-out-of-window", "resident_from", []),
    "residence to beyond the window": (lambda w: new_client(w, residences=[
        ResidencePeriod(municipality=w.a, valid_from=dt.date(2020, 1, 1), valid_to=far_future(w))]),
        "date-out-of-window", "resident_to", []),
    "residence before birth": (lambda w: new_client(w, residences=[
        ResidencePeriod(municipality=w.a, valid_from=dt.date(1949, 12, 31))]), "residence-before-birth",
        "resident_from", [short_date(dt.date(1949, 12, 31)), short_date(dt.date(1950, 1, 1))]),
    "no residence": (lambda w: new_client(w, residences=[]), "residence-missing", "municipality_code", []),
    "residences share a day": (lambda w: new_client(w, residences=[
        ResidencePeriod(municipality=w.b, valid_from=dt.date(2021, 3, 31)),
        ResidencePeriod(municipality=w.a, valid_from=dt.date(2020, 1, 1), valid_to=dt.date(2021, 3, 31))]),
        "residence-overlap", "resident_from", []),
    "bsn taken": (lambda w: new_client(w, bsn=w.clients[0].bsn), "bsn-duplicate", "bsn", ["bsn"]),
    "plan before care": (lambda w: plan_create(actor=w.officer, client=w.clients[0], drawn_up_on=BEFORE_CARE,
                                               goals=[]), "date-out-of-window", "drawn_up_on", []),
    "baseline 0": (lambda w: plan_create(actor=w.officer, client=w.clients[0], drawn_up_on=MAY, goals=[
        {"life_domain": "finances", "description": "x", "baseline_score": 0}]), "score-invalid", "baseline_score", []),
    "baseline 6": (lambda w: plan_create(actor=w.officer, client=w.clients[0], drawn_up_on=MAY, goals=[
        {"life_domain": "finances", "description": "x", "baseline_score": 6}]), "score-invalid", "baseline_score", []),
    "goal closed before care": (lambda w: goal_close(actor=w.officer, goal=w.plan.goals.get(), followup_score=3,
                                                     result="achieved", closed_on=BEFORE_CARE),
                                "date-out-of-window", "closed_on", []),
    "followup 0": (lambda w: goal_close(actor=w.officer, goal=w.plan.goals.get(), followup_score=0,
                                        result="achieved", closed_on=MAY), "score-invalid", "followup_score", []),
    "followup 6": (lambda w: goal_close(actor=w.officer, goal=w.plan.goals.get(), followup_score=6,
                                        result="achieved", closed_on=MAY), "score-invalid", "followup_score", []),
    "allocation before care": (lambda w: new_allocation(w, start=BEFORE_CARE), "date-out-of-window", "start", []),
    "allocation ends beyond the window": (lambda w: new_allocation(w, end=far_future(w)), "date-out-of-window",
                                          "end", []),
    "no residence on the start": (lambda w: new_allocation(w, client=no_residence_client(w)), "no-residence",
                                  "start", ["Verhuisd", short_date(MAY)]),
    "category of another product": (lambda w: new_allocation(w, product=w.dagbesteding), "category-mismatch",
                                    "category", ["07A01"]),
    "allocation reversed": (lambda w: new_allocation(w, end=dt.date(2025, 4, 30)), "period-reversed", "end", []),
    "no contract": (lambda w: new_allocation(w, provider=f.ProviderFactory(region=w.region, name="Zonder")),
                    "no-contract", "provider", ["Zonder", "02A01", short_date(MAY)]),
    "no tariff": (lambda w: new_allocation(w, category=untariffed(w)), "no-tariff", "category",
                  [short_date(MAY)]),
    "reference taken": (lambda w: new_allocation(w, reference=" A2 "), "reference-duplicate", "reference", ["A2"]),
    "change beyond the window": (lambda w: allocation_change(actor=w.officer, allocation=w.fresh,
                                                             end=far_future(w)), "date-out-of-window", "end", []),
    "end beyond the window": (lambda w: allocation_end(actor=w.officer, allocation=w.fresh, end=BEFORE_CARE,
                                                       reason="36"), "date-out-of-window", "end", []),
    "end reason unknown": (lambda w: allocation_end(actor=w.officer, allocation=w.fresh, end=MAY, reason="99"),
                           "end-reason-unknown", "end_reason", ["99"]),
    "end after the end": (lambda w: allocation_end(actor=w.officer, allocation=w.fresh,
                                                   end=dt.date(2026, 1, 1), reason="36"),
                          "end_after_allocation_end", "end", [short_date(dt.date(2026, 1, 1)),
                                                              short_date(DECEMBER_END)]),
    "end before care": (lambda w: allocation_end(actor=w.officer, allocation=w.fresh, end=dt.date(2025, 5, 9),
                                                 reason="36"), "end_before_care_start", "end",
                        [short_date(dt.date(2025, 5, 9)), short_date(dt.date(2025, 5, 10))]),
    "withdraw reason unknown": (lambda w: allocation_withdraw(actor=w.officer, allocation=w.fresh, reason="99"),
                                "end-reason-unknown", "end_reason", ["99"]),
    "withdraw started": (lambda w: allocation_withdraw(actor=w.officer, allocation=w.fresh),
                         "allocation_started", None, [short_date(dt.date(2025, 5, 10))]),
    "start before care": (lambda w: allocation_start(actor=w.staff, allocation=w.fresh, started_on=BEFORE_CARE),
                          "date-out-of-window", "started_on", []),
    "start after the end": (lambda w: allocation_start(actor=w.staff, allocation=w.fresh,
                                                       started_on=dt.date(2026, 1, 1)),
                            "start-outside-allocation", "started_on", [short_date(DECEMBER_END)]),
    "stop before care": (lambda w: allocation_stop(actor=w.staff, allocation=w.fresh, stopped_on=BEFORE_CARE,
                                                   reason="19"), "date-out-of-window", "stopped_on", []),
    "stop reason unknown": (lambda w: allocation_stop(actor=w.staff, allocation=w.fresh,
                                                      stopped_on=dt.date(2025, 6, 30), reason="99"),
                            "end-reason-unknown", "end_reason", ["99"]),
    "stop after the end": (lambda w: allocation_stop(actor=w.staff, allocation=w.fresh,
                                                     stopped_on=dt.date(2026, 1, 1), reason="19"),
                           "stop-outside-allocation", "stopped_on", [short_date(DECEMBER_END)]),
}


@pytest.mark.parametrize("case", list(REFUSALS))
def test_each_refusal_has_its_code_its_field_and_a_message(ctx, case):
    call, code, field, fragments = REFUSALS[case]
    if case in AFTER_START:
        started(ctx)
    fragments = [ctx.clients[0].bsn if part == "bsn" else part for part in fragments]
    before = (Allocation.objects.count(), AllocationVersion.objects.count())
    with pytest.raises(DomainError) as error, transaction.atomic():
        call(ctx)
    assert (error.value.code, error.value.field) == (code, field)
    assert isinstance(error.value.message, str) and error.value.message
    for part in fragments:
        assert part in error.value.message
    assert (Allocation.objects.count(), AllocationVersion.objects.count()) == before
    assert_translated(ctx, call, error.value.message, DomainError)


def assert_translated(ctx, call, dutch: str, kind) -> None:
    """The refusal reaches its reader in Dutch: its English text is another (a message whose msgid has
    no translation would read the same in both)."""
    with translation.override("en"), pytest.raises(kind) as english, transaction.atomic():
        call(ctx)  # in a savepoint, so what the case made before its refusal is made anew
    assert english.value.message != dutch, dutch


FORBIDDEN = {
    "client of another municipality": (lambda w: new_client(w, residences=[
        ResidencePeriod(municipality=w.b, valid_from=dt.date(2020, 1, 1))]), "client-not-resident"),
    "client without the role": (lambda w: new_client(w, actor=without_role(w)), "role-missing"),
    "plan without the role": (lambda w: plan_create(actor=without_role(w), client=w.clients[0], drawn_up_on=MAY,
                                                    goals=[]), "role-missing"),
    "goal without the role": (lambda w: goal_close(actor=without_role(w), goal=w.plan.goals.get(),
                                                   followup_score=3, result="achieved", closed_on=MAY),
                              "role-missing"),
    "allocation to another's resident": (lambda w: new_allocation(w, client=w.clients[2]), "client-not-resident"),
    "allocation without the role": (lambda w: new_allocation(w, actor=without_role(w)), "role-missing"),
    "change by another municipality": (lambda w: allocation_change(actor=other_officer(w), allocation=w.fresh,
                                                                   category=w.b2), "allocation-other-municipality"),
    "change without the role": (lambda w: allocation_change(actor=without_role(w), allocation=w.fresh,
                                                            category=w.b2), "role-missing"),
    "end by another municipality": (lambda w: allocation_end(actor=other_officer(w), allocation=w.fresh, end=MAY,
                                                             reason="36"), "allocation-other-municipality"),
    "withdraw by another municipality": (lambda w: allocation_withdraw(actor=other_officer(w), allocation=w.fresh),
                                         "allocation-other-municipality"),
    "start by another provider": (lambda w: allocation_start(actor=f.actor(w.p2, "provider_staff"),
                                                             allocation=w.fresh, started_on=MAY),
                                  "allocation-other-provider"),
    "start by an officer": (lambda w: allocation_start(actor=w.officer, allocation=w.fresh, started_on=MAY),
                            "role-missing"),
    "stop by another provider": (lambda w: allocation_stop(actor=f.actor(w.p2, "provider_staff"),
                                                           allocation=w.fresh, stopped_on=dt.date(2025, 6, 1),
                                                           reason="19"), "allocation-other-provider"),
}


@pytest.mark.parametrize("case", list(FORBIDDEN))
def test_each_permission_refusal_has_its_code_and_a_message(ctx, case):
    call, code = FORBIDDEN[case]
    if case in AFTER_START:
        started(ctx)
    before = Allocation.objects.filter(pk=ctx.fresh.pk).values_list("status", "end", "version").get()
    with pytest.raises(Forbidden) as error, transaction.atomic():
        call(ctx)
    assert error.value.code == code
    assert isinstance(error.value.message, str) and error.value.message
    assert Allocation.objects.filter(pk=ctx.fresh.pk).values_list("status", "end", "version").get() == before
    assert_translated(ctx, call, error.value.message, Forbidden)


# -- closed allocations -----------------------------------------------------------------------------


def stopped(w):
    return allocation_stop(actor=w.staff, allocation=started(w), stopped_on=dt.date(2025, 6, 30), reason="19")


def withdrawn(w):
    return allocation_withdraw(actor=w.officer, allocation=w.fresh)


@pytest.mark.parametrize("close", [stopped, withdrawn])
@pytest.mark.parametrize("act, code", [
    (lambda w, a: allocation_change(actor=w.officer, allocation=a, category=w.b2), "allocation-closed"),
    (lambda w, a: allocation_end(actor=w.officer, allocation=a, end=dt.date(2025, 6, 1), reason="36"),
     "allocation-closed"),
    (lambda w, a: allocation_withdraw(actor=w.officer, allocation=a), "allocation-closed"),
    (lambda w, a: allocation_start(actor=w.staff, allocation=a, started_on=dt.date(2025, 6, 1)),
     "allocation-not-allocated"),
    (lambda w, a: allocation_stop(actor=w.staff, allocation=a, stopped_on=dt.date(2025, 6, 1), reason="19"),
     "allocation-not-started"),
])
def test_a_closed_allocation_refuses_every_change(ctx, close, act, code):
    closed = close(ctx)
    with pytest.raises(DomainError) as error:
        act(ctx, closed)
    assert error.value.code == code
    assert isinstance(error.value.message, str) and error.value.message


# -- edges ------------------------------------------------------------------------------------------


def test_a_client_born_today_who_lives_here_from_today_is_registered(ctx):
    client = new_client(ctx, birth_date=TODAY, residences=[ResidencePeriod(municipality=ctx.a, valid_from=TODAY)])
    assert client.birth_date == TODAY


def test_residences_that_meet_without_sharing_a_day_are_kept_in_order(ctx):
    client = new_client(ctx, residences=[
        ResidencePeriod(municipality=ctx.b, valid_from=dt.date(2021, 4, 1)),
        ResidencePeriod(municipality=ctx.a, valid_from=dt.date(1950, 1, 1), valid_to=dt.date(2021, 3, 31))])
    stored = Client.objects.get(pk=client.pk)
    assert (stored.family_name, stored.initials) == ("Smit", "A.")
    assert list(stored.residences.order_by("valid_from").values_list("municipality", "valid_from", "valid_to")) == [
        (ctx.a.pk, dt.date(1950, 1, 1), dt.date(2021, 3, 31)), (ctx.b.pk, dt.date(2021, 4, 1), None)]
    record = AuditRecord.objects.get(action="create", subject="client", client_id=client.pk)
    assert (record.object_id, record.username) == (str(client.pk), ctx.officer.user.username)


def test_the_same_bsn_in_another_region_is_another_client(ctx):
    other = f.RegionFactory()
    elsewhere = f.ClientFactory(region=other)
    assert new_client(ctx, bsn=elsewhere.bsn).region == ctx.region


def test_an_import_registers_a_client_of_any_municipality(ctx):
    client = new_client(ctx, actor=None, residences=[ResidencePeriod(municipality=ctx.b,
                                                                     valid_from=dt.date(2020, 1, 1))])
    assert AuditRecord.objects.get(subject="client", client_id=client.pk).username == "system"


@pytest.mark.parametrize("score", [1, 5])
def test_the_extreme_scores_are_accepted(ctx, score):
    plan = plan_create(actor=ctx.officer, client=ctx.clients[0], drawn_up_on=MAY, goals=[
        {"life_domain": "housing", "description": "Woning", "baseline_score": str(score)}])
    assert list(plan.goals.values_list("life_domain", "description", "baseline_score")) == [
        ("housing", "Woning", score)]
    assert (plan.municipality_id, plan.drawn_up_on) == (ctx.a.pk, MAY)
    record = AuditRecord.objects.get(action="create", subject="plan", object_id=str(plan.pk))
    assert (record.client_id, record.username) == (ctx.clients[0].pk, ctx.officer.user.username)
    goal = goal_close(actor=ctx.officer, goal=plan.goals.get(), followup_score=score, result="achieved",
                      closed_on=MAY)
    stored = Goal.objects.filter(pk=goal.pk).values_list("followup_score", "result", "closed_on").get()
    assert stored == (score, "achieved", MAY)
    record = AuditRecord.objects.get(action="update", subject="goal", object_id=str(goal.pk))
    assert (record.client_id, record.username) == (ctx.clients[0].pk, ctx.officer.user.username)


def test_closing_a_goal_writes_only_its_closing_fields(ctx):
    goal = ctx.plan.goals.get()
    Goal.objects.filter(pk=goal.pk).update(description="Elders gewijzigd")
    goal_close(actor=ctx.officer, goal=goal, followup_score=4, result="achieved", closed_on=MAY)
    assert Goal.objects.get(pk=goal.pk).description == "Elders gewijzigd"


@pytest.mark.parametrize("rule, month, day", [
    (ResidenceRule.LAST_DAY_OF_MONTH, dt.date(2025, 2, 1), dt.date(2025, 2, 28)),
    (ResidenceRule.LAST_DAY_OF_MONTH, dt.date(2024, 2, 1), dt.date(2024, 2, 29)),
    ("first_day_of_month", dt.date(2025, 2, 1), dt.date(2025, 2, 1)),
])
def test_the_payer_day_of_a_month(rule, month, day):
    assert payer_day(rule=rule, month=month) == day


# -- versions, the record of every step -------------------------------------------------------------


def versions(allocation):
    return list(AllocationVersion.objects.filter(allocation=allocation).order_by("version").values_list(
        "version", "status", "category", "end", "started_on", "stopped_on", "end_reason", "change", "changed_by"))


def test_each_step_is_a_version_with_the_state_after_it(ctx):
    officer, staff = ctx.officer.user.pk, ctx.staff.user.pk
    allocation_change(actor=ctx.officer, allocation=ctx.fresh, category=ctx.b2, end=dt.date(2025, 11, 30))
    allocation_start(actor=ctx.staff, allocation=ctx.fresh, started_on=dt.date(2025, 5, 10))
    allocation_end(actor=ctx.officer, allocation=ctx.fresh, end=dt.date(2025, 10, 31), reason="02")
    allocation_stop(actor=ctx.staff, allocation=ctx.fresh, stopped_on=dt.date(2025, 9, 30), reason="19")
    b1, b2 = ctx.b1.pk, ctx.b2.pk
    assert versions(ctx.fresh) == [
        (1, "allocated", b1, DECEMBER_END, None, None, "", "toegewezen", officer),
        (2, "allocated", b2, dt.date(2025, 11, 30), None, None, "",
         "gewijzigd: categorie 1 → 2, einddatum 2025-12-31 → 2025-11-30", officer),
        (3, "started", b2, dt.date(2025, 11, 30), dt.date(2025, 5, 10), None, "", "gestart per 10-05-2025", staff),
        (4, "started", b2, dt.date(2025, 10, 31), dt.date(2025, 5, 10), None, "02",
         "beëindigd per 31-10-2025: " + reason_record("02"), officer),
        (5, "stopped", b2, dt.date(2025, 10, 31), dt.date(2025, 5, 10), dt.date(2025, 9, 30), "02",
         "gestopt per 30-09-2025", staff),
    ]
    stored = Allocation.objects.get(pk=ctx.fresh.pk)
    assert (stored.version, stored.status, stored.end_reason, stored.stopped_on) == (
        5, "stopped", "02", dt.date(2025, 9, 30))
    records = AuditRecord.objects.filter(action="update", subject="allocation", object_id=ctx.fresh.reference)
    assert sorted((r.detail["version"], r.client_id) for r in records) == [(v, ctx.clients[0].pk) for v in range(2, 6)]


def test_a_stop_without_an_earlier_end_keeps_its_own_reason_and_a_withdrawal_its_own(ctx):
    stopped(ctx)
    assert versions(ctx.fresh)[-1][6] == "19"
    other = new_allocation(ctx)
    allocation_withdraw(actor=ctx.officer, allocation=other, reason="36")
    assert versions(other)[-1][1:] == ("withdrawn", ctx.b1.pk, MAY, None, None, "36",
                                       "ingetrokken: " + reason_record("36"), ctx.officer.user.pk)


def test_clearing_the_end_is_recorded_as_open(ctx):
    allocation_change(actor=ctx.officer, allocation=ctx.fresh, clear_end=True)
    assert versions(ctx.fresh)[-1][3] is None
    assert versions(ctx.fresh)[-1][7] == "gewijzigd: einddatum 2025-12-31 → open"


def test_an_end_on_the_last_day_of_the_allocation_and_care_on_its_first_and_last_day(ctx):
    allocation_start(actor=ctx.staff, allocation=ctx.fresh, started_on=MAY)
    ended = allocation_end(actor=ctx.officer, allocation=ctx.fresh, end=DECEMBER_END, reason="02")
    assert ended.end == DECEMBER_END
    ended = allocation_end(actor=ctx.officer, allocation=ctx.fresh, end=MAY, reason="02")  # the day care began
    stop = allocation_stop(actor=ctx.staff, allocation=ended, stopped_on=MAY, reason="19")
    assert (stop.started_on, stop.stopped_on, stop.end) == (MAY, MAY, MAY)


def test_care_can_start_on_the_last_day_and_stop_on_it(ctx):
    allocation_start(actor=ctx.staff, allocation=ctx.fresh, started_on=DECEMBER_END)
    stop = allocation_stop(actor=ctx.staff, allocation=ctx.fresh, stopped_on=DECEMBER_END, reason="19")
    assert (stop.started_on, stop.stopped_on) == (DECEMBER_END, DECEMBER_END)


def test_an_operator_acts_without_an_actor(ctx):
    allocation = new_allocation(ctx, actor=None, client=ctx.clients[2], provider=ctx.p1)
    assert allocation.municipality == ctx.b
    allocation_change(actor=None, allocation=allocation, end=DECEMBER_END)
    assert versions(allocation)[-1][8] is None


# -- a longer period and the allocations after it --------------------------------------------------------


def test_a_longer_period_is_checked_from_the_day_after_the_old_end(ctx):
    """A1 ends on 30 April; a one-day allocation on 1 May and a confirmed duplicate up to 30 April."""
    a1 = Allocation.objects.get(reference="A1")
    ctx.fresh.delete()
    new_allocation(ctx, provider=ctx.p1, start=dt.date(2025, 4, 1), end=dt.date(2025, 4, 30), duplicate_reason="x")
    assert allocation_change(actor=ctx.officer, allocation=a1, end=dt.date(2025, 4, 30) + dt.timedelta(0),
                             category=ctx.b2).category == ctx.b2
    one_day = new_allocation(ctx, provider=ctx.p1, start=MAY, end=MAY)
    with pytest.raises(DomainError) as error:
        allocation_change(actor=ctx.officer, allocation=a1, end=MAY)
    assert (error.value.code, error.value.params["duplicates"]) == ("allocation_duplicate", [one_day.reference])
    one_day.delete()
    assert allocation_change(actor=ctx.officer, allocation=a1, end=dt.date(2025, 5, 31)).end == dt.date(2025, 5, 31)


# -- the last edges: addresses, duplicates, audit details, queries -------------------------------------


@pytest.mark.parametrize("contact", [
    {"postcode": "5211AB", "house_number": 1},
    {"postcode": "5211AB", "house_number": 99999, "street": "S" * 24, "house_number_addition": "ABCD",
     "town": "T" * 80},
])
def test_the_extreme_addresses_are_accepted(ctx, contact):
    client = Client.objects.get(pk=new_client(ctx, **contact).pk)
    assert (client.house_number, len(client.street), len(client.town)) == (
        contact["house_number"], len(contact.get("street", "")), len(contact.get("town", "")))


@pytest.mark.parametrize("contact, code, field", [
    ({"street": "Kerkstraat"}, "address-incomplete", "postcode"),
    ({"house_number_addition": "A"}, "address-incomplete", "postcode"),
    ({"postcode": "5211AB", "house_number": 0}, "house-number-invalid", "house_number"),
    ({"postcode": "5211AB", "house_number": 1, "street": "S" * 25}, "street-too-long", "street"),
])
def test_an_address_part_alone_or_too_long_is_refused_with_a_message(ctx, contact, code, field):
    with pytest.raises(DomainError) as error:
        new_client(ctx, **contact)
    assert (error.value.code, error.value.field) == (code, field)
    assert isinstance(error.value.message, str) and error.value.message
    if code == "street-too-long":
        assert "24" in error.value.message


def test_nothing_changed_and_a_closed_goal_are_refused_with_a_message(ctx):
    with pytest.raises(DomainError) as error:
        allocation_change(actor=ctx.officer, allocation=ctx.fresh, category=ctx.b1)
    assert error.value.code == "nothing-changed" and error.value.message
    goal = ctx.plan.goals.get()
    goal_close(actor=ctx.officer, goal=goal, followup_score=3, result="achieved", closed_on=MAY)
    with pytest.raises(DomainError) as error:
        goal_close(actor=ctx.officer, goal=goal, followup_score=3, result="achieved", closed_on=MAY)
    assert error.value.code == "goal-closed" and error.value.message


def test_the_duplicates_are_named_by_start_then_number(ctx):
    """A1 (10 January, open) with two confirmed duplicates: '1' of 10 January and '0' of 1 February."""
    ctx.fresh.delete()
    Allocation.objects.filter(reference="A1").update(end=None)
    for reference, start in (("1", dt.date(2025, 1, 10)), ("0", dt.date(2025, 2, 1))):
        new_allocation(ctx, provider=ctx.p1, reference=reference, start=start, duplicate_reason="extra")
    with pytest.raises(DomainError) as error:
        new_allocation(ctx, provider=ctx.p1, start=dt.date(2025, 3, 1))
    assert error.value.params["duplicates"] == ["1", "A1", "0"]
    assert "1, A1, 0" in error.value.message


def test_the_audit_of_a_new_allocation_keeps_a_duplicate_reason_up_to_500_characters(ctx):
    record = AuditRecord.objects.get(action="create", subject="allocation", object_id=ctx.fresh.reference)
    assert record.detail == {}
    second = new_allocation(ctx, provider=ctx.p1, duplicate_reason="r" * 600)
    record = AuditRecord.objects.get(action="create", subject="allocation", object_id=second.reference)
    assert record.detail == {"duplicate_of": [ctx.fresh.reference], "duplicate_reason": "r" * 500}


def test_a_number_of_another_region_is_free_here(ctx):
    f.AllocationFactory(client=f.ClientFactory(region=f.RegionFactory()), reference="X7")
    assert new_allocation(ctx, reference="X7").reference == "X7"


def test_each_update_is_audited_with_its_change_and_version(ctx):
    allocation_change(actor=ctx.officer, allocation=ctx.fresh, clear_end=True)
    allocation_change(actor=ctx.officer, allocation=ctx.fresh, end=DECEMBER_END)
    records = AuditRecord.objects.filter(action="update", subject="allocation", object_id=ctx.fresh.reference)
    assert sorted((r.detail["version"], r.detail["change"], r.username) for r in records) == [
        (2, "gewijzigd: einddatum 2025-12-31 → open", ctx.officer.user.username),
        (3, "gewijzigd: einddatum open → 2025-12-31", ctx.officer.user.username)]


def test_a_shorter_period_is_not_checked_for_duplicates(ctx):
    """A confirmed duplicate overlaps A1 (to 30 April); shortening A1 grows nothing, so it is allowed."""
    ctx.fresh.delete()
    new_allocation(ctx, provider=ctx.p1, start=dt.date(2025, 4, 1), duplicate_reason="extra")
    a1 = Allocation.objects.get(reference="A1")
    assert allocation_change(actor=ctx.officer, allocation=a1, end=dt.date(2025, 4, 20)).end == dt.date(2025, 4, 20)


def test_the_residence_on_a_day_comes_with_its_municipality(ctx, django_assert_num_queries):
    from regie.care.services import residence_on

    with django_assert_num_queries(1):
        assert residence_on(client=ctx.clients[1], day=dt.date(2025, 2, 21)).municipality.code == "0002"


def test_a_decision_reads_the_locked_allocation_with_its_client_product_and_provider(ctx, django_assert_num_queries):
    from regie.care.services import _lock

    with django_assert_num_queries(1):
        locked = _lock(ctx.fresh)
        assert (locked.client.family_name, locked.product.code, locked.provider.name) == (
            "Cliënt1", "02A01", "Zorg Een")
