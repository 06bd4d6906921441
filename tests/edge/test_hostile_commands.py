"""Absurd and hostile options and files given to the management commands: each ends in one line
`... [code]` (exit 1 on the command line), never a traceback, and stores nothing."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from regie.billing.models import DeclarationLine
from tests.commands.conftest import REGION, counts, refused, run

from .conftest import stored

ALLOCATIONS = "reference,bsn,product_code,category,provider_agb,start,end,started_on,stopped_on"
CLIENTS = "bsn,birth_date,family_name,initials,municipality_code,resident_from,resident_to"
DECLARATIONS = "provider_agb,reference,month,debit_credit,amount"


ROOT = Path(__file__).resolve().parents[2]


def manage(*args, database: Path):
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{database}"}
    return subprocess.run([sys.executable, "manage.py", *map(str, args)], cwd=ROOT, env=env, capture_output=True,
                          text=True, timeout=120)


def refused_with(code: str, command: str, *args) -> str:
    before = counts()
    message = refused(command, *args)
    assert message.endswith(f"[{code}]"), message
    assert "Traceback" not in message and "\n" not in message
    assert counts() == before
    return message


# (option values of `settle`, code)
SETTLE = [
    ("0000-01", "month-invalid"),
    ("9999-12", "month-out-of-window"),
    ("1900-01", "month-out-of-window"),
    ("2025-13", "month-invalid"),
    ("２０２５-03", "month-invalid"),
    ("2025-03\x00", "month-invalid"),
    ("", "month-invalid"),
]


@pytest.mark.parametrize(("month", "code"), SETTLE, ids=[repr(m) for m, _ in SETTLE])
def test_settle_refuses_a_month_that_is_not_one_the_region_takes(region, month, code):
    refused_with(code, "settle", "--month", month)


INDEX = [
    (("--year", "٢٠٢٦", "--percentage", "2"), "number-not-ascii"),
    (("--year", "0", "--percentage", "2"), "integer-out-of-range"),
    (("--year", "9" * 30, "--percentage", "2"), "integer-out-of-range"),
    (("--year", "2026", "--percentage", "NaN"), "percentage-invalid"),
    (("--year", "2026", "--percentage", "1E+30"), "percentage-invalid"),
    (("--year", "2026", "--percentage", "-100"), "percentage-invalid"),
]


@pytest.mark.parametrize(("args", "code"), INDEX, ids=[" ".join(a) for a, _ in INDEX])
def test_index_tariffs_refuses_absurd_options(region, args, code):
    refused_with(code, "index-tariffs", *args)


def test_a_declaration_file_with_an_absurd_amount_is_refused_whole(clients, files):
    run("import-allocations", files.csv("allocations.csv", ALLOCATIONS, "A1,111222333,02A01,1,11110001,2025-01-10,,,"))
    for amount, code in (("1E+30", "amount-exponent"), ("NaN", "amount-not-finite"), ("²", "number-not-ascii")):
        path = files.csv("d.csv", DECLARATIONS, f"11110001,A1,2025-03,D,{amount}")
        message = refused_with(code, "declare", path)
        assert message.startswith(f"{path}:2: amount: ")
    assert not DeclarationLine.objects.exists()


# (a line of clients.csv, the field, the code)
CLIENT_LINES = [
    ("111222333,9999-12-31,Jansen,J.,0001,2000-01-01,", "birth_date", "date-out-of-window"),
    ("111222333,0000-01-01,Jansen,J.,0001,2000-01-01,", "birth_date", "date-invalid"),
    ("111222333,1960-05-01,Jansen,J.,0001,2100-01-01,", "resident_from", "date-out-of-window"),
    ("111222333,1960-05-01,Jan\x00sen,J.,0001,2000-01-01,", "family_name", "text-control-character"),
    ("111222333,1960-05-01,\u202eJansen,J.,0001,2000-01-01,", "family_name", "text-control-character"),
    ("١١١٢٢٢٣٣٣,1960-05-01,Jansen,J.,0001,2000-01-01,", "bsn", "bsn-invalid"),
]


@pytest.mark.parametrize(("line", "field", "code"), CLIENT_LINES, ids=[c + "-" + f for _, f, c in CLIENT_LINES])
def test_import_clients_refuses_absurd_lines(region, files, line, field, code):
    path = files.csv("clients.csv", CLIENTS, line)
    message = refused_with(code, "import-clients", path)
    assert message.startswith(f"{path}:2: {field}: ")


@pytest.mark.parametrize(("start", "code"), [("2100-01-01", "date-out-of-window"), ("2010-01-01", "date-out-of-window"),
                                             ("9999-12-31", "date-out-of-window"), ("0000-01-01", "date-invalid")])
def test_import_allocations_refuses_dates_outside_the_window(clients, files, start, code):
    path = files.csv("allocations.csv", ALLOCATIONS, f"A1,111222333,02A01,1,11110001,{start},,,")
    message = refused_with(code, "import-allocations", path)
    assert message.startswith(f"{path}:2: start: ")


def test_a_region_file_nested_100000_deep_is_refused(db, files):
    path = files.folder / "region.json"
    path.write_text('{"name": ' + "[" * 100_000 + "]" * 100_000 + "}", encoding="utf-8")
    refused_with("json-too-deep", "setup-region", path)


@pytest.mark.parametrize(("change", "code"), [
    ({"population": "٣"}, "number-not-ascii"),
    ({"population": "1" + "0" * 30}, "integer-out-of-range"),
    ({"valid_from": "0000-01-01"}, "date-invalid"),
    ({"name": "Aa\x00dorp"}, "text-control-character"),
])
def test_a_region_file_with_absurd_values_is_refused(db, files, change, code):
    data = {**REGION, "municipalities": [{**REGION["municipalities"][0], **change}, REGION["municipalities"][1]]}
    refused_with(code, "setup-region", files.json("region.json", data))


def test_regional_costs_past_the_column_are_refused(db, files):
    data = {**REGION, "regional_costs": [{"year": 2025, "amount": "1E+30"}]}
    path = files.folder / "region.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    refused_with("amount-exponent", "setup-region", path)


def test_the_valid_files_of_these_tests_are_accepted(region, files):
    """The refusals above are about their one value: the same files, unspoilt, import."""
    before = stored()
    run("import-clients", files.csv("clients.csv", CLIENTS, "111222333,1960-05-01,Jansen,J.,0001,2000-01-01,"))
    run("import-allocations", files.csv("allocations.csv", ALLOCATIONS, "A1,111222333,02A01,1,11110001,2025-01-10,,,"))
    run("index-tariffs", "--year", "2026", "--percentage", "2")
    assert stored() != before


def test_on_the_command_line_a_refusal_is_one_line_on_stderr_and_exit_1(tmp_path):
    path = tmp_path / "region.json"
    path.write_text('{"name": ' + "[" * 100_000 + "]" * 100_000 + "}", encoding="utf-8")
    result = manage("setup-region", path, database=tmp_path / "db.sqlite3")
    assert result.returncode == 1
    assert "Traceback" not in result.stderr and result.stderr.count("\n") == 1
    assert result.stderr.endswith("[json-too-deep]\n")


def test_setup_region_sets_the_window_of_care_dates(db, files):
    from regie.regions.models import Region

    run("setup-region", files.json("region.json", {**REGION, "care_from": "2020-01-01", "future_years": 1}))
    region = Region.objects.get()
    assert (region.care_from.isoformat(), region.future_years) == ("2020-01-01", 1)
    for change, code in (({"future_years": 51}, "integer-out-of-range"), ({"care_from": "0000-01-01"}, "date-invalid"),
                         ({"future_years": "٣"}, "number-not-ascii")):
        refused_with(code, "setup-region", files.json("region.json", {**REGION, **change}))


@pytest.mark.parametrize(("line", "field", "code"), [
    ("02A01,02,3,inspanningsgericht,1E+30,2024-01-01,", "tariff", "amount-exponent"),
    ("02A01,02,3,inspanningsgericht,12345678901,2024-01-01,", "tariff", "amount-too-large"),
    ("02A01,02,3,inspanningsgericht,NaN,2024-01-01,", "tariff", "amount-not-finite"),
    ("02A01,02,٣,inspanningsgericht,400.00,2024-01-01,", "category", "number-not-ascii"),
    ("02A01,02,99999,inspanningsgericht,400.00,2024-01-01,", "category", "integer-out-of-range"),
    ("02A01,02,3,inspanningsgericht,400.00,9999-12-31,", "valid_from", "date-out-of-window"),
])
def test_import_catalogue_refuses_numbers_no_column_holds(region, files, line, field, code):
    path = files.csv("catalogue.csv", "product_code,support_form,category,variant,tariff,valid_from,valid_to", line)
    message = refused_with(code, "import-catalogue", path)
    assert message.startswith(f"{path}:2: {field}: ")
