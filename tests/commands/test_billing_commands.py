"""declare FILE.csv and settle --month YYYY-MM."""

import csv
import io
import json

import pytest

from regie.billing.models import Declaration, DeclarationLine, SettlementRun

from .conftest import assert_refused, counts, refused, run

ALLOCATIONS = (
    "reference,bsn,product_code,category,provider_agb,start,end,started_on,stopped_on",
    "A1,111222333,02A01,1,11110001,2025-01-10,,2025-01-15,",
    "A2,123456782,02A01,2,11110001,2025-01-10,,2025-01-20,",
    "A3,111222333,07A01,1,11110001,2025-01-10,,2025-03-05,",
    "B1,123456782,02A01,1,22220002,2025-01-10,,2025-01-10,2025-02-15",
)
D = "provider_agb,reference,month,debit_credit"


@pytest.fixture
def allocated(clients, files):
    run("import-allocations", files.csv("allocations.csv", *ALLOCATIONS))
    return clients


def test_declare_stores_one_declaration_per_provider_and_prints_a_summary(allocated, files):
    output = run("declare", files.csv(
        "declaratie.csv", D,
        "11110001,A1,2025-02,D", "22220002,B1,2025-02,D", "11110001,A2,2025-02,D",
        "11110001,A3,2025-02,D",   # not started until March
        "11110001,B1,2025-02,D",   # another provider's allocation
        "22220002,B1,2025-03,D",   # after the stop
        "11110001,A1,2025-02,D",   # twice
    ))
    assert Declaration.objects.count() == 2
    assert set(Declaration.objects.values_list("source", "filename")) == {("csv", "declaratie.csv")}
    lines = {(l.provider.agb_code, l.reference, f"{l.month:%Y-%m}"): (l.status, l.reason_code, l.amount)
             for l in DeclarationLine.objects.select_related("provider").order_by("pk")}
    assert {k: v[:2] for k, v in lines.items()} == {
        ("11110001", "A1", "2025-02"): ("rejected", "duplicate"),  # the later line overwrites the key here
        ("11110001", "A2", "2025-02"): ("approved", ""),
        ("11110001", "A3", "2025-02"): ("rejected", "allocation-not-started"),
        ("11110001", "B1", "2025-02"): ("rejected", "allocation-other-provider"),
        ("22220002", "B1", "2025-02"): ("approved", ""),
        ("22220002", "B1", "2025-03"): ("rejected", "month-after-stop"),
    }
    assert DeclarationLine.objects.filter(status="approved").count() == 3
    assert "11110001 Zorg Een: 2 goedgekeurd (€\u00a01.200,00), 3 afgekeurd." in output
    assert "22220002 Zorg Twee: 1 goedgekeurd (€\u00a0400,00), 1 afgekeurd." in output
    assert "regel 5: A3 2025-02 afgekeurd" in output and "[allocation-not-started]" in output


def test_optional_columns_are_checked_against_the_allocation(allocated, files):
    run("declare", files.csv(
        "d.csv", D + ",product_code,category,volume,unit_price,amount",
        "11110001,A1,2025-02,D,02A01,1,1,400.00,400.00",
        "11110001,A2,2025-02,D,02A01,2,1,800.00,799.00",
        "11110001,A3,2025-03,D,07A01,1,650,1.00,650.00",
        "11110001,A3,2025-04,D,02A01,,,,",
    ))
    got = list(DeclarationLine.objects.order_by("line_number").values_list("status", "reason_code"))
    assert got == [("approved", ""), ("rejected", "amount-mismatch"), ("approved", ""),
                   ("rejected", "product-mismatch")]


def test_a_credit_line_reverses_an_approved_line(allocated, files):
    run("declare", files.csv("d1.csv", D, "11110001,A1,2025-02,D"))
    run("declare", files.csv("d2.csv", D, "11110001,A1,2025-02,C", "11110001,A1,2025-02,D"))
    assert list(DeclarationLine.objects.order_by("pk").values_list("debit_credit", "status", "amount",
                                                                    "is_reversed")) == [
        ("D", "approved", 400, True), ("D", "approved", 400, False), ("C", "approved", -400, False)]


@pytest.mark.parametrize("row, field, code", [
    ("55555555,A1,2025-02,D", "provider_agb", "provider-unknown"),
    ("11110001,A1,2025-2,D", "month", "month-invalid"),
    ("11110001,A1,2025-13,D", "month", "month-invalid"),
    ("11110001,A1,2025-02,X", "debit_credit", "choice-invalid"),
    ("11110001,,2025-02,D", "reference", "value-missing"),
])
def test_a_malformed_line_refuses_the_whole_file(allocated, files, row, field, code):
    path = files.csv("d.csv", D, "11110001,A1,2025-02,D", "22220002,B1,2025-02,D", row)
    assert_refused("declare", path, line=4, field=field, code=code)
    assert not DeclarationLine.objects.exists()


def test_a_malformed_amount_in_an_optional_column(allocated, files):
    path = files.csv("d.csv", D + ",amount", "11110001,A1,2025-02,D,4OO")
    assert_refused("declare", path, line=2, field="amount", code="decimal-invalid")


@pytest.fixture
def declared(allocated, files):
    run("declare", files.csv("d.csv", D, "11110001,A1,2025-03,D", "11110001,A2,2025-03,D",
                             "11110001,A3,2025-03,D", "22220002,B1,2025-03,D", "11110001,NOPE,2025-03,D"))
    return allocated


def test_settle_prints_the_statement_in_the_documented_json_shape(declared):
    statement = json.loads(run("settle", "--month", "2025-03"))
    assert statement["month"] == "2025-03"
    # A1 400 and A3 650 for 0001; A2 800 for 0002 (moved 21 February: paid by 0002 from March).
    assert [(p["agb"], p["amount"]) for p in statement["providers"]] == [("11110001", "1850.00")]
    assert [(m["code"], m["care"], m["regional_costs"], m["total"]) for m in statement["municipalities"]] == [
        ("0001", "1050.00", "7500.00", "8550.00"), ("0002", "800.00", "2500.00", "3300.00")]
    assert statement["paid_to_providers"] == statement["charged_for_care"] == "1850.00"
    assert statement["rejected"] == [
        {"reference": "B1", "month": "2025-03", "code": "month-after-stop"},
        {"reference": "NOPE", "month": "2025-03", "code": "allocation-unknown"},
    ]


def test_settling_a_month_twice_gives_the_same_figures_and_no_duplicates(declared):
    first = run("settle", "--month", "2025-03")
    rows = counts()
    assert run("settle", "--month", "2025-03") == first
    assert counts() == rows
    assert SettlementRun.objects.count() == 1


def test_settle_as_csv_has_one_row_per_municipality_and_per_provider(declared):
    rows = list(csv.DictReader(io.StringIO(run("settle", "--month", "2025-03", "--format", "csv"))))
    assert [(r["kind"], r["code"], r["amount"], r["care"], r["regional_costs"], r["total"], r["lines"], r["clients"])
            for r in rows] == [
        ("municipality", "0001", "", "1050.00", "7500.00", "8550.00", "", "1"),
        ("municipality", "0002", "", "800.00", "2500.00", "3300.00", "", "1"),
        ("provider", "11110001", "1850.00", "", "", "", "3", ""),
    ]


def test_settle_refuses_a_malformed_month_and_an_earlier_month(declared):
    assert refused("settle", "--month", "03-2025").endswith("[month-invalid]")
    run("settle", "--month", "2025-03")
    assert refused("settle", "--month", "2025-02").endswith("[settlement-out-of-order]")


def test_region_option_picks_the_region_and_names_an_unknown_one(declared):
    assert json.loads(run("settle", "--month", "2025-03", "--region", "Regio Test"))["month"] == "2025-03"
    assert refused("settle", "--month", "2025-03", "--region", "Elders") == "Regio 'Elders' bestaat niet. [region-missing]"
