"""Set-wise work in batches that no database limit breaks.

SQLite refuses a statement with more bound variables than it was built for (32,766, or 999 in
old builds), so `reference__in=<250,000 references>` fails with "too many SQL variables";
PostgreSQL has a 65,535-parameter limit on server-side binding. `chunks` cuts a collection into
batches of `BATCH_SIZE`; `in_batches` runs one query per batch and yields the rows of all.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from itertools import islice

BATCH_SIZE = 2_000  # values in one `__in` look-up, rows in one bulk statement


def chunks(values: Iterable, size: int | None = None) -> Iterator[list]:
    size = size or BATCH_SIZE
    iterator = iter(values)
    while batch := list(islice(iterator, size)):
        yield batch


def in_batches(queryset, field: str, values: Iterable, size: int | None = None) -> Iterator:
    """The rows of `queryset.filter(<field>__in=values)`, one query per batch of values (no
    ordering across batches)."""
    for batch in chunks(sorted(set(values), key=str), size):
        yield from queryset.filter(**{f"{field}__in": batch})


def batch_size() -> int:
    return BATCH_SIZE
