"""Working days in the Netherlands, for the deadlines of the iWmo standard.

A working day is Monday to Friday, unless it is a general recognised holiday. Which days those
are follows the **Algemene termijnenwet** (art. 3), the law that extends legal deadlines that
end on a holiday:

* Nieuwjaarsdag (1 January);
* Eerste en Tweede Paasdag (Easter Sunday and Monday; Easter by the anonymous Gregorian
  algorithm, computed here);
* Koningsdag: 27 April, or 26 April when the 27th is a Sunday (from 2014); before 2014
  Koninginnedag, 30 April, or 29 April when the 30th is a Sunday;
* Bevrijdingsdag (5 May) **every year**. Many collective agreements give 5 May off only once
  every five years (2025, 2030, …), but the Algemene termijnenwet counts it every year; the
  deadlines here are legal and chain-wide, not a matter of one employer's agreement, so we
  follow the law.
* Hemelvaartsdag (Easter + 39 days);
* Eerste en Tweede Pinksterdag (Easter + 49 and + 50 days);
* Eerste en Tweede Kerstdag (25 and 26 December).

**Goede Vrijdag is not a holiday here**: it is not in the Algemene termijnenwet and government
offices are open on it; only some collective agreements give it off.

`workdays_between(a, b)` counts the working days d with a < d <= b, so that
`workdays_between(a, add_workdays(a, n)) == n` for every a and n >= 0.
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache

_DAY = dt.timedelta(days=1)


def easter(year: int) -> dt.date:
    """Easter Sunday (Gregorian): the anonymous algorithm (Meeus/Jones/Butcher)."""
    a = year % 19
    b, c = divmod(year, 100)
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    l = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l) // 451
    month, day = divmod(h + l - 7 * m + 114, 31)
    return dt.date(year, month, day + 1)


def _kings_day(year: int) -> dt.date:
    day = dt.date(year, 4, 27) if year >= 2014 else dt.date(year, 4, 30)
    return day - _DAY if day.weekday() == 6 else day


@lru_cache(maxsize=512)
def holidays(year: int) -> dict[dt.date, str]:
    """The general recognised holidays of `year`, date → Dutch name."""
    e = easter(year)
    days = {
        dt.date(year, 1, 1): "Nieuwjaarsdag",
        e: "Eerste Paasdag",
        e + _DAY: "Tweede Paasdag",
        _kings_day(year): "Koningsdag" if year >= 2014 else "Koninginnedag",
        dt.date(year, 5, 5): "Bevrijdingsdag",
        e + dt.timedelta(days=39): "Hemelvaartsdag",
        e + dt.timedelta(days=49): "Eerste Pinksterdag",
        e + dt.timedelta(days=50): "Tweede Pinksterdag",
        dt.date(year, 12, 25): "Eerste Kerstdag",
        dt.date(year, 12, 26): "Tweede Kerstdag",
    }
    return dict(sorted(days.items()))


@lru_cache(maxsize=512)
def _weekday_holidays(year: int) -> tuple[dt.date, ...]:
    return tuple(d for d in holidays(year) if d.weekday() < 5)


def is_holiday(day: dt.date) -> bool:
    return day in holidays(day.year)


def is_workday(day: dt.date) -> bool:
    return day.weekday() < 5 and day not in holidays(day.year)


def _weekdays_upto(day: dt.date) -> int:
    """Monday-to-Friday days from a fixed Monday up to and including `day` (any sign)."""
    weeks, rest = divmod(day.toordinal() - 1, 7)  # ordinal 1 (0001-01-01) is a Monday
    return weeks * 5 + min(rest + 1, 5)


def workdays_between(a: dt.date, b: dt.date) -> int:
    """Working days d with a < d <= b; negative (−count of b < d <= a) when b comes before a."""
    if b < a:
        return -workdays_between(b, a)
    count = _weekdays_upto(b) - _weekdays_upto(a)
    for year in range(a.year, b.year + 1):
        count -= sum(1 for d in _weekday_holidays(year) if a < d <= b)
    return count


def add_workdays(day: dt.date, n: int) -> dt.date:
    """The n-th working day after `day` (before it when n < 0); `day` itself when n == 0.

    A deadline "within 5 working days of X" ends at the end of `add_workdays(X, 5)`.
    """
    step = _DAY if n >= 0 else -_DAY
    remaining = abs(n)
    weeks = max(0, remaining // 5 - 2)  # jump whole weeks, then walk; holidays make up the rest
    if weeks:
        day, remaining = day + step * 7 * weeks, remaining - 5 * weeks
        # the jumped weeks held holidays: walk those extra working days too
        first, last = sorted((day - step * 7 * weeks, day))
        remaining += sum(1 for year in range(first.year, last.year + 1) for d in _weekday_holidays(year)
                         if (first < d <= last if n >= 0 else first <= d < last))
    while remaining:
        day += step
        if is_workday(day):
            remaining -= 1
    return day
