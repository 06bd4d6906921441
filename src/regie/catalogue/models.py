"""The catalogue: support forms × products × categories, with a monthly tariff per period.

The financing variant is recorded per product; allocation, declaration checks and settlement
follow it. In iWmo terms a fixed monthly amount is inspanningsgericht (Eenheid 84 stuks,
Frequentie 4 per maand, Volume 1, tariff = the monthly amount); outputgericht is Eenheid 83
(euro's), Frequentie 4, with the monthly amount as the budget.
"""

from __future__ import annotations

from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _


class Variant(models.TextChoices):
    EFFORT = "inspanningsgericht", _("Effort-based")
    OUTPUT = "outputgericht", _("Output-based")


# iWmo codelist WJ756 (Eenheid) and WMO757 (Frequentie) values used by each variant.
UNIT_BY_VARIANT = {Variant.EFFORT: "84", Variant.OUTPUT: "83"}
FREQUENCY_PER_MONTH = "4"


class SupportForm(models.Model):
    """A hulpvorm, identified by its iWmo productcategorie (codelist WMO020)."""

    code = models.CharField(_("product category"), max_length=2, unique=True)
    name = models.CharField(max_length=100)

    class Meta:
        ordering = ["code"]

    def __str__(self) -> str:
        return self.name


class Product(models.Model):
    region = models.ForeignKey("regions.Region", on_delete=models.PROTECT, related_name="products")
    code = models.CharField(_("product code"), max_length=5)
    name = models.CharField(max_length=200)
    support_form = models.ForeignKey(SupportForm, on_delete=models.PROTECT, related_name="products")
    variant = models.CharField(max_length=20, choices=Variant.choices, default=Variant.EFFORT)

    class Meta:
        ordering = ["code"]
        constraints = [models.UniqueConstraint(fields=["region", "code"], name="product_code_unique")]

    def __str__(self) -> str:
        return f"{self.code} {self.name}"

    @property
    def unit(self) -> str:
        return UNIT_BY_VARIANT[self.variant]


class Category(models.Model):
    """A zwaarte (intensity) of a product; the tariff is set per category."""

    product = models.ForeignKey(Product, on_delete=models.CASCADE, related_name="categories")
    number = models.PositiveSmallIntegerField()
    name = models.CharField(max_length=100, blank=True)

    class Meta:
        ordering = ["product__code", "number"]
        constraints = [models.UniqueConstraint(fields=["product", "number"], name="category_number_unique")]

    def __str__(self) -> str:
        return _("%(product)s category %(number)s") % {"product": self.product.code, "number": self.number}


class Tariff(models.Model):
    """The monthly amount for one category over a period; periods of a category never overlap."""

    category = models.ForeignKey(Category, on_delete=models.CASCADE, related_name="tariffs")
    amount = models.DecimalField(max_digits=10, decimal_places=2)
    valid_from = models.DateField()
    valid_to = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["category", "valid_from"]
        constraints = [
            models.UniqueConstraint(fields=["category", "valid_from"], name="tariff_period_unique"),
            models.CheckConstraint(condition=Q(amount__gt=0), name="tariff_amount_positive"),
            models.CheckConstraint(
                condition=Q(valid_to__isnull=True) | Q(valid_to__gte=F("valid_from")), name="tariff_period_ordered"
            ),
        ]

    def __str__(self) -> str:
        return _("%(category)s: € %(amount)s from %(start)s") % {"category": self.category, "amount": self.amount, "start": self.valid_from}
