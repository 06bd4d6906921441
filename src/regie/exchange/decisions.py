"""The municipality's decisions on allocations, announced to the provider: care decides, exchange announces.

`care.services` decides (checks, new version, audit) and knows nothing of iWmo messages; each flow here
calls that service and then queues the 301 (`outbox.outbox_allocation`) in the same transaction, so a
decision is never recorded without its announcement, nor announced without being recorded. Screens,
imports and the demo call these flows; answering a request (`requests.py`) calls the care services
itself and writes its single 301 of all it changed.

Reporting care (305/307: `allocation_start`, `allocation_stop`) is the provider's word, not a decision:
it queues no 301 and stays a care service.
"""

from __future__ import annotations

from django.db import transaction

from regie.care import services
from regie.care.models import Allocation

from .outbox import outbox_allocation


def _announced(allocation: Allocation) -> Allocation:
    outbox_allocation(allocation=allocation)
    return allocation


@transaction.atomic
def allocation_create(*, actor, **decision) -> Allocation:
    """`care.services.allocation_create`, and the 301 that tells the provider."""
    return _announced(services.allocation_create(actor=actor, **decision))


@transaction.atomic
def allocation_change(*, actor, allocation: Allocation, **decision) -> Allocation:
    """`care.services.allocation_change` (another category or end date), and its 301."""
    return _announced(services.allocation_change(actor=actor, allocation=allocation, **decision))


@transaction.atomic
def allocation_end(*, actor, allocation: Allocation, **decision) -> Allocation:
    """`care.services.allocation_end`, and its 301."""
    return _announced(services.allocation_end(actor=actor, allocation=allocation, **decision))


@transaction.atomic
def allocation_withdraw(*, actor, allocation: Allocation, **decision) -> Allocation:
    """`care.services.allocation_withdraw`, and the 301 with the allocation as removed."""
    return _announced(services.allocation_withdraw(actor=actor, allocation=allocation, **decision))
