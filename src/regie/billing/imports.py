"""Reading declarations from a CSV file: one declaration per provider in the file.

Malformed lines (an unknown provider, a month that is not YYYY-MM, a D/C that is neither)
refuse the whole file. A well-formed line that fails a check is not malformed: it is stored
rejected with its reason code by `declaration_submit`, and shows in the month's statement.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from django.db import transaction
from django.db.models import Count, Q, Sum

from regie.audit.models import Action
from regie.audit.services import audit_record
from regie.core.imports import Row, at, read_csv
from regie.regions.models import Organisation
from regie.regions.selectors import provider_by_agb

from .checks import LineInput
from .models import Declaration, DebitCredit, LineStatus, Source
from .services import declaration_submit

DECLARATION_COLUMNS = ("provider_agb", "reference", "month", "debit_credit")
DECLARATION_OPTIONAL = ("product_code", "category", "volume", "unit_price", "amount")


def line_from_row(row: Row) -> LineInput:
    """One declaration line of a CSV file, from the command line or a web upload alike."""
    return LineInput(
        reference=row.text("reference", max_length=20), month=row.month("month"),
        debit_credit=row.choice("debit_credit", DebitCredit.values),
        product_code=row.text("product_code", required=False) or None,
        category=row.integer("category", required=False, minimum=0, maximum=32767),
        volume=row.decimal("volume", required=False, max_digits=10),
        unit_price=row.decimal("unit_price", required=False, max_digits=10),
        amount=row.decimal("amount", required=False, max_digits=12),
    )


@dataclass
class ProviderSummary:
    provider: Organisation
    declaration: Declaration
    approved: int
    rejected: int
    amount: Decimal
    # (file line, reference, month, reason code) of every rejected line
    rejections: list[tuple[int, str, str, str]] = field(default_factory=list)


@transaction.atomic
def declarations_import(*, region, path: str | Path, content: bytes | None = None) -> list[ProviderSummary]:
    """`content` is the bytes of an uploaded file (a web form); then `path` is only its name."""
    rows = read_csv(path, columns=DECLARATION_COLUMNS, optional=DECLARATION_OPTIONAL, content=content)
    by_provider: dict[str, dict] = {}
    for row in rows:
        agb = row.text("provider_agb")
        if agb not in by_provider:
            with at(row, "provider_agb"):
                by_provider[agb] = {"provider": provider_by_agb(region=region, agb=agb), "lines": [], "rows": []}
        by_provider[agb]["lines"].append(line_from_row(row))
        by_provider[agb]["rows"].append(row)
    summaries = []
    for group in by_provider.values():
        provider = group["provider"]
        declaration = declaration_submit(actor=None, provider=provider, lines=group["lines"], source=Source.CSV,
                                         filename=Path(path).name[:255])
        summaries.append(_summary(provider, declaration, group["rows"]))
    audit_record(actor=None, action=Action.IMPORT, subject="declarations.import", object_id=Path(path).name[:40],
                 detail={"file": str(path), "rows": len(rows), "declarations": [s.declaration.pk for s in summaries]})
    return summaries


def _summary(provider, declaration: Declaration, rows) -> ProviderSummary:
    totals = declaration.lines.aggregate(
        approved=Count("id", filter=Q(status=LineStatus.APPROVED)),
        rejected=Count("id", filter=Q(status=LineStatus.REJECTED)),
        amount=Sum("amount", filter=Q(status=LineStatus.APPROVED)),
    )
    rejections = [
        (rows[line.line_number - 1].line, line.reference, f"{line.month:%Y-%m}", line.reason_code)
        for line in declaration.lines.filter(status=LineStatus.REJECTED).order_by("line_number")
    ]
    return ProviderSummary(provider=provider, declaration=declaration, approved=totals["approved"],
                           rejected=totals["rejected"], amount=totals["amount"] or Decimal("0.00"),
                           rejections=rejections)
