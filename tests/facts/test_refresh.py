"""The facts follow operations: a change announces itself (regie.core.changes), is noted in its own
transaction and refreshed once it commits, touching only its allocation's months."""

import datetime as dt

import pytest
from django.core.management import call_command

from regie.billing.services import declaration_submit
from regie.care import services as care
from regie.facts import services
from regie.facts.models import CareEvent, CareMonth, GoalFact, Pending
from regie.facts.services import facts_rebuild, pending_refresh
from tests.factories import debit


@pytest.fixture
def built(world):
    facts_rebuild(region=world.region)
    return {(row.allocation_id, row.month): row.pk for row in CareMonth.objects.all()}


def snapshot():
    return {(row.allocation_id, row.month): row.pk for row in CareMonth.objects.all()}


def full_rows():
    fields = [f.attname for f in CareMonth._meta.concrete_fields if f.name != "id"]
    return sorted(tuple(str(v) for v in row) for row in CareMonth.objects.values_list(*fields))


def test_ending_an_allocation_refreshes_only_its_months_once_committed(world, officer_a, built,
                                                                       django_capture_on_commit_callbacks):
    a1 = world.allocations[0]
    with django_capture_on_commit_callbacks(execute=True):
        care.allocation_end(actor=officer_a, allocation=a1, end=dt.date(2025, 3, 31), reason="02")
        assert Pending.objects.filter(kind="allocation", object_id=a1.pk).exists()  # noted in the same transaction
    after = snapshot()
    assert not Pending.objects.exists()
    assert [month for (pk, month) in sorted(after) if pk == a1.pk][-1] == dt.date(2025, 3, 1)
    assert CareEvent.objects.filter(allocation=a1, kind="ended").exists()
    others = {key: pk for key, pk in built.items() if key[0] != a1.pk}
    assert {key: after[key] for key in others} == others  # the other allocations' rows were not touched
    incremental = full_rows()
    facts_rebuild(region=world.region)
    assert full_rows() == incremental


def test_a_declaration_refreshes_its_allocation_from_the_declared_month_on(world, built,
                                                                         django_capture_on_commit_callbacks):
    a1 = world.allocations[0]
    with django_capture_on_commit_callbacks(execute=True):
        declaration_submit(actor=None, provider=world.p1, lines=[debit("A1", "2025-03")], source="csv")
    after = snapshot()
    assert after[(a1.pk, dt.date(2025, 2, 1))] == built[(a1.pk, dt.date(2025, 2, 1))]  # before the month: kept
    assert after[(a1.pk, dt.date(2025, 3, 1))] != built[(a1.pk, dt.date(2025, 3, 1))]  # from it on: rebuilt
    assert CareMonth.objects.get(allocation=a1, month=dt.date(2025, 3, 1)).approved_lines == 1
    assert {k: v for k, v in after.items() if k[0] != a1.pk} == {k: v for k, v in built.items() if k[0] != a1.pk}


def test_a_failed_refresh_keeps_the_change_and_leaves_it_pending(world, officer_a, built, monkeypatch,
                                                                 django_capture_on_commit_callbacks):
    def broken(**kwargs):
        raise RuntimeError("database gone")

    monkeypatch.setattr(services, "pending_refresh", broken)
    a1 = world.allocations[0]
    with django_capture_on_commit_callbacks(execute=True):
        care.allocation_end(actor=officer_a, allocation=a1, end=dt.date(2025, 3, 31), reason="02")
    a1.refresh_from_db()
    assert a1.end == dt.date(2025, 3, 31)
    assert Pending.objects.filter(object_id=a1.pk).exists()
    monkeypatch.undo()
    call_command("refresh-facts", "--pending")
    assert not Pending.objects.exists()
    assert max(row.month for row in CareMonth.objects.filter(allocation=a1)) == dt.date(2025, 3, 1)


def test_a_change_rolled_back_leaves_nothing_pending(world, officer_a, built, monkeypatch):
    def audit_fails(**kwargs):  # after the version is recorded and the change announced
        raise RuntimeError("audit store gone")

    monkeypatch.setattr(care, "audit_record", audit_fails)
    with pytest.raises(RuntimeError):
        care.allocation_end(actor=officer_a, allocation=world.allocations[0], end=dt.date(2025, 3, 31), reason="02")
    assert not Pending.objects.exists()


def test_pending_changes_of_one_allocation_refresh_from_the_earliest_month(world):
    a1 = world.allocations[0]
    facts_rebuild(region=world.region)
    before = snapshot()
    Pending.objects.bulk_create([Pending(kind="allocation", object_id=a1.pk, since=dt.date(2025, 3, 1)),
                                 Pending(kind="allocation", object_id=a1.pk, since=dt.date(2025, 2, 1))])
    pending_refresh()
    after = snapshot()
    assert after[(a1.pk, dt.date(2025, 1, 1))] == before[(a1.pk, dt.date(2025, 1, 1))]
    assert after[(a1.pk, dt.date(2025, 2, 1))] != before[(a1.pk, dt.date(2025, 2, 1))]
    Pending.objects.bulk_create([Pending(kind="allocation", object_id=a1.pk, since=dt.date(2025, 3, 1)),
                                 Pending(kind="allocation", object_id=a1.pk, since=None)])
    pending_refresh()
    assert snapshot()[(a1.pk, dt.date(2025, 1, 1))] != after[(a1.pk, dt.date(2025, 1, 1))]  # None: all months


def test_a_plan_and_a_closed_goal_refresh_the_clients_goals(world, officer_a, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        plan = care.plan_create(actor=officer_a, client=world.clients[0], drawn_up_on=dt.date(2025, 1, 5), goals=[
            {"life_domain": "housing", "description": "Zelfstandig wonen", "baseline_score": 2}])
    assert GoalFact.objects.get().followup_score is None
    with django_capture_on_commit_callbacks(execute=True):
        care.goal_close(actor=officer_a, goal=plan.goals.get(), followup_score=4, result="achieved",
                        closed_on=dt.date(2025, 3, 1))
    assert (GoalFact.objects.get().followup_score, GoalFact.objects.count()) == (4, 1)


def test_a_message_without_a_change_of_care_reaches_the_deadline_facts_within_the_minute(world, built):
    """A 305 arrives: no allocation changes, so nothing is pending, yet the minute's refresh counts its clock."""
    from django.utils import timezone

    from regie.exchange.models import Direction, Message, MessageStatus
    from regie.facts.models import DeadlineFact

    assert not DeadlineFact.objects.exists() and not Pending.objects.exists()
    allocation = world.allocations[0]
    made = Message.objects.create(region=world.region, direction=Direction.IN, code="305", sender="x", receiver="y",
                                  status=MessageStatus.ACCEPTED, identification="305-1", dated=dt.date(2025, 1, 13),
                                  provider=allocation.provider, municipality=allocation.municipality)
    made.allocations.add(allocation)
    Message.objects.filter(pk=made.pk).update(created_at=timezone.make_aware(dt.datetime(2025, 1, 13, 12)))
    pending_refresh(today=dt.date(2025, 4, 15))
    clocks = sorted(DeadlineFact.objects.values_list("deadline", "side", "since", "due", "done"))
    assert clocks == [("305", "provider", dt.date(2025, 1, 10), dt.date(2025, 1, 17), dt.date(2025, 1, 13)),
                      ("retour", "region", dt.date(2025, 1, 13), dt.date(2025, 1, 16), None)]
    pending_refresh(today=dt.date(2025, 4, 15))  # the same messages give the same clocks
    assert sorted(DeadlineFact.objects.values_list("deadline", "side", "since", "due", "done")) == clocks
