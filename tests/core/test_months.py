import datetime as dt

import pytest

from regie.core.errors import DomainError
from regie.core.months import add_months, month_end, months_between, parse_month


def test_month_arithmetic_across_years():
    assert add_months(dt.date(2024, 11, 1), 3) == dt.date(2025, 2, 1)
    assert add_months(dt.date(2024, 1, 1), -1) == dt.date(2023, 12, 1)
    assert month_end(dt.date(2024, 2, 1)) == dt.date(2024, 2, 29)
    assert months_between(dt.date(2024, 12, 15), dt.date(2025, 2, 3)) == [
        dt.date(2024, 12, 1), dt.date(2025, 1, 1), dt.date(2025, 2, 1)]


@pytest.mark.parametrize("text", ["2025-13", "2025-3", "25-03", "maart", ""])
def test_parse_month_refuses_malformed_text(text):
    with pytest.raises(DomainError) as error:
        parse_month(text)
    assert error.value.code == "month-invalid"
