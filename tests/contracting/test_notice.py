"""Notice is given within the contract: not before it starts, not after the end of the term running now;
every notice is in the audit trail, written in the same transaction."""

import datetime as dt

import pytest
import time_machine
from django.urls import reverse

from regie.audit.models import AuditRecord
from regie.contracting.models import Contract
from regie.contracting.services import contract_terminate
from regie.core.errors import DomainError
from regie.regions.models import OrganisationKind
from tests import factories as f

TODAY = dt.datetime(2025, 10, 1, 10, 0)  # the term running: 1 January .. 31 December 2025


@pytest.fixture(autouse=True)
def frozen():
    with time_machine.travel(TODAY, tick=False):
        yield


@pytest.fixture
def contract(db):
    return f.ContractFactory(start=dt.date(2021, 1, 1))


@pytest.mark.parametrize("notice_on, code", [
    (dt.date(1, 1, 1), "notice_before_contract_start"),
    (dt.date(2020, 12, 31), "notice_before_contract_start"),
    (dt.date(2026, 1, 1), "notice_after_running_term"),
    (dt.date(9999, 12, 31), "notice_after_running_term"),
])
def test_a_notice_outside_the_contract_is_refused_and_changes_nothing(contract, notice_on, code):
    with pytest.raises(DomainError) as error:
        contract_terminate(actor=None, contract=contract, notice_on=notice_on)
    assert (error.value.code, error.value.field) == (code, "notice_on")
    assert Contract.objects.get(pk=contract.pk).end is None
    assert not AuditRecord.objects.filter(subject="contract").exists()


@pytest.mark.parametrize("notice_on, end", [
    (dt.date(2021, 1, 1), dt.date(2022, 12, 31)),   # on the first day: the first term
    (dt.date(2025, 12, 31), dt.date(2026, 12, 31)),  # on the last day of the running term
])
def test_a_notice_on_either_edge_is_taken(contract, notice_on, end):
    assert contract_terminate(actor=None, contract=contract, notice_on=notice_on).end == end


def test_a_contract_that_has_not_started_takes_notice_within_its_first_term(db):
    later = f.ContractFactory(start=dt.date(2026, 1, 1))
    assert contract_terminate(actor=None, contract=later, notice_on=dt.date(2027, 6, 1)).end == dt.date(2027, 12, 31)
    other = f.ContractFactory(start=dt.date(2026, 1, 1))
    with pytest.raises(DomainError) as error:
        contract_terminate(actor=None, contract=other, notice_on=dt.date(2028, 1, 1))
    assert error.value.code == "notice_after_running_term"


def test_a_notice_is_audited_with_who_and_what(world):
    office = f.OrganisationFactory(region=world.region, kind=OrganisationKind.PURCHASING_OFFICE, name="Inkoop")
    manager = f.actor(office, "contract_manager", username="contracten")
    contract = contract_terminate(actor=manager, contract=world.p1.contracts.get(), notice_on=dt.date(2025, 9, 15))
    record = AuditRecord.objects.get(subject="contract")
    assert (record.username, record.organisation_name, record.action, record.object_id) == (
        "contracten", "Inkoop", "update", str(contract.pk))
    assert record.detail == {"change": "notice", "notice_on": "2025-09-15", "end": "2025-12-31",
                             "provider": "Zorg Een"}


def test_the_notice_and_its_audit_record_share_one_transaction(world, monkeypatch):
    from regie.contracting import services

    def broken(**kwargs):
        raise RuntimeError("audit store down")

    monkeypatch.setattr(services, "audit_record", broken)
    contract = world.p1.contracts.get()
    with pytest.raises(RuntimeError):
        contract_terminate(actor=None, contract=contract, notice_on=dt.date(2025, 9, 15))
    assert Contract.objects.get(pk=contract.pk).end is None


def test_the_notice_screen_refuses_a_date_before_the_start(client, world):
    office = f.OrganisationFactory(region=world.region, kind=OrganisationKind.PURCHASING_OFFICE)
    client.force_login(f.actor(office, "contract_manager").user)
    contract = world.p1.contracts.get()
    url = reverse("contracting:contract-terminate", args=[contract.pk])
    for date in ("0001-01-01", "2023-12-31", "2026-01-01"):
        response = client.post(url, {"notice_on": date})
        assert response.status_code == 200
        assert response.context["form"].errors["notice_on"]
    contract.refresh_from_db()
    assert contract.end is None
    assert not AuditRecord.objects.filter(subject="contract").exists()
