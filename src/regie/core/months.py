"""Months are first-of-month dates; care periods are dates, never datetimes."""

from __future__ import annotations

import calendar
import datetime as dt

from .parse import parse_date, parse_month  # noqa: F401 - the one parser of each kind, re-exported


def month_start(day: dt.date) -> dt.date:
    return day.replace(day=1)


def month_end(month: dt.date) -> dt.date:
    return month.replace(day=calendar.monthrange(month.year, month.month)[1])


def add_months(month: dt.date, count: int) -> dt.date:
    index = month.year * 12 + month.month - 1 + count
    return dt.date(index // 12, index % 12 + 1, 1)


def months_between(first: dt.date, last: dt.date) -> list[dt.date]:
    """Every month from the month of `first` to the month of `last`, inclusive."""
    months, current, stop = [], month_start(first), month_start(last)
    while current <= stop:
        months.append(current)
        current = add_months(current, 1)
    return months


def format_month(month: dt.date) -> str:
    return f"{month.year:04d}-{month.month:02d}"


def overlaps(start: dt.date, end: dt.date | None, first: dt.date, last: dt.date) -> bool:
    """Does the period start..end (open end when None) share a day with first..last?"""
    return start <= last and (end is None or end >= first)
