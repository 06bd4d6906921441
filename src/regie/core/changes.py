"""What changed in operations, announced for the layers derived from them (the fact layer).

Operations announce and do not know who listens: care, billing and exchange never import the
fact layer or monitoring (the import contracts in pyproject.toml). A listener runs inside the
announcing transaction, so whatever it records commits or rolls back with the change itself.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from django.dispatch import Signal

# allocation_ids: frozenset[int]; since: the first month the change can alter (None: all of them)
allocations_changed = Signal()
# client_ids: frozenset[int]: their support plans or goals changed
plans_changed = Signal()


def allocations_touched(allocation_ids: Iterable[int | None], *, since: dt.date | None = None) -> None:
    ids = frozenset(pk for pk in allocation_ids if pk is not None)
    if ids:
        allocations_changed.send(sender=None, allocation_ids=ids, since=since)


def plans_touched(client_ids: Iterable[int]) -> None:
    ids = frozenset(client_ids)
    if ids:
        plans_changed.send(sender=None, client_ids=ids)
