"""Reading the catalogue (products, categories, tariff periods) from a CSV file."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from django.db import transaction

from regie.core.imports import at, read_csv

from .models import Tariff, Variant
from .services import category_ensure, product_ensure, support_form_get, tariff_add

CATALOGUE_COLUMNS = ("product_code", "support_form", "category", "variant", "tariff", "valid_from", "valid_to")
CATALOGUE_OPTIONAL = ("product_name",)


@dataclass
class CatalogueImport:
    rows: int
    tariffs_added: int
    tariffs_present: int
    products: int


@transaction.atomic
def catalogue_import(*, region, path: str | Path) -> CatalogueImport:
    """One tariff period per line. A line that repeats a tariff already in the catalogue (same
    category, period and amount) is left as it is, so the same file can be imported again."""
    rows = read_csv(path, columns=CATALOGUE_COLUMNS, optional=CATALOGUE_OPTIONAL,
                    key=("product_code", "category", "valid_from"))
    added = present = 0
    products = set()
    for row in rows:
        code = row.text("product_code")
        number = row.integer("category", minimum=0, maximum=32767)
        variant = row.choice("variant", Variant.values)
        amount = row.decimal("tariff", max_digits=10)
        valid_from, valid_to = row.date("valid_from"), row.date("valid_to", required=False)
        with at(row):
            form = support_form_get(code=row.text("support_form"))
            product = product_ensure(region=region, code=code, support_form=form, variant=variant,
                                     name=row.text("product_name", required=False))
            category = category_ensure(product=product, number=number)
            products.add(product.pk)
            if Tariff.objects.filter(category=category, valid_from=valid_from, valid_to=valid_to,
                                     amount=amount).exists():
                present += 1
                continue
            tariff_add(actor=None, category=category, amount=amount, valid_from=valid_from, valid_to=valid_to)
            added += 1
    return CatalogueImport(rows=len(rows), tariffs_added=added, tariffs_present=present, products=len(products))
