"""Working days: the Dutch holidays of 2024–2027 checked by hand against the public calendar
(rijksoverheid.nl, "Feestdagen"), and the arithmetic checked against a day-by-day walk."""

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from regie.core.workdays import (
    add_workdays,
    easter,
    holidays,
    is_holiday,
    is_workday,
    workdays_between,
)

D = dt.date

HOLIDAYS = {
    2024: [D(2024, 1, 1), D(2024, 3, 31), D(2024, 4, 1), D(2024, 4, 27), D(2024, 5, 5), D(2024, 5, 9),
           D(2024, 5, 19), D(2024, 5, 20), D(2024, 12, 25), D(2024, 12, 26)],
    2025: [D(2025, 1, 1), D(2025, 4, 20), D(2025, 4, 21), D(2025, 4, 26), D(2025, 5, 5), D(2025, 5, 29),
           D(2025, 6, 8), D(2025, 6, 9), D(2025, 12, 25), D(2025, 12, 26)],
    2026: [D(2026, 1, 1), D(2026, 4, 5), D(2026, 4, 6), D(2026, 4, 27), D(2026, 5, 5), D(2026, 5, 14),
           D(2026, 5, 24), D(2026, 5, 25), D(2026, 12, 25), D(2026, 12, 26)],
    2027: [D(2027, 1, 1), D(2027, 3, 28), D(2027, 3, 29), D(2027, 4, 27), D(2027, 5, 5), D(2027, 5, 6),
           D(2027, 5, 16), D(2027, 5, 17), D(2027, 12, 25), D(2027, 12, 26)],
}


@pytest.mark.parametrize("year", sorted(HOLIDAYS))
def test_the_holidays_of_2024_to_2027(year):
    assert list(holidays(year)) == HOLIDAYS[year]


@pytest.mark.parametrize("year,day", [(2000, D(2000, 4, 23)), (2008, D(2008, 3, 23)), (2011, D(2011, 4, 24)),
                                      (2038, D(2038, 4, 25)), (2285, D(2285, 3, 22)), (1943, D(1943, 4, 25))])
def test_easter_in_known_and_extreme_years(year, day):
    assert easter(year) == day


def test_kings_day_moves_to_saturday_when_the_27th_is_a_sunday():
    assert holidays(2025)[D(2025, 4, 26)] == "Koningsdag" and not is_holiday(D(2025, 4, 27))
    assert is_holiday(D(2014, 4, 26)) and not is_holiday(D(2014, 4, 27))
    assert is_holiday(D(2013, 4, 30)) and holidays(2013)[D(2013, 4, 30)] == "Koninginnedag"


def test_good_friday_is_a_workday_and_liberation_day_is_not_every_year():
    assert is_workday(D(2026, 4, 3))  # Goede Vrijdag 2026
    assert not is_workday(D(2026, 5, 5)) and not is_workday(D(2027, 5, 5))  # Algemene termijnenwet


def test_counting_across_easter_and_christmas():
    assert add_workdays(D(2025, 4, 17), 1) == D(2025, 4, 18)  # Thursday → Good Friday
    assert add_workdays(D(2025, 4, 18), 1) == D(2025, 4, 22)  # over Easter Monday
    assert add_workdays(D(2025, 12, 23), 3) == D(2025, 12, 30)  # Tue 23 → 24, (25, 26, weekend) 29, 30
    assert add_workdays(D(2025, 12, 24), -2) == D(2025, 12, 22)
    assert workdays_between(D(2025, 4, 25), D(2025, 5, 2)) == 5  # Koningsdag 2025 is a Saturday
    assert workdays_between(D(2026, 4, 24), D(2026, 5, 1)) == 4  # Koningsdag 2026 is a Monday
    assert workdays_between(D(2025, 5, 1), D(2025, 5, 1)) == 0


def _walk_between(a, b):
    sign, (lo, hi) = (1, (a, b)) if a <= b else (-1, (b, a))
    return sign * sum(1 for i in range(1, (hi - lo).days + 1) if is_workday(lo + dt.timedelta(days=i)))


def _walk_add(day, n):
    step = dt.timedelta(days=1 if n >= 0 else -1)
    for _ in range(abs(n)):
        day += step
        while not is_workday(day):
            day += step
    return day


days = st.dates(min_value=D(1990, 1, 1), max_value=D(2060, 12, 31))


@given(days, st.integers(-400, 400))
def test_workdays_between_matches_a_day_by_day_count(a, offset):
    b = a + dt.timedelta(days=offset)
    assert workdays_between(a, b) == _walk_between(a, b)
    assert workdays_between(b, a) == -workdays_between(a, b)


@given(days, st.integers(-300, 300))
def test_add_workdays_matches_a_walk_and_inverts_workdays_between(day, n):
    result = add_workdays(day, n)
    assert result == _walk_add(day, n)
    if n >= 0 or is_workday(day):
        assert workdays_between(day, result) == n
    if n:
        assert is_workday(result)


@given(st.integers(1583, 4099))
def test_easter_is_a_sunday_between_22_march_and_25_april(year):
    e = easter(year)
    assert e.weekday() == 6 and D(year, 3, 22) <= e <= D(year, 4, 25)
