from __future__ import annotations

import datetime as dt

from django.db.models import QuerySet
from django.utils.translation import gettext as _

from regie.core.errors import DomainError
from regie.core.periods import VALIDITY, valid_on_q

from .models import Category, Product, Tariff


def products(*, region) -> QuerySet[Product]:
    """The catalogue is public within the region: everyone may read it."""
    return Product.objects.filter(region=region).select_related("support_form").prefetch_related("categories")


def product_by_code(*, region, code: str) -> Product:
    try:
        return Product.objects.select_related("support_form").get(region=region, code=code.strip())
    except Product.DoesNotExist:
        raise DomainError("product-unknown", _("Product '%(code)s' is not in the catalogue.") % {"code": code}, field="product_code") from None


def category_of(*, product: Product, number: int | str) -> Category:
    try:
        return product.categories.get(number=int(number))
    except (Category.DoesNotExist, ValueError):
        raise DomainError("category-unknown", _("Product %(code)s has no category '%(number)s'.") % {"code": product.code, "number": number},
                          field="category") from None


def tariff_on(*, category: Category, day: dt.date) -> Tariff | None:
    return (
        Tariff.objects.filter(category=category).filter(valid_on_q(day, **VALIDITY))
        .first()
    )


def tariffs_on(*, region, day: dt.date) -> QuerySet[Tariff]:
    return (
        Tariff.objects.filter(category__product__region=region).filter(valid_on_q(day, **VALIDITY))
        .select_related("category__product__support_form")
        .order_by("category__product__code", "category__number")
    )
