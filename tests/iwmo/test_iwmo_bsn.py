"""The eleven test (CS002) at its edges: each weight, the length, the check digit 9 and 10."""

import pytest

from iwmo.bsn import controlecijfer, is_geldig_bsn


@pytest.mark.parametrize("position", range(9))
def test_every_digit_counts_with_its_own_weight(position):
    valid = "111222333"
    for step in range(1, 10):
        digit = (int(valid[position]) + step) % 10
        changed = valid[:position] + str(digit) + valid[position + 1:]
        # One digit changed by `step` changes the sum by step × weight, never a multiple of 11.
        assert not is_geldig_bsn(changed), changed


@pytest.mark.parametrize("bsn", [
    "10000001",  # eight digits whose weighted sum is 11: the length decides
    "1234567820",  # a valid number with a digit too many
    "０００００００００",  # full-width digits: isdigit() but not ASCII
])
def test_only_nine_ascii_digits_pass(bsn):
    assert not is_geldig_bsn(bsn)


@pytest.mark.parametrize(("first_eight", "check"), [
    ("10000000", "9"),  # the sum leaves 9: the highest digit that fits
    ("10000001", "0"),
    ("10000002", "2"),
    ("10000006", None),  # the sum leaves 10: no digit completes it
    ("00000000", None),  # 000000000 passes the arithmetic but is no number
    ("99990000", "6"),
])
def test_the_check_digit(first_eight, check):
    assert controlecijfer(first_eight) == check
    if check is not None:
        assert is_geldig_bsn(first_eight + check)


@pytest.mark.parametrize("wrong", ["", "1234567", "123456789", "1234567a", "１２３４５６７８", "1234567 "])
def test_a_check_digit_needs_exactly_eight_ascii_digits(wrong):
    with pytest.raises(ValueError):
        controlecijfer(wrong)
