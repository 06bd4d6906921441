"""Timeliness: the deadlines of the iWmo standard, on both sides, per provider and per month.

| deadline | side | clock starts | done when | working days |
|---|---|---|---|---|
| `retour`  | region   | a 305/307/315/317 is received | its retour message (306/308/316/318) is made | 3 |
| `325`     | region   | a 323 is received              | its declaration answer (325) is made          | 10 |
| `319`     | region   | a 317 is received              | the change request is answered (319/301)      | 5 |
| `315`     | region   | a 315 is received              | the allocation request is answered (301/316)  | 5 |
| `305`     | provider | care starts (`started_on`)     | the 305 that reported it is received          | 5 |
| `307`     | provider | care stops (`stopped_on`)      | the 307 that reported it is received          | 5 |
| `302`     | provider | our 301/319 is sent (`sent_at`) | the provider's retour (302/320) is received  | 3 |

Working days follow `regie.core.workdays` (the Algemene termijnenwet). A deadline "within n
working days of X" ends at the end of `add_workdays(X, n)`; done later is late; not done and
today past the deadline is late too ("open, te laat"); not done and still in time is "open".
An item's month is the month of the day its clock started.

Each deadline is one query over the scoped message store (or the request tables) that returns
plain tuples — dates, keys, no model instances — grouped by the database where it can
(the first answer and the first 305/307 per allocation are `Min` aggregates); the working-day
arithmetic then runs over those tuples. Nothing here reads personal data: an item names a
message identification or an allocation reference, never a BSN or a name.

The provider's retour clock starts when our 301 or 319 went out: fetched in the portal or written
for the GGK (`sent_at`); a message still queued or held has not reached the provider and is not
counted. Not measured: a 305/307 that was rejected (it is not linked to an allocation; the
provider sends it again and the accepted one counts).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.db.models import Min, Q
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from regie.core.months import month_end, month_start
from regie.core.workdays import add_workdays, workdays_between
from regie.regions.models import Organisation
from regie.regions.scoping import scoped

from .models import AllocationRequest, ChangeRequest, Direction, MessageStatus
from .selectors import messages_for

REGION, PROVIDER = gettext_lazy("region"), gettext_lazy("provider")


@dataclass(frozen=True)
class Deadline:
    key: str
    label: str
    side: str
    workdays: int
    explanation: str


DEADLINES = {d.key: d for d in [
    Deadline("retour", gettext_lazy("Return message"), REGION, 3,
             gettext_lazy("The region sends the return message within 3 working days of receiving a 305, 307, 315 or 317.")),
    Deadline("325", gettext_lazy("Declaration answer (325)"), REGION, 10,
             gettext_lazy("The region answers a declaration (323) within 10 working days with a 325.")),
    Deadline("319", gettext_lazy("Answer to a request for change"), REGION, 5,
             gettext_lazy("The municipality answers a request for change (317) within 5 working days (319, and a 301 "
                          "when granted).")),
    Deadline("315", gettext_lazy("Answer to a request for allocation"), REGION, 5,
             gettext_lazy("The municipality answers a request for allocation (315) within 5 working days (301 or refusal).")),
    Deadline("305", gettext_lazy("Start message (305)"), PROVIDER, 5,
             gettext_lazy("The provider reports the start of care within 5 working days after the first day of care.")),
    Deadline("307", gettext_lazy("Stop message (307)"), PROVIDER, 5,
             gettext_lazy("The provider reports the end of care within 5 working days after the last day of care.")),
    Deadline("302", gettext_lazy("Return message from the provider"), PROVIDER, 3,
             gettext_lazy("The provider sends the return message (302 or 320) within 3 working days of receiving an "
                          "allocation (301) or answer message (319).")),
]}
RETOUR_FOR = ("305", "307", "315", "317")
RETOURED_BY_PROVIDER = ("301", "319")


@dataclass(frozen=True)
class Item:
    """One clock: what started it (`since`), when it had to be done (`due`), when it was (`done`)."""

    deadline: str
    provider_id: int | None
    municipality_id: int | None
    subject: str
    since: dt.date
    due: dt.date
    done: dt.date | None
    message_id: int | None = None

    @property
    def month(self) -> dt.date:
        return month_start(self.since)

    def late_on(self, today: dt.date) -> bool:
        return self.done > self.due if self.done is not None else today > self.due

    def workdays_late(self, today: dt.date) -> int:
        return max(0, workdays_between(self.due, self.done or today))


@dataclass
class Count:
    total: int = 0
    on_time: int = 0
    late: int = 0
    open: int = 0  # not done yet, still within the deadline

    def add(self, item: Item, today: dt.date) -> None:
        self.total += 1
        if item.late_on(today):
            self.late += 1
        elif item.done is None:
            self.open += 1
        else:
            self.on_time += 1

    @property
    def percent_on_time(self) -> int | None:
        decided = self.on_time + self.late
        return round(100 * self.on_time / decided) if decided else None


@dataclass
class Row:
    provider_id: int | None
    provider_name: str
    month: dt.date
    deadline: Deadline
    count: Count = field(default_factory=Count)


@dataclass
class Overview:
    first_month: dt.date
    last_month: dt.date
    today: dt.date
    per_deadline: list[tuple[Deadline, Count]]
    rows: list[Row]
    late: list[Item]
    late_total: int
    provider_names: dict[int, str]


def _local_date(moment: dt.datetime | None) -> dt.date | None:
    return timezone.localdate(moment) if moment is not None else None


def _due(since: dt.date, key: str) -> dt.date:
    return add_workdays(since, DEADLINES[key].workdays)


def _answers(*, actor, first: dt.date, last: dt.date) -> list[Item]:
    """Every received message with its first answer, and every 301/319 we sent with the provider's first
    retour (302/320) on it: one query, `Min` over the replies (an outgoing message's replies are retours)."""
    received = Q(direction=Direction.IN, code__in=(*RETOUR_FOR, "323"), created_at__date__gte=first,
                 created_at__date__lte=last)
    sent = Q(direction=Direction.OUT, code__in=RETOURED_BY_PROVIDER, status=MessageStatus.SENT,
             sent_at__date__gte=first, sent_at__date__lte=last)
    rows = (messages_for(actor=actor).filter(received | sent)
            .values("pk", "direction", "code", "identification", "provider_id", "municipality_id", "created_at",
                    "sent_at")
            .annotate(answered=Min("replies__created_at")).order_by())
    items = []
    for r in rows:
        if r["direction"] == Direction.OUT:
            key, since = "302", _local_date(r["sent_at"])
        else:
            key, since = ("325" if r["code"] == "323" else "retour"), _local_date(r["created_at"])
        items.append(Item(key, r["provider_id"], r["municipality_id"], f"{r['code']} {r['identification']}",
                          since, _due(since, key), _local_date(r["answered"]), r["pk"]))
    return items


def _reports(*, actor, first: dt.date, last: dt.date) -> list[Item]:
    """Provider side: per allocation the first accepted 305 (or 307) linked to it, against the care date."""
    items = []
    for code, day in (("305", "allocations__started_on"), ("307", "allocations__stopped_on")):
        rows = (messages_for(actor=actor)
                .filter(direction=Direction.IN, code=code, allocations__isnull=False,
                        **{f"{day}__gte": first, f"{day}__lte": last})
                .values("allocations__pk", "allocations__reference", day, "provider_id", "municipality_id")
                .annotate(received=Min("created_at"), message_id=Min("pk")).order_by())
        for r in rows:
            since = r[day]
            items.append(Item(code, r["provider_id"], r["municipality_id"], _("allocation %(reference)s") % {"reference": r["allocations__reference"]},
                              since, _due(since, code), _local_date(r["received"]), r["message_id"]))
    return items


def _requests(*, actor, first: dt.date, last: dt.date) -> list[Item]:
    """Region side: requests (315, 317) against the moment they were answered."""
    items = []
    for key, model, what in (("315", AllocationRequest, "allocation-requests"),
                             ("319", ChangeRequest, "change-requests")):
        rows = (scoped(model.objects.all(), actor=actor, what=what, label=_("requests"))
                .filter(received_on__gte=first, received_on__lte=last)
                .values("message_id", "provider_id", "municipality_id", "reference", "received_on")
                .annotate(answered=Min("answered_at")).order_by())
        for r in rows:
            since = r["received_on"]
            items.append(Item(key, r["provider_id"], r["municipality_id"], _("request %(reference)s") % {"reference": r["reference"]}, since,
                              _due(since, key), _local_date(r["answered"]), r["message_id"]))
    return items


def timeliness_items(*, actor, first_month: dt.date, last_month: dt.date) -> list[Item]:
    """Every clock whose start lies in the months `first_month`..`last_month`, scoped to the actor."""
    first, last = month_start(first_month), month_end(last_month)
    return [*_answers(actor=actor, first=first, last=last), *_reports(actor=actor, first=first, last=last),
            *_requests(actor=actor, first=first, last=last)]


def timeliness_overview(*, actor, first_month: dt.date, last_month: dt.date, provider_id: int | None = None,
                        late_limit: int = 200) -> Overview:
    """The screen: counts per deadline, per provider × month × deadline, and the late items (worst first)."""
    today = timezone.localdate()
    items = timeliness_items(actor=actor, first_month=first_month, last_month=last_month)
    if provider_id is not None:
        items = [i for i in items if i.provider_id == provider_id]
    names = dict(Organisation.objects.filter(pk__in={i.provider_id for i in items if i.provider_id})
                 .values_list("pk", "name"))
    per_deadline = {key: Count() for key in DEADLINES}
    cells: dict[tuple, Row] = {}
    for item in items:
        per_deadline[item.deadline].add(item, today)
        key = (item.provider_id, item.month, item.deadline)
        if key not in cells:
            cells[key] = Row(item.provider_id, names.get(item.provider_id, "—"), item.month, DEADLINES[item.deadline])
        cells[key].count.add(item, today)
    order = list(DEADLINES)
    rows = sorted(cells.values(), key=lambda r: (r.provider_name, r.month, order.index(r.deadline.key)))
    late = sorted((i for i in items if i.late_on(today)), key=lambda i: (-i.workdays_late(today), i.since))
    return Overview(first_month=month_start(first_month), last_month=month_start(last_month), today=today,
                    per_deadline=[(DEADLINES[k], c) for k, c in per_deadline.items()], rows=rows,
                    late=late[:late_limit], late_total=len(late), provider_names=names)
