"""On PostgreSQL, two decisions on one client at the same moment cannot both miss each other: the
allocations of a client are checked for duplicates one decision at a time (care.services._lock_client).
Here one officer lengthens an allocation into March while another makes a new one for March."""

import datetime as dt
import threading

import pytest
from django.db import connection

from regie.care import services
from regie.care.models import Allocation
from regie.core.errors import DomainError
from tests import factories as f

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


def test_a_lengthening_and_a_new_allocation_at_once_cannot_both_overlap(world, monkeypatch):
    client = world.clients[3]
    january = f.AllocationFactory(client=client, municipality=world.a, provider=world.p1, category=world.d1,
                                  reference="J1", start=dt.date(2025, 1, 1), end=dt.date(2025, 2, 28))
    barrier, outcomes = threading.Barrier(2), []
    looked = services.allocation_duplicates

    def look_together(**kwargs):
        try:  # both decisions look for duplicates at once, unless the lock keeps the second waiting
            barrier.wait(timeout=3)
        except threading.BrokenBarrierError:
            pass
        return looked(**kwargs)

    monkeypatch.setattr(services, "allocation_duplicates", look_together)

    def decide(make):
        try:
            make()
            outcomes.append("made")
        except DomainError as error:
            outcomes.append(error.code)
        finally:
            connection.close()

    lengthen = lambda: services.allocation_change(actor=None, allocation=january, end=dt.date(2025, 3, 31))  # noqa: E731
    create = lambda: services.allocation_create(  # noqa: E731
        actor=None, client=client, product=world.dagbesteding, category=world.d1, provider=world.p1,
        start=dt.date(2025, 3, 1), end=dt.date(2025, 3, 31), reference="M1")
    threads = [threading.Thread(target=decide, args=(make,)) for make in (lengthen, create)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    assert sorted(outcomes) == ["allocation_duplicate", "made"]
    march = Allocation.objects.filter(client=client, product=world.dagbesteding, start__lte=dt.date(2025, 3, 31),
                                      end__gte=dt.date(2025, 3, 1))
    assert march.count() == 1
