"""A figure's cell as the table shows it: its value in the indicator's unit, or the mark of a hidden one."""

from __future__ import annotations

from django import template

from regie.core import formatting

from ..disclosure import mark

register = template.Library()


@register.filter
def cell_text(cell, indicator) -> str:
    if not cell.shown:
        return mark(cell.reason)
    if cell.value is None:
        return "·"
    return formatting.euro(cell.value) if indicator.money else formatting.number(cell.value)
