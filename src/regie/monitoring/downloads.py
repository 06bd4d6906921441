"""A figure as a file: CSV (semicolons, as Dutch spreadsheets read them) or XLSX (openpyxl), the
same records the screen and the API show, hidden cells as their mark and never their value."""

from __future__ import annotations

import csv
import io

from django.http import Http404, HttpResponse
from django.utils.translation import gettext as _
from openpyxl import Workbook

from .disclosure import Reason, mark
from .figures import Figure

CSV, XLSX = "csv", "xlsx"


def header() -> list[str]:
    return [_("indicator"), _("period"), _("series"), _("name"), _("value"), _("hidden")]


def rows(made: Figure) -> list[list]:
    return [[r["indicator"], r["period"], r["series"], r["label"],
             "" if r["value"] is None else r["value"], mark(Reason(r["hidden"]) if r["hidden"] else None)] for r in made.records()]


def response(made: Figure, fmt: str) -> HttpResponse:
    name = f"{made.indicator.code}-{made.filters.first:%Y%m}-{made.filters.last:%Y%m}"
    if fmt == CSV:
        out = io.StringIO()
        writer = csv.writer(out, delimiter=";")
        writer.writerows([header(), *rows(made)])
        reply = HttpResponse(out.getvalue().encode("utf-8-sig"), content_type="text/csv; charset=utf-8")
    elif fmt == XLSX:
        book = Workbook()
        sheet = book.active
        sheet.title = made.indicator.code[:31]
        sheet.append([str(made.indicator.name)])
        sheet.append([str(made.indicator.definition)])
        sheet.append([])
        sheet.append(header())
        for row in rows(made):
            sheet.append([float(v) if k == 4 and v != "" else v for k, v in enumerate(row)])
        out = io.BytesIO()
        book.save(out)
        reply = HttpResponse(out.getvalue(), content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    else:
        raise Http404
    reply["Content-Disposition"] = f'attachment; filename="{name}.{fmt}"'
    return reply
