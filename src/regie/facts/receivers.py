"""The fact layer listens to what operations announce (regie.core.changes): it notes the change in
the announcing transaction and refreshes the facts once that transaction has committed. A refresh
that fails leaves the change pending for `manage.py refresh-facts --pending`; it never undoes or
fails the change itself."""

from __future__ import annotations

import logging

from django.db import transaction
from django.dispatch import receiver

from regie.core import changes

from .models import Pending

log = logging.getLogger(__name__)


@receiver(changes.allocations_changed)
def _allocations_changed(sender, *, allocation_ids, since, **kwargs) -> None:
    Pending.objects.bulk_create(Pending(kind=Pending.Kind.ALLOCATION, object_id=pk, since=since)
                                for pk in allocation_ids)
    transaction.on_commit(_refresh)


@receiver(changes.plans_changed)
def _plans_changed(sender, *, client_ids, **kwargs) -> None:
    Pending.objects.bulk_create(Pending(kind=Pending.Kind.PLANS, object_id=pk) for pk in client_ids)
    transaction.on_commit(_refresh)


def _refresh() -> None:
    from .services import pending_refresh

    try:
        pending_refresh()
    except Exception:  # the change has committed; its facts wait for the next refresh
        log.exception("facts refresh failed; the changes stay pending")
