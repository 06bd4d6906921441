"""Money is Decimal with two places, rounded half up as Dutch invoices are; never float."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from django.utils.translation import gettext as _

from .errors import DomainError

CENT = Decimal("0.01")


def to_money(value) -> Decimal:
    if isinstance(value, float):
        raise TypeError("money must not be a float")
    try:
        amount = Decimal(str(value).strip().replace(",", ".")) if isinstance(value, str) else Decimal(value)
    except InvalidOperation:
        raise DomainError("amount-invalid", _("'%(value)s' is not a valid amount.") % {"value": value}) from None
    if not amount.is_finite():
        raise DomainError("amount-invalid", _("'%(value)s' is not a valid amount.") % {"value": value})
    try:
        return amount.quantize(CENT, rounding=ROUND_HALF_UP)
    except InvalidOperation:  # more digits than a Decimal context holds: no column holds it either
        raise DomainError("amount-too-large", _("'%(value)s' is too large.") % {"value": str(value)[:40]}) from None


def cents(amount: Decimal) -> int:
    return int(to_money(amount) * 100)


def from_cents(value: int) -> Decimal:
    return (Decimal(value) / 100).quantize(CENT)


def fmt(amount: Decimal) -> str:
    return f"{to_money(amount):.2f}"


def split_by_key(total: Decimal, weights: dict, /) -> dict:
    """Share `total` over the keys in proportion to `weights`, to the cent, summing exactly.

    Largest-remainder method: every share is floored to the cent, and the cents left over go
    to the largest remainders (ties broken by key, so the result is deterministic).
    """
    total_cents = cents(total)
    weight_sum = sum(weights.values())
    if not weights or weight_sum <= 0:
        raise DomainError("key-empty", _("The distribution key is empty; there is nothing to distribute over."))
    sign = -1 if total_cents < 0 else 1
    magnitude = abs(total_cents)
    floors, remainders = {}, []
    for key in sorted(weights):
        numerator = magnitude * weights[key]
        floors[key] = numerator // weight_sum
        remainders.append((-(numerator % weight_sum), str(key), key))
    left = magnitude - sum(floors.values())
    for _remainder, _key, key in sorted(remainders)[:left]:
        floors[key] += 1
    return {key: from_cents(sign * value) for key, value in floors.items()}


def monthly_part(yearly: Decimal, month: int) -> Decimal:
    """The part of a yearly amount that falls in month 1..12; the twelve parts add up exactly."""
    total = cents(yearly)
    return from_cents(total * month // 12 - total * (month - 1) // 12)
