"""Money and months in the Dutch way: `{{ amount|euro }}` → "€ 1.234,56", `{{ month|maand }}` → "maart 2025".

Lives in monitoring for now; every screen loads it with `{% load regie_money %}`.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django import template

from regie.core.money import to_money

register = template.Library()

MONTHS = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober",
          "november", "december"]


@register.filter
def euro(value) -> str:
    if value is None or value == "":
        return "—"
    amount = to_money(value if isinstance(value, (Decimal, int, str)) else str(value))
    whole, cents = f"{abs(amount):,.2f}".split(".")
    sign = "−" if amount < 0 else ""
    return f"{sign}€\u00a0{whole.replace(',', '.')},{cents}"


@register.filter
def maand(value) -> str:
    if isinstance(value, dt.date):
        return f"{MONTHS[value.month - 1]} {value.year}"
    return str(value)
