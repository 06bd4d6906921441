"""Allocation numbers come from a locked counter per region (care.references): consecutive, unique,
and two allocations made at the same moment on PostgreSQL get different numbers."""

import datetime as dt
import threading

import pytest
from django.db import connection

from regie.care.models import Allocation, AllocationCounter
from regie.care.services import allocation_create
from tests import factories as f


def allocate(world, n: int = 0, **extra) -> Allocation:
    """An allocation for client 4 (not allocated dagbesteding yet), one month per `n`, so none duplicates."""
    start = dt.date(2025, 1 + n, 1)
    values = {"client": world.clients[3], "product": world.dagbesteding, "category": world.d1, "provider": world.p1,
              "start": start, "end": start.replace(day=28)}
    return allocation_create(actor=None, **{**values, **extra})


def test_numbers_count_up_by_one_from_the_highest_in_the_region(world):
    f.AllocationFactory(client=world.clients[0], provider=world.p1, category=world.b1, reference="00000041")
    references = [allocate(world, n).reference for n in range(4)]
    assert references == ["00000042", "00000043", "00000044", "00000045"]
    assert AllocationCounter.objects.get(region=world.region).last == 45


def test_each_region_counts_on_its_own(world):
    other = f.AllocationFactory(reference="00000900")
    assert other.region != world.region
    assert allocate(world).reference == "00000001"


def test_a_typed_in_number_moves_the_counter_past_it(world):
    assert allocate(world, 0, reference="00000070").reference == "00000070"
    assert allocate(world, 1).reference == "00000071"
    assert allocate(world, 2, reference="X-9").reference == "X-9"
    assert allocate(world, 3).reference == "00000072"


def test_a_number_taken_outside_the_counter_is_skipped(world):
    allocate(world, 0)
    f.AllocationFactory(client=world.clients[0], provider=world.p1, category=world.b1, reference="00000002")
    assert allocate(world, 1).reference == "00000003"


def test_finding_the_next_number_does_not_read_every_allocation(world, django_assert_num_queries):
    allocate(world, 0)
    for _ in range(30):
        f.AllocationFactory(client=world.clients[0], provider=world.p1, category=world.b1)
    from regie.care.references import reference_next
    with django_assert_num_queries(4):  # exists, lock, free?, save
        reference_next(world.region)


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("counter_exists", [True, False], ids=["counting", "first-of-the-region"])
def test_two_allocations_at_once_get_different_numbers(world, counter_exists):
    if counter_exists:
        allocate(world, 0)  # both threads then queue on the counter row's lock
    barrier, made, errors = threading.Barrier(2), [], []

    def make(n):
        try:
            barrier.wait(timeout=10)
            made.append(allocate(world, n).reference)
        except Exception as error:  # noqa: BLE001 - reported by the assertion below
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=make, args=(n,)) for n in (1, 2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    assert errors == []
    first = 2 if counter_exists else 1
    assert sorted(made) == [f"{first:08d}", f"{first + 1:08d}"]
