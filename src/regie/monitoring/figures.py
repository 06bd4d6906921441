"""A figure: one indicator over the periods of the filters, as series of cells, for one audience.

Every screen, download, open-data file and API answer is a `Figure` made here, so they show the
same numbers. What each audience sees (docs/monitoring.md, "Dashboards"):

- the purchasing office: the region and every member of the dimension it picks (municipality,
  provider, product, category, life domain), unsuppressed;
- a municipality: its own residents, the region, and each other municipality; what is not its own
  passes disclosure control, with its own column taken as known to the reader;
- a provider: its own scorecard (a cooperative with its members) and the average of the other
  providers of the same products, never named, shown only over at least `MIN_PEERS` of them;
- the advisory council and the public: the region and each municipality, disclosure-controlled.

Disclosure control (monitoring.disclosure): every value rests on a count of clients (its base);
the bases of a table (periods × municipalities, with the region as their total) pass through
`table_suppress`, and a value is shown only where its base is. So a count below 10 reads "<10",
a mean, share or amount over fewer than 10 clients "–", and no hidden one can be worked out.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace
from decimal import ROUND_HALF_UP, Decimal

from django.utils.translation import gettext as _

from regie.care.models import LifeDomain
from regie.catalogue.models import Category, Product
from regie.core.formatting import month_name
from regie.facts.models import CareMonth
from regie.regions.models import Municipality, Organisation, OrganisationKind, Region
from regie.regions.scoping import scoped

from .disclosure import SMALL_CELL, Cell, Reason, Table, table_suppress
from .filters import Filters
from .indicators import ADDITIVE, Dimension, Indicator, Period, indicator_get, indicator_unknown
from .models import FigureNote
from .values import Value, indicator_values, period_start

MIN_PEERS = 3


class Audience:
    OFFICE, MUNICIPALITY, PROVIDER, COUNCIL, PUBLIC = "office", "municipality", "provider", "council", "public"


@dataclass(frozen=True)
class RegionReader:
    """The region's aggregates, read as the council reads them: what a comparison or the public page
    rests on. It never reaches a screen unsuppressed (see the module's rules)."""

    region_id: int
    public: bool = False
    roles: frozenset = frozenset()
    provider_ids: frozenset = frozenset()
    municipality_id: None = None
    is_purchasing_office = False
    is_municipality = False
    is_provider = False
    is_council = True

    def has_role(self, *roles) -> bool:
        return False


def audience_of(actor) -> str:
    if getattr(actor, "public", False):
        return Audience.PUBLIC
    if actor.is_purchasing_office:
        return Audience.OFFICE
    if actor.is_municipality:
        return Audience.MUNICIPALITY
    if actor.is_provider:
        return Audience.PROVIDER
    return Audience.COUNCIL


@dataclass(frozen=True)
class Series:
    key: str     # stable for machines: "region", "own", "peers", "municipality:12", "provider:4", …
    label: str
    cells: tuple[Cell, ...]  # aligned with the figure's periods
    own: bool = False        # the viewer's own figures (drawn first, and bold in the table)


@dataclass
class Figure:
    indicator: Indicator
    audience: str
    filters: Filters
    by: Dimension
    periods: list[dt.date]
    series: list[Series]
    suppressed: bool = False  # disclosure control applied to (part of) it
    period: Period = Period.QUARTER
    notes: list = field(default_factory=list)

    @property
    def period_labels(self) -> list[str]:
        return [period_label(p, self.period) for p in self.periods]

    def chart(self) -> dict:
        """The chart spec for static/regie/charts.js: the same cells as the table (None: a gap)."""
        return {"type": "line", "labels": self.period_labels, "money": self.indicator.money,
                "hidden": _("not shown: fewer than %(number)s, or hidden so that such a number cannot be worked "
                            "out") % {"number": SMALL_CELL},
                "datasets": [{"label": s.label, "data": [None if c.value is None else str(c.value)
                                                         for c in s.cells]} for s in self.series]}

    def rows(self) -> list[dict]:
        """The table: a row per period (newest first), a cell per series."""
        return [{"period": label, "cells": [s.cells[i] for s in self.series]}
                for i, label in reversed(list(enumerate(self.period_labels)))]

    def records(self) -> list[dict]:
        """One record per period and series, for downloads, open data and the API."""
        return [{"indicator": self.indicator.code, "period": period_code(p, self.period), "series": s.key,
                 "label": s.label, "value": cell.value, "hidden": cell.reason.value if cell.reason else ""}
                for s in self.series for p, cell in zip(self.periods, s.cells)]


def period_label(start: dt.date, period: Period) -> str:
    if period == Period.YEAR:
        return str(start.year)
    if period == Period.QUARTER:
        return _("Q%(quarter)s %(year)s") % {"quarter": (start.month - 1) // 3 + 1, "year": start.year}
    return month_name(start)


def period_code(start: dt.date, period: Period) -> str:
    if period == Period.YEAR:
        return f"{start.year:04d}"
    if period == Period.QUARTER:
        return f"{start.year:04d}-Q{(start.month - 1) // 3 + 1}"
    return f"{start.year:04d}-{start.month:02d}"


def period_of(indicator: Indicator, asked: Period) -> Period:
    """The period asked for where the indicator is measured so, else its own (a survey: per year)."""
    return asked if asked in indicator.periods else indicator.periods[0]


def figure(*, actor, code: str, filters: Filters, today: dt.date | None = None) -> Figure:
    indicator = indicator_get(code)
    audience = audience_of(actor)
    period = period_of(indicator, filters.period)
    periods = _periods(filters, period)
    build = {Audience.OFFICE: _for_office, Audience.MUNICIPALITY: _for_municipality,
             Audience.PROVIDER: _for_provider, Audience.COUNCIL: _for_council, Audience.PUBLIC: _for_council}
    made = build[audience](actor, indicator, filters, period, periods, today)
    made.notes = _notes(actor, indicator)
    return made


def indicator_for(actor, code: str) -> Indicator:
    """The indicator as this reader may ask for it: one it does not see does not exist for it (404)."""
    indicator = indicator_get(code)
    if not available(actor, indicator):
        raise indicator_unknown(code)
    return indicator


def available(actor, indicator: Indicator) -> bool:
    """Whether the audience sees this indicator: a provider only what can be cut by provider."""
    return audience_of(actor) != Audience.PROVIDER or Dimension.PROVIDER in indicator.dimensions


def _periods(filters: Filters, period: Period) -> list[dt.date]:
    starts, day = [], period_start(filters.first, period)
    while day <= filters.last:
        starts.append(day)
        step = {Period.MONTH: 1, Period.QUARTER: 3, Period.YEAR: 12}[period]
        year, month = divmod(day.month - 1 + step, 12)
        day = dt.date(day.year + year, month + 1, 1)
    return starts


def _values(reader, indicator: Indicator, filters: Filters, period: Period, today, by: Dimension,
            **extra) -> dict[tuple, Value]:
    ids = {k: v for k, v in {**filters.ids(), **extra}.items() if v is not None}
    found = indicator_values(actor=reader, code=indicator.code, by=by, period=period, first=filters.first,
                             last=filters.last, today=today, **ids)
    return {(v.period, v.key): v for v in found}


def _shown(indicator: Indicator, value: Value | None) -> Cell:
    if value is None:
        return Cell(Decimal(0) if indicator.code in ADDITIVE else None)
    return Cell(value.value)


def _series_of(indicator, values, periods, key, *, name: str, label: str, own: bool = False) -> Series:
    return Series(name, label, tuple(_shown(indicator, values.get((p, key))) for p in periods), own=own)


def _for_office(actor, indicator, filters, period, periods, today) -> Figure:
    by = Dimension(filters.by) if filters.by in indicator.dimensions else _default_by(indicator)
    region = Region.objects.get(pk=actor.region_id)
    series = [_series_of(indicator, _values(actor, indicator, filters, period, today, Dimension.REGION), periods,
                         region.pk, name="region", label=region.name)]
    if by != Dimension.REGION:
        values = _values(actor, indicator, filters, period, today, by)
        for key, label in _members(by, actor.region_id, {k for _p, k in values}):
            series.append(_series_of(indicator, values, periods, key, name=f"{by.value}:{key}", label=label))
    return Figure(indicator, Audience.OFFICE, filters, by, periods, series, period=period)


def _default_by(indicator: Indicator) -> Dimension:
    return Dimension.MUNICIPALITY if Dimension.MUNICIPALITY in indicator.dimensions else Dimension.REGION


def _for_council(actor, indicator, filters, period, periods, today) -> Figure:
    """The region and each municipality, every cell through disclosure control."""
    filters = replace(filters, provider=None, municipality=None)
    reader = RegionReader(actor.region_id, public=True)
    region = Region.objects.get(pk=actor.region_id)
    members = list(Municipality.objects.filter(region_id=actor.region_id).order_by("name").values_list("pk", "name"))
    values = _values(reader, indicator, filters, period, today, Dimension.MUNICIPALITY)
    total = _values(reader, indicator, filters, period, today, Dimension.REGION)
    cells, totals = _suppressed(indicator, values, periods, [pk for pk, _n in members],
                                [total.get((p, region.pk)) for p in periods])
    series = [Series("region", region.name, totals)]
    series += [Series(f"municipality:{pk}", name, column) for (pk, name), column in zip(members, cells)]
    return Figure(indicator, audience_of(actor), filters, Dimension.MUNICIPALITY, periods, series,
                  suppressed=True, period=period)


def _suppressed(indicator, values, periods, keys, totals: list[Value | None], known: list[int] | None = None):
    """The columns of `keys` and the total per period, as they may be shown: the bases of the cells
    (periods × keys, the total the sum of the row, plus `known`: a column the reader knows already)
    pass through table_suppress; a value shows only where its base does."""
    if not keys:
        return [], tuple(_from_base(indicator, t, Cell(t.base if t else 0)) for t in totals)
    bases = [[values[(p, k)].base if (p, k) in values else 0 for k in keys] for p in periods]
    extra = known or [0] * len(periods)
    table = table_suppress(table=Table(counts=bases, row_totals=True))
    columns = [tuple(_from_base(indicator, values.get((p, k)), table.cells[i][j]) for i, p in enumerate(periods))
               for j, k in enumerate(keys)]
    shown_totals = []
    for i, total in enumerate(totals):
        base_cell = table.row_totals[i]
        if indicator.code in ADDITIVE and base_cell.shown:
            shown_totals.append(Cell(Decimal(base_cell.value + extra[i])))
        else:
            shown_totals.append(_from_base(indicator, total, base_cell))
    return columns, tuple(shown_totals)


def _from_base(indicator: Indicator, value: Value | None, base: Cell) -> Cell:
    if not base.shown:
        return Cell(None, base.reason if indicator.code in ADDITIVE else
                    (Reason.BASE if base.reason is Reason.PRIMARY else Reason.SECONDARY))
    if value is None:
        return Cell(Decimal(0) if indicator.code in ADDITIVE else None)
    if indicator.code not in ADDITIVE and 0 < value.base < SMALL_CELL:
        return Cell(None, Reason.BASE)
    return Cell(value.value)


def _for_municipality(actor, indicator, filters, period, periods, today) -> Figure:
    filters = replace(filters, municipality=None)
    own_id = actor.municipality_id
    own_values = _values(actor, indicator, filters, period, today, Dimension.REGION)
    own = _series_of(indicator, own_values, periods, actor.region_id, name="own",
                     label=actor.organisation.municipality.name, own=True)
    reader = RegionReader(actor.region_id)
    others = [(pk, name) for pk, name in Municipality.objects.filter(region_id=actor.region_id).exclude(pk=own_id)
              .order_by("name").values_list("pk", "name")]
    if Dimension.MUNICIPALITY not in indicator.dimensions:
        return Figure(indicator, Audience.MUNICIPALITY, filters, Dimension.REGION, periods, [own], period=period)
    values = _values(reader, indicator, filters, period, today, Dimension.MUNICIPALITY)
    region = _values(reader, indicator, filters, period, today, Dimension.REGION)
    own_counts = [int(c.value or 0) for c in own.cells] if indicator.code in ADDITIVE else None
    columns, totals = _suppressed(indicator, values, periods, [pk for pk, _n in others],
                                  [region.get((p, actor.region_id)) for p in periods], known=own_counts)
    series = [own, Series("region", _("Region"), totals)]
    series += [Series(f"municipality:{pk}", name, column) for (pk, name), column in zip(others, columns)]
    return Figure(indicator, Audience.MUNICIPALITY, filters, Dimension.MUNICIPALITY, periods, series,
                  suppressed=True, period=period)


def _for_provider(actor, indicator, filters, period, periods, today) -> Figure:
    filters = replace(filters, provider=None)
    name = actor.organisation.name
    own = _series_of(indicator, _values(actor, indicator, filters, period, today, Dimension.REGION), periods,
                     actor.region_id, name="own", label=name, own=True)
    products = sorted(set(scoped(CareMonth.objects.all(), actor=actor, what="figures", label=_("management "
                      "information")).values_list("product_id", flat=True).distinct()))
    if filters.product is not None:
        products = [p for p in products if p == filters.product]
    peers = _values(RegionReader(actor.region_id), indicator, replace(filters, product=None),
                    period, today, Dimension.PROVIDER, product=products) if products else {}
    average = []
    for p in periods:
        found = [v for (vp, key), v in peers.items() if vp == p and key not in actor.provider_ids
                 and v.value is not None]
        if len(found) < MIN_PEERS or sum(v.base for v in found) < SMALL_CELL:
            average.append(Cell(None, Reason.PEERS))
        else:
            mean = sum(v.value for v in found) / len(found)
            average.append(Cell(mean.quantize(_step(found), rounding=ROUND_HALF_UP)))
    series = [own, Series("peers", _("Average of the other providers of the same products"), tuple(average))]
    return Figure(indicator, Audience.PROVIDER, filters, Dimension.REGION, periods, series, period=period)


def _step(values: list[Value]) -> Decimal:
    exponent = min(v.value.as_tuple().exponent for v in values)
    return Decimal(1).scaleb(min(exponent, -1))


def _members(by: Dimension, region_id: int, keys: set) -> list[tuple]:
    """(key, label) of each member with a value, in the order of their names."""
    if by == Dimension.MUNICIPALITY:
        rows = Municipality.objects.filter(region_id=region_id, pk__in=keys).values_list("pk", "name")
    elif by == Dimension.PROVIDER:
        rows = Organisation.objects.filter(region_id=region_id, kind=OrganisationKind.PROVIDER,
                                           pk__in=keys).values_list("pk", "name")
    elif by == Dimension.PRODUCT:
        rows = [(p.pk, f"{p.code} {p.name}") for p in Product.objects.filter(pk__in=keys)]
    elif by == Dimension.CATEGORY:
        rows = [(c.pk, str(c)) for c in Category.objects.filter(pk__in=keys).select_related("product")]
    else:
        rows = [(key, LifeDomain(key).label if key in LifeDomain.values else key) for key in keys]
    return sorted(rows, key=lambda row: str(row[1]))


def _notes(actor, indicator: Indicator) -> list:
    return list(FigureNote.objects.filter(region_id=actor.region_id, indicator=indicator.code)
                .select_related("municipality").order_by("-created_at")[:20])
