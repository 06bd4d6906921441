"""Periods: when one runs, and one rule per kind of date mistake.

Every period in the domain (allocation, contract, residence, tariff, municipality) has an inclusive
start and an inclusive end, `None` for an open end. Whether it runs is asked in one way:

- `valid_on(start, end, day)` / `overlaps(start, end, first, last)` on values in Python;
- `valid_on_q(day)` / `overlapping_q(first, last)` in a query, given the field names
  (`start=`, `end=`, or `**VALIDITY` for `valid_from`..`valid_to`; `end` may name several ends,
  the earliest counts).

The refusals:

- `period_check`: a period (allocation, contract, residence, tariff, municipality) does not end
  before it begins — code `period-reversed`, on the end field.
- `day_check`: a day that must lie within a period (a start of care within the allocation, a
  notice within the contract's running term, a goal closed after its plan) — the caller's code,
  on the caller's field.

The messages name the field and the dates, formatted for people (never a Python repr).
"""

from __future__ import annotations

import datetime as dt

from django.db.models import Q
from django.utils.translation import gettext as _

from .errors import DomainError
from .formatting import short_date


VALIDITY = {"start": "valid_from", "end": "valid_to"}  # the fields of tariffs, residences, municipalities


def valid_on(start: dt.date, end: dt.date | None, day: dt.date) -> bool:
    """Does the period start..end (inclusive; open when `end` is None) run on `day`?"""
    return start <= day and (end is None or day <= end)


def overlaps(start: dt.date, end: dt.date | None, first: dt.date, last: dt.date | None) -> bool:
    """Does the period start..end share a day with first..last (`last` None: from `first` on)?
    A period that ends before it starts has no day to share."""
    return (last is None or start <= last) and (end is None or max(start, first) <= end)


def valid_on_q(day: dt.date, *, start: str = "start", end: str | tuple[str, ...] = "end") -> Q:
    """The rows whose period runs on `day`."""
    return overlapping_q(day, day, start=start, end=end)


def overlapping_q(first: dt.date, last: dt.date | None, *, start: str = "start",
                  end: str | tuple[str, ...] = "end") -> Q:
    """The rows whose period shares a day with first..last; `last` None: running on `first` or later.

    With several ends (an allocation's `end` and `stopped_on`) the period ends at the earliest one.
    A reversed period is not looked for: the tables' check constraints hold none.
    """
    found = Q() if last is None else Q(**{f"{start}__lte": last})
    for name in (end,) if isinstance(end, str) else end:
        found &= Q(**{f"{name}__isnull": True}) | Q(**{f"{name}__gte": first})
    return found


def period_check(*, start: dt.date, end: dt.date | None, field: str = "end") -> None:
    """Refuse a period whose end lies before its start; one day (end == start) is a period."""
    if end is not None and end < start:
        raise DomainError("period-reversed", _("The end date %(end)s lies before the start date %(start)s.") % {
            "end": short_date(end), "start": short_date(start)}, field=field)


def day_check(*, day: dt.date, first: dt.date | None = None, last: dt.date | None = None,
              before_code: str, after_code: str | None = None, field: str, message_before: str,
              message_after: str = "") -> None:
    """Refuse `day` before `first` (code `before_code`) or after `last` (`after_code`).

    The messages are formatted with `day`, `first` and `last` as people read them.
    """
    values = {"day": short_date(day), "first": short_date(first) if first else "", "last": short_date(last) if last else ""}
    if first is not None and day < first:
        raise DomainError(before_code, message_before % values, field=field)
    if last is not None and day > last:
        raise DomainError(after_code or before_code, (message_after or message_before) % values, field=field)
