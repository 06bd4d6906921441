"""Declarations in, settlement out.

`declaration_submit` checks every line against what was allocated and stores it approved or
rejected, whole. `settlement_run` closes a month: approved lines become a payment per provider
and a charge per municipality of residence, plus each municipality's share of the regional
costs. A closed month never changes; what arrives later lands in the next run.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from decimal import Decimal

from django.db import IntegrityError, transaction
from django.db.models import Count, Sum
from django.utils import timezone
from django.utils.translation import gettext as _

from regie.care.models import Allocation, Residence
from regie.care.services import payer_day
from regie.catalogue.models import Tariff
from regie.core import changes
from regie.core.batches import BATCH_SIZE, chunks, in_batches
from regie.core.errors import DomainError
from regie.core.formatting import short_date
from regie.core.money import monthly_part, split_by_key, to_money
from regie.core.months import format_month, month_end
from regie.core.parse import care_window, check_amount, check_month, clean_name
from regie.core.periods import valid_on
from regie.regions.models import Organisation, Region
from regie.regions.selectors import municipalities_on

from .checks import REASONS, LineInput, debit_check, expected_line
from .models import (
    Declaration, DeclarationLine, LineStatus, MunicipalityCharge, ProviderPayment, SettlementRun,
)

__all__ = ["LineInput", "REASONS", "declaration_submit", "settlement_run", "settlement_statement"]


def _provider_ids(provider: Organisation) -> set[int]:
    """A cooperative declares for its members too (hoofd- en onderaannemerschap)."""
    return {provider.pk, *Organisation.objects.filter(cooperative=provider).values_list("pk", flat=True)}


def _tariffs(category_ids: set[int]) -> dict[int, list[Tariff]]:
    periods = defaultdict(list)
    for tariff in in_batches(Tariff.objects.all(), "category_id", category_ids):
        periods[tariff.category_id].append(tariff)
    for tariffs in periods.values():
        tariffs.sort(key=lambda tariff: tariff.valid_from)
    return periods


def _tariff_on(periods: list[Tariff], day: dt.date) -> Decimal | None:
    for tariff in periods:
        if valid_on(tariff.valid_from, tariff.valid_to, day):
            return tariff.amount
    return None


def _residences(client_ids: set[int]) -> dict[int, list[Residence]]:
    periods = defaultdict(list)
    for residence in in_batches(Residence.objects.all(), "client_id", client_ids):
        periods[residence.client_id].append(residence)
    return periods


def _payer(periods: list[Residence], day: dt.date) -> int | None:
    for residence in periods:
        if valid_on(residence.valid_from, residence.valid_to, day):
            return residence.municipality_id
    return None


def _open_debits(allocation_ids: set[int], months: set[dt.date]) -> dict[tuple[int, dt.date], DeclarationLine]:
    lines = in_batches(DeclarationLine.objects.filter(
        month__in=months, status=LineStatus.APPROVED, debit_credit="D", is_reversed=False,
    ), "allocation_id", allocation_ids)
    return {(line.allocation_id, line.month): line for line in lines}


def declaration_submit(*, actor, provider: Organisation, lines: list[LineInput], source: str,
                       filename: str = "") -> Declaration:
    """Check and store a provider's declaration; every line ends approved or rejected with a reason."""
    with transaction.atomic():
        if actor is not None:
            actor.require("provider_staff")
            if provider.pk != actor.organisation.pk:
                raise DomainError("provider-mismatch", _("You can only declare on behalf of your own organisation."))
        region = provider.region
        window = care_window(region)
        filename = clean_name(filename)
        for number, line in enumerate(lines, start=1):
            try:
                check_month(line.month)  # the absolute bounds; the region's window judges each line below
            except DomainError as error:
                message = _("Line %(line)d: %(message)s") % {"line": number, "message": error.message}
                raise DomainError(error.code, message, field="month") from None
        declaration = Declaration.objects.create(region=region, provider=provider, source=source, filename=filename,
                                                 submitted_by=actor.user if actor is not None else None)
        references = {line.reference for line in lines}
        allocations = {
            a.reference: a
            for a in in_batches(Allocation.objects.select_for_update(of=("self",)).filter(region=region)
                                .select_related("product", "category"), "reference", references)
        }
        residences = _residences({a.client_id for a in allocations.values()})
        tariffs = _tariffs({a.category_id for a in allocations.values()})
        open_debits = _open_debits({a.pk for a in allocations.values()}, {line.month for line in lines})
        provider_ids = _provider_ids(provider)
        rows = []
        for number, line in enumerate(lines, start=1):
            allocation = allocations.get(line.reference)
            row = DeclarationLine(
                region=region, declaration=declaration, provider=provider, line_number=number,
                reference=line.reference, month=line.month, debit_credit=line.debit_credit, allocation=allocation,
                product=allocation.product if allocation else None,
                category=allocation.category if allocation else None,
                volume=line.volume, unit_price=line.unit_price, amount=line.amount,
            )
            refused = _out_of_range(row, line, window)
            if refused:
                row.status, row.reason_code = LineStatus.REJECTED, refused
            elif line.debit_credit == "C":
                _credit(row, line, allocation, provider_ids, open_debits)
            else:
                _debit(row, line, allocation, provider_ids, region, tariffs, residences, open_debits)
            rows.append(row)
        _store(rows)
        changes.allocations_touched({row.allocation_id for row in rows},
                                    since=min((row.month for row in rows), default=None))
        return declaration


# The digits the columns of a declaration line hold (billing.models.DeclarationLine), each with two
# decimal places, `check_amount`'s default.
_COLUMNS = {"volume": 10, "unit_price": 10, "amount": 12}


def _out_of_range(row: DeclarationLine, line: LineInput, window) -> str:
    """A line whose month lies outside the region's window, or whose number does not fit its column
    (not finite, too large, too precise), is rejected; a number that does not fit is not stored."""
    reason = ""
    for name, digits in _COLUMNS.items():
        value = getattr(line, name)
        if value is None:
            continue
        try:
            check_amount(value, max_digits=digits)
        except DomainError:
            setattr(row, name, None)
            reason = reason or "value-out-of-range"
    try:
        check_month(line.month, window=window)
    except DomainError:
        reason = reason or "month-out-of-window"
    return reason


def _debit(row, line, allocation, provider_ids, region, tariffs, residences, open_debits) -> None:
    expected = payer_id = None
    if allocation is not None:
        first_day = max(line.month, allocation.start)
        tariff = _tariff_on(tariffs.get(allocation.category_id, []), first_day)
        if tariff is not None:
            expected = expected_line(allocation=allocation, month=line.month, tariff=tariff,
                                     partial_month_rule=region.partial_month_rule)
        payer_id = _payer(residences.get(allocation.client_id, []),
                          payer_day(rule=region.residence_rule, month=line.month))
    reason = debit_check(line=line, allocation=allocation, provider_ids=provider_ids, expected=expected,
                         payer_id=payer_id, already_paid=allocation is not None and
                         (allocation.pk, line.month) in open_debits)
    if reason:
        row.status, row.reason_code = LineStatus.REJECTED, reason
        return
    row.status, row.municipality_id = LineStatus.APPROVED, payer_id
    row.volume, row.unit_price, row.amount = expected.volume, expected.unit_price, expected.amount
    open_debits[(allocation.pk, line.month)] = row


def _credit(row, line, allocation, provider_ids, open_debits) -> None:
    debit = open_debits.get((allocation.pk, line.month)) if allocation is not None else None
    if allocation is None:
        reason = "allocation-unknown"
    elif allocation.provider_id not in provider_ids:
        reason = "allocation-other-provider"
    elif debit is None or debit.provider_id != row.provider_id:
        reason = "credit-without-debit"
    elif line.amount is not None and line.amount not in (debit.amount, -debit.amount):
        reason = "amount-mismatch"
    else:
        reason = ""
    if reason:
        row.status, row.reason_code = LineStatus.REJECTED, reason
        return
    row.status, row.municipality_id, row.reverses = LineStatus.APPROVED, debit.municipality_id, debit
    row.volume, row.unit_price, row.amount = debit.volume, debit.unit_price, -debit.amount
    debit.is_reversed = True
    del open_debits[(allocation.pk, line.month)]


def _store(rows: list[DeclarationLine]) -> None:
    """Store the lines in the order the unique constraint needs: first free the months that
    credits reverse, then the debits, then the credits (which may point at those debits)."""
    credits = [row for row in rows if row.debit_credit == "C"]
    stored_reversed = [row.reverses.pk for row in credits if row.reverses is not None and row.reverses.pk]
    for batch in chunks(stored_reversed):
        DeclarationLine.objects.filter(pk__in=batch).update(is_reversed=True)
    debits = [row for row in rows if row.debit_credit == "D"]
    try:
        with transaction.atomic():
            DeclarationLine.objects.bulk_create(debits, batch_size=BATCH_SIZE)
    except IntegrityError:
        # Another declaration paid one of these months meanwhile: the constraint decides, line by line.
        for row in debits:
            row.pk = None
            _store_one(row)
    # A debit that a credit of this declaration reverses is stored reversed, outside the unique constraint,
    # so it is never refused above and its credit always has it to point at.
    for row in credits:
        row.reverses_id = row.reverses.pk if row.reverses is not None else None
    DeclarationLine.objects.bulk_create(credits)


def _store_one(row: DeclarationLine) -> None:
    try:
        with transaction.atomic():
            row.save()
    except IntegrityError:
        row.pk = None
        row.status, row.reason_code, row.municipality_id = LineStatus.REJECTED, "duplicate", None
        row.save()


# Called between the steps of a run with the step's name; only a test sets it (tests/billing/test_settlement_race.py).
step_hook = None


def _step(name: str) -> None:
    if step_hook is not None:
        step_hook(name)


def _lock_region(region: Region) -> Region:
    """Runs of one region wait for each other. FOR NO KEY UPDATE: a declaration being stored only
    shares the region's key (its foreign key), so it neither waits for a run nor deadlocks with one."""
    return Region.objects.select_for_update(no_key=True).get(pk=region.pk)


def settlement_run(*, actor, region: Region, month: dt.date) -> SettlementRun:
    """Close `month`, or give back the run that closed it: running twice changes nothing."""
    if actor is not None:
        actor.require("finance")
        if not actor.is_purchasing_office:
            raise DomainError("settlement-not-allowed", _("Only the purchasing office settles."))
    month = check_month(month, field="month", window=care_window(region))
    existing = SettlementRun.objects.filter(region=region, month=month).first()
    if existing is not None:
        return existing
    _check_month_ended(month)
    with transaction.atomic():
        _lock_region(region)
        existing = SettlementRun.objects.filter(region=region, month=month).first()
        if existing is not None:
            return existing
        if SettlementRun.objects.filter(region=region, month__gt=month).exists():
            raise DomainError("settlement-out-of-order", _("%(month)s can no longer be settled: a later month has already been closed. "
                                "Corrections go into the next run.") % {"month": format_month(month)})
        return _settle(region, month, actor)


def _check_month_ended(month: dt.date) -> None:
    """A month is settled once it is over: from the day after its last day, in the region's time zone (TIME_ZONE,
    Europe/Amsterdam), at midnight. A later month closed early would lock every month before it."""
    last = month_end(month)
    if timezone.localdate() <= last:
        raise DomainError("month_not_ended", _("The month %(month)s has not ended yet; it can be settled from the "
                                               "day after %(last)s.") % {"month": format_month(month),
                                                                          "last": short_date(last)}, field="month")


def _settle(region: Region, month: dt.date, actor) -> SettlementRun:
    municipalities = list(municipalities_on(region=region, first=month, last=month_end(month)))
    yearly = region.regional_costs.filter(year=month.year).values_list("amount", flat=True).first()
    costs = monthly_part(yearly, month.month) if yearly is not None else Decimal("0.00")
    shares = split_by_key(costs, {m.pk: m.population for m in municipalities}) if municipalities else {}
    run = SettlementRun.objects.create(region=region, month=month, paid_to_providers=Decimal("0.00"),
                                       charged_for_care=Decimal("0.00"), regional_costs=costs,
                                       created_by=actor.user if actor is not None else None)
    _step("created")
    # The set of due lines is fixed once, by one UPDATE that ties (and locks) every line due now;
    # a line that commits later is not in it and waits for the next run. Everything below reads
    # the tie, never "due" again, so what is tied is exactly what is paid and charged.
    DeclarationLine.objects.filter(region=region, settlement__isnull=True, month__lte=month).update(settlement=run)
    _step("tied")
    approved = DeclarationLine.objects.filter(settlement=run, status=LineStatus.APPROVED)
    by_provider = list(approved.values("provider_id").annotate(amount=Sum("amount"), lines=Count("id")))
    by_municipality = {
        row["municipality_id"]: row
        for row in approved.values("municipality_id").annotate(
            amount=Sum("amount"), clients=Count("allocation__client_id", distinct=True))
    }
    _step("summed")
    # Every approved line has one provider and one payer: paid and charged are one sum, grouped two ways.
    paid = sum((to_money(row["amount"]) for row in by_provider), Decimal("0.00"))
    charged = sum((to_money(row["amount"]) for row in by_municipality.values()), Decimal("0.00"))
    run.paid_to_providers, run.charged_for_care = paid, charged
    run.save(update_fields=["paid_to_providers", "charged_for_care"])
    ProviderPayment.objects.bulk_create(
        ProviderPayment(run=run, provider_id=row["provider_id"], amount=to_money(row["amount"]), line_count=row["lines"])
        for row in by_provider
    )
    charge_ids = {m.pk for m in municipalities} | set(by_municipality)
    MunicipalityCharge.objects.bulk_create(
        _charge(run, municipality_id, by_municipality.get(municipality_id), shares.get(municipality_id))
        for municipality_id in sorted(charge_ids)
    )
    return run


def _charge(run, municipality_id, care_row, share) -> MunicipalityCharge:
    care = to_money(care_row["amount"]) if care_row else Decimal("0.00")
    share = share if share is not None else Decimal("0.00")
    return MunicipalityCharge(run=run, municipality_id=municipality_id, care=care, regional_costs=share,
                              total=care + share, client_count=care_row["clients"] if care_row else 0)


def settlement_statement(run: SettlementRun) -> dict:
    """The month's statement in the documented JSON shape; amounts as strings with two decimals."""
    payments = run.payments.select_related("provider").order_by("provider__agb_code")
    charges = run.charges.select_related("municipality").order_by("municipality__code")
    rejected = run.lines.filter(status=LineStatus.REJECTED).order_by("reference", "month", "pk")
    return {
        "month": format_month(run.month),
        "providers": [{"agb": p.provider.agb_code, "name": p.provider.name, "amount": f"{p.amount:.2f}",
                       "lines": p.line_count} for p in payments],
        "municipalities": [
            {"code": c.municipality.code, "name": c.municipality.name, "care": f"{c.care:.2f}",
             "regional_costs": f"{c.regional_costs:.2f}", "total": f"{c.total:.2f}", "clients": c.client_count}
            for c in charges
        ],
        "paid_to_providers": f"{run.paid_to_providers:.2f}",
        "charged_for_care": f"{run.charged_for_care:.2f}",
        "regional_costs": f"{run.regional_costs:.2f}",
        "rejected": [{"reference": line.reference, "month": format_month(line.month), "code": line.reason_code}
                     for line in rejected],
    }
