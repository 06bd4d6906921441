"""The month helpers and money formatting at their edges: first and last days, open ends, signs."""

import datetime as dt
from decimal import Decimal

import pytest

from regie.core.errors import DomainError
from regie.core.money import cents, fmt, from_cents, split_by_key, to_money
from regie.core.months import add_months, format_month, month_end, month_start, months_between
from regie.core.periods import overlaps

d = dt.date.fromisoformat


@pytest.mark.parametrize(("start", "end", "first", "last", "result"), [
    ("2025-03-31", None, "2025-03-01", "2025-03-31", True),  # starts on the last day
    ("2025-04-01", None, "2025-03-01", "2025-03-31", False),  # starts the day after
    ("2025-01-01", "2025-03-01", "2025-03-01", "2025-03-31", True),  # ends on the first day
    ("2025-01-01", "2025-02-28", "2025-03-01", "2025-03-31", False),  # ends the day before
    ("2025-01-01", None, "2025-03-01", "2025-03-31", True),  # open end
    ("2025-03-10", "2025-03-12", "2025-03-01", "2025-03-31", True),
])
def test_overlaps_at_the_edges(start, end, first, last, result):
    assert overlaps(d(start), end and d(end), d(first), d(last)) is result


@pytest.mark.parametrize(("day", "start", "end"), [
    ("2025-01-01", "2025-01-01", "2025-01-31"), ("2025-01-31", "2025-01-01", "2025-01-31"),
    ("2024-02-29", "2024-02-01", "2024-02-29"), ("2025-02-15", "2025-02-01", "2025-02-28"),
    ("2025-12-31", "2025-12-01", "2025-12-31"),
])
def test_month_start_and_end(day, start, end):
    assert month_start(d(day)) == d(start) and month_end(d(start)) == d(end)


def test_add_months_and_months_between_at_year_edges():
    assert add_months(d("2025-12-01"), 1) == d("2026-01-01")
    assert add_months(d("2025-01-01"), 0) == d("2025-01-01")
    assert add_months(d("2025-01-01"), -13) == d("2023-12-01")
    assert add_months(d("2025-01-01"), 12) == d("2026-01-01")
    assert months_between(d("2025-03-31"), d("2025-03-01")) == [d("2025-03-01")]  # the same month
    assert months_between(d("2025-04-01"), d("2025-03-31")) == []
    assert format_month(d("0999-03-01")) == "0999-03" and format_month(d("2025-11-01")) == "2025-11"


@pytest.mark.parametrize(("value", "text"), [
    (Decimal("0.005"), "0.01"), (Decimal("-0.005"), "-0.01"), (Decimal("1.004"), "1.00"), (12, "12.00"),
    ("3,455", "3.46"), (Decimal("-1234.5"), "-1234.50"),
])
def test_fmt_rounds_half_up_away_from_zero(value, text):
    assert fmt(value) == text


def test_cents_round_trip():
    assert cents(Decimal("-0.015")) == -2 and cents(Decimal("12.345")) == 1235
    assert from_cents(-5) == Decimal("-0.05") and str(from_cents(100)) == "1.00"


@pytest.mark.parametrize("value", ["abc", "", "1.2.3", "NaN", "Infinity", Decimal("NaN"), Decimal("-Infinity")])
def test_to_money_refuses_what_is_no_amount_with_a_code_naming_the_value(value):
    with pytest.raises(DomainError) as error:
        to_money(value)
    assert error.value.code == "amount-invalid"
    assert str(value) in str(error.value.message)


def test_to_money_refuses_floats_and_too_many_digits():
    with pytest.raises(TypeError):
        to_money(0.1)
    with pytest.raises(DomainError) as error:
        to_money("9" * 45)
    assert error.value.code == "amount-too-large"
    # The message quotes the first 40 characters of what was sent, no more.
    assert "9" * 40 in error.value.message and "9" * 41 not in error.value.message


def test_split_by_key_gives_the_cents_left_to_the_largest_remainders_not_the_largest_shares():
    # 2 cents over 1:2 is 0.667 and 1.333 cents: floors 0 and 1, remainders 2/3 and 1/3.
    assert split_by_key(Decimal("0.02"), {1: 1, 2: 2}) == {1: Decimal("0.01"), 2: Decimal("0.01")}
    assert split_by_key(Decimal("-0.02"), {1: 1, 2: 2}) == {1: Decimal("-0.01"), 2: Decimal("-0.01")}


def test_split_by_key_breaks_ties_by_the_key_as_text():
    # Equal remainders: the key that sorts first as text ("10" before "2") gets the cent.
    assert split_by_key(Decimal("0.01"), {2: 1, 10: 1}) == {2: Decimal("0.00"), 10: Decimal("0.01")}
    assert split_by_key(Decimal("0"), {2: 1, 10: 1}) == {2: Decimal("0.00"), 10: Decimal("0.00")}


@pytest.mark.parametrize("weights", [{}, {1: 0}, {1: 0, 2: 0}])
def test_split_by_key_refuses_an_empty_key(weights):
    with pytest.raises(DomainError) as error:
        split_by_key(Decimal("1.00"), weights)
    assert error.value.code == "key-empty" and error.value.message
