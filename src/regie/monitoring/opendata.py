"""Open data: what the public may see of the monitoring figures, as files anyone may reuse.

Every indicator's figure is made for the public (`RegionReader(public=True)`: the region and each
municipality, every table through disclosure control), so nothing here rests on fewer than
`SMALL_CELL` clients. The command `export-open-data` and the public page `/open-data/` call the
same functions below, so a file written on the server and one downloaded from the page are the
same bytes for the same data, filters and day.

The files are data for others' programs, so they are written to be compared: rows in a fixed
order, JSON with sorted keys and fixed indentation, one generated date that a caller can fix.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from django.utils.translation import gettext as _

from regie.regions.models import Region

from . import downloads
from .disclosure import SMALL_CELL, Reason, mark
from .figures import Figure, RegionReader, figure
from .filters import Filters
from .indicators import INDICATORS, REGISTRY, THEMES, Indicator, Theme

RECORDS_CSV, RECORDS_JSON, DICTIONARY_CSV = "indicatoren.csv", "indicatoren.json", "datadictionary.csv"
FILES = (RECORDS_CSV, RECORDS_JSON, DICTIONARY_CSV)


@dataclass(frozen=True)
class OpenData:
    region: Region
    filters: Filters
    today: dt.date
    figures: dict[str, Figure]  # by indicator code, in the registry's order

    def themes(self) -> list[tuple[Theme, list[Figure]]]:
        """The figures as the page groups them: per theme (an indicator can answer two questions)."""
        return [(theme, [self.figures[code] for code in THEMES[theme]]) for theme in Theme]

    def records(self) -> list[dict]:
        """Every figure's records, in a fixed order: indicator, period, series."""
        found = [r for made in self.figures.values() for r in made.records()]
        return sorted(found, key=lambda r: (r["indicator"], r["period"], r["series"]))


def open_data(*, region: Region, filters: Filters, today: dt.date) -> OpenData:
    """Every indicator over `filters`, as the public sees it."""
    reader = RegionReader(region.pk, public=True)
    return OpenData(region, filters, today, {i.code: figure(actor=reader, code=i.code, filters=filters, today=today)
                                             for i in INDICATORS})


KEYS = ("indicator", "period", "series", "label", "value", "hidden")  # of a record (Figure.records)


def columns() -> list[dict]:
    """The columns of indicatoren.csv (downloads.header, as a figure's own download) with the key of
    the same field in indicatoren.json, described."""
    descriptions = [
        _("The indicator's code; its definition is in the data dictionary."),
        _("The period: YYYY (a year), YYYY-Qn (a quarter) or YYYY-MM (a month)."),
        _("The series: 'region' for the whole region, 'municipality:<number>' for one municipality."),
        _("The name of the region or municipality."),
        _("The value in the indicator's unit (a decimal point); empty when hidden or when there was nothing to "
          "measure."),
        _("Why a value is hidden: '<%(number)s' fewer than %(number)s clients; '–' it could be worked out from "
          "the others, or rests on fewer than %(number)s clients; empty when it is shown. In the JSON the key "
          "'hidden' holds the reason's code (primary, secondary, base) and 'mark' the mark.") % {"number": SMALL_CELL},
    ]
    return [{"column": column, "key": key, "description": description}
            for column, key, description in zip(downloads.header(), KEYS, descriptions, strict=True)]


def _csv(rows: list[list]) -> bytes:
    out = io.StringIO()
    csv.writer(out, delimiter=";", lineterminator="\r\n").writerows(rows)
    return out.getvalue().encode("utf-8-sig")  # the byte-order mark: Dutch spreadsheets then read UTF-8


def records_csv(data: OpenData) -> bytes:
    rows = [row for made in data.figures.values() for row in downloads.rows(made)]
    return _csv([downloads.header(), *sorted(rows, key=lambda row: (row[0], row[1], row[2]))])


def _indicator(indicator: Indicator) -> dict:
    return {"code": indicator.code, "name": str(indicator.name), "definition": str(indicator.definition),
            "formula": indicator.formula, "unit": str(indicator.unit), "source": str(indicator.source),
            "periods": [p.value for p in indicator.periods]}


def dictionary_csv(data: OpenData) -> bytes:
    head = [_("kind"), _("code"), _("name"), _("definition"), _("formula"), _("unit"), _("source")]
    rows = [[_("column"), c["column"], c["key"], c["description"], "", "", ""] for c in columns()]
    for code in data.figures:
        i = _indicator(REGISTRY[code])
        rows.append([_("indicator"), i["code"], i["name"], i["definition"], i["formula"], i["unit"], i["source"]])
    return _csv([head, *rows])


def _number(value: Decimal | None):
    """A value as a JSON number, as the CSV writes it: an integer where it is one."""
    if value is None:
        return None
    return int(value) if value == value.to_integral_value() and value.as_tuple().exponent >= 0 else float(value)


def records_json(data: OpenData) -> bytes:
    document = {
        "metadata": {
            "region": data.region.name, "generated": data.today.isoformat(), "threshold": SMALL_CELL,
            "period": data.filters.period.value, "from": f"{data.filters.first:%Y-%m}",
            "to": f"{data.filters.last:%Y-%m}",
            "marks": {mark(Reason.PRIMARY): _("fewer than %(number)s clients") % {"number": SMALL_CELL},
                      mark(Reason.SECONDARY): _("hidden so that a small number cannot be worked out, or resting on "
                                                "fewer than %(number)s clients") % {"number": SMALL_CELL}},
        },
        "columns": columns(),
        "indicators": [_indicator(REGISTRY[code]) for code in data.figures],
        "records": [{**r, "value": _number(r["value"]), "mark": mark(Reason(r["hidden"]) if r["hidden"] else None)}
                    for r in data.records()],
    }
    return (json.dumps(document, ensure_ascii=False, indent=2, sort_keys=True) + "\n").encode("utf-8")


WRITERS = {RECORDS_CSV: records_csv, RECORDS_JSON: records_json, DICTIONARY_CSV: dictionary_csv}


def open_data_write(*, data: OpenData, out: Path) -> list[Path]:
    """The three files in `out` (made when missing); an existing file is replaced."""
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for name, write in WRITERS.items():
        path = out / name
        path.write_bytes(write(data))
        written.append(path)
    return written
