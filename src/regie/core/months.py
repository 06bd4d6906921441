"""Months are first-of-month dates; care periods are dates, never datetimes.

The one calendar arithmetic: `add_months` (and `add_years`) moves a day by whole months and keeps
its day of the month, clamped to the last day of a shorter month (31 January + 1 month is
28 or 29 February); a first of the month therefore stays a first of the month.
"""

from __future__ import annotations

import calendar
import datetime as dt

from .parse import parse_date, parse_month  # noqa: F401 - the one parser of each kind, re-exported


def month_start(day: dt.date) -> dt.date:
    return day.replace(day=1)


def month_end(month: dt.date) -> dt.date:
    return month.replace(day=calendar.monthrange(month.year, month.month)[1])


def add_months(day: dt.date, count: int) -> dt.date:
    year, month = divmod(day.year * 12 + day.month - 1 + count, 12)
    return dt.date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))


def add_years(day: dt.date, count: int) -> dt.date:
    """29 February + 1 year is 28 February."""
    return add_months(day, 12 * count)


def months_between(first: dt.date, last: dt.date) -> list[dt.date]:
    """Every month from the month of `first` to the month of `last`, inclusive."""
    start = month_start(first)
    count = (last.year - first.year) * 12 + last.month - first.month + 1  # counted, so it ends whatever it adds
    return [add_months(start, i) for i in range(max(count, 0))]


def format_month(month: dt.date) -> str:
    return f"{month.year:04d}-{month.month:02d}"

