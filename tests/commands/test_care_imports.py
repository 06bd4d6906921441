"""import-clients (one line per residence period) and import-allocations."""

import datetime as dt

import pytest

from regie.audit.models import AuditRecord
from regie.care.models import Allocation, AllocationVersion, Client

from .conftest import CLIENTS, assert_refused, run

H = CLIENTS[0]


def test_lines_of_one_bsn_make_one_client_with_its_residences(region, files):
    output = run("import-clients", files.csv("clients.csv", *CLIENTS, bom=True))
    assert "2 cliënten ingelezen uit 3 regels" in output
    moved = Client.objects.get(bsn="123456782")
    assert (moved.family_name, moved.initials, moved.birth_date) == ("De Vries", "A.B.", dt.date(1970, 2, 3))
    assert list(moved.residences.values_list("municipality__code", "valid_from", "valid_to")) == [
        ("0001", dt.date(2000, 1, 1), dt.date(2025, 2, 20)), ("0002", dt.date(2025, 2, 21), None)]


def test_an_eight_digit_bsn_gets_its_leading_zero(region, files):
    run("import-clients", files.csv("clients.csv", H, "12345672,1980-01-01,Smit,,2,2010-01-01,"))
    assert Client.objects.get().bsn == "012345672"


def test_importing_clients_is_audited_as_the_system(region, files):
    run("import-clients", files.csv("clients.csv", *CLIENTS))
    records = AuditRecord.objects.filter(username="system")
    assert records.filter(action="create", subject="client").count() == 2
    summary = records.get(action="import")
    assert (summary.subject, summary.detail["rows"], summary.detail["clients"]) == ("clients.import", 3, 2)


@pytest.mark.parametrize("lines, line, field, code", [
    (("111222334,1960-05-01,Jansen,J.,0001,2000-01-01,",), 2, "bsn", "bsn-invalid"),
    (("111222333,1960-05-01,Jansen,J.,0001,2000-01-01,", "123456782,1970-02-31,Vries,A.,0001,2010-01-01,"),
     3, "birth_date", "date-invalid"),
    (("111222333,1960-05-01,Jansen,J.,0009,2000-01-01,",), 2, "municipality_code", "municipality-unknown"),
    (("111222333,1960-05-01,Jansen,J.,0001,2000-01-01,2009-12-31", "111222333,1960-05-01,Jansen,J.,0002,2000-01-01,"),
     3, "resident_from", "row-duplicate"),
    (("111222333,1960-05-01,Jansen,J.,0001,2000-01-01,2009-12-31", "111222333,1960-05-02,Jansen,J.,0002,2010-01-01,"),
     3, "birth_date", "client-rows-disagree"),
    (("111222333,1960-05-01,Jansen,J.,0001,2000-01-01,", "111222333,1960-05-01,Jansen,J.,0002,2010-01-01,"),
     2, "resident_from", "residence-overlap"),
    (("111222333,1960-05-01,,J.,0001,2000-01-01,",), 2, "family_name", "value-missing"),
    (("111222333,2099-05-01,Jansen,J.,0001,2000-01-01,",), 2, "birth_date", "birth-date-future"),
])
def test_malformed_clients_are_refused_whole(region, files, lines, line, field, code):
    path = files.csv("clients.csv", H, "123456782,1970-02-03,De Vries,A.B.,0001,2000-01-01,", *lines)
    assert_refused("import-clients", path, line=line + 1, field=field, code=code)
    assert not Client.objects.exists()


def test_a_client_already_on_record_is_refused(clients, files):
    path = files.csv("again.csv", H, "111222333,1960-05-01,Jansen,J.,0001,2000-01-01,")
    assert_refused("import-clients", path, line=2, field="bsn", code="bsn-duplicate")


A = "reference,bsn,product_code,category,provider_agb,start,end,started_on,stopped_on"


def test_allocations_are_created_started_and_stopped_with_history(clients, files):
    output = run("import-allocations", files.csv(
        "allocations.csv", A,
        "A1,111222333,02A01,1,11110001,2025-01-10,,2025-01-15,",
        "A2,123456782,02A01,2,22220002,2025-01-10,2025-12-31,2025-01-20,2025-03-15",
        "A3,111222333,07A01,1,11110001,2025-02-01,,,",
    ))
    assert "3 toewijzingen ingelezen, waarvan 2 gestart en 1 gestopt" in output
    got = {a.reference: (a.status, a.municipality.code, a.started_on, a.stopped_on, a.end_reason, a.version)
           for a in Allocation.objects.select_related("municipality")}
    assert got == {
        "A1": ("started", "0001", dt.date(2025, 1, 15), None, "", 2),
        "A2": ("stopped", "0001", dt.date(2025, 1, 20), dt.date(2025, 3, 15), "19", 3),
        "A3": ("allocated", "0001", None, None, "", 1),
    }
    assert list(AllocationVersion.objects.filter(allocation__reference="A2").values_list("status", flat=True)) == [
        "allocated", "started", "stopped"]
    assert AuditRecord.objects.filter(subject="allocations.import", username="system").count() == 1


def test_an_end_reason_column_sets_the_stop_reason(clients, files):
    run("import-allocations", files.csv("allocations.csv", A + ",end_reason",
                                        "A2,123456782,02A01,2,22220002,2025-01-10,,2025-01-20,2025-03-15,31"))
    assert Allocation.objects.get().end_reason == "31"


@pytest.mark.parametrize("row, field, code", [
    ("A9,111222333,99X99,1,11110001,2025-01-10,,,", "product_code", "product-unknown"),
    ("A9,111222333,02A01,7,11110001,2025-01-10,,,", "category", "category-unknown"),
    ("A9,111222333,07A01,1,22220002,2025-01-10,,,", "provider_agb", "no-contract"),
    ("A9,111222333,02A01,1,55555555,2025-01-10,,,", "provider_agb", "provider-unknown"),
    ("A9,111222334,02A01,1,11110001,2025-01-10,,,", "bsn", "bsn-invalid"),
    ("A9,012345672,02A01,1,11110001,2025-01-10,,,", "bsn", "client-unknown"),
    ("A9,111222333,02A01,1,11110001,2025-01-10,,,2025-02-01", "stopped_on", "stop-without-start"),
    ("A9,123456782,02A01,1,11110001,2025-01-10,,2025-01-01,", "started_on", "start-outside-allocation"),
    ("A9,111222333,02A01,2,11110001,2025-03-01,2025-06-30,,", "duplicate_reason", "allocation_duplicate"),
    ("A9,111222333,02A01,1,11110001,2025/01/10,,,", "start", "date-invalid"),
    ("A9,111222333,02A01,1,11110001,2025-01-10,2025-01-01,,", "end", "period-reversed"),
    ("A1,111222333,02A01,1,11110001,2025-01-10,,,", "reference", "row-duplicate"),
])
def test_malformed_allocations_are_refused_whole(clients, files, row, field, code):
    path = files.csv("allocations.csv", A, "A1,111222333,02A01,1,11110001,2025-01-10,,2025-01-15,", row)
    assert_refused("import-allocations", path, line=3, field=field, code=code)
    assert not Allocation.objects.exists()


def test_a_file_not_in_utf8_is_refused_naming_line_and_field(region, files):
    path = files.csv("clients.csv", H, "111222333,1960-05-01,Jansen,J.,0001,2000-01-01,",
                     "123456782,1970-02-03,Müller,A.,0001,2000-01-01,", encoding="cp1252")
    assert_refused("import-clients", path, line=3, field="family_name", code="encoding-invalid")
