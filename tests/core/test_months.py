import datetime as dt

import pytest

from regie.core.errors import DomainError
from regie.core.months import add_months, add_years, month_end, months_between, parse_month


def test_month_arithmetic_across_years():
    assert add_months(dt.date(2024, 11, 1), 3) == dt.date(2025, 2, 1)
    assert add_months(dt.date(2024, 1, 1), -1) == dt.date(2023, 12, 1)
    assert month_end(dt.date(2024, 2, 1)) == dt.date(2024, 2, 29)
    assert months_between(dt.date(2024, 12, 15), dt.date(2025, 2, 3)) == [
        dt.date(2024, 12, 1), dt.date(2025, 1, 1), dt.date(2025, 2, 1)]


@pytest.mark.parametrize(("day", "count", "expected"), [
    (dt.date(2025, 1, 31), 1, dt.date(2025, 2, 28)),   # clamped to the shorter month
    (dt.date(2024, 1, 31), 1, dt.date(2024, 2, 29)),   # a leap year's February
    (dt.date(2025, 3, 31), -1, dt.date(2025, 2, 28)),
    (dt.date(2025, 5, 31), 1, dt.date(2025, 6, 30)),
    (dt.date(2025, 1, 15), 3, dt.date(2025, 4, 15)),   # the day of the month is kept
    (dt.date(2025, 11, 30), 3, dt.date(2026, 2, 28)),  # across the year
    (dt.date(2025, 1, 1), -13, dt.date(2023, 12, 1)),  # a first of the month stays one
    (dt.date(2025, 8, 31), 0, dt.date(2025, 8, 31)),
])
def test_add_months_keeps_the_day_and_clamps_it_to_the_months_last(day, count, expected):
    assert add_months(day, count) == expected


def test_add_years_turns_29_february_into_28_february():
    assert add_years(dt.date(2024, 2, 29), 1) == dt.date(2025, 2, 28)
    assert add_years(dt.date(2024, 2, 29), 4) == dt.date(2028, 2, 29)
    assert add_years(dt.date(2025, 3, 1), -1) == dt.date(2024, 3, 1)


@pytest.mark.parametrize("text", ["2025-13", "2025-3", "25-03", "maart", ""])
def test_parse_month_refuses_malformed_text(text):
    with pytest.raises(DomainError) as error:
        parse_month(text)
    assert error.value.code == "month-invalid"
