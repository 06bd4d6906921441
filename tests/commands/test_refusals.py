"""The refusals of issue 6 as the command line shows them: one line, the code, exit 1, nothing stored."""

import datetime as dt

import pytest
import time_machine

from regie.audit.models import AuditRecord
from regie.billing.models import SettlementRun
from regie.care.models import Allocation

from .conftest import CLIENTS, assert_refused, counts, refused, run

A = "reference,bsn,product_code,category,provider_agb,start,end,started_on,stopped_on"
FIRST = "A1,111222333,02A01,1,11110001,2025-01-10,2025-12-31,2025-01-15,"


@pytest.mark.parametrize("month, code", [("9999-12", "month-out-of-window"), ("2025-04", "month_not_ended")])
def test_settle_refuses_a_month_that_has_not_ended(clients, month, code):
    with time_machine.travel(dt.datetime(2025, 4, 30, 12, 0), tick=False):
        before = counts()
        assert refused("settle", "--month", month).endswith(f"[{code}]")
        assert counts() == before
        assert not SettlementRun.objects.exists()
        run("settle", "--month", "2025-03")  # the months before are not locked out
    assert list(SettlementRun.objects.values_list("month", flat=True)) == [dt.date(2025, 3, 1)]


def test_import_refuses_a_duplicate_of_an_allocation_on_an_earlier_line(clients, files):
    path = files.csv("allocations.csv", A, FIRST, "A2,111222333,02A01,2,11110001,2025-06-01,,,")
    message = assert_refused("import-allocations", path, line=3, field="duplicate_reason",
                             code="allocation_duplicate")
    assert "A1" in message
    assert not Allocation.objects.exists()


def test_import_refuses_a_duplicate_of_an_allocation_on_record(clients, files):
    run("import-allocations", files.csv("first.csv", A, FIRST))
    path = files.csv("second.csv", A, "B1,111222333,02A01,1,11110001,2025-03-01,2025-03-31,,")
    assert_refused("import-allocations", path, line=2, field="duplicate_reason", code="allocation_duplicate")
    assert list(Allocation.objects.values_list("reference", flat=True)) == ["A1"]


def test_import_takes_a_confirmed_duplicate_and_records_the_reason(clients, files):
    path = files.csv("allocations.csv", A + ",duplicate_reason", FIRST + ",",
                     "A2,111222333,02A01,2,11110001,2025-06-01,,,,Tijdelijk zwaardere begeleiding")
    run("import-allocations", path)
    record = AuditRecord.objects.get(action="create", subject="allocation", object_id="A2")
    assert (record.username, record.detail) == (
        "system", {"duplicate_of": ["A1"], "duplicate_reason": "Tijdelijk zwaardere begeleiding"})
    assert AuditRecord.objects.get(action="create", subject="allocation", object_id="A1").detail == {}


def test_import_takes_the_next_allocation_after_one_ends(clients, files):
    run("import-allocations", files.csv("allocations.csv", A, FIRST, "A2,111222333,02A01,2,11110001,2026-01-01,,,",
                                        "A3,111222333,02A01,1,22220002,2025-06-01,,,"))  # another provider
    assert Allocation.objects.count() == 3


def test_import_refuses_a_residence_that_ends_before_it_begins(region, files):
    path = files.csv("clients.csv", CLIENTS[0], "111222333,1960-05-01,Jansen,J.,0001,2000-01-01,1999-12-31")
    assert_refused("import-clients", path, line=2, field="resident_to", code="period-reversed")


def test_import_refuses_a_stop_before_the_start_of_care(clients, files):
    path = files.csv("allocations.csv", A, "A1,111222333,02A01,1,11110001,2025-01-10,,2025-02-01,2025-01-20")
    assert_refused("import-allocations", path, line=2, field="stopped_on", code="stop-outside-allocation")
    assert not Allocation.objects.exists()


def test_import_refuses_a_start_of_care_after_the_allocation_ends(clients, files):
    path = files.csv("allocations.csv", A, "A1,111222333,02A01,1,11110001,2025-01-10,2025-03-31,2025-04-01,")
    assert_refused("import-allocations", path, line=2, field="started_on", code="start-outside-allocation")


def test_import_refuses_a_tariff_period_that_ends_before_it_starts(region, files):
    path = files.csv("catalogue.csv", "product_code,support_form,category,variant,tariff,valid_from,valid_to",
                     "02A01,02,3,inspanningsgericht,400.00,2026-01-01,2025-12-31")
    assert_refused("import-catalogue", path, line=2, field="valid_to", code="period-reversed")
