"""Money, numbers and months in the active language: `{{ amount|euro }}` → "€ 1.234,56",
`{{ count|number }}` → "1.234", `{{ month|maand }}` (or `|month`) → "maart 2025" / "March 2025".

Every screen loads it with `{% load regie_money %}`; the formatting itself is `regie.core.formatting`.
"""

from __future__ import annotations

from django import template

from regie.core import formatting

register = template.Library()


@register.filter
def euro(value) -> str:
    return formatting.euro(value)


@register.filter
def number(value, decimals=None) -> str:
    return formatting.number(value, None if decimals in (None, "") else int(decimals))


@register.filter(name="month")
def month(value) -> str:
    return formatting.month_name(value)


register.filter("maand", month)
