"""A region is data: its municipalities, the organisations that take part and their people."""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from regie.core.periods import valid_on


class ResidenceRule(models.TextChoices):
    FIRST_DAY_OF_MONTH = "first_day_of_month", _("Residence on the first day of the month")
    LAST_DAY_OF_MONTH = "last_day_of_month", _("Residence on the last day of the month")


class PartialMonthRule(models.TextChoices):
    FULL_MONTH = "full_month", _("A month with delivery counts in full")
    PRO_RATA = "pro_rata", _("Pro rata of the days with delivery")


class Region(models.Model):
    name = models.CharField(max_length=100, unique=True)
    centre_municipality = models.ForeignKey(
        "Municipality", on_delete=models.PROTECT, related_name="+", null=True, blank=True
    )
    residence_rule = models.CharField(
        max_length=30, choices=ResidenceRule.choices, default=ResidenceRule.FIRST_DAY_OF_MONTH
    )
    partial_month_rule = models.CharField(
        max_length=20, choices=PartialMonthRule.choices, default=PartialMonthRule.FULL_MONTH
    )
    # The window of care dates and months the region accepts (regie.core.parse.care_window): from
    # `care_from` (by default the start of the Wmo 2015) to `future_years` years after today (by default
    # 5: an allocation for a lasting need may be granted for several years).
    care_from = models.DateField(default=dt.date(2015, 1, 1))
    future_years = models.PositiveSmallIntegerField(default=5)

    def __str__(self) -> str:
        return self.name


class Municipality(models.Model):
    region = models.ForeignKey(Region, on_delete=models.PROTECT, related_name="municipalities")
    code = models.CharField("CBS-gemeentecode", max_length=4)
    name = models.CharField(max_length=100)
    population = models.PositiveIntegerField()
    valid_from = models.DateField()
    valid_to = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["name"]
        constraints = [models.UniqueConstraint(fields=["region", "code"], name="municipality_code_unique")]

    def __str__(self) -> str:
        return self.name

    def exists_on(self, day: dt.date) -> bool:
        return valid_on(self.valid_from, self.valid_to, day)


class Population(models.Model):
    """A municipality's inhabitants in a year (CBS, on 1 January), for the figures per 1,000 inhabitants;
    a year without one counts the population the municipality was set up with."""

    municipality = models.ForeignKey(Municipality, on_delete=models.CASCADE, related_name="populations")
    year = models.PositiveSmallIntegerField()
    inhabitants = models.PositiveIntegerField()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["municipality", "year"], name="population_once_a_year")]


class RegionalCost(models.Model):
    """The regional organisation's own yearly costs, shared monthly by a key (population)."""

    region = models.ForeignKey(Region, on_delete=models.CASCADE, related_name="regional_costs")
    year = models.PositiveSmallIntegerField()
    amount = models.DecimalField(max_digits=14, decimal_places=2)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["region", "year"], name="regional_cost_year_unique")]


class OrganisationKind(models.TextChoices):
    PURCHASING_OFFICE = "purchasing_office", _("Regional purchasing office")
    MUNICIPALITY = "municipality", _("Municipality")
    PROVIDER = "provider", _("Provider")
    ADVISORY_COUNCIL = "advisory_council", _("Wmo advisory council")


class Organisation(models.Model):
    region = models.ForeignKey(Region, on_delete=models.PROTECT, related_name="organisations")
    kind = models.CharField(max_length=20, choices=OrganisationKind.choices)
    name = models.CharField(max_length=200)
    municipality = models.OneToOneField(
        Municipality, on_delete=models.PROTECT, null=True, blank=True, related_name="organisation"
    )
    agb_code = models.CharField("AGB-code", max_length=8, blank=True)
    kvk_number = models.CharField("KvK-nummer", max_length=8, blank=True)
    cooperative = models.ForeignKey(
        "self", on_delete=models.PROTECT, null=True, blank=True, related_name="members",
        help_text=_("The cooperative (main contractor) of which this provider is a member as subcontractor."),
    )

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["region", "agb_code"], condition=~Q(agb_code=""), name="organisation_agb_unique"
            ),
            models.CheckConstraint(
                condition=Q(kind="municipality", municipality__isnull=False) | ~Q(kind="municipality"),
                name="municipality_organisation_has_municipality",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def is_provider(self) -> bool:
        return self.kind == OrganisationKind.PROVIDER


class Role(models.TextChoices):
    ACCESS_OFFICER = "access_officer", _("Access officer")
    POLICY_ADVISER = "policy_adviser", _("Policy adviser")
    FINANCE = "finance", _("Finance officer")
    PURCHASER = "purchaser", _("Purchaser")
    CONTRACT_MANAGER = "contract_manager", _("Contract manager")
    PROVIDER_STAFF = "provider_staff", _("Provider staff")
    COUNCIL_MEMBER = "council_member", _("Wmo advisory council member")


class Membership(models.Model):
    """A person works for one organisation, in one or more roles (one row per role)."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships")
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="memberships")
    role = models.CharField(max_length=30, choices=Role.choices)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "organisation", "role"], name="membership_unique")
        ]

    def __str__(self) -> str:
        return f"{self.user} — {self.organisation} ({self.get_role_display()})"
