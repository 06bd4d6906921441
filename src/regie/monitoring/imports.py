"""Reading the client experience survey and the users of general provisions (CSV) into monitoring."""

from __future__ import annotations

from pathlib import Path

from django.db import transaction

from regie.core.imports import at, read_csv
from regie.core.parse import parse_amount, parse_quarter
from regie.regions.imports import Imported, row_municipality
from regie.regions.models import Region

from .services import MAX_RESPONDENTS, MAX_USERS, general_provision_set, survey_result_set

SURVEY_COLUMNS = ("municipality_code", "year", "question", "agree_percent", "respondents")
GENERAL_PROVISION_COLUMNS = ("municipality_code", "quarter", "users")


@transaction.atomic
def survey_import(*, region: Region, path: str | Path) -> Imported:
    """One line per municipality, year and statement: the share that (fully) agreed, and the respondents."""
    rows = read_csv(path, columns=SURVEY_COLUMNS, key=("municipality_code", "year", "question"))
    municipalities = {m.code: m for m in region.municipalities.all()}
    changed = 0
    for row in rows:
        municipality = row_municipality(row, municipalities)
        year = row.integer("year", minimum=1900, maximum=2200)
        percent = row.parse("agree_percent", lambda text: parse_amount(text, max_digits=4, decimal_places=1))
        respondents = row.integer("respondents", minimum=0, maximum=MAX_RESPONDENTS)
        with at(row):
            changed += survey_result_set(municipality=municipality, year=year, question=row.text("question"),
                                         agree_percent=percent, respondents=respondents)
    return Imported(rows=len(rows), changed=changed)


@transaction.atomic
def general_provisions_import(*, region: Region, path: str | Path) -> Imported:
    """One line per municipality and quarter (YYYY-Qn): the users of general provisions."""
    rows = read_csv(path, columns=GENERAL_PROVISION_COLUMNS, key=("municipality_code", "quarter"))
    municipalities = {m.code: m for m in region.municipalities.all()}
    changed = 0
    for row in rows:
        municipality = row_municipality(row, municipalities)
        quarter = row.parse("quarter", parse_quarter)
        users = row.integer("users", minimum=0, maximum=MAX_USERS)
        with at(row):
            changed += general_provision_set(municipality=municipality, quarter=quarter, users=users)
    return Imported(rows=len(rows), changed=changed)
