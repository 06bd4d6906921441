"""Clients, where they live, their support plans and the care allocated to them.

Client data is personal data: read it only through `care.selectors`, which scope by actor
and write the audit trail.
"""

from __future__ import annotations

import secrets

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q


def new_pseudonym() -> str:
    return secrets.token_hex(8)


class Client(models.Model):
    region = models.ForeignKey("regions.Region", on_delete=models.PROTECT, related_name="clients")
    bsn = models.CharField("BSN", max_length=9)
    family_name = models.CharField("achternaam", max_length=200)
    initials = models.CharField("voorletters", max_length=20, blank=True)
    birth_date = models.DateField("geboortedatum")
    pseudonym = models.CharField(max_length=16, unique=True, default=new_pseudonym, editable=False)

    class Meta:
        ordering = ["family_name", "initials"]
        constraints = [models.UniqueConstraint(fields=["region", "bsn"], name="client_bsn_unique")]

    def __str__(self) -> str:
        return f"{self.initials} {self.family_name}".strip()


class Residence(models.Model):
    """A period in which the client lived in a municipality (woonplaatsbeginsel)."""

    client = models.ForeignKey(Client, on_delete=models.CASCADE, related_name="residences")
    municipality = models.ForeignKey("regions.Municipality", on_delete=models.PROTECT, related_name="residences")
    valid_from = models.DateField()
    valid_to = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["client", "valid_from"]
        constraints = [
            models.UniqueConstraint(fields=["client", "valid_from"], name="residence_start_unique"),
            models.CheckConstraint(
                condition=Q(valid_to__isnull=True) | Q(valid_to__gte=F("valid_from")), name="residence_period_ordered"
            ),
        ]


class LifeDomain(models.TextChoices):
    """The domains of the self-reliance matrix (zelfredzaamheidsmatrix)."""

    FINANCES = "finances", "Financiën"
    DAYTIME_ACTIVITIES = "daytime_activities", "Dagbesteding"
    HOUSING = "housing", "Huisvesting"
    DOMESTIC_RELATIONS = "domestic_relations", "Huiselijke relaties"
    MENTAL_HEALTH = "mental_health", "Geestelijke gezondheid"
    PHYSICAL_HEALTH = "physical_health", "Lichamelijke gezondheid"
    ADDICTION = "addiction", "Verslaving"
    DAILY_LIVING = "daily_living", "Algemene dagelijkse levensverrichtingen"
    SOCIAL_NETWORK = "social_network", "Sociaal netwerk"
    PARTICIPATION = "participation", "Maatschappelijke participatie"
    JUSTICE = "justice", "Justitie"


class GoalResult(models.TextChoices):
    ACHIEVED = "achieved", "Behaald"
    PARTLY = "partly", "Deels behaald"
    NOT_ACHIEVED = "not_achieved", "Niet behaald"


SCORE = [MinValueValidator(1), MaxValueValidator(5)]


class SupportPlan(models.Model):
    client = models.ForeignKey(Client, on_delete=models.CASCADE, related_name="plans")
    municipality = models.ForeignKey("regions.Municipality", on_delete=models.PROTECT, related_name="plans")
    drawn_up_on = models.DateField()

    class Meta:
        ordering = ["-drawn_up_on"]


class Goal(models.Model):
    plan = models.ForeignKey(SupportPlan, on_delete=models.CASCADE, related_name="goals")
    life_domain = models.CharField(max_length=30, choices=LifeDomain.choices)
    description = models.TextField()
    baseline_score = models.PositiveSmallIntegerField(validators=SCORE)
    followup_score = models.PositiveSmallIntegerField(validators=SCORE, null=True, blank=True)
    result = models.CharField(max_length=20, choices=GoalResult.choices, blank=True)
    closed_on = models.DateField(null=True, blank=True)

    class Meta:
        constraints = [
            models.CheckConstraint(condition=Q(baseline_score__gte=1, baseline_score__lte=5), name="goal_baseline_1_5"),
            models.CheckConstraint(
                condition=Q(followup_score__isnull=True) | Q(followup_score__gte=1, followup_score__lte=5),
                name="goal_followup_1_5",
            ),
            models.CheckConstraint(
                condition=Q(closed_on__isnull=True, result="") | Q(closed_on__isnull=False) & ~Q(result=""),
                name="goal_closed_has_result",
            ),
        ]


class AllocationStatus(models.TextChoices):
    ALLOCATED = "allocated", "Toegewezen"
    STARTED = "started", "Gestart"
    STOPPED = "stopped", "Gestopt"
    WITHDRAWN = "withdrawn", "Ingetrokken"


class Allocation(models.Model):
    """The current state of a toewijzing; every change also writes an `AllocationVersion`."""

    region = models.ForeignKey("regions.Region", on_delete=models.PROTECT, related_name="allocations")
    reference = models.CharField("toewijzingnummer", max_length=20)
    client = models.ForeignKey(Client, on_delete=models.PROTECT, related_name="allocations")
    municipality = models.ForeignKey("regions.Municipality", on_delete=models.PROTECT, related_name="allocations")
    provider = models.ForeignKey("regions.Organisation", on_delete=models.PROTECT, related_name="allocations")
    product = models.ForeignKey("catalogue.Product", on_delete=models.PROTECT, related_name="allocations")
    category = models.ForeignKey("catalogue.Category", on_delete=models.PROTECT, related_name="allocations")
    start = models.DateField()
    end = models.DateField(null=True, blank=True)
    status = models.CharField(max_length=20, choices=AllocationStatus.choices, default=AllocationStatus.ALLOCATED)
    started_on = models.DateField(null=True, blank=True)
    stopped_on = models.DateField(null=True, blank=True)
    end_reason = models.CharField("reden beëindiging", max_length=2, blank=True)
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["-start", "reference"]
        constraints = [
            models.UniqueConstraint(fields=["region", "reference"], name="allocation_reference_unique"),
            models.CheckConstraint(condition=Q(end__isnull=True) | Q(end__gte=F("start")), name="allocation_period_ordered"),
        ]
        indexes = [models.Index(fields=["provider", "status"]), models.Index(fields=["municipality", "start"])]

    def __str__(self) -> str:
        return self.reference


class AllocationVersion(models.Model):
    """One state of an allocation as it was decided; never changed afterwards."""

    allocation = models.ForeignKey(Allocation, on_delete=models.CASCADE, related_name="versions")
    version = models.PositiveIntegerField()
    provider = models.ForeignKey("regions.Organisation", on_delete=models.PROTECT, related_name="+")
    product = models.ForeignKey("catalogue.Product", on_delete=models.PROTECT, related_name="+")
    category = models.ForeignKey("catalogue.Category", on_delete=models.PROTECT, related_name="+")
    start = models.DateField()
    end = models.DateField(null=True, blank=True)
    status = models.CharField(max_length=20, choices=AllocationStatus.choices)
    started_on = models.DateField(null=True, blank=True)
    stopped_on = models.DateField(null=True, blank=True)
    end_reason = models.CharField(max_length=2, blank=True)
    change = models.CharField(max_length=200)
    changed_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    changed_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["allocation", "version"]
        constraints = [models.UniqueConstraint(fields=["allocation", "version"], name="allocation_version_unique")]
