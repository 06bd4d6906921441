import pytest

from regie.core.bsn import bsn_clean, bsn_is_valid
from regie.core.errors import DomainError


@pytest.mark.parametrize("bsn", ["111222333", "123456782", "999990019"])
def test_valid_numbers_pass_the_eleven_test(bsn):
    assert bsn_is_valid(bsn)


@pytest.mark.parametrize("bsn", ["123456789", "000000000", "12345678", "1234567890", "12345678a", ""])
def test_invalid_numbers_fail(bsn):
    assert not bsn_is_valid(bsn)


def test_clean_restores_a_dropped_leading_zero():
    assert bsn_clean(" 12345672 ") == "012345672"


def test_clean_refuses_an_invalid_number_with_a_code():
    with pytest.raises(DomainError) as error:
        bsn_clean("123456789")
    assert error.value.code == "bsn-invalid"
    assert error.value.field == "bsn"
