"""Management information: aggregated in the database, scoped by actor, never names or BSNs.

One named selector per screen: `dashboard_figures` for the dashboard, `home_figures` for the
start page. Both are a fixed, small number of queries whatever the size of the region.

The figures come from approved declaration lines: a client is "in care" in a month when a
debit line for that month was approved and not reversed; the cost of a month is the sum of
every approved line (a credit counts negative) for that month of care.

Scope: the purchasing office sees the region; a municipality its own residents (the
municipality that pays); a provider the lines it declared and those for its allocations (a
cooperative also its members'); the advisory council the region, with every cell of fewer
than `SMALL_CELL` clients suppressed, and whatever would give one away (monitoring.disclosure).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Count, Q, QuerySet, Sum
from django.utils.translation import gettext as _

from regie.billing.models import DeclarationLine, LineStatus, MunicipalityCharge, ProviderPayment, SettlementRun
from regie.billing.selectors import charges_for, payments_for
from regie.care.models import Allocation, AllocationStatus
from regie.contracting.models import Contract
from regie.core.months import add_months, format_month, month_start
from regie.core.periods import valid_on_q
from regie.regions.models import Organisation, OrganisationKind
from regie.regions.scoping import NO_OFFICE, scoped

from .disclosure import SMALL_CELL, Cell, Reason, Table, statistic_cell, table_suppress

DEFAULT_MONTHS = 36


def _lines_for(actor) -> QuerySet[DeclarationLine]:
    # a provider: the lines it declared and those for its allocations; the council: suppressed later
    return scoped(DeclarationLine.objects.filter(status=LineStatus.APPROVED), actor=actor, what="figures",
                  label=_("management information"), provider=("provider", "allocation__provider"),
                  office_roles=None, council=True)


@dataclass
class Dashboard:
    months: list[str]
    municipalities: list[str]
    # clients[municipality][i]: clients in care in months[i]; None where suppressed (small cell)
    clients: dict[str, list[int | None]]
    cost: list[Decimal | None]  # None where suppressed (fewer than SMALL_CELL clients behind it)
    suppressed: bool = False
    small_cell: int = SMALL_CELL
    totals: list[int | None] = field(default_factory=list)
    # what a hidden value shows: "<10" (a small number) or "–" (hidden so that no small one can be worked
    # out), by (month index, municipality index), or (month index, None) for the month's total
    marks: dict[tuple, str] = field(default_factory=dict)

    def chart_data(self) -> dict:
        """The two charts, as JSON-safe specs for static/regie/charts.js (amounts as strings)."""
        return {
            "clients": {"type": "line", "labels": self.months,
                        "hidden": _("not shown: fewer than %(number)s, or hidden so that such a number cannot be "
                                    "worked out") % {"number": self.small_cell},
                        "datasets": [{"label": name, "data": self.clients[name]} for name in self.municipalities]},
            "cost": {"type": "bar", "money": True, "labels": self.months,
                     "datasets": [{"label": _("Costs"), "data": [None if amount is None else f"{amount:.2f}"
                                                                 for amount in self.cost]}]},
        }

    def rows(self) -> list[dict]:
        return [
            {"month": month,
             "cells": [{"value": self.clients[name][i], "mark": self.marks.get((i, j), "")}
                       for j, name in enumerate(self.municipalities)],
             "total": {"value": self.totals[i], "mark": self.marks.get((i, None), "")}, "cost": self.cost[i]}
            for i, month in enumerate(self.months)
        ]


def dashboard_figures(*, actor, today: dt.date | None = None, months: int = DEFAULT_MONTHS) -> Dashboard:
    """Clients in care per month per municipality, and the cost per month: two queries."""
    since = add_months(month_start(today or dt.date.today()), -(months - 1))
    lines = _lines_for(actor).filter(month__gte=since)
    in_care = (
        lines.filter(debit_credit="D", is_reversed=False)
        .values("month", "municipality__name")
        .annotate(clients=Count("allocation__client_id", distinct=True))
        .order_by("month", "municipality__name")
    )
    cost = lines.values("month").annotate(amount=Sum("amount")).order_by("month")
    counted = {(row["month"], row["municipality__name"]): row["clients"] for row in in_care}
    costs = {row["month"]: row["amount"] for row in cost}
    month_keys = sorted({month for month, _ in counted} | set(costs))
    names = sorted({name for _, name in counted})
    suppress = actor.is_council
    counts = [[counted.get((month, name), 0) for name in names] for month in month_keys]
    marks: dict[tuple, str] = {}
    if suppress and names:
        # one table, months × municipalities with the month's total: small cells and whatever would give
        # them away are hidden by the disclosure module; "<10" marks a small number, "–" a hidden other one
        table = table_suppress(table=Table(counts=counts, row_totals=True))
        for i, row in enumerate(table.cells):
            for j, cell in [*enumerate(row), (None, table.row_totals[i])]:
                if not cell.shown:
                    marks[(i, j)] = _mark(cell)
    clients = {name: [None if (i, j) in marks else counts[i][j] for i in range(len(month_keys))]
               for j, name in enumerate(names)}
    totals = [None if (i, None) in marks else sum(row) for i, row in enumerate(counts)]
    cost = [Decimal(costs.get(month) or 0).quantize(Decimal("0.01")) for month in month_keys]
    if suppress:  # an amount over fewer than SMALL_CELL clients is hidden too (monitoring.disclosure)
        cost = [statistic_cell(amount, base=sum(counted.get((month, name), 0) for name in names)).value
                for amount, month in zip(cost, month_keys)]
    return Dashboard(
        months=[format_month(month) for month in month_keys], municipalities=names, clients=clients,
        cost=cost, suppressed=suppress, totals=totals, marks=marks,
    )


def _mark(cell: Cell) -> str:
    return f"<{SMALL_CELL}" if cell.reason is Reason.PRIMARY else "–"


def home_figures(*, actor) -> dict:
    """A few key figures for the start page, per organisation kind; a handful of queries. The
    amounts are the settlement's own selectors, so both screens show the same money."""
    last_run = SettlementRun.objects.filter(region_id=actor.region_id).order_by("-month").first()
    figures: dict = {"last_run": last_run}
    if actor.is_purchasing_office:
        lines = scoped(DeclarationLine.objects.filter(settlement__isnull=True), actor=actor, what="figures",
                       label=_("management information"), office_roles=None)
        unsettled = lines.aggregate(
            approved=Count("id", filter=Q(status=LineStatus.APPROVED)),
            rejected=Count("id", filter=Q(status=LineStatus.REJECTED)),
            amount=Sum("amount", filter=Q(status=LineStatus.APPROVED)),
        )
        today = dt.date.today()
        figures.update(
            providers=Organisation.objects.filter(region_id=actor.region_id, kind=OrganisationKind.PROVIDER).count(),
            contracts=Contract.objects.filter(valid_on_q(today), region_id=actor.region_id).count(),
            unsettled=unsettled,
            paid=_paid(actor, last_run),
        )
    elif actor.is_municipality:
        figures["charge"] = (
            charges_for(actor=actor, rows=MunicipalityCharge.objects.filter(run=last_run)).first() if last_run else None
        )
        figures["in_care"] = _allocations(actor).filter(status=AllocationStatus.STARTED).count()
    elif actor.is_provider:
        figures["paid"] = _paid(actor, last_run)  # a cooperative: its members' too, as in the settlement
        figures["in_care"] = _allocations(actor).filter(status=AllocationStatus.STARTED).count()
        figures["to_start"] = _allocations(actor).filter(status=AllocationStatus.ALLOCATED).count()
    elif last_run is not None:  # advisory council: aggregates only
        charges = charges_for(actor=actor, rows=MunicipalityCharge.objects.filter(run=last_run), council=True)
        clients = charges.aggregate(clients=Sum("client_count"))["clients"] or 0
        figures["clients"] = clients if clients >= SMALL_CELL or clients == 0 else None
    return figures


def _paid(actor, run: SettlementRun | None) -> Decimal | None:
    if run is None:
        return None
    return payments_for(actor=actor, rows=ProviderPayment.objects.filter(run=run)).aggregate(
        paid=Sum("amount"))["paid"] or Decimal("0.00")


def _allocations(actor) -> QuerySet[Allocation]:
    return scoped(Allocation.objects.all(), actor=actor, what="allocations", label=_("allocations"),
                  office_roles=NO_OFFICE)
