"""The one mechanism for reading input files: file, line and field in every error."""

from decimal import Decimal

import pytest

from regie.core.errors import DomainError
from regie.core.imports import InputError, at, read_csv, read_json

COLUMNS = ("bsn", "name")


def error_of(call):
    with pytest.raises(InputError) as error:
        call()
    return error.value


def test_rows_keep_their_line_numbers_and_strip_values(files):
    path = files.csv("a.csv", "bsn,name", " 111222333 , Jansen", "", "123456782,De Vries")
    rows = read_csv(path, columns=COLUMNS)
    assert [(r.line, r.values) for r in rows] == [
        (2, {"bsn": "111222333", "name": "Jansen"}), (4, {"bsn": "123456782", "name": "De Vries"}),
    ]


def test_a_quoted_value_with_a_comma_and_a_newline_counts_its_lines(files):
    path = files.csv("a.csv", "bsn,name", '111222333,"Jansen, de\nOude"', "123456782,x")
    rows = read_csv(path, columns=COLUMNS)
    assert [(r.line, r.values["name"]) for r in rows] == [(2, "Jansen, de\nOude"), (4, "x")]


def test_excel_byte_order_mark_and_semicolons_are_accepted(files):
    path = files.csv("a.csv", "bsn;name", "111222333;Jansen", bom=True)
    assert read_csv(path, columns=COLUMNS)[0].values == {"bsn": "111222333", "name": "Jansen"}


def test_a_file_that_is_not_utf8_names_the_line_and_the_column(files):
    path = files.csv("a.csv", "bsn,name", "111222333,Jansen", "123456782,Müller", encoding="latin-1")
    error = error_of(lambda: read_csv(path, columns=COLUMNS))
    assert (error.line, error.field, error.code) == (3, "name", "encoding-invalid")
    assert str(error).startswith(f"{path}:3: name: Het bestand is geen UTF-8")


@pytest.mark.parametrize("lines, line, field, code", [
    ((), 1, "kopregel", "file-empty"),
    (("bsn,name",), 2, "kopregel", "file-empty"),
    (("bsn", "111222333"), 1, "name", "column-missing"),
    (("bsn,name,extra", "1,2,3"), 1, "extra", "column-unknown"),
    (("bsn,name,bsn", "1,2,3"), 1, "bsn", "column-duplicate"),
    (("bsn,name", "111222333"), 2, "name", "row-length"),
    (("bsn,name", "111222333,a,b"), 2, "veld 3", "row-length"),
])
def test_malformed_structure(files, lines, line, field, code):
    path = files.csv("a.csv", *lines) if lines else files.folder / "a.csv"
    if not lines:
        path.write_bytes(b"\xef\xbb\xbf\n  \n")
    error = error_of(lambda: read_csv(path, columns=COLUMNS))
    assert (error.file, error.line, error.field, error.code) == (str(path), line, field, code)


def test_a_missing_file(files):
    error = error_of(lambda: read_csv(files.folder / "nope.csv", columns=COLUMNS))
    assert str(error) == f"{files.folder / 'nope.csv'}: bestand: Het bestand bestaat niet. [file-missing]"


def test_a_duplicate_row_names_both_lines(files):
    path = files.csv("a.csv", "bsn,name", "111222333,a", "123456782,b", "111222333,c")
    error = error_of(lambda: read_csv(path, columns=COLUMNS, key=("bsn",)))
    assert (error.line, error.field, error.code) == (4, "bsn", "row-duplicate")
    assert "regel 2" in error.message


def test_typed_fields_fail_at_their_line_and_field(files):
    path = files.csv("a.csv", "bsn,name", "111222334,2025-13-01")
    row = read_csv(path, columns=COLUMNS)[0]
    assert (error_of(row.bsn).field, error_of(row.bsn).code) == ("bsn", "bsn-invalid")
    assert error_of(lambda: row.date("name")).code == "date-invalid"
    assert error_of(lambda: row.month("name")).code == "month-invalid"
    assert error_of(lambda: row.integer("name")).code == "integer-invalid"
    assert error_of(lambda: row.decimal("name")).code == "decimal-invalid"


def test_decimals_accept_a_decimal_comma_and_never_become_float(files):
    path = files.csv("a.csv", "bsn,name", '1,"412,50"')
    row = read_csv(path, columns=COLUMNS)[0]
    assert row.decimal("name") == Decimal("412.50")
    assert isinstance(row.decimal("name"), Decimal)


def test_a_service_error_lands_on_its_own_field_when_that_is_a_column(files):
    row = read_csv(files.csv("a.csv", "bsn,name", "1,2"), columns=COLUMNS)[0]
    with pytest.raises(InputError) as error, at(row, "name"):
        raise DomainError("x", "fout", field="bsn")
    assert error.value.field == "bsn"
    with pytest.raises(InputError) as error, at(row, "name", rename={"provider": "bsn"}):
        raise DomainError("x", "fout", field="provider")
    assert error.value.field == "bsn"
    with pytest.raises(InputError) as error, at(row, "name"):
        raise DomainError("x", "fout", field="elsewhere")
    assert str(error.value) == f"{row.file}:2: name: fout [x]"


def test_json_objects_know_their_line_and_numbers_are_decimal(files):
    path = files.folder / "r.json"
    path.write_text('{\n "a": [\n  {"x": 1.10},\n  {\n   "x": "2025-13-01"\n  }\n ]\n}\n', encoding="utf-8")
    root = read_json(path)
    first, second = root.rows("a")
    assert (first.line, second.line) == (3, 4)
    assert first.values["x"] == Decimal("1.10")
    error = error_of(lambda: second.date("x"))
    assert str(error).startswith(f"{path}:4: a[1].x: ")


def test_invalid_json_names_its_line(files):
    path = files.folder / "r.json"
    path.write_text('{\n "a": 1,\n}\n', encoding="utf-8")
    error = error_of(lambda: read_json(path))
    assert (error.line, error.code) == (3, "json-invalid")


def test_an_upload_is_read_from_its_bytes_under_its_own_name():
    rows = read_csv("upload.csv", columns=COLUMNS, content="\ufeffbsn;name\n111222333;Müller\n".encode())
    assert (rows[0].file, rows[0].line, rows[0].values["name"]) == ("upload.csv", 2, "Müller")
    error = error_of(lambda: read_csv("upload.csv", columns=COLUMNS, content=b"bsn,name\n1,M\xfcller\n"))
    assert str(error).startswith("upload.csv:2: name: ")
