"""Declarations by providers, their checks, and the monthly settlement.

A line is approved or rejected whole, with a stable reason code. A credit line reverses one
approved debit line. A settlement run takes every approved line not yet settled, for its
month or earlier, so corrections after a month is closed land in the next run.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from regie.core.authorship import Authored


class Source(models.TextChoices):
    PORTAL = "portal", _("Portal")
    CSV = "csv", _("CSV file")
    IWMO = "iwmo", _("iWmo message")


class Declaration(Authored):
    author_field = "submitted_by"

    region = models.ForeignKey("regions.Region", on_delete=models.PROTECT, related_name="declarations")
    provider = models.ForeignKey("regions.Organisation", on_delete=models.PROTECT, related_name="declarations")
    source = models.CharField(max_length=10, choices=Source.choices)
    filename = models.CharField(max_length=255, blank=True)
    submitted_at = models.DateTimeField(auto_now_add=True)
    submitted_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")

    class Meta:
        ordering = ["-submitted_at"]


class DebitCredit(models.TextChoices):
    DEBIT = "D", _("Debit")
    CREDIT = "C", _("Credit")


class LineStatus(models.TextChoices):
    APPROVED = "approved", _("Approved")
    REJECTED = "rejected", _("Rejected")


class DeclarationLine(models.Model):
    region = models.ForeignKey("regions.Region", on_delete=models.PROTECT, related_name="declaration_lines")
    declaration = models.ForeignKey(Declaration, on_delete=models.CASCADE, related_name="lines")
    provider = models.ForeignKey("regions.Organisation", on_delete=models.PROTECT, related_name="declaration_lines")
    line_number = models.PositiveIntegerField()
    reference = models.CharField(_("allocation number"), max_length=20)
    month = models.DateField()
    debit_credit = models.CharField(max_length=1, choices=DebitCredit.choices)
    allocation = models.ForeignKey(
        "care.Allocation", on_delete=models.PROTECT, null=True, blank=True, related_name="declaration_lines"
    )
    # The municipality of residence that pays for this month (residence rule of the region).
    municipality = models.ForeignKey(
        "regions.Municipality", on_delete=models.PROTECT, null=True, blank=True, related_name="declaration_lines"
    )
    product = models.ForeignKey("catalogue.Product", on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    category = models.ForeignKey("catalogue.Category", on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    volume = models.DecimalField(max_digits=10, decimal_places=2, null=True, blank=True)
    unit_price = models.DecimalField(max_digits=10, decimal_places=2, null=True, blank=True)
    amount = models.DecimalField(max_digits=12, decimal_places=2, null=True, blank=True)
    status = models.CharField(max_length=10, choices=LineStatus.choices)
    reason_code = models.CharField(max_length=40, blank=True)
    reverses = models.OneToOneField(
        "self", on_delete=models.PROTECT, null=True, blank=True, related_name="reversed_by"
    )
    is_reversed = models.BooleanField(default=False)
    settlement = models.ForeignKey(
        "SettlementRun", on_delete=models.PROTECT, null=True, blank=True, related_name="lines"
    )

    class Meta:
        ordering = ["declaration", "line_number"]
        constraints = [
            # The same month of the same allocation is paid once; a credit frees it again.
            models.UniqueConstraint(
                fields=["allocation", "month"],
                condition=Q(status="approved", debit_credit="D", is_reversed=False),
                name="declaration_line_once_per_month",
            ),
            models.CheckConstraint(
                condition=Q(status="rejected") | Q(reason_code=""), name="declaration_line_approved_has_no_reason"
            ),
            models.CheckConstraint(
                condition=Q(status="approved", amount__isnull=False, municipality__isnull=False, allocation__isnull=False)
                | Q(status="rejected"),
                name="declaration_line_approved_is_complete",
            ),
        ]
        indexes = [models.Index(fields=["region", "status", "settlement", "month"])]


class SettlementRun(Authored):
    """A closed month: what the centre municipality pays and charges. Never changed afterwards."""

    author_field = "created_by"

    region = models.ForeignKey("regions.Region", on_delete=models.PROTECT, related_name="settlements")
    month = models.DateField()
    created_at = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    paid_to_providers = models.DecimalField(max_digits=14, decimal_places=2)
    charged_for_care = models.DecimalField(max_digits=14, decimal_places=2)
    regional_costs = models.DecimalField(max_digits=14, decimal_places=2)

    class Meta:
        ordering = ["-month"]
        constraints = [models.UniqueConstraint(fields=["region", "month"], name="settlement_month_unique")]


class ProviderPayment(models.Model):
    run = models.ForeignKey(SettlementRun, on_delete=models.CASCADE, related_name="payments")
    provider = models.ForeignKey("regions.Organisation", on_delete=models.PROTECT, related_name="payments")
    amount = models.DecimalField(max_digits=14, decimal_places=2)
    line_count = models.PositiveIntegerField()

    class Meta:
        ordering = ["provider__agb_code"]
        constraints = [models.UniqueConstraint(fields=["run", "provider"], name="payment_provider_unique")]


class MunicipalityCharge(models.Model):
    run = models.ForeignKey(SettlementRun, on_delete=models.CASCADE, related_name="charges")
    municipality = models.ForeignKey("regions.Municipality", on_delete=models.PROTECT, related_name="charges")
    care = models.DecimalField(max_digits=14, decimal_places=2)
    regional_costs = models.DecimalField(max_digits=14, decimal_places=2)
    total = models.DecimalField(max_digits=14, decimal_places=2)
    client_count = models.PositiveIntegerField()

    class Meta:
        ordering = ["municipality__code"]
        constraints = [models.UniqueConstraint(fields=["run", "municipality"], name="charge_municipality_unique")]
