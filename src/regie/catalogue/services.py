"""Catalogue rules: products, categories and tariff periods; yearly indexation."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.db import transaction
from django.utils.translation import gettext as _

from regie.core.errors import DomainError, Forbidden
from regie.core.money import to_money
from regie.core.parse import ABSOLUTE, parse_integer
from regie.core.periods import VALIDITY, overlapping_q, period_check, valid_on_q

from .models import Category, Product, SupportForm, Tariff, Variant

# iWmo codelist WMO020 (productcategorie), the subset a region can buy as maatwerk here.
SUPPORT_FORM_NAMES = {
    "01": "Hulp bij het huishouden", "02": "Begeleiding", "03": "Persoonlijke verzorging",
    "04": "Kortdurend verblijf", "05": "Woondiensten",
    "06": "Overige ondersteuning gericht op het individu of huishouden/gezin", "07": "Dagbesteding",
    "08": "Vervoerdiensten", "09": "Overige groepsgerichte ondersteuning", "10": "Overige maatwerk arrangementen",
    "15": "Beschermd wonen", "16": "Opvang", "17": "Spoedopvang", "18": "Overige beschermd wonen en opvang",
}


def support_form_get(*, code: str) -> SupportForm:
    code = code.strip().zfill(2)
    if code not in SUPPORT_FORM_NAMES:
        raise DomainError("support-form-unknown", _("'%(code)s' is not an iWmo product category for tailored support.") % {"code": code},
                          field="support_form")
    form, _created = SupportForm.objects.get_or_create(code=code, defaults={"name": SUPPORT_FORM_NAMES[code]})
    return form


def product_ensure(*, region, code: str, support_form: SupportForm, variant: str, name: str = "") -> Product:
    """The product with this code, created when new; its support form and variant must not change."""
    if variant not in Variant.values:
        raise DomainError("variant-unknown", _("'%(variant)s' is not a funding variant; choose inspanningsgericht or outputgericht.") % {"variant": variant}, field="variant")
    code = code.strip()
    if not code or len(code) > 5:
        raise DomainError("product-code-invalid", _("'%(code)s' is not a valid product code (1 to 5 characters).") % {"code": code},
                          field="product_code")
    product, created = Product.objects.get_or_create(
        region=region, code=code,
        defaults={"support_form": support_form, "variant": variant, "name": name or f"{support_form.name} {code}"},
    )
    if not created and (product.support_form_id != support_form.pk or product.variant != variant):
        raise DomainError("product-conflict", _("Product %(code)s is already in the catalogue with another form of support or funding "
                            "variant.") % {"code": code}, field="product_code")
    return product


def category_ensure(*, product: Product, number: int) -> Category:
    if number < 1:
        raise DomainError("category-invalid", _("A category is a positive number."), field="category")
    category, _created = Category.objects.get_or_create(product=product, number=number)
    return category


def tariff_add(*, actor, category: Category, amount: Decimal, valid_from: dt.date, valid_to: dt.date | None) -> Tariff:
    """Add a tariff period; it may not overlap another period of the same category. Tariffs are the
    purchasing office's, set by its purchaser for its own region (`actor` None: an import or the demo)."""
    if actor is not None:
        _require_purchaser(actor, region_id=category.product.region_id)
    amount = to_money(amount)
    if amount <= 0:
        raise DomainError("tariff-not-positive", _("A tariff is greater than zero."), field="tariff")
    period_check(start=valid_from, end=valid_to, field="valid_to")
    overlapping = Tariff.objects.filter(category=category).filter(overlapping_q(valid_from, valid_to, **VALIDITY))
    if overlapping.exists():
        raise DomainError("tariff-overlap", _("There is already a tariff for %(category)s in this period.") % {"category": category}, field="valid_from")
    return Tariff.objects.create(category=category, amount=amount, valid_from=valid_from, valid_to=valid_to)


@transaction.atomic
def tariffs_index(*, actor, region, year: int, percentage: Decimal) -> list[Tariff]:
    """Yearly indexation: every tariff running into `year` is closed on 31 December and
    continued from 1 January at the indexed amount (rounded half up to the cent)."""
    if actor is not None:
        _require_purchaser(actor, region_id=region.pk)
    parse_integer(year, field="year", minimum=ABSOLUTE.first.year + 1, maximum=ABSOLUTE.last.year)
    start = dt.date(year, 1, 1)
    eve = start - dt.timedelta(days=1)
    running = list(
        Tariff.objects.select_for_update()
        .filter(category__product__region=region)
        .filter(valid_on_q(eve, **VALIDITY) & valid_on_q(start, **VALIDITY))  # runs on 31 December and on 1 January
    )
    if Tariff.objects.filter(category__product__region=region, valid_from=start).exists():
        raise DomainError("already-indexed", _("Tariffs for %(year)s have already been set.") % {"year": year})
    if not running:
        raise DomainError("nothing-to-index", _("No tariffs run on into %(year)s.") % {"year": year})
    factor = 1 + Decimal(percentage) / 100
    created = []
    for tariff in running:
        later_end = tariff.valid_to
        tariff.valid_to = eve
        tariff.save(update_fields=["valid_to"])
        created.append(Tariff(category_id=tariff.category_id, amount=to_money(tariff.amount * factor),
                              valid_from=start, valid_to=later_end))
    return Tariff.objects.bulk_create(created)


def _require_purchaser(actor, *, region_id: int) -> None:
    if not actor.is_purchasing_office or actor.region_id != region_id:
        raise Forbidden("tariffs-not-allowed", _("Only the purchasing office of the region sets its tariffs."))
    actor.require("purchaser")
