"""Reading framework contracts from a CSV file: one line per provider × product."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from django.db import transaction

from regie.catalogue.selectors import product_by_code
from regie.core.imports import at, read_csv
from regie.regions.selectors import provider_by_agb

from .models import Contract
from .services import contract_create

CONTRACT_COLUMNS = ("agb", "product_code", "start", "end")


@dataclass
class ContractsImport:
    rows: int
    created: int
    extended: int
    present: int


@transaction.atomic
def contracts_import(*, region, path: str | Path) -> ContractsImport:
    """Lines with the same agb, start and end form one contract with several products. A contract
    already on record with the same provider, start and end gets the products it lacks, so
    importing the same file again changes nothing."""
    rows = read_csv(path, columns=CONTRACT_COLUMNS, key=("agb", "product_code", "start", "end"))
    groups: dict[tuple, dict] = {}
    for row in rows:
        with at(row, "agb"):
            provider = provider_by_agb(region=region, agb=row.text("agb"))
        with at(row, "product_code"):
            product = product_by_code(region=region, code=row.text("product_code"))
        start, end = row.date("start"), row.date("end", required=False)
        group = groups.setdefault((provider.pk, start, end), {"row": row, "provider": provider, "products": []})
        group["products"].append(product)
    created = extended = present = 0
    for (_, start, end), group in groups.items():
        existing = Contract.objects.filter(region=region, provider=group["provider"], start=start, end=end).first()
        if existing is None:
            with at(group["row"]):
                contract_create(region=region, provider=group["provider"], products=group["products"],
                                start=start, end=end)
            created += 1
            continue
        missing = set(group["products"]) - set(existing.products.all())
        if missing:
            existing.products.add(*missing)
            extended += 1
        else:
            present += 1
    return ContractsImport(rows=len(rows), created=created, extended=extended, present=present)
