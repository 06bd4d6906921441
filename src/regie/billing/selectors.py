"""Reads for the declaration and settlement screens, scoped by the acting organisation.

- purchasing office: every declaration and the whole settlement of the region;
- provider: the declarations it (or, for a cooperative, a member) submitted, and in a
  settlement only its own payment (a cooperative: also its members') and its own rejected lines;
- municipality: no declarations; in a settlement only its own charge, and the rejected lines
  of allocations it made;
- advisory council: neither (aggregates are on the dashboard).

Declaration lines carry an allocation number, never a name or BSN.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Count, Q, QuerySet, Sum
from django.utils.translation import gettext as _

from regie.core.errors import Forbidden, NotFound
from regie.core.months import add_months, month_start

from regie.regions.scoping import scoped

from .checks import REASONS
from .models import Declaration, DeclarationLine, LineStatus, MunicipalityCharge, ProviderPayment, SettlementRun


def _lines_for(actor) -> QuerySet[DeclarationLine]:
    return scoped(DeclarationLine.objects.all(), actor=actor, what="declarations", label=_("declarations"),
                  municipality=None, office_roles=None)


def declaration_months_for(*, actor) -> list[dict]:
    """Per month of care: approved and rejected lines and the approved amount; one query."""
    return list(
        _lines_for(actor).values("month").annotate(
            approved=Count("id", filter=Q(status=LineStatus.APPROVED)),
            rejected=Count("id", filter=Q(status=LineStatus.REJECTED)),
            amount=Sum("amount", filter=Q(status=LineStatus.APPROVED)),
        ).order_by("-month")
    )


def declaration_lines_for(*, actor, month: dt.date, status: str = "") -> QuerySet[DeclarationLine]:
    lines = _lines_for(actor).filter(month=month).select_related("provider", "product", "category", "declaration")
    if status in LineStatus.values:
        lines = lines.filter(status=status)
    return lines.order_by("provider__name", "reference", "pk")


def declaration_lines_of(*, actor, declaration: Declaration) -> QuerySet[DeclarationLine]:
    """The lines of a declaration (call after `declaration_get`)."""
    return _lines_for(actor).filter(declaration=declaration)


def declaration_get(*, actor, pk: int) -> Declaration:
    declarations = scoped(Declaration.objects.select_related("provider", "submitted_by"), actor=actor,
                          what="declarations", label=_("declarations"), municipality=None, office_roles=None)
    declaration = declarations.filter(pk=pk).first()
    if declaration is None:
        raise NotFound("declaration-not-found", _("This declaration does not exist or lies outside your organisation."))
    return declaration


def reason_text(code: str) -> str:
    return str(REASONS.get(code, code))


# -- settlement -----------------------------------------------------------------------------


def _settlement_allowed(actor) -> None:
    if actor.is_council:
        raise Forbidden("settlement-not-allowed", _("The Wmo advisory council does not see settlements; see the dashboard."))


def settlement_months_for(*, actor) -> list[dict]:
    """The closed months, newest first, each with the figure this actor may see; two queries."""
    _settlement_allowed(actor)
    runs = list(SettlementRun.objects.filter(region_id=actor.region_id).order_by("-month"))
    own: dict[int, Decimal] = {}
    if actor.is_municipality:
        own = dict(charges_for(actor=actor, rows=MunicipalityCharge.objects.all()).values_list("run_id", "total"))
    elif actor.is_provider:
        own = {row["run_id"]: row["amount"] for row in
               payments_for(actor=actor, rows=ProviderPayment.objects.all())
               .values("run_id").annotate(amount=Sum("amount")).order_by()}
    return [{"run": run, "own": own.get(run.pk)} for run in runs]


def payments_for(*, actor, rows: QuerySet[ProviderPayment]) -> QuerySet[ProviderPayment]:
    """The payments of a settlement this actor sees: a provider its own (a cooperative also its
    members'), the purchasing office all, a municipality none."""
    return scoped(rows, actor=actor, what="settlement", label=_("settlements"), region="run__region",
                  municipality=None, office_roles=None, others_see_none=True)


def charges_for(*, actor, rows: QuerySet[MunicipalityCharge], council: bool = False) -> QuerySet[MunicipalityCharge]:
    """The charges of a settlement this actor sees: a municipality its own, the purchasing office
    (and, for aggregates, the advisory council) all, a provider none."""
    return scoped(rows, actor=actor, what="settlement", label=_("settlements"), region="run__region",
                  provider=None, office_roles=None, council=council, others_see_none=True)


def month_to_settle(*, region, today: dt.date | None = None) -> dt.date:
    """The month a new run closes by default: the one after the last closed month, or else the
    earliest month with unsettled lines, or else last month."""
    last = SettlementRun.objects.filter(region=region).order_by("-month").values_list("month", flat=True).first()
    if last is not None:
        return add_months(last, 1)
    first = (DeclarationLine.objects.filter(region=region, settlement__isnull=True)
             .order_by("month").values_list("month", flat=True).first())
    return first or add_months(month_start(today or dt.date.today()), -1)


@dataclass
class SettlementView:
    run: SettlementRun
    charges: list[MunicipalityCharge]
    payments: list[ProviderPayment]
    rejected: list[DeclarationLine]
    whole_region: bool
    totals: dict = field(default_factory=dict)

    def chart(self) -> dict:
        labels = [c.municipality.name for c in self.charges]
        return {"type": "bar", "stacked": True, "money": True, "labels": labels, "datasets": [
            {"label": _("Care"), "data": [f"{c.care:.2f}" for c in self.charges]},
            {"label": _("Share of regional costs"), "data": [f"{c.regional_costs:.2f}" for c in self.charges]},
        ]}


def settlement_for(*, actor, month: dt.date) -> SettlementView:
    """One closed month as this actor may see it; another region's or an open month is not found."""
    _settlement_allowed(actor)
    run = SettlementRun.objects.filter(region_id=actor.region_id, month=month).first()
    if run is None:
        raise NotFound("settlement-not-found", _("This month has not been settled (yet)."))
    charges = MunicipalityCharge.objects.filter(run=run).select_related("municipality").order_by("municipality__code")
    payments = ProviderPayment.objects.filter(run=run).select_related("provider").order_by("provider__name")
    rejected = DeclarationLine.objects.filter(settlement=run, status=LineStatus.REJECTED).select_related("provider").order_by("reference", "month")
    charges = charges_for(actor=actor, rows=charges)
    payments = payments_for(actor=actor, rows=payments)
    # a municipality sees the rejected lines of the allocations it made
    rejected = scoped(rejected, actor=actor, what="settlement", label=_("settlements"),
                      municipality="allocation__municipality", office_roles=None)
    charges, payments, rejected = list(charges), list(payments), list(rejected)
    for line in rejected:
        line.reason_text = reason_text(line.reason_code)
    totals = {
        "care": sum((c.care for c in charges), Decimal("0.00")),
        "regional_costs": sum((c.regional_costs for c in charges), Decimal("0.00")),
        "total": sum((c.total for c in charges), Decimal("0.00")),
        "clients": sum(c.client_count for c in charges),
        "paid": sum((p.amount for p in payments), Decimal("0.00")),
        "lines": sum(p.line_count for p in payments),
    }
    return SettlementView(run=run, charges=charges, payments=payments, rejected=rejected,
                          whole_region=actor.is_purchasing_office, totals=totals)
