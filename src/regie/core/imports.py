"""Reading input files (CSV and JSON) for the command line, one way for every import.

Every error names the file, the line and the field, in Dutch, with a stable code:

    clients.csv:4: bsn: '123456789' is geen geldig BSN (negen cijfers die de elfproef doorstaan). [bsn-invalid]

The readers only parse; the import modules of the apps (`care/imports.py`, ...) call the
services in one transaction per file, so a file is imported whole or not at all.

- CSV: UTF-8, with or without the byte order mark Excel writes; comma-separated, or
  semicolon-separated when the header line has semicolons and no commas (Dutch Excel);
  a header line with the column names; blank lines are skipped; values are stripped.
- JSON: numbers with a fraction are read as `Decimal` (never float); every object knows the
  line it starts on, so an error in the third municipality names that line.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import json.decoder
import json.scanner
from collections.abc import Callable, Hashable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from django.conf import settings
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .bsn import bsn_clean
from .errors import DomainError
from .parse import Window, check_text, json_depth, parse_amount, parse_date, parse_integer, parse_month

MAX_JSON_DEPTH = 32  # a region file is three levels deep; deeper is not ours (and would exhaust the stack)
HEADER = gettext_lazy("header line")  # the "field" of an error about the header line
WHOLE_FILE = gettext_lazy("file")  # the "field" of an error about the file as a whole


class InputError(DomainError):
    """Malformed input: the file, line and field it is about, a Dutch message and a stable code."""

    def __init__(self, code: str, message: str, *, file: str, line: int | None, field: str | None):
        super().__init__(code, message, field=field)
        self.file, self.line = file, line

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line is not None else self.file
        return f"{where}: {self.field or WHOLE_FILE}: {self.message} [{self.code}]"


@dataclass
class Row:
    """One record of an input file: a CSV line, or a JSON object with the line it starts on.

    The parsing methods return typed values and raise `InputError` at this line and field.
    `prefix` names where a JSON object sits (`municipalities[2].`), so fields read in full.
    """

    file: str
    line: int
    values: dict
    prefix: str = ""
    columns: tuple[str, ...] = field(default=())

    def label(self, name: str) -> str:
        return f"{self.prefix}{name}"

    def error(self, name: str | None, code: str, message: str) -> InputError:
        return InputError(code, message, file=self.file, line=self.line,
                          field=self.label(name) if name else None)

    # -- scalars ---------------------------------------------------------------------------

    def text(self, name: str, *, required: bool = True, max_length: int | None = None) -> str:
        value = self.values.get(name)
        if value is None:
            text = ""
        elif isinstance(value, bool) or not isinstance(value, (str, int, Decimal)):
            raise self.error(name, "value-type", _("A text or number belongs here, not a list or object."))
        else:
            text = str(value).strip()
        with at(self, name, prefer_own_field=False):
            check_text(text)
        if required and not text:
            raise self.error(name, "value-missing", _("This field is required but empty."))
        if max_length is not None and len(text) > max_length:
            raise self.error(name, "value-too-long", _("'%(text)s' is longer than %(length)s characters.") % {"text": text[:40], "length": max_length})
        return text

    def parse(self, name: str, parser: Callable[[str], object], *, required: bool = True):
        """Parse the field with `parser`; a `DomainError` becomes an error at this line and field."""
        text = self.text(name, required=required)
        if not text:
            return None
        with at(self, name, prefer_own_field=False):
            return parser(text)

    def date(self, name: str, *, required: bool = True, window: Window | None = None) -> dt.date | None:
        return self.parse(name, lambda text: parse_date(text, window=window), required=required)

    def month(self, name: str, *, required: bool = True, window: Window | None = None) -> dt.date | None:
        return self.parse(name, lambda text: parse_month(text, window=window), required=required)

    def integer(self, name: str, *, required: bool = True, minimum: int | None = None,
                maximum: int | None = None) -> int | None:
        """A whole number in ASCII digits; by default within what an integer column holds."""
        bounds = {k: v for k, v in (("minimum", minimum), ("maximum", maximum)) if v is not None}
        return self.parse(name, lambda text: parse_integer(text, **bounds), required=required)

    def decimal(self, name: str, *, required: bool = True, max_digits: int = 12,
                decimal_places: int = 2) -> Decimal | None:
        """A decimal number that fits its column; a decimal comma (Dutch Excel) is accepted, a
        thousands separator, an exponent, NaN and Infinity are not."""
        def parse(text: str) -> Decimal:
            try:
                return parse_amount(text, max_digits=max_digits, decimal_places=decimal_places)
            except DomainError as error:
                if error.code == "amount-invalid":  # the code files have always had for a malformed number
                    raise DomainError("decimal-invalid", error.message) from None
                raise

        return self.parse(name, parse, required=required)

    def digits(self, name: str, length: int, *, required: bool = True) -> str:
        def parse(text: str) -> str:
            if len(text) != length or not (text.isascii() and text.isdigit()):
                raise DomainError("digits-invalid", _("'%(text)s' must consist of exactly %(length)s digits.") % {"text": text, "length": length})
            return text

        return self.parse(name, parse, required=required) or ""

    def bsn(self, name: str = "bsn") -> str:
        return self.parse(name, bsn_clean)

    def choice(self, name: str, choices: Iterable[str], *, required: bool = True) -> str:
        allowed = list(choices)

        def parse(text: str) -> str:
            if text not in allowed:
                raise DomainError("choice-invalid", _("'%(text)s' is not an allowed value; choose from: %(choices)s.") % {"text": text, "choices": ", ".join(allowed)})
            return text

        return self.parse(name, parse, required=required) or ""

    # -- JSON structure -------------------------------------------------------------------

    def rows(self, name: str, *, required: bool = True) -> list[Row]:
        """The objects of a JSON list field, each as a `Row` with its own line."""
        value = self.values.get(name)
        if value is None:
            if required:
                raise self.error(name, "value-missing", _("This list is required but missing."))
            return []
        if not isinstance(value, list):
            raise self.error(name, "value-type", _("A list ([...]) belongs here."))
        rows = []
        for index, item in enumerate(value):
            if not isinstance(item, _Object):
                raise self.error(f"{name}[{index}]", "value-type", _("An object ({...}) belongs here."))
            rows.append(Row(self.file, item.line, dict(item), prefix=f"{self.label(name)}[{index}]."))
        return rows

    def check_keys(self, allowed: Iterable[str], *, ignored: Iterable[str] = ()) -> list[str]:
        """Refuse unknown keys (a typo must not pass silently); give back the ignored ones present."""
        allowed, ignored = set(allowed), set(ignored)
        for key in self.values:
            if key not in allowed and key not in ignored:
                raise self.error(key, "key-unknown", _("Unknown key; expected: %(keys)s.") % {"keys": ", ".join(sorted(allowed))})
        return sorted(key for key in self.values if key in ignored)


@contextmanager
def at(row: Row, name: str | None = None, *, rename: dict[str, str] | None = None,
       prefer_own_field: bool = True) -> Iterator[None]:
    """Turn a `DomainError` raised by a service into an `InputError` at this row.

    The field the service names wins when it is a column of this file (after `rename`, for
    services whose field names differ from the file's columns); otherwise `name` is used.
    """
    try:
        yield
    except InputError:
        raise
    except DomainError as error:
        own = (rename or {}).get(error.field, error.field)
        known = own is not None and (own in row.values or own in row.columns)
        chosen = own if prefer_own_field and known else (name or own)
        raise row.error(chosen, error.code, error.message) from error


def check_unique(rows: Sequence[Row], key: Sequence[str] | Callable[[Row], Hashable], *,
                 name: str | None = None) -> None:
    """Refuse a row whose key was already on an earlier line; the error names both lines."""
    columns = None if callable(key) else tuple(key)
    seen: dict[Hashable, int] = {}
    for row in rows:
        value = tuple(row.values.get(c, "") for c in columns) if columns else key(row)
        if value in seen:
            label = name or (columns[0] if columns else None)
            what = f" ({', '.join(columns)})" if columns else ""
            raise row.error(label, "row-duplicate", _("This line already appears on line %(line)s%(what)s.") % {"line": seen[value], "what": what})
        seen[value] = row.line


# -- CSV ------------------------------------------------------------------------------------


def _decode(path: Path, raw: bytes) -> str:
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        start = raw.rfind(b"\n", 0, error.start) + 1
        line = raw.count(b"\n", 0, error.start) + 1
        header = raw.split(b"\n", 1)[0].decode("utf-8-sig", errors="replace").strip()
        delimiter = ";" if ";" in header and "," not in header else ","
        names = [n.strip() for n in header.split(delimiter)]
        position = raw[start:error.start].count(delimiter.encode())
        column = names[position] if line > 1 and position < len(names) else None
        raise InputError("encoding-invalid", _("The file is not UTF-8; save it as 'CSV UTF-8' (Excel) or choose the encoding UTF-8."), file=str(path), line=line, field=column) from None


def read_text(path: str | Path, content: bytes | None = None) -> str:
    """The text of a file; `content` gives the bytes of an upload (then `path` only names it)."""
    path = Path(path)
    if content is not None:
        limit = settings.REGIE_UPLOAD_MAX_BYTES
        if len(content) > limit:
            raise InputError("file-too-large", _("The file is larger than %(limit)s bytes; split it into parts.")
                             % {"limit": f"{limit:,}".replace(",", ".")}, file=str(path), line=None, field=WHOLE_FILE)
        return _decode(path, content)
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise InputError("file-missing", _("The file does not exist."), file=str(path), line=None, field=WHOLE_FILE) from None
    except OSError as error:
        raise InputError("file-unreadable", _("The file cannot be read: %(error)s.") % {"error": error.strerror},
                         file=str(path), line=None, field=WHOLE_FILE) from None
    return _decode(path, raw)


def read_csv(path: str | Path, *, columns: Sequence[str], optional: Sequence[str] = (),
             key: Sequence[str] | Callable[[Row], Hashable] | None = None, content: bytes | None = None) -> list[Row]:
    """The rows of a CSV file with exactly `columns` (and any of `optional`), in file order.

    Refuses an empty file, a missing, unknown or repeated column, a row with too few or too
    many fields, and — when `key` is given — a row whose key repeats an earlier one.
    """
    name = str(path)
    text = read_text(path, content)
    max_rows = settings.REGIE_UPLOAD_MAX_ROWS
    lines = text.splitlines()
    header_index = next((i for i, line in enumerate(lines) if line.strip()), None)
    expected = ",".join(columns)
    if header_index is None:
        raise InputError("file-empty", _("The file is empty; expected a header line with %(columns)s.") % {"columns": expected},
                         file=name, line=1, field=HEADER)
    delimiter = ";" if ";" in lines[header_index] and "," not in lines[header_index] else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    header: list[str] | None = None
    rows: list[Row] = []
    previous_end = 0
    for record in _records(reader, name):
        start, previous_end = previous_end + 1, reader.line_num
        if not any(value.strip() for value in record):
            continue
        if header is None:
            header = [value.strip() for value in record]
            _check_header(name, start, header, columns, optional)
            continue
        if len(record) != len(header):
            missing = header[len(record)] if len(record) < len(header) else None
            raise InputError("row-length", _("This line has %(fields)s fields, the header line %(header)s.") % {"fields": len(record), "header": len(header)},
                             file=name, line=start, field=missing or _("field %(number)s") % {"number": len(header) + 1})
        if len(rows) >= max_rows:
            raise InputError("file-too-many-rows", _("The file has more than %(limit)d rows; split it into parts.")
                             % {"limit": max_rows}, file=name, line=start, field=WHOLE_FILE)
        values = {column: value.strip() for column, value in zip(header, record)}
        rows.append(Row(name, start, values, columns=tuple(columns) + tuple(optional)))
    if not rows:
        raise InputError("file-empty", _("The file contains only a header line and no data."),
                         file=name, line=(header_index + 2), field=HEADER)
    if key is not None:
        check_unique(rows, key)
    return rows


def _records(reader, name: str):
    """The reader's records; a line the csv module cannot read (a field past its limit, a stray quote
    in strict mode) is refused with its line, never raised as csv.Error."""
    while True:
        try:
            yield next(reader)
        except StopIteration:
            return
        except csv.Error as error:
            raise InputError("csv-invalid", _("This line cannot be read as CSV (%(error)s).") % {"error": error},
                             file=name, line=reader.line_num, field=WHOLE_FILE) from None


def _check_header(file: str, line: int, header: list[str], columns: Sequence[str], optional: Sequence[str]) -> None:
    seen = set()
    for column in header:
        if column in seen:
            raise InputError("column-duplicate", _("This column appears twice in the header line."), file=file, line=line,
                             field=column)
        seen.add(column)
        if column not in columns and column not in optional:
            allowed = ", ".join([*columns, *optional])
            raise InputError("column-unknown", _("Unknown column; allowed are: %(allowed)s.") % {"allowed": allowed}, file=file, line=line,
                             field=column or _("(empty)"))
    for column in columns:
        if column not in seen:
            raise InputError("column-missing", _("The column is missing from the header line; expected: %(columns)s.") % {"columns": ",".join(columns)},
                             file=file, line=line, field=column)


# -- JSON -----------------------------------------------------------------------------------


class _Object(dict):
    """A JSON object that remembers the line it starts on."""

    line = 1


class _Decoder(json.JSONDecoder):
    def __init__(self):
        super().__init__(parse_float=Decimal)

        def parse_object(s_and_end, *args):
            text, end = s_and_end
            values, after = json.decoder.JSONObject(s_and_end, *args)
            found = _Object(values)
            found.line = text.count("\n", 0, end) + 1
            return found, after

        self.parse_object = parse_object
        self.scan_once = json.scanner.py_make_scanner(self)


def read_json(path: str | Path) -> Row:
    """The top-level object of a JSON file as a `Row`; nested lists of objects via `Row.rows`."""
    name = str(path)
    text = read_text(path)
    if not text.strip():
        raise InputError("file-empty", _("The file is empty; expected a JSON object."), file=name, line=1,
                         field=WHOLE_FILE)
    if json_depth(text.encode()) > MAX_JSON_DEPTH:
        raise InputError("json-too-deep", _("The JSON is nested deeper than %(depth)d levels.")
                         % {"depth": MAX_JSON_DEPTH}, file=name, line=1, field=WHOLE_FILE)
    try:
        data = _Decoder().decode(text)
    except json.JSONDecodeError as error:
        raise InputError("json-invalid", _("This is not valid JSON (%(error)s, column %(column)s).") % {"error": error.msg, "column": error.colno},
                         file=name, line=error.lineno, field=WHOLE_FILE) from None
    if not isinstance(data, _Object):
        raise InputError("json-invalid", _("The file must contain one JSON object ({...})."), file=name, line=1,
                         field=WHOLE_FILE)
    return Row(name, data.line, dict(data))
