"""The start page's few figures, per organisation kind, in a fixed, small number of queries; the
amounts are the settlement's own selectors. The dashboard's figures are `monitoring.figures`.

Scope: the purchasing office sees the region; a municipality its own residents (the municipality
that pays); a provider its own allocations and payments (a cooperative also its members'); the
advisory council the region's total of clients, shown only from `SMALL_CELL` clients.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.db.models import Count, Q, QuerySet, Sum
from django.utils.translation import gettext as _

from regie.billing.models import DeclarationLine, LineStatus, MunicipalityCharge, ProviderPayment, SettlementRun
from regie.billing.selectors import charges_for, payments_for
from regie.care.models import Allocation, AllocationStatus
from regie.contracting.models import Contract
from regie.core.periods import valid_on_q
from regie.regions.models import Organisation, OrganisationKind
from regie.regions.scoping import NO_OFFICE, scoped

from .disclosure import SMALL_CELL


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
