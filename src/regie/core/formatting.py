"""How numbers, amounts, dates and months read, in the active language (Dutch: 1.234,56 and 31-12-2026).

The one euro formatter: templates use it as `{{ amount|euro }}` (`regie_money`), Python as `euro(amount)`.
Formats come from Django's locale data plus `regie/formats/<language>/formats.py`.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.utils import formats

from .money import to_money


def number(value, decimals: int | None = None) -> str:
    """1.234 or 1.234,5 in Dutch, 1,234 or 1,234.5 in English; None reads as a dash."""
    if value is None or value == "":
        return "—"
    return formats.number_format(value, decimal_pos=decimals, use_l10n=True, force_grouping=True)


def euro(value) -> str:
    """€ 1.234,56 (Dutch) or €1,234.56-style grouping in English: "€ 1,234.56"; negative with a minus sign."""
    if value is None or value == "":
        return "—"
    amount = to_money(value if isinstance(value, (Decimal, int, str)) else str(value))
    sign = "−" if amount < 0 else ""
    return f"{sign}€\u00a0{formats.number_format(abs(amount), decimal_pos=2, use_l10n=True, force_grouping=True)}"


def short_date(value: dt.date | None) -> str:
    """31-12-2026 in Dutch, 31 Dec 2026 in English."""
    if value is None:
        return "—"
    return formats.date_format(value, "SHORT_DATE_FORMAT")


def month_name(value) -> str:
    """"maart 2025" in Dutch, "March 2025" in English, from Django's own month names."""
    if isinstance(value, dt.date):
        return formats.date_format(value, "YEAR_MONTH_FORMAT")
    return str(value)
