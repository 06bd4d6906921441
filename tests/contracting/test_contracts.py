import datetime as dt

import pytest

from regie.contracting.services import contract_covering, contract_terminate
from regie.core.errors import DomainError
from tests import factories as f


@pytest.fixture
def contract(db):
    return f.ContractFactory(start=dt.date(2021, 1, 1))


def test_first_term_is_two_years_then_renewed_yearly(contract):
    assert contract.first_term_end == dt.date(2022, 12, 31)
    assert contract.term_end_on(dt.date(2022, 6, 1)) == dt.date(2022, 12, 31)
    assert contract.term_end_on(dt.date(2023, 1, 1)) == dt.date(2023, 12, 31)
    assert contract.term_end_on(dt.date(2025, 12, 31)) == dt.date(2025, 12, 31)


def test_notice_ends_the_contract_at_the_end_of_the_term_after_the_notice_period(contract):
    contract_terminate(contract=contract, notice_on=dt.date(2025, 9, 15))  # three months: 15 December 2025
    assert contract.end == dt.date(2025, 12, 31)
    again = f.ContractFactory(start=dt.date(2021, 1, 1))
    contract_terminate(contract=again, notice_on=dt.date(2025, 10, 15))  # too late for 2025: runs through 2026
    assert again.end == dt.date(2026, 12, 31)
    with pytest.raises(DomainError):
        contract_terminate(contract=contract, notice_on=dt.date(2025, 10, 1))


def test_a_contract_covers_its_products_during_its_period(world):
    contract = world.p1.contracts.get()
    assert contract_covering(provider=world.p1, product=world.begeleiding, day=dt.date(2025, 1, 1)) == contract
    assert contract_covering(provider=world.p1, product=world.begeleiding, day=dt.date(2023, 12, 31)) is None
    contract_terminate(contract=contract, notice_on=dt.date(2025, 1, 1))
    assert contract.end == dt.date(2025, 12, 31)
    assert contract_covering(provider=world.p1, product=world.begeleiding, day=dt.date(2026, 1, 1)) is None
