"""Timeliness: the standard's deadlines in working days, on both sides, per provider and month."""

import datetime as dt

import pytest
import time_machine
from django.urls import reverse

from regie.exchange.decisions import allocation_create
from regie.core.errors import Forbidden
from regie.exchange.inbox import message_receive
from regie.exchange.models import ChangeRequest, Direction, Message, MessageStatus
from regie.exchange.timeliness import timeliness_items, timeliness_overview
from regie.regions.models import OrganisationKind
from tests import factories as f
from tests.exchange.provider import read_301, start_305

APRIL = dt.date(2025, 4, 1)


def at(day: dt.date, hour: int = 10):
    return time_machine.travel(dt.datetime(day.year, day.month, day.day, hour, 0), tick=False)


def the_301(allocation):
    return read_301(Message.objects.get(direction=Direction.OUT, code="301", allocations=allocation))


@pytest.fixture
def office(world):
    org = f.OrganisationFactory(region=world.region, kind=OrganisationKind.PURCHASING_OFFICE, name="Inkoopbureau")
    return f.actor(org, "contract_manager")


@pytest.fixture
def story(world, officer_a, schemas):
    """Zorg Twee starts on 2 April and reports on 3 April (in time); Zorg Een starts on Monday 7 April
    and reports on 22 April, after Easter (due 14 April: 5 working days late; Good Friday counts)."""
    with at(dt.date(2025, 3, 28)):
        on_time = allocation_create(actor=officer_a, client=world.clients[0], product=world.begeleiding,
                                    category=world.b1, provider=world.p2, start=APRIL)
        late = allocation_create(actor=officer_a, client=world.clients[3], product=world.dagbesteding,
                                 category=world.d1, provider=world.p1, start=APRIL)
    with at(dt.date(2025, 4, 3)):
        first = message_receive(actor=None, data=start_305(the_301(on_time), identification="S1",
                                dated=dt.date(2025, 4, 3), begindatum=dt.date(2025, 4, 2)))
    with at(dt.date(2025, 4, 22)):
        second = message_receive(actor=None, data=start_305(the_301(late), identification="S2",
                                 dated=dt.date(2025, 4, 22), begindatum=dt.date(2025, 4, 7)))
    assert first.status == second.status == MessageStatus.ACCEPTED
    return on_time, late, first, second


def by_key(items):
    return {(i.deadline, i.subject): i for i in items}


def test_a_305_is_due_five_working_days_after_care_starts(world, story, office):
    on_time, late, _first, second = story
    with at(dt.date(2025, 4, 23)):
        items = by_key(timeliness_items(actor=office, first_month=APRIL, last_month=APRIL))
    good = items[("305", f"toewijzing {on_time.reference}")]
    assert (good.since, good.due, good.done) == (dt.date(2025, 4, 2), dt.date(2025, 4, 9), dt.date(2025, 4, 3))
    assert not good.late_on(dt.date(2025, 4, 23)) and good.provider_id == world.p2.pk
    bad = items[("305", f"toewijzing {late.reference}")]
    assert (bad.since, bad.due, bad.done) == (dt.date(2025, 4, 7), dt.date(2025, 4, 14), dt.date(2025, 4, 22))
    assert bad.late_on(dt.date(2025, 4, 23)) and bad.workdays_late(dt.date(2025, 4, 23)) == 5
    assert bad.provider_id == world.p1.pk and bad.message_id == second.pk


def test_the_regions_retour_messages_are_timed_against_receipt(world, story, office):
    *_, _first, second = story
    with at(dt.date(2025, 4, 23)):
        items = by_key(timeliness_items(actor=office, first_month=APRIL, last_month=APRIL))
    retour = items[("retour", "305 S2")]
    assert (retour.since, retour.due, retour.done) == (dt.date(2025, 4, 22), dt.date(2025, 4, 25),
                                                       dt.date(2025, 4, 22))
    assert not retour.late_on(dt.date(2025, 4, 23)) and retour.message_id == second.pk


def test_an_unanswered_message_is_open_then_late(world, office):
    """A 323 received without an answer: open for 10 working days (Koningsdag 2025 is a Saturday), then late."""
    with at(dt.date(2025, 4, 22)):
        Message.objects.create(region=world.region, direction=Direction.IN, code="323", sender=world.p1.agb_code,
                               receiver=world.a.code, identification="D9", dated=dt.date(2025, 4, 22),
                               status=MessageStatus.ACCEPTED, provider=world.p1, municipality=world.a)
    with at(dt.date(2025, 5, 7)):  # 23-25 Apr, 28 Apr-2 May, 6 and 7 May: 5 May is Bevrijdingsdag
        overview = timeliness_overview(actor=office, first_month=APRIL, last_month=APRIL)
        counts = {d.key: c for d, c in overview.per_deadline}
        assert (counts["325"].total, counts["325"].open, counts["325"].late) == (1, 1, 0)
        assert overview.late == []
    with at(dt.date(2025, 5, 8)):
        overview = timeliness_overview(actor=office, first_month=APRIL, last_month=APRIL)
    (item,) = overview.late
    assert item.deadline == "325" and item.done is None and item.due == dt.date(2025, 5, 7)
    assert item.workdays_late(overview.today) == 1


def test_a_change_request_is_timed_by_its_answer(world, office):
    with at(dt.date(2025, 4, 1)):
        received = Message.objects.create(
            region=world.region, direction=Direction.IN, code="317", sender=world.p2.agb_code, receiver=world.a.code,
            identification="V1", dated=APRIL, status=MessageStatus.ACCEPTED, provider=world.p2, municipality=world.a)
        request = ChangeRequest.objects.create(
            region=world.region, municipality=world.a, provider=world.p2, message=received, bsn="999999990",
            reference="VOW1", received_on=APRIL, due_on=dt.date(2025, 4, 8), reason="1")
    with at(dt.date(2025, 4, 9)):
        request.answered_at = dt.datetime(2025, 4, 9, 12, tzinfo=dt.UTC)
        request.save()
        items = by_key(timeliness_items(actor=office, first_month=APRIL, last_month=APRIL))
    item = items[("319", "verzoek VOW1")]
    assert (item.due, item.done) == (dt.date(2025, 4, 8), dt.date(2025, 4, 9)) and item.late_on(item.done)


def test_each_actor_sees_its_own_part(world, story, office, officer_a, staff_p1):
    with at(dt.date(2025, 4, 23)):
        mine = timeliness_items(actor=staff_p1, first_month=APRIL, last_month=APRIL)
        municipality = timeliness_items(actor=officer_a, first_month=APRIL, last_month=APRIL)
        everyone = timeliness_items(actor=office, first_month=APRIL, last_month=APRIL)
    assert {i.provider_id for i in mine} == {world.p1.pk} and len(mine) == 2  # its 305 and our retour on it
    assert {i.provider_id for i in everyone} == {world.p1.pk, world.p2.pk} and len(everyone) == 4
    assert {i.municipality_id for i in municipality} == {world.a.pk} and len(municipality) == 4
    council = f.actor(f.OrganisationFactory(region=world.region, kind=OrganisationKind.ADVISORY_COUNCIL), "council_member")
    with pytest.raises(Forbidden):
        timeliness_items(actor=council, first_month=APRIL, last_month=APRIL)


def test_per_provider_and_month_and_the_months_window(world, story, office):
    with at(dt.date(2025, 4, 23)):
        overview = timeliness_overview(actor=office, first_month=APRIL, last_month=APRIL)
        march = timeliness_overview(actor=office, first_month=dt.date(2025, 3, 1), last_month=dt.date(2025, 3, 1))
    cells = {(r.provider_name, r.month, r.deadline.key): (r.count.total, r.count.late) for r in overview.rows}
    assert cells == {("Zorg Een", APRIL, "305"): (1, 1), ("Zorg Een", APRIL, "retour"): (1, 0),
                     ("Zorg Twee", APRIL, "305"): (1, 0), ("Zorg Twee", APRIL, "retour"): (1, 0)}
    assert overview.late_total == 1 and march.rows == [] and march.late_total == 0


def test_the_overview_takes_a_fixed_number_of_queries(world, story, office, django_assert_num_queries):
    with at(dt.date(2025, 4, 23)), django_assert_num_queries(6):  # answers, 305, 307, 315, 317, names
        overview = timeliness_overview(actor=office, first_month=APRIL, last_month=APRIL)
    assert sum(c.total for _, c in overview.per_deadline) == 4


def test_the_screen(client, world, story, office, staff_p1):
    client.force_login(office.user)
    with at(dt.date(2025, 4, 23)):
        page = client.get(reverse("timeliness:overview"), {"van": "2025-04", "tot": "2025-04"})
        filtered = client.get(reverse("timeliness:overview"), {"van": "2025-04", "tot": "2025-04",
                                                                "aanbieder": world.p2.pk})
        home = client.get(reverse("home"))
    assert page.status_code == 200
    html = page.content.decode()
    assert "Te laat (1)" in html and "Zorg Een" in html and "22-04-2025" in html
    assert "Te laat (0)" in filtered.content.decode()
    assert reverse("timeliness:overview") in home.content.decode()  # the nav shows the link
    client.force_login(staff_p1.user)
    with at(dt.date(2025, 4, 23)):
        own = client.get(reverse("timeliness:overview"), {"van": "2025-04", "tot": "2025-04"})
    assert own.status_code == 200 and "Zorg Twee" not in own.content.decode()
    assert client.get(reverse("timeliness:overview"), {"van": "2025-13"}).status_code == 404


@pytest.mark.parametrize("kind,role,status", [
    (OrganisationKind.ADVISORY_COUNCIL, "council_member", 403),
    (OrganisationKind.PURCHASING_OFFICE, "finance", 403),
    (OrganisationKind.PURCHASING_OFFICE, "purchaser", 200),
    (OrganisationKind.MUNICIPALITY, "policy_adviser", 200),
])
def test_who_may_open_the_screen(client, world, kind, role, status):
    extra = {"municipality": world.a} if kind == OrganisationKind.MUNICIPALITY else {}
    client.force_login(f.actor(f.OrganisationFactory(region=world.region, kind=kind, **extra), role).user)
    assert client.get(reverse("timeliness:overview")).status_code == status
