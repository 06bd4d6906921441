"""The deadline facts: every clock of the iWmo deadlines, read once through `exchange.timeliness`
(the one place that knows the standard's deadlines) and kept so that monitoring can count the
messages on time without reading the message store.

The clocks of a region are rebuilt whole: it is one pass over the region's messages and requests
(the demo's 2,782 clocks in about a tenth of a second), done by `refresh-facts` and by
`refresh-facts --pending` every minute, whether or not an allocation changed: a message can
arrive, or be answered, without any."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from regie.core.months import add_years
from regie.exchange.timeliness import DEADLINES, PROVIDER, timeliness_items
from regie.regions.models import Region
from regie.regions.scoping import OFFICE_ROLES

from .models import DeadlineFact


@dataclass(frozen=True)
class _RegionWide:
    """Reads the region's clocks as the purchasing office does; only the fact layer uses it."""

    region_id: int
    roles: frozenset = frozenset(OFFICE_ROLES)
    is_purchasing_office = True
    is_municipality = False
    is_provider = False
    is_council = False

    def has_role(self, *roles) -> bool:
        return bool(self.roles & set(roles))


def deadline_facts_build(region: Region, *, today: dt.date) -> int:
    items = timeliness_items(actor=_RegionWide(region.pk), first_month=region.care_from,
                             last_month=add_years(today, region.future_years))
    DeadlineFact.objects.filter(region=region).delete()
    made = DeadlineFact.objects.bulk_create(
        DeadlineFact(region=region, provider_id=item.provider_id, municipality_id=item.municipality_id,
                     deadline=item.deadline, side="provider" if DEADLINES[item.deadline].side is PROVIDER else "region",
                     since=item.since, due=item.due, done=item.done)
        for item in sorted(items, key=lambda i: (i.since, i.deadline, i.subject)))
    return len(made)
