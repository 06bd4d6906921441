"""Allocation numbers (toewijzingnummers): digits counting up per region, at most 20 positions (iWmo).

The next number comes from the region's `AllocationCounter` row, locked with SELECT ... FOR UPDATE
inside the caller's transaction: a second allocation in the same region waits for the first to
commit, so both cannot take the same number (the unique constraint would turn that into an
IntegrityError). The same code runs on SQLite, which locks the whole database for a write anyway.
"""

from __future__ import annotations

import re

from .models import Allocation, AllocationCounter

WIDTH = 8
_COUNTABLE = 10**18  # a typed-in number beyond this does not fit the counter and does not move it


def highest_number(region_id: int, allocations=Allocation.objects) -> int:
    """The highest all-digit allocation number of the region; only to start a counter (once)."""
    numbers = allocations.filter(region_id=region_id, reference__regex=r"^[0-9]+$").values_list("reference", flat=True)
    return max((n for n in map(int, numbers) if n < _COUNTABLE), default=0)


def _locked_counter(region) -> AllocationCounter:
    # Insert-if-missing cannot race into an IntegrityError: a conflicting insert is ignored.
    if not AllocationCounter.objects.filter(region=region).exists():
        AllocationCounter.objects.bulk_create([AllocationCounter(region=region, last=highest_number(region.pk))],
                                              ignore_conflicts=True)
    return AllocationCounter.objects.select_for_update().get(region=region)


def reference_next(region) -> str:
    """Take the next free number of the region. Call inside a transaction: the counter stays locked
    until it commits. Numbers already taken outside the counter (typed in, imported) are skipped."""
    counter = _locked_counter(region)
    number = counter.last + 1
    while Allocation.objects.filter(region=region, reference=f"{number:0{WIDTH}d}").exists():
        number += 1
    counter.last = number
    counter.save(update_fields=["last"])
    return f"{number:0{WIDTH}d}"


def reference_taken(region, reference: str) -> None:
    """A number typed in by hand moves the counter past it, so the next one counts on from there."""
    if not re.fullmatch(r"[0-9]+", reference) or int(reference) >= _COUNTABLE:
        return
    counter = _locked_counter(region)
    if int(reference) > counter.last:
        counter.last = int(reference)
        counter.save(update_fields=["last"])
