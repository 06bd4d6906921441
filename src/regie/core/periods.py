"""One rule per kind of date mistake, so every period in the domain is refused the same way.

- `period_check`: a period (allocation, contract, residence, tariff, municipality) does not end
  before it begins — code `period-reversed`, on the end field.
- `day_check`: a day that must lie within a period (a start of care within the allocation, a
  notice within the contract's running term, a goal closed after its plan) — the caller's code,
  on the caller's field.

The messages name the field and the dates, formatted for people (never a Python repr).
"""

from __future__ import annotations

import datetime as dt

from django.utils.translation import gettext as _

from .errors import DomainError
from .formatting import short_date


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
