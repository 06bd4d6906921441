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
    contract = contract_terminate(actor=None, contract=contract, notice_on=dt.date(2025, 9, 15))  # 3 months: 15 Dec
    assert contract.end == dt.date(2025, 12, 31)
    again = f.ContractFactory(start=dt.date(2021, 1, 1))
    again = contract_terminate(actor=None, contract=again, notice_on=dt.date(2025, 10, 15))  # too late for 2025
    assert again.end == dt.date(2026, 12, 31)
    with pytest.raises(DomainError):
        contract_terminate(actor=None, contract=contract, notice_on=dt.date(2025, 10, 1))


def test_a_contract_covers_its_products_during_its_period(world):
    contract = world.p1.contracts.get()
    assert contract_covering(provider=world.p1, product=world.begeleiding, day=dt.date(2025, 1, 1)) == contract
    assert contract_covering(provider=world.p1, product=world.begeleiding, day=dt.date(2023, 12, 31)) is None
    contract = contract_terminate(actor=None, contract=contract, notice_on=dt.date(2025, 1, 1))
    assert contract.end == dt.date(2025, 12, 31)
    assert contract_covering(provider=world.p1, product=world.begeleiding, day=dt.date(2026, 1, 1)) is None


def test_only_the_purchasing_office_gives_notice(world):
    from regie.core.errors import Forbidden
    from regie.regions.models import OrganisationKind

    contract = world.p1.contracts.get()
    with pytest.raises(Forbidden):
        contract_terminate(actor=f.actor(world.p1, "provider_staff"), contract=contract, notice_on=dt.date(2025, 1, 1))
    office = f.OrganisationFactory(region=world.region, kind=OrganisationKind.PURCHASING_OFFICE)
    with pytest.raises(Forbidden):
        contract_terminate(actor=f.actor(office, "finance"), contract=contract, notice_on=dt.date(2025, 1, 1))
    ended = contract_terminate(actor=f.actor(office, "contract_manager"), contract=contract,
                               notice_on=dt.date(2025, 1, 1))
    assert ended.end == dt.date(2025, 12, 31)
