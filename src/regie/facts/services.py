"""Keeping the facts in step with operations: a full, idempotent rebuild per region
(`manage.py refresh-facts`), and an incremental refresh of the allocations and clients a change
touched, run right after the change commits (`facts.receivers`) or, for what is left pending,
by `manage.py refresh-facts --pending`."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone

from regie.care.models import Allocation, Client
from regie.core.batches import chunks
from regie.core.months import add_months, add_years, month_end, month_start, months_between
from regie.regions.models import Region

from . import build
from .deadlines import deadline_facts_build
from .models import CalendarMonth, ClientKey, Pending
from .pseudonyms import keys_ensure


@dataclass
class Built:
    care_months: int = 0
    events: int = 0
    goals: int = 0
    deadlines: int = 0

    def __iadd__(self, other: Built) -> Built:
        self.care_months += other.care_months
        self.events += other.events
        self.goals += other.goals
        self.deadlines += other.deadlines
        return self


def calendar_ensure(*, first: dt.date, last: dt.date) -> None:
    """Every month from the month of `first` to that of `last` is in the calendar."""
    wanted = months_between(first, last)
    known = set(CalendarMonth.objects.filter(month__gte=wanted[0], month__lte=wanted[-1])
                .values_list("month", flat=True)) if wanted else set()
    CalendarMonth.objects.bulk_create(
        CalendarMonth(month=m, last_day=month_end(m), previous=add_months(m, -1), following=add_months(m, 1),
                      year_before=add_months(m, -12), born_18=add_years(m, -18), born_65=add_years(m, -65),
                      born_75=add_years(m, -75))
        for m in wanted if m not in known
    )


def _calendar_for(regions: Iterable[Region], today: dt.date) -> None:
    regions = list(regions)
    if regions:
        calendar_ensure(first=min(r.care_from for r in regions),
                        last=add_years(today, max(r.future_years for r in regions)))


def facts_rebuild(*, region: Region, today: dt.date | None = None) -> Built:
    """Every fact of the region, built anew: the same operations give the same rows."""
    today = today or timezone.localdate()
    with transaction.atomic():
        _calendar_for([region], today)
        keys_ensure(Client.objects.filter(region=region).values_list("pk", flat=True), purpose=build.PURPOSE)
        scope = build.Scope(region_id=region.pk)
        built = Built(care_months=build.care_months_build(scope, today=today),
                      events=build.care_events_build(scope, today=today), goals=build.goal_facts_build(scope),
                      deadlines=deadline_facts_build(region, today=today))
        build.statistics_refresh()
        build.client_flags_build(scope, today=today)
        Pending.objects.filter(kind=Pending.Kind.ALLOCATION,
                               object_id__in=Allocation.objects.filter(region=region).values("pk")).delete()
        Pending.objects.filter(kind=Pending.Kind.PLANS,
                               object_id__in=Client.objects.filter(region=region).values("pk")).delete()
    return built


def facts_refresh(*, allocation_ids: Iterable[int] = (), client_ids: Iterable[int] = (),
                  since: dt.date | None = None, today: dt.date | None = None) -> Built:
    """Rebuild the facts of these allocations (their months from `since` on) and these clients' goals."""
    today = today or timezone.localdate()
    allocation_ids, client_ids = sorted(set(allocation_ids)), sorted(set(client_ids))
    built = Built()
    with transaction.atomic():
        if allocation_ids or client_ids:
            _calendar_for(Region.objects.all(), today)  # a handful of regions; one query when nothing is missing
        for batch in chunks(allocation_ids):
            clients = Allocation.objects.filter(pk__in=batch).values_list("client_id", flat=True)
            keys_ensure(clients, purpose=build.PURPOSE)
            scope = build.Scope(ids=batch, since=month_start(since) if since else None)
            built += Built(care_months=build.care_months_build(scope, today=today),
                           events=build.care_events_build(scope, today=today))
            # entering and leaving care is the client's, over all its allocations: its other rows change too
            keys = list(ClientKey.objects.filter(purpose=build.PURPOSE, client_id__in=clients)
                        .values_list("key", flat=True))
            for key_batch in chunks(keys):
                build.client_flags_build(build.Scope(ids=key_batch), today=today)
        for batch in chunks(client_ids):
            keys_ensure(batch, purpose=build.PURPOSE)
            built.goals += build.goal_facts_build(build.Scope(ids=batch))
    return built


def pending_refresh(*, today: dt.date | None = None) -> Built:
    """Refresh what changes left pending, and clear it: each allocation from the earliest month any
    of its changes named (or wholly), each client's goals; and every region's deadline clocks
    (facts.deadlines: a message changes them without a change of an allocation)."""
    today = today or timezone.localdate()
    built = Built()
    with transaction.atomic():
        for region in Region.objects.all():
            built.deadlines += deadline_facts_build(region, today=today)
        pending = list(Pending.objects.select_for_update().order_by("pk"))
        if not pending:
            return built
        earliest: dict[int, dt.date | None] = {}
        for row in pending:
            if row.kind == Pending.Kind.ALLOCATION:
                known = earliest.get(row.object_id, row.since)
                earliest[row.object_id] = None if known is None or row.since is None else min(known, row.since)
        by_since: dict[dt.date | None, list[int]] = {}
        for pk, since in earliest.items():
            by_since.setdefault(since, []).append(pk)
        for since, ids in by_since.items():
            built += facts_refresh(allocation_ids=ids, since=since, today=today)
        built += facts_refresh(client_ids=[row.object_id for row in pending if row.kind == Pending.Kind.PLANS],
                               today=today)
        Pending.objects.filter(pk__in=[row.pk for row in pending]).delete()
    return built
