"""The edge parsers (regie.core.parse): one per kind, each refusing with a stable code; round trips and
bounds as properties."""

import datetime as dt
from decimal import Decimal
from types import SimpleNamespace

import pytest
from hypothesis import given
from hypothesis import strategies as st

from regie.core.errors import DomainError
from regie.core.parse import (
    ABSOLUTE, INTEGER_MAX, Window, care_window, check_amount, check_date, control_character, json_depth,
    parse_amount, parse_date, parse_integer, parse_month, parse_text, past_window, residence_window,
)

TODAY = dt.date(2026, 12, 1)
REGION = SimpleNamespace(care_from=dt.date(2015, 1, 1), future_years=2)


def code_of(call) -> str:
    with pytest.raises(DomainError) as error:
        call()
    return error.value.code


# -- the window -----------------------------------------------------------------------------------------

def test_the_care_window_runs_from_the_regions_start_to_years_after_today():
    assert care_window(REGION, today=TODAY) == Window(dt.date(2015, 1, 1), dt.date(2028, 12, 1))
    assert care_window(SimpleNamespace(care_from=dt.date(2020, 3, 1), future_years=0), today=TODAY) == Window(
        dt.date(2020, 3, 1), TODAY)
    assert care_window(REGION, today=dt.date(2024, 2, 29)).last == dt.date(2026, 2, 28)
    assert residence_window(REGION, today=TODAY) == Window(ABSOLUTE.first, dt.date(2028, 12, 1))
    assert past_window(today=TODAY) == Window(ABSOLUTE.first, TODAY)


def test_a_region_with_an_absurd_setting_still_stays_within_the_absolute_window():
    window = care_window(SimpleNamespace(care_from=dt.date(1, 1, 1), future_years=9000), today=TODAY)
    assert window == ABSOLUTE


# -- dates and months -----------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "code"), [
    ("0000-01-01", "date-invalid"), ("2025-02-30", "date-invalid"), ("2025-1-1", "date-invalid"),
    ("2025-01-01x", "date-invalid"), ("20250101", "date-invalid"), ("２０２５-01-01", "date-invalid"),
    ("٢٠٢٥-٠١-٠١", "date-invalid"), ("2025-01-\n01", "date-invalid"), ("2025-01-01\x00", "date-invalid"),
    ("", "date-invalid"), ("9999-12-31", "date-out-of-window"), ("1899-12-31", "date-out-of-window"),
    ("2025-W01-1", "date-invalid"), ("01-01-2025", "date-invalid"),
])
def test_parse_date_refuses(text, code):
    assert code_of(lambda: parse_date(text)) == code


@pytest.mark.parametrize(("text", "code"), [
    ("0000-01", "month-invalid"), ("2025-13", "month-invalid"), ("2025-00", "month-invalid"),
    ("2025-1", "month-invalid"), ("2025-1-1x", "month-invalid"), ("２０２５-03", "month-invalid"),
    ("2025-03\x00", "month-invalid"), ("9999-12", "month-out-of-window"), ("1899-12", "month-out-of-window"),
    ("2025-03-01", "month-invalid"), ("", "month-invalid"),
])
def test_parse_month_refuses(text, code):
    assert code_of(lambda: parse_month(text)) == code


def test_a_refusal_names_its_field_beside_its_sentence():
    """The field travels as `field` (a form shows the sentence at it); the machine name is not in the sentence."""
    with pytest.raises(DomainError) as error:
        parse_month("2025-13", field="month")
    assert error.value.field == "month" and not error.value.message.startswith("month")
    with pytest.raises(DomainError) as error:
        parse_date("2100-01-01", field="start", window=care_window(REGION, today=TODAY))
    assert (error.value.code, error.value.field) == ("date-out-of-window", "start")


def test_a_message_shows_no_control_character_of_the_value():
    with pytest.raises(DomainError) as error:
        parse_date("\u202e\x1b[2J" + "x" * 500)
    assert control_character(error.value.message) is None and len(error.value.message) < 200


days = st.dates(min_value=ABSOLUTE.first, max_value=ABSOLUTE.last)


@given(days)
def test_a_date_round_trips(day):
    assert parse_date(day.isoformat()) == day
    assert parse_date(f"  {day.isoformat()} ") == day


@given(days)
def test_a_month_round_trips_to_its_first_day(day):
    assert parse_month(f"{day.year:04d}-{day.month:02d}") == day.replace(day=1)


@given(st.dates(), st.dates(min_value=dt.date(1900, 1, 1)), st.integers(min_value=0, max_value=50))
def test_a_date_is_accepted_exactly_when_it_lies_in_the_window(day, start, years):
    window = care_window(SimpleNamespace(care_from=start, future_years=years), today=TODAY)
    inside = window.first <= day <= window.last
    try:
        check_date(day, window=window)
    except DomainError as error:
        assert not inside and error.code == "date-out-of-window"
    else:
        assert inside


@given(st.text(max_size=12))
def test_any_text_is_a_date_or_a_refusal(text):
    try:
        day = parse_date(text)
    except DomainError as error:
        assert error.code in ("date-invalid", "date-out-of-window")
    else:
        assert ABSOLUTE.first <= day <= ABSOLUTE.last and text.strip().isascii()


@given(st.text(max_size=9))
def test_any_text_is_a_month_or_a_refusal(text):
    try:
        month = parse_month(text)
    except DomainError as error:
        assert error.code in ("month-invalid", "month-out-of-window")
    else:
        assert month.day == 1 and ABSOLUTE.first <= month <= ABSOLUTE.last


# -- amounts --------------------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "code"), [
    ("1E+30", "amount-exponent"), ("1e2", "amount-exponent"), ("1.5E3", "amount-exponent"),
    ("NaN", "amount-not-finite"), ("nan", "amount-not-finite"), ("sNaN", "amount-not-finite"),
    ("Infinity", "amount-not-finite"), ("-inf", "amount-not-finite"), ("12.345", "amount-too-precise"),
    ("12345678901234567890", "amount-too-large"), ("10000000000", "amount-too-large"),
    ("١٢", "number-not-ascii"), ("１２", "number-not-ascii"), ("²", "number-not-ascii"),
    ("12\x00", "amount-invalid"), ("1.000,50", "amount-invalid"), ("1 000", "amount-invalid"),
    ("", "amount-invalid"), (".5", "amount-invalid"), ("--1", "amount-invalid"), ("1" * 100, "amount-too-large"),
])
def test_parse_amount_refuses(text, code):
    assert code_of(lambda: parse_amount(text)) == code


@pytest.mark.parametrize(("text", "value"), [
    ("412.50", Decimal("412.50")), ("412,50", Decimal("412.50")), ("-0", Decimal("0")), ("+3", Decimal("3")),
    (" 7 ", Decimal("7")), ("9999999999.99", Decimal("9999999999.99")), ("12.340", Decimal("12.34")),
])
def test_parse_amount_takes_what_people_write(text, value):
    parsed = parse_amount(text)
    assert parsed == value and not parsed.is_signed() or value < 0


def test_an_amount_is_checked_against_its_column():
    assert parse_amount("99999999.99", max_digits=10) == Decimal("99999999.99")
    assert code_of(lambda: parse_amount("100000000", max_digits=10)) == "amount-too-large"
    assert code_of(lambda: parse_amount("1.5", decimal_places=0)) == "amount-too-precise"
    assert code_of(lambda: parse_amount("-1", minimum=Decimal(0))) == "amount-negative"
    assert code_of(lambda: check_amount(Decimal("NaN"))) == "amount-not-finite"
    assert code_of(lambda: parse_amount(0.1)) == "amount-invalid"  # a float is never money


cents = st.integers(min_value=-(10**12) + 1, max_value=10**12 - 1)


@given(cents)
def test_an_amount_round_trips(value):
    amount = Decimal(value).scaleb(-2)
    assert parse_amount(f"{amount:f}") == amount
    assert parse_amount(f"{amount:f}".replace(".", ",")) == amount


@given(st.decimals(allow_nan=True, allow_infinity=True))
def test_any_decimal_fits_the_column_or_is_refused(value):
    try:
        checked = check_amount(value, max_digits=12, decimal_places=2)
    except DomainError as error:
        assert error.code in ("amount-not-finite", "amount-too-large", "amount-too-precise")
    else:
        assert abs(checked) < 10**10 and checked == checked.quantize(Decimal("0.01"))


@given(st.text(max_size=30))
def test_any_text_is_an_amount_or_a_refusal(text):
    try:
        value = parse_amount(text)
    except DomainError as error:
        assert error.code.startswith(("amount-", "number-"))
    else:
        assert value.is_finite() and abs(value) < 10**10 and text.isascii()


# -- integers -------------------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "code"), [
    ("٣", "number-not-ascii"), ("²", "number-not-ascii"), ("１２", "number-not-ascii"), ("1e3", "integer-invalid"),
    ("1.0", "integer-invalid"), ("", "integer-invalid"), ("12\x00", "integer-invalid"),
    ("9" * 30, "integer-out-of-range"), (str(INTEGER_MAX + 1), "integer-out-of-range"),
    ("9" * 5000, "integer-out-of-range"), (True, "integer-invalid"),
])
def test_parse_integer_refuses(text, code):
    assert code_of(lambda: parse_integer(text)) == code


@given(st.integers(), st.integers(min_value=-1000, max_value=1000), st.integers(min_value=0, max_value=1000))
def test_an_integer_round_trips_within_its_bounds(value, low, span):
    high = low + span
    try:
        parsed = parse_integer(str(value), minimum=low, maximum=high)
    except DomainError as error:
        assert not low <= value <= high and error.code == "integer-out-of-range"
    else:
        assert parsed == value and low <= value <= high


# -- text -----------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text", ["a\x00b", "\u202eabc", "a\x1bb", "a\u2066b", "a\u2028b", "a\nb", "a\tb", "\x7f"])
def test_parse_text_refuses_control_characters_on_one_line(text):
    assert code_of(lambda: parse_text(text)) == "text-control-character"


def test_parse_text_takes_line_breaks_where_the_text_has_lines():
    assert parse_text(" Wonen\nen werken\t ", multiline=True) == "Wonen\nen werken"
    assert code_of(lambda: parse_text("a\x00\nb", multiline=True)) == "text-control-character"
    assert code_of(lambda: parse_text("x" * 21, max_length=20)) == "text-too-long"
    assert code_of(lambda: parse_text("x" * 1_000_000)) == "text-too-long"
    assert parse_text("Zoë d'Ancona – 's-Hertogenbosch") == "Zoë d'Ancona – 's-Hertogenbosch"


@given(st.text(alphabet=st.characters(blacklist_categories=("Cc", "Cs", "Zl", "Zp"))))
def test_printable_text_round_trips(text):
    if control_character(text) is None:
        assert parse_text(text) == text.strip()


# -- JSON depth -----------------------------------------------------------------------------------------

@pytest.mark.parametrize(("data", "depth"), [
    (b"1", 0), (b"[]", 1), (b'{"a": [1, {"b": []}]}', 4), (b'["[[[[", "\\"[["]', 1), (b"[" * 100_000, 100_000),
])
def test_json_depth_counts_nesting_outside_strings(data, depth):
    assert json_depth(data) == depth


@pytest.mark.parametrize(("text", "first_day"), [
    ("2025-Q1", dt.date(2025, 1, 1)), ("2025-q2", dt.date(2025, 4, 1)), (" 2025-Q3 ", dt.date(2025, 7, 1)),
    ("2025-Q4", dt.date(2025, 10, 1)),
])
def test_a_quarter_is_the_first_day_of_its_first_month(text, first_day):
    from regie.core.parse import parse_quarter

    assert parse_quarter(text) == first_day


@pytest.mark.parametrize("text", ["2025-Q0", "2025-Q5", "2025Q1", "2025-1", "25-Q1", "２０２５-Q1", "", None,
                                  "0000-Q1", "2025-Q1x"])
def test_anything_else_is_not_a_quarter(text):
    from regie.core.parse import parse_quarter

    with pytest.raises(DomainError) as error:
        parse_quarter(text, field="quarter")
    assert (error.value.code, error.value.field) == ("quarter-invalid", "quarter")
