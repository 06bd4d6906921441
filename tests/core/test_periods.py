"""Whether a period runs on a day or shares a day with another: inclusive ends, an open end, one day."""

import datetime as dt
import itertools

import pytest

from regie.care.models import Allocation, AllocationStatus
from regie.core.periods import VALIDITY, overlapping_q, overlaps, valid_on, valid_on_q
from regie.regions.models import Municipality
from tests.factories import AllocationFactory, MunicipalityFactory

JAN = [dt.date(2025, 1, day) for day in (9, 10, 15, 20, 21)]
PERIODS = [(dt.date(2025, 1, 10), dt.date(2025, 1, 20)), (dt.date(2025, 1, 10), None),
           (dt.date(2025, 1, 15), dt.date(2025, 1, 15))]


@pytest.mark.parametrize(("day", "expected"), [
    (dt.date(2025, 1, 9), False), (dt.date(2025, 1, 10), True), (dt.date(2025, 1, 20), True),
    (dt.date(2025, 1, 21), False)])
def test_a_period_runs_from_its_first_to_its_last_day_inclusive(day, expected):
    assert valid_on(dt.date(2025, 1, 10), dt.date(2025, 1, 20), day) is expected


def test_an_open_end_runs_on_forever_and_a_one_day_period_runs_that_day():
    assert valid_on(dt.date(2025, 1, 10), None, dt.date(2199, 12, 31))
    assert not valid_on(dt.date(2025, 1, 10), None, dt.date(2025, 1, 9))
    assert valid_on(dt.date(2025, 1, 15), dt.date(2025, 1, 15), dt.date(2025, 1, 15))


def test_a_period_ending_before_it_starts_runs_on_no_day_and_overlaps_nothing():
    start, end = dt.date(2025, 1, 20), dt.date(2025, 1, 10)
    assert not any(valid_on(start, end, day) for day in JAN)
    assert not overlaps(start, end, dt.date(2025, 1, 1), dt.date(2025, 1, 31))


@pytest.mark.parametrize(("first", "last", "expected"), [
    (dt.date(2025, 1, 1), dt.date(2025, 1, 9), False),   # ends the day before
    (dt.date(2025, 1, 1), dt.date(2025, 1, 10), True),   # touches the first day
    (dt.date(2025, 1, 20), dt.date(2025, 1, 31), True),  # touches the last day
    (dt.date(2025, 1, 21), dt.date(2025, 1, 31), False),  # starts the day after
    (dt.date(2025, 1, 12), dt.date(2025, 1, 13), True),  # inside
    (dt.date(2025, 1, 21), None, False),                 # from the day after on
    (dt.date(2024, 1, 1), None, True),                   # from long before on
])
def test_overlap_counts_shared_days_at_both_ends(first, last, expected):
    assert overlaps(dt.date(2025, 1, 10), dt.date(2025, 1, 20), first, last) is expected


def test_an_open_period_overlaps_everything_from_its_start():
    assert overlaps(dt.date(2025, 1, 10), None, dt.date(2030, 1, 1), dt.date(2030, 1, 31))
    assert not overlaps(dt.date(2025, 1, 10), None, dt.date(2024, 1, 1), dt.date(2025, 1, 9))


@pytest.mark.django_db
def test_the_query_agrees_with_the_predicate_on_every_day_and_window():
    rows = {MunicipalityFactory(valid_from=start, valid_to=end).pk: (start, end) for start, end in PERIODS}
    for day in JAN:
        found = set(Municipality.objects.filter(valid_on_q(day, **VALIDITY)).values_list("pk", flat=True))
        assert found == {pk for pk, (start, end) in rows.items() if valid_on(start, end, day)}, day
    for first, last in itertools.combinations_with_replacement([*JAN, None], 2):
        if first is None:
            continue
        found = set(Municipality.objects.filter(overlapping_q(first, last, **VALIDITY)).values_list("pk", flat=True))
        assert found == {pk for pk, (start, end) in rows.items() if overlaps(start, end, first, last)}, (first, last)


@pytest.mark.django_db
def test_with_several_ends_the_earliest_ends_the_period():
    stopped = AllocationFactory(start=dt.date(2025, 1, 1), end=dt.date(2025, 12, 31),
                                stopped_on=dt.date(2025, 3, 31), status=AllocationStatus.STOPPED)
    running = AllocationFactory(start=dt.date(2025, 1, 1), end=dt.date(2025, 12, 31))
    ends = ("end", "stopped_on")
    assert set(Allocation.objects.filter(valid_on_q(dt.date(2025, 3, 31), end=ends))) == {stopped, running}
    assert set(Allocation.objects.filter(valid_on_q(dt.date(2025, 4, 1), end=ends))) == {running}
    assert set(Allocation.objects.filter(overlapping_q(dt.date(2025, 4, 1), None, end=ends))) == {running}
