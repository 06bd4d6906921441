"""Entering, leaving and returning to care are the client's, over all its allocations in the region;
computed by hand on the worked-example region with today 15 June 2025."""

import datetime as dt

from regie.facts.models import CareMonth
from regie.facts.services import facts_rebuild, facts_refresh
from tests import factories as f

TODAY = dt.date(2025, 6, 15)


def flags(client):
    rows = CareMonth.objects.filter(allocation__client=client, in_care=True).order_by("month", "allocation_id")
    return [(row.month, row.entered, row.exited, row.returned) for row in rows]


def month(m, year=2025):
    return dt.date(year, m, 1)


def test_a_client_enters_in_its_first_month_and_leaves_in_its_last(world):
    facts_rebuild(region=world.region, today=TODAY)
    client1, client4 = world.clients[0], world.clients[3]
    assert flags(client1)[0] == (month(1), True, False, False)
    assert [row[2] for row in flags(client1)] == [False] * 6  # June has not ended: nobody leaves in it yet
    assert flags(client4) == [(month(1), True, False, False), (month(2), False, True, False)]


def test_a_client_who_comes_back_within_twelve_months_returns(world):
    client4 = world.clients[3]
    again = f.AllocationFactory(client=client4, municipality=world.a, provider=world.p2, category=world.b1,
                                reference="A5", start=month(5))
    facts_rebuild(region=world.region, today=TODAY)
    assert flags(client4)[-2:] == [(month(5), True, False, True), (month(6), False, False, False)]
    assert again.pk


def test_a_client_who_comes_back_after_more_than_twelve_months_is_new_again(world):
    client = f.ClientFactory(region=world.region)
    f.ResidenceFactory(client=client, municipality=world.a, valid_from=dt.date(2000, 1, 1))
    f.AllocationFactory(client=client, municipality=world.a, provider=world.p1, category=world.b1, reference="X1",
                        start=month(1, 2024), status="stopped", stopped_on=month(4, 2024))
    f.AllocationFactory(client=client, municipality=world.a, provider=world.p1, category=world.b1, reference="X2",
                        start=month(5, 2025))
    facts_rebuild(region=world.region, today=TODAY)
    # left after April 2024; May 2025 is thirteen months later
    assert (month(5), True, False, False) in flags(client)
    assert (month(4, 2024), False, True, False) in flags(client)


def test_moving_to_another_allocation_is_neither_leaving_nor_entering(world):
    client1 = world.clients[0]
    a1 = world.allocations[0]
    a1.end = dt.date(2025, 2, 28)
    a1.save()
    facts_rebuild(region=world.region, today=TODAY)
    assert (month(2), False, True, False) in flags(client1)
    follow = f.AllocationFactory(client=client1, municipality=world.a, provider=world.p2, category=world.b1,
                                 reference="A6", start=month(3))
    facts_refresh(allocation_ids=[follow.pk], today=TODAY)  # only the new allocation changed
    assert (month(2), False, False, False) in flags(client1)
    assert (month(3), False, False, False) in flags(client1)
    incremental = flags(client1)
    facts_rebuild(region=world.region, today=TODAY)
    assert flags(client1) == incremental
