"""An indicator's values: per period (month, quarter, year) and per member of a dimension, measured
from the fact layer in the database and scoped by the actor, each with the number of clients (or
goals) it rests on, which disclosure control needs (monitoring.disclosure).

`indicator_values(actor=…, code=…, by=…, period=…, first=…, last=…)` is what every dashboard,
export and API answer calls; the measures below are named in the registry (monitoring.indicators).
"""

from __future__ import annotations

import datetime as dt
import math
import statistics
from collections import defaultdict
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from django.db.models import Avg, Count, F, OuterRef, Q, QuerySet, Subquery, Sum
from django.db.models.functions import TruncMonth, TruncQuarter, TruncYear
from django.utils import timezone
from django.utils.translation import gettext as _

from regie.core.errors import DomainError
from regie.core.months import add_months, month_end, month_start
from regie.core.periods import overlaps
from regie.facts.models import CareEvent, CareMonth, DeadlineFact, EventKind, GoalFact
from regie.regions.models import Municipality
from regie.regions.scoping import scoped

from .indicators import Dimension, Period, indicator_get
from .models import GeneralProvisionUsers, SurveyResult

_KEYS = {Dimension.REGION: "region_id", Dimension.MUNICIPALITY: "municipality_id", Dimension.PROVIDER: "provider_id",
         Dimension.PRODUCT: "product_id", Dimension.CATEGORY: "category_id", Dimension.LIFE_DOMAIN: "life_domain"}
_TRUNC = {Period.MONTH: TruncMonth, Period.QUARTER: TruncQuarter, Period.YEAR: TruncYear}
TENTH, CENT = Decimal("0.1"), Decimal("0.01")


@dataclass(frozen=True)
class Value:
    period: dt.date  # the period's first day
    key: int | str   # the member of the dimension: its id (a life domain: its code)
    value: Decimal | None
    base: int        # the clients (for goals: the goals) the value rests on


@dataclass(frozen=True)
class Query:
    key: str
    period: Period
    first: dt.date
    last: dt.date
    filters: dict
    today: dt.date

    def only(self, *names: str) -> dict:
        """The filters on these dimensions: a fact without a product (a goal, a clock) is not cut by one."""
        return {k: v for k, v in self.filters.items() if k.startswith(tuple(f"{name}_id" for name in names))}


def period_start(day: dt.date, period: Period) -> dt.date:
    if period == Period.YEAR:
        return day.replace(month=1, day=1)
    if period == Period.QUARTER:
        return day.replace(month=(day.month - 1) // 3 * 3 + 1, day=1)
    return day.replace(day=1)


def indicator_values(*, actor, code: str, by: str = Dimension.REGION, period: str = Period.MONTH,
                     first: dt.date, last: dt.date, today: dt.date | None = None, **filters: int) -> list[Value]:
    """`filters`: municipality, provider, product or category ids, as the URL gives them (parsed);
    `today` (by default today) is where care that is still running is counted up to."""
    indicator = indicator_get(code)
    if by not in indicator.dimensions:
        raise DomainError("dimension-not-available", _("%(indicator)s cannot be shown per %(dimension)s.") % {
            "indicator": indicator.name, "dimension": Dimension(by).label if by in Dimension.values else by},
            field="by")
    if period not in Period.values:
        raise DomainError("period-unknown", _("'%(period)s' is not a period: use month, quarter or year.") % {
            "period": period}, field="period")
    if period not in indicator.periods:
        raise DomainError("period-not-available", _("%(indicator)s is not measured per %(period)s.") % {
            "indicator": indicator.name, "period": Period(period).label}, field="period")
    query = Query(key=_KEYS[Dimension(by)], period=Period(period), first=month_start(first), last=month_end(last),
                  filters={_lookup(name, value): value for name, value in filters.items() if value is not None},
                  today=today or timezone.localdate())
    name, _sep, argument = indicator.measure.partition(":")
    values = _MEASURES[name](actor, query, argument) if argument else _MEASURES[name](actor, query)
    return sorted(values, key=lambda v: (v.period, str(v.key)))


def _lookup(name: str, value) -> str:
    # a list of ids (the products a provider is compared over) filters with IN
    return f"{name}_id__in" if isinstance(value, (list, tuple, set, frozenset)) else f"{name}_id"


def _facts(model, actor) -> QuerySet:
    """The actor's share of a fact table: the office and the council the region, a municipality its
    residents, a provider its own and its members' allocations."""
    return scoped(model.objects.all(), actor=actor, what="figures", label=_("management information"),
                  office_roles=None, council=True)


def _care_months(actor, query: Query) -> QuerySet[CareMonth]:
    return _facts(CareMonth, actor).filter(month__gte=query.first, month__lte=query.last, **query.filters)


def _grouped(rows: QuerySet, query: Query, day: str) -> QuerySet:
    return rows.annotate(p=_TRUNC[query.period](day)).values("p", query.key).order_by()


def _clients_in_care(actor, query: Query) -> list[Value]:
    rows = _grouped(_care_months(actor, query).filter(in_care=True), query, "month").annotate(
        clients=Count("client_key", distinct=True))
    return [Value(_day(r["p"]), r[query.key], Decimal(r["clients"]), r["clients"]) for r in rows]


def _clients_flagged(flag: str):
    def measure(actor, query: Query) -> list[Value]:
        rows = _grouped(_care_months(actor, query).filter(**{flag: True}), query, "month").annotate(
            clients=Count("client_key", distinct=True))
        return [Value(_day(r["p"]), r[query.key], Decimal(r["clients"]), r["clients"]) for r in rows]
    return measure


def _returned_within_12_months(actor, query: Query) -> list[Value]:
    rows = _grouped(_care_months(actor, query).filter(entered=True), query, "month").annotate(
        entered=Count("client_key", distinct=True),
        returned=Count("client_key", distinct=True, filter=Q(returned=True)))
    return [Value(_day(r["p"]), r[query.key], _round(Decimal(100 * r["returned"]) / r["entered"], TENTH), r["entered"])
            for r in rows]


def _cost(actor, query: Query) -> list[Value]:
    rows = _grouped(_care_months(actor, query), query, "month").annotate(
        amount=Sum("approved_amount"), clients=Count("client_key", distinct=True, filter=Q(in_care=True)))
    return [Value(_day(r["p"]), r[query.key], _round(r["amount"] or 0, CENT), r["clients"]) for r in rows]


def _cost_per_client_month(actor, query: Query) -> list[Value]:
    facts = _care_months(actor, query)
    months = facts.values("month", query.key).order_by().annotate(
        amount=Sum("approved_amount"), clients=Count("client_key", distinct=True, filter=Q(in_care=True)))
    amount, client_months = defaultdict(Decimal), defaultdict(int)
    for row in months:
        cell = (period_start(row["month"], query.period), row[query.key])
        amount[cell] += Decimal(row["amount"] or 0)
        client_months[cell] += row["clients"]
    bases = {(v.period, v.key): v.base for v in _clients_in_care(actor, query)}
    return [Value(period, key, _round(amount[(period, key)] / count, CENT) if count else None,
                  bases.get((period, key), 0))
            for (period, key), count in client_months.items()]


def _period_end(start: dt.date, period: Period) -> dt.date:
    months = {Period.MONTH: 0, Period.QUARTER: 2, Period.YEAR: 11}[period]
    return month_end(add_months(start, months))


def _inhabitants(actor, query: Query):
    """The inhabitants behind a cell: of the municipality, or of every municipality the actor's figures
    cover (a municipality: its own) that existed in the period, by the population of the period's year."""
    municipalities = Municipality.objects.filter(region_id=actor.region_id).prefetch_related("populations")
    if actor.is_municipality:
        municipalities = municipalities.filter(pk=actor.municipality_id)
    if "municipality_id" in query.filters:
        municipalities = municipalities.filter(pk=query.filters["municipality_id"])
    municipalities = list(municipalities)

    def inhabitants(start: dt.date, key) -> int:
        end = _period_end(start, query.period)
        counted = [m for m in municipalities
                   if (query.key != "municipality_id" or m.pk == key) and overlaps(m.valid_from, m.valid_to, start, end)]
        return sum({p.year: p.inhabitants for p in m.populations.all()}.get(start.year, m.population)
                   for m in counted)
    return inhabitants


def _per_inhabitants(measure, factor: int, step: Decimal):
    def per(actor, query: Query) -> list[Value]:
        inhabitants = _inhabitants(actor, query)
        values = []
        for v in measure(actor, query):
            people = inhabitants(v.period, v.key)
            values.append(Value(v.period, v.key, _round(v.value * factor / people, step) if people else None, v.base))
        return values
    return per


def _days_to_start(actor, query: Query) -> dict[tuple, list[int]]:
    events = _facts(CareEvent, actor)
    allocated = CareEvent.objects.filter(allocation_id=OuterRef("allocation_id"), kind=EventKind.ALLOCATED)
    starts = _grouped(events.filter(kind=EventKind.STARTED, day__gte=query.first, day__lte=query.last,
                                    recorded_at__isnull=False, **query.filters), query, "day").annotate(
        allocated_at=Subquery(allocated.values("recorded_at")[:1]))
    starts = starts.values("p", query.key, "recorded_at", "allocated_at")
    days = defaultdict(list)
    for row in starts:
        if row["allocated_at"] is not None:
            made, received = (timezone.localdate(row[name]) for name in ("allocated_at", "recorded_at"))
            days[(_day(row["p"]), row[query.key])].append(max((received - made).days, 0))
    return days


def _days_to_start_median(actor, query: Query) -> list[Value]:
    return [Value(p, key, _round(Decimal(str(statistics.median(days))), TENTH), len(days))
            for (p, key), days in _days_to_start(actor, query).items()]


def _days_to_start_p90(actor, query: Query) -> list[Value]:
    # the nearest-rank percentile: the smallest value that at least 90% of the values do not exceed
    return [Value(p, key, Decimal(sorted(days)[math.ceil(0.9 * len(days)) - 1]), len(days))
            for (p, key), days in _days_to_start(actor, query).items()]


@dataclass(frozen=True)
class _Care:
    key: int | str
    started: dt.date
    ended: dt.date | None  # the earlier of the stop and the passed end; None: still in care


def _care_periods(actor, query: Query) -> list[_Care]:
    """Each allocation of the actor's that started: when, and when its care ended (up to `query.last`)."""
    events = _facts(CareEvent, actor).filter(
        kind__in=[EventKind.STARTED, EventKind.STOPPED, EventKind.ENDED], day__lte=query.last, **query.filters)
    by_allocation: dict[int, dict] = defaultdict(dict)
    for row in events.values("allocation_id", "kind", "day", query.key).order_by():
        seen = by_allocation[row["allocation_id"]]
        if row["kind"] == EventKind.STARTED:
            seen["started"], seen["key"] = row["day"], row[query.key]
        else:
            seen["ended"] = min(seen.get("ended", row["day"]), row["day"])
    return [_Care(seen["key"], seen["started"], seen.get("ended")) for seen in by_allocation.values()
            if "started" in seen]


def _durations(actor, query: Query) -> dict[tuple, list[int]]:
    days = defaultdict(list)
    for care in _care_periods(actor, query):
        if care.ended is not None and query.first <= care.ended <= query.last:
            days[(period_start(care.ended, query.period), care.key)].append((care.ended - care.started).days)
    return days


def _duration_mean(actor, query: Query) -> list[Value]:
    return [Value(p, key, _round(Decimal(sum(days)) / len(days), TENTH), len(days))
            for (p, key), days in _durations(actor, query).items()]


def _duration_median(actor, query: Query) -> list[Value]:
    return [Value(p, key, _round(Decimal(str(statistics.median(days))), TENTH), len(days))
            for (p, key), days in _durations(actor, query).items()]


def kaplan_meier(observed: list[tuple[float, bool]], at: float) -> float:
    """S(at): the estimated share still in care after `at` days, from (days, ended) pairs; a pair that
    has not ended counts as at risk up to its days and then leaves the estimate (censored)."""
    share = 1.0
    for days in sorted({d for d, ended in observed if ended and d <= at}):
        ended_then = sum(1 for d, ended in observed if ended and d == days)
        at_risk = sum(1 for d, _ended in observed if d >= days)
        share *= 1 - ended_then / at_risk
    return share


def _in_care_after(months: int):
    def measure(actor, query: Query) -> list[Value]:
        today, at = query.today, months * 365.25 / 12
        cohorts = defaultdict(list)
        for care in _care_periods(actor, query):
            if query.first <= care.started <= query.last:
                ended = care.ended is not None and care.ended <= today
                last = care.ended if ended else today
                cell = (period_start(care.started, query.period), care.key)
                cohorts[cell].append(((last - care.started).days, ended))
        return [Value(p, key, _round(Decimal(str(100 * kaplan_meier(observed, at))), TENTH), len(observed))
                for (p, key), observed in cohorts.items()]
    return measure


def _messages_on_time(actor, query: Query, side: str) -> list[Value]:
    """The share of the side's clocks met, of those met or missed (an open one past its deadline is missed)."""
    decided = Q(done__isnull=False) | Q(due__lt=query.today)
    # a clock has a municipality and a provider, no product: a product filter does not cut it
    filters = query.only("municipality", "provider")
    rows = _grouped(_facts(DeadlineFact, actor).filter(side=side, since__gte=query.first, since__lte=query.last,
                                                       **filters), query, "since").annotate(
        decided=Count("id", filter=decided), met=Count("id", filter=Q(done__lte=F("due"))))
    return [Value(_day(r["p"]), r[query.key], _round(Decimal(100 * r["met"]) / r["decided"], TENTH), r["decided"])
            for r in rows if r["decided"]]


def _goals(actor, query: Query) -> QuerySet[GoalFact]:
    rows = scoped(GoalFact.objects.all(), actor=actor, what="figures", label=_("management information"),
                  provider=None, office_roles=None, council=True, others_see_none=True)
    filters = query.only("municipality")
    return rows.filter(closed_on__gte=query.first, closed_on__lte=query.last, **filters)


def _goal_share(result: str):
    def measure(actor, query: Query) -> list[Value]:
        rows = _grouped(_goals(actor, query), query, "closed_on").annotate(
            closed=Count("id"), counted=Count("id", filter=Q(result=result)))
        return [Value(_day(r["p"]), r[query.key], _round(Decimal(100 * r["counted"]) / r["closed"], TENTH),
                      r["closed"]) for r in rows]
    return measure


def _self_reliance_change(actor, query: Query) -> list[Value]:
    rows = _grouped(_goals(actor, query).filter(followup_score__isnull=False), query, "closed_on").annotate(
        change=Avg(F("followup_score") - F("baseline_score")), goals=Count("id"))
    return [Value(_day(r["p"]), r[query.key], _round(Decimal(str(r["change"])), TENTH), r["goals"]) for r in rows]


def _entered(model, actor, query: Query) -> QuerySet:
    """What municipalities entered (survey, general provisions): the office and the council see the region's,
    a municipality its own, a provider none."""
    rows = scoped(model.objects.all(), actor=actor, what="figures", label=_("management information"),
                  region="municipality__region", provider=None, office_roles=None, council=True, others_see_none=True)
    return rows.filter(**query.only("municipality"))


def _place_key(query: Query) -> str:
    return "municipality__region_id" if query.key == "region_id" else query.key


def _experience(actor, query: Query, question: str) -> list[Value]:
    rows = (_entered(SurveyResult, actor, query).filter(question=question, year__gte=query.first.year,
                                                        year__lte=query.last.year)
            .values("year", _place_key(query)).order_by()
            .annotate(weighted=Sum(F("agree_percent") * F("respondents")), respondents=Sum("respondents")))
    return [Value(dt.date(r["year"], 1, 1), r[_place_key(query)],
                  _round(Decimal(str(r["weighted"])) / r["respondents"], TENTH) if r["respondents"] else None,
                  r["respondents"]) for r in rows]


def _general_provision_users(actor, query: Query) -> list[Value]:
    rows = (_entered(GeneralProvisionUsers, actor, query).filter(quarter__gte=query.first, quarter__lte=query.last)
            .values("quarter", _place_key(query)).order_by().annotate(users=Sum("users")))
    return [Value(r["quarter"], r[_place_key(query)], Decimal(r["users"]), r["users"]) for r in rows]


def _day(value) -> dt.date:
    return value.date() if isinstance(value, dt.datetime) else value


def _round(value, step: Decimal) -> Decimal:
    return Decimal(value).quantize(step, rounding=ROUND_HALF_UP)


_MEASURES = {
    "clients_in_care": _clients_in_care, "inflow": _clients_flagged("entered"), "outflow": _clients_flagged("exited"),
    "returned_within_12_months": _returned_within_12_months,
    "duration_mean": _duration_mean, "duration_median": _duration_median,
    "in_care_after_6": _in_care_after(6), "in_care_after_12": _in_care_after(12),
    "in_care_after_24": _in_care_after(24),
    "cost": _cost, "cost_per_client_month": _cost_per_client_month,
    "clients_per_1000": _per_inhabitants(_clients_in_care, 1000, TENTH),
    "experience": _experience, "general_provision_users": _general_provision_users,
    "general_provision_users_per_1000": _per_inhabitants(_general_provision_users, 1000, TENTH),
    "cost_per_inhabitant": _per_inhabitants(_cost, 1, CENT),
    "days_to_start_median": _days_to_start_median, "days_to_start_p90": _days_to_start_p90,
    "messages_on_time": _messages_on_time,
    "goals_achieved": _goal_share("achieved"), "goals_partly": _goal_share("partly"),
    "goals_not_achieved": _goal_share("not_achieved"), "self_reliance_change": _self_reliance_change,
}
