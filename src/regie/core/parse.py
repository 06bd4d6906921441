"""One parser per kind for every value that enters from outside: a form, an upload, the API, a URL,
a command or the iWmo inbox. Each refuses with a `DomainError` with a stable code and a sentence
naming the field; none lets a Python or database error through.

    parse_date("2025-03-01", field="start", window=care_window(region))
    parse_month("2025-03", field="month", window=care_window(region))
    parse_amount("412.50", field="amount", max_digits=12, decimal_places=2)
    parse_integer("3", field="category", minimum=0, maximum=99)
    parse_text("De Brug", field="name", max_length=200)

Dates and months are written with ASCII digits only (`YYYY-MM-DD`, `YYYY-MM`) and lie in a
window: always within `ABSOLUTE` (1900 to 2199: nothing a column or a `date` cannot hold), and,
where the region is known, within the window its settings define (`care_window`: from the
region's `care_from` to `future_years` years after today). The bounds come from the region,
never from the caller. `check_date` and `check_amount` apply the same rules to values that are
typed already (an XML message, a service call).

Codes: date-invalid, date-out-of-window, month-invalid, month-out-of-window, amount-invalid,
amount-not-finite, amount-exponent, amount-too-large, amount-too-precise, amount-negative,
integer-invalid, integer-out-of-range, number-not-ascii, text-control-character, text-too-long.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from django.utils.translation import gettext as _

from .errors import DomainError
from .formatting import number, short_date

_DATE = re.compile(r"([0-9]{4})-([0-9]{2})-([0-9]{2})", re.ASCII)
_MONTH = re.compile(r"([0-9]{4})-([0-9]{2})", re.ASCII)
_INTEGER = re.compile(r"[+-]?[0-9]+", re.ASCII)
_DECIMAL = re.compile(r"[+-]?[0-9]+(?:[.,][0-9]+)?", re.ASCII)
# Bidirectional overrides and isolates turn text around on screen (a file name "gpj.exe" that reads "exe.jpg").
_BIDI = {chr(c) for c in (*range(0x202A, 0x202F), *range(0x2066, 0x206A))}
_LINE_BREAKS = {"\n", "\r", "\t"}

_STRING = re.compile(rb'"(?:[^"\\]|\\.)*"', re.DOTALL)
_BRACKET = re.compile(rb"[\[\]{}]")

INTEGER_MAX = 2**31 - 1  # an integer column on every database we run on
MAX_TEXT = 10_000  # no text we take is longer, whatever its own limit


@dataclass(frozen=True)
class Window:
    """The first and last day a date may take; a month may take the months they fall in."""

    first: dt.date
    last: dt.date


ABSOLUTE = Window(dt.date(1900, 1, 1), dt.date(2199, 12, 31))


def _years_after(day: dt.date, years: int) -> dt.date:
    from .months import add_years  # months re-exports this module's parsers

    if day.year + years > ABSOLUTE.last.year:
        return ABSOLUTE.last
    return add_years(day, years)


def care_window(region, *, today: dt.date | None = None) -> Window:
    """Care dates and months of `region`: from its `care_from` to `future_years` years after today."""
    today = today or dt.date.today()
    first = getattr(region, "care_from", None) or ABSOLUTE.first
    years = getattr(region, "future_years", None)
    last = _years_after(today, 5 if years is None else years)
    return Window(max(first, ABSOLUTE.first), min(last, ABSOLUTE.last))


def residence_window(region, *, today: dt.date | None = None) -> Window:
    """Residence dates: a client may live in the region long before it started, not far into the future."""
    return Window(ABSOLUTE.first, care_window(region, today=today).last)


def past_window(*, today: dt.date | None = None) -> Window:
    """A birth date: not before 1900, not after today."""
    return Window(ABSOLUTE.first, today or dt.date.today())


def shown(value, limit: int = 40) -> str:
    """A value as it may appear in a message: printable, and not longer than `limit`."""
    text = "".join(c if c.isprintable() and c not in _BIDI else "?" for c in str(value))
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _error(field: str | None, code: str, message: str) -> DomainError:
    """The refusal. The field travels beside the sentence (a form shows it at the field, an import
    names the column, the API gives `field`), never inside it as a machine name."""
    return DomainError(code, message, field=field)


# -- dates and months ---------------------------------------------------------------------------


def check_date(day: dt.date, *, field: str | None = None, window: Window | None = None) -> dt.date:
    """A typed date within `window` (and always within `ABSOLUTE`)."""
    for bounds in (ABSOLUTE, window) if window is not None else (ABSOLUTE,):
        if not bounds.first <= day <= bounds.last:
            raise _error(
                field, "date-out-of-window",
                _("%(value)s lies outside the dates this region accepts (%(first)s to %(last)s).")
                % {"value": short_date(day), "first": short_date(bounds.first),
                   "last": short_date(bounds.last)},)
    return day


def check_month(month: dt.date, *, field: str | None = None, window: Window | None = None) -> dt.date:
    month = month.replace(day=1)
    for bounds in (ABSOLUTE, window) if window is not None else (ABSOLUTE,):
        if not bounds.first.replace(day=1) <= month <= bounds.last:
            raise _error(
                field, "month-out-of-window",
                _("%(value)s lies outside the months this region accepts (%(first)s to %(last)s).")
                % {"value": f"{month.year:04d}-{month.month:02d}",
                   "first": f"{bounds.first.year:04d}-{bounds.first.month:02d}",
                   "last": f"{bounds.last.year:04d}-{bounds.last.month:02d}"},)
    return month


def check_year(year: int, *, window: Window, field: str | None = "year", code: str = "year-out-of-window") -> int:
    """A year within the window's years (figures entered per year: survey results, populations)."""
    if not window.first.year <= year <= window.last.year:
        raise _error(field, code, _("%(year)s lies outside the years this region accepts (%(first)s to %(last)s).")
                     % {"year": year, "first": window.first.year, "last": window.last.year})
    return year


def parse_date(text, *, field: str | None = None, window: Window | None = None) -> dt.date:
    """`YYYY-MM-DD` in ASCII digits, a real day, within the window."""
    raw = str(text).strip() if text is not None else ""
    match = _DATE.fullmatch(raw)
    day = None
    if match:
        try:
            day = dt.date(*(int(part) for part in match.groups()))
        except ValueError:
            day = None
    if day is None:
        raise _error(field, "date-invalid", _("'%(value)s' is not a valid date; use YYYY-MM-DD.")
                          % {"value": shown(raw)})
    return check_date(day, field=field, window=window)


def parse_month(text, *, field: str | None = None, window: Window | None = None) -> dt.date:
    """`YYYY-MM` in ASCII digits, within the window; the first day of that month."""
    raw = str(text).strip() if text is not None else ""
    match = _MONTH.fullmatch(raw)
    month = None
    if match and 1 <= int(match.group(2)) <= 12 and int(match.group(1)) >= 1:
        month = dt.date(int(match.group(1)), int(match.group(2)), 1)
    if month is None:
        raise _error(field, "month-invalid", _("'%(value)s' is not a valid month; use YYYY-MM, for "
                                             "example 2025-03.") % {"value": shown(raw)})
    return check_month(month, field=field, window=window)


_QUARTER = re.compile(r"([0-9]{4})-[Qq]([1-4])", re.ASCII)


def parse_quarter(text, *, field: str | None = None, window: Window | None = None) -> dt.date:
    """`YYYY-Qn` (n 1 to 4) in ASCII digits, within the window; the first day of the quarter."""
    raw = str(text).strip() if text is not None else ""
    match = _QUARTER.fullmatch(raw)
    if not match or int(match.group(1)) < 1:
        raise _error(field, "quarter-invalid", _("'%(value)s' is not a valid quarter; use YYYY-Qn, for "
                                               "example 2025-Q3.") % {"value": shown(raw)})
    return check_month(dt.date(int(match.group(1)), 3 * int(match.group(2)) - 2, 1), field=field, window=window)


# -- numbers ------------------------------------------------------------------------------------


def _not_ascii(raw: str, field: str | None) -> DomainError:
    return _error(field, "number-not-ascii", _("'%(value)s' has characters that are not the digits 0 to 9; "
                                             "type the number with ordinary digits.") % {"value": shown(raw)})


def check_amount(value: Decimal, *, field: str | None = None, max_digits: int = 12, decimal_places: int = 2,
                 minimum: Decimal | None = None, raw: str | None = None) -> Decimal:
    """A typed Decimal that fits a `DecimalField(max_digits, decimal_places)`: finite, not too large,
    not more precise than the column. It is given back unchanged (never rounded silently)."""
    show = shown(raw if raw is not None else value)
    if not isinstance(value, Decimal) or not value.is_finite():
        raise _error(field, "amount-not-finite", _("'%(value)s' is not a number.")
                          % {"value": show})
    limit = Decimal(10) ** (max_digits - decimal_places)
    if abs(value) >= limit:
        largest = limit - Decimal(1).scaleb(-decimal_places)
        if value < 0:
            raise _error(field, "amount-too-large", _("'%(value)s' is too small; the smallest is %(smallest)s.")
                         % {"value": show, "smallest": number(-largest, decimal_places)})
        raise _error(field, "amount-too-large", _("'%(value)s' is too large; the largest is %(largest)s.")
                     % {"value": show, "largest": number(largest, decimal_places)})
    exponent = value.as_tuple().exponent
    if -exponent > decimal_places and value != value.quantize(Decimal(1).scaleb(-decimal_places)):
        raise _error(field, "amount-too-precise", _("'%(value)s' has more than %(places)d decimals.")
                          % {"value": show, "places": decimal_places})
    if minimum is not None and value < minimum:
        raise _error(field, "amount-negative", _("'%(value)s' is less than %(minimum)s.")
                          % {"value": show, "minimum": minimum})
    return abs(value) if value == 0 else value  # "-0" is zero


def parse_amount(text, *, field: str | None = None, max_digits: int = 12, decimal_places: int = 2,
                 minimum: Decimal | None = None) -> Decimal:
    """A decimal number as people write it: ASCII digits, an optional sign, one decimal point or
    comma (Dutch Excel); no exponent, no thousands separator, no NaN or Infinity."""
    if isinstance(text, Decimal):
        return check_amount(text, field=field, max_digits=max_digits, decimal_places=decimal_places,
                            minimum=minimum)
    if isinstance(text, (bool, float)) or not isinstance(text, (str, int)):
        raise _error(field, "amount-invalid", _("A number is needed here.")
                         )
    raw = str(text).strip()
    if not raw.isascii():
        raise _not_ascii(raw, field)
    if not _DECIMAL.fullmatch(raw):
        lowered = raw.lower().lstrip("+-")
        if lowered in ("nan", "snan", "inf", "infinity"):
            raise _error(field, "amount-not-finite", _("'%(value)s' is not a number.")
                              % {"value": shown(raw)})
        if re.fullmatch(r"[+-]?[0-9.,]*[0-9][eE][+-]?[0-9]+", raw):
            raise _error(field, "amount-exponent", _("'%(value)s' is written with an exponent; write the "
                                                   "number in full, for example 412.50.")
                              % {"value": shown(raw)})
        raise _error(field, "amount-invalid", _("'%(value)s' is not a valid number; write for example "
                                              "412.50.") % {"value": shown(raw)})
    if len(raw) > 40:
        raise _error(field, "amount-too-large", _("'%(value)s' is too large.")
                          % {"value": shown(raw)})
    try:
        value = Decimal(raw.replace(",", "."))
    except InvalidOperation:  # pragma: no cover - the pattern above admits only valid decimals
        raise _error(field, "amount-invalid", _("'%(value)s' is not a valid number.")
                          % {"value": shown(raw)}) from None
    return check_amount(value, field=field, max_digits=max_digits, decimal_places=decimal_places, minimum=minimum,
                        raw=raw)


def parse_integer(text, *, field: str | None = None, minimum: int | None = -INTEGER_MAX,
                  maximum: int | None = INTEGER_MAX) -> int:
    """A whole number in ASCII digits (an optional sign), within `minimum`..`maximum` (by default
    what an integer column holds)."""
    if isinstance(text, bool):
        raise _error(field, "integer-invalid", _("A whole number is needed here.")
                         )
    raw = str(text).strip() if text is not None else ""
    if not raw.isascii():
        raise _not_ascii(raw, field)
    if not _INTEGER.fullmatch(raw) or len(raw) > 20:
        if _INTEGER.fullmatch(raw):
            raise _error(field, "integer-out-of-range", _("'%(value)s' is too large.")
                              % {"value": shown(raw)})
        raise _error(field, "integer-invalid", _("'%(value)s' is not a whole number.")
                          % {"value": shown(raw)})
    value = int(raw)
    if (minimum is not None and value < minimum) or (maximum is not None and value > maximum):
        raise _error(field, "integer-out-of-range", _("%(value)s is not between %(minimum)s and %(maximum)s.")
                          % {"value": value, "minimum": minimum, "maximum": maximum})
    return value


# -- text ---------------------------------------------------------------------------------------


def control_character(text: str, *, multiline: bool = False) -> str | None:
    """The first character `text` may not hold (NUL, a control character, a bidi override), or None."""
    for char in text:
        if multiline and char in _LINE_BREAKS:
            continue
        if char in _BIDI or unicodedata.category(char) in ("Cc", "Cs") or char in ("\u2028", "\u2029"):
            return char
    return None


def clean_name(name: str, *, max_length: int = 255) -> str:
    """A file name as a client sent it, made storable: control characters and bidi overrides become
    '_' (PostgreSQL refuses NUL in text), at most `max_length` characters."""
    return "".join("_" if control_character(c) else c for c in str(name or ""))[:max_length]


def check_text(text: str, *, field: str | None = None, multiline: bool = False) -> str:
    char = control_character(text, multiline=multiline)
    if char is not None:
        raise _error(field, "text-control-character",
                          _("This text holds a control character (U+%(code)04X) that cannot be stored; remove it.")
                          % {"code": ord(char)})
    return text


def parse_text(text, *, field: str | None = None, max_length: int | None = None, multiline: bool = False) -> str:
    """Text stripped of surrounding blanks; no NUL, control characters or bidi overrides; not too long."""
    raw = "" if text is None else str(text)
    limit = min(max_length or MAX_TEXT, MAX_TEXT)
    if len(raw) > max(limit, MAX_TEXT):
        raw = raw[: MAX_TEXT + 1]
    value = check_text(raw.strip(), field=field, multiline=multiline)
    if len(value) > limit:
        raise _error(field, "text-too-long", _("The text is longer than %(limit)d characters.")
                          % {"limit": limit})
    return value


# -- structure ----------------------------------------------------------------------------------


def json_depth(data: bytes) -> int:
    """The deepest nesting of arrays and objects in a JSON text, without parsing it (so without recursion)."""
    depth = deepest = 0
    for match in _BRACKET.finditer(_STRING.sub(b"", data)):
        depth += 1 if match.group() in (b"[", b"{") else -1
        deepest = max(deepest, depth)
    return deepest
