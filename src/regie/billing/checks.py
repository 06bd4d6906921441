"""The checks on a declaration line, each with a stable reason code and a Dutch explanation.

`line_check` is a pure function over what the database already told us (the allocation, the
tariff, the payer, whether the month is paid already), so one set-wise fetch serves a whole
file and the rules stay readable and testable on their own.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from django.utils.translation import gettext_lazy as _

from regie.care.models import AllocationStatus
from regie.catalogue.models import Variant
from regie.core.money import CENT
from regie.core.months import month_end
from regie.core.periods import overlaps
from regie.regions.models import PartialMonthRule

REASONS = {
    "allocation-unknown": _("There is no allocation with this number."),
    "allocation-other-provider": _("The allocation belongs to another provider."),
    "month-outside-allocation": _("The month falls outside the allocation period."),
    "allocation-not-started": _("The care has not started (yet) in this month."),
    "month-after-stop": _("The month lies after the care stopped."),
    "product-mismatch": _("The product differs from the allocation."),
    "category-mismatch": _("The category differs from the allocation."),
    "tariff-missing": _("There is no tariff for this category in this month."),
    "tariff-mismatch": _("The tariff differs from the set tariff."),
    "volume-mismatch": _("The volume differs from what may be declared for this month."),
    "amount-mismatch": _("The amount does not equal tariff × volume."),
    "no-residence": _("The client did not live in a municipality of the region in this month."),
    "duplicate": _("This month of this allocation has already been declared."),
    "credit-without-debit": _("There is no approved declaration that this credit line can reverse."),
    "month-out-of-window": _("The month lies outside the months this region accepts."),
    "value-out-of-range": _("A volume, price or amount is not a number that can be stored (too large, too "
                            "precise or not finite)."),
}


@dataclass(frozen=True)
class LineInput:
    reference: str
    month: dt.date
    debit_credit: str = "D"
    product_code: str | None = None
    category: int | None = None
    volume: Decimal | None = None
    unit_price: Decimal | None = None
    amount: Decimal | None = None


@dataclass(frozen=True)
class Expected:
    """What a debit line should be, as the catalogue and the region's rules say."""

    volume: Decimal
    unit_price: Decimal
    amount: Decimal


def delivered_days(allocation, month: dt.date) -> int:
    first = max(month, allocation.start, allocation.started_on or allocation.start)
    ends = [month_end(month)] + [d for d in (allocation.end, allocation.stopped_on) if d is not None]
    last = min(ends)
    return max((last - first).days + 1, 0)


def expected_line(*, allocation, month: dt.date, tariff: Decimal, partial_month_rule: str) -> Expected:
    """Effort-based: volume 1 × the monthly tariff. Output-based: the monthly amount in euros,
    volume = the amount, unit price € 1. A broken month follows the region's rule."""
    amount = tariff
    if partial_month_rule == PartialMonthRule.PRO_RATA:
        days_in_month = month_end(month).day
        amount = (tariff * delivered_days(allocation, month) / days_in_month).quantize(CENT, ROUND_HALF_UP)
    if allocation.product.variant == Variant.OUTPUT:
        return Expected(volume=amount, unit_price=Decimal("1.00"), amount=amount)
    return Expected(volume=Decimal(1), unit_price=amount, amount=amount)


def debit_check(*, line: LineInput, allocation, provider_ids, expected: Expected | None,
                payer_id: int | None, already_paid: bool) -> str:
    """The reason code for rejecting a debit line, or '' when it is approved."""
    if allocation is None:
        return "allocation-unknown"
    if allocation.provider_id not in provider_ids:
        return "allocation-other-provider"
    last_day = month_end(line.month)
    if not overlaps(allocation.start, allocation.end, line.month, last_day):
        return "month-outside-allocation"
    if allocation.status in (AllocationStatus.ALLOCATED, AllocationStatus.WITHDRAWN) or (
        allocation.started_on is None or allocation.started_on > last_day
    ):
        return "allocation-not-started"
    if allocation.stopped_on is not None and allocation.stopped_on < line.month:
        return "month-after-stop"
    if line.product_code is not None and line.product_code != allocation.product.code:
        return "product-mismatch"
    if line.category is not None and line.category != allocation.category.number:
        return "category-mismatch"
    if expected is None:
        return "tariff-missing"
    if line.unit_price is not None and line.unit_price != expected.unit_price:
        return "tariff-mismatch"
    if line.volume is not None and line.volume != expected.volume:
        return "volume-mismatch"
    if line.amount is not None and line.amount != expected.amount:
        return "amount-mismatch"
    if payer_id is None:
        return "no-residence"
    if already_paid:
        return "duplicate"
    return ""
