"""Path converters: a month in a URL is parsed by the one month parser, so a URL with a month that
does not exist (`0000-01`, `2025-13`) answers 404, never a server error."""

from __future__ import annotations

import datetime as dt

from .errors import DomainError
from .months import format_month
from .parse import parse_month


class MonthConverter:
    """`YYYY-MM`; the view gets the text as it was (a valid month), `reverse` takes text or a date."""

    regex = r"[0-9]{4}-[0-9]{2}"

    def to_python(self, value: str) -> str:
        try:
            parse_month(value)
        except DomainError:
            raise ValueError(value) from None  # Django: no match, so 404
        return value

    def to_url(self, value) -> str:
        return format_month(value) if isinstance(value, dt.date) else str(value)
