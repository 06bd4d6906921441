from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from regie.core.errors import DomainError
from regie.core.money import monthly_part, split_by_key, to_money

amounts = st.decimals(min_value=Decimal("-1000000"), max_value=Decimal("10000000"), places=2)
weights = st.dictionaries(st.integers(1, 500), st.integers(0, 500_000), min_size=1, max_size=12).filter(
    lambda w: sum(w.values()) > 0
)


@given(amounts, weights)
def test_split_by_key_adds_up_to_the_cent(total, key):
    shares = split_by_key(total, key)
    assert sum(shares.values()) == total
    assert set(shares) == set(key)


@given(amounts, weights)
def test_split_by_key_is_within_a_cent_of_the_exact_share(total, key):
    shares = split_by_key(total, key)
    weight_sum = sum(key.values())
    for k, share in shares.items():
        assert abs(share - total * key[k] / weight_sum) < Decimal("0.01")


def test_split_by_key_worked_example():
    # 100.00 over 1 : 1 : 1 → 33.33 each and one cent to the first of the equal remainders
    assert split_by_key(Decimal("100.00"), {"a": 1, "b": 1, "c": 1}) == {
        "a": Decimal("33.34"), "b": Decimal("33.33"), "c": Decimal("33.33")}


def test_split_by_key_needs_weights():
    with pytest.raises(DomainError) as error:
        split_by_key(Decimal("1.00"), {"a": 0})
    assert error.value.code == "key-empty"


@given(amounts)
def test_monthly_parts_add_up_to_the_year(yearly):
    assert sum(monthly_part(yearly, m) for m in range(1, 13)) == yearly


def test_monthly_part_of_an_uneven_amount():
    parts = [monthly_part(Decimal("100.00"), m) for m in range(1, 13)]
    assert parts[:4] == [Decimal("8.33"), Decimal("8.33"), Decimal("8.34"), Decimal("8.33")]


def test_money_rounds_half_up_and_refuses_floats():
    assert to_money("2,345") == Decimal("2.35")
    assert to_money(Decimal("-0.005")) == Decimal("-0.01")
    with pytest.raises(TypeError):
        to_money(0.1)
    with pytest.raises(DomainError):
        to_money("twaalf")
