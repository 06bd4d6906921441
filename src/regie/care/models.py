"""Clients, where they live, their support plans and the care allocated to them.

Client data is personal data: read it only through `care.selectors`, which scope by actor
and write the audit trail.
"""

from __future__ import annotations

import secrets

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.db.models import F, Q

from regie.core.authorship import Authored


def new_pseudonym() -> str:
    return secrets.token_hex(8)


class Gender(models.TextChoices):
    """Geslacht, iWmo codelist COD046 (the codes are the standard's)."""

    UNKNOWN = "0", "Onbekend"
    MALE = "1", "Man"
    FEMALE = "2", "Vrouw"


# A Dutch postcode as stored: four digits (not starting with 0) and two capitals, no space (iWmo CS089).
POSTCODE_PATTERN = r"[1-9][0-9]{3}[A-Z]{2}"


class Client(models.Model):
    """A client; the address is the current (BRP) address the 301 carries, all of it optional.

    The lengths follow iWmo 3.2: Straatnaam 24 (the short BAG name), HuisnummerToevoeging 4,
    Plaatsnaam 80, Huisnummer 1–99999.
    """

    region = models.ForeignKey("regions.Region", on_delete=models.PROTECT, related_name="clients")
    bsn = models.CharField("BSN", max_length=9)
    family_name = models.CharField("achternaam", max_length=200)
    initials = models.CharField("voorletters", max_length=20, blank=True)
    birth_date = models.DateField("geboortedatum")
    gender = models.CharField("geslacht", max_length=1, choices=Gender.choices, default=Gender.UNKNOWN, blank=True)
    street = models.CharField("straat", max_length=24, blank=True)
    house_number = models.PositiveIntegerField(
        "huisnummer", null=True, blank=True, validators=[MinValueValidator(1), MaxValueValidator(99999)])
    house_number_addition = models.CharField("toevoeging", max_length=4, blank=True)
    postcode = models.CharField("postcode", max_length=6, blank=True,
                                validators=[RegexValidator(f"^{POSTCODE_PATTERN}$", "Een postcode is als 1234AB.")])
    town = models.CharField("woonplaats", max_length=80, blank=True)
    pseudonym = models.CharField(max_length=16, unique=True, default=new_pseudonym, editable=False)

    class Meta:
        ordering = ["family_name", "initials"]
        constraints = [
            models.UniqueConstraint(fields=["region", "bsn"], name="client_bsn_unique"),
            models.CheckConstraint(condition=Q(gender__in=["", *Gender.values]), name="client_gender_code"),
            models.CheckConstraint(condition=Q(house_number__isnull=True) | Q(house_number__gte=1, house_number__lte=99999),
                                   name="client_house_number_range"),
        ]

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


class AllocationVersion(Authored):
    """One state of an allocation as it was decided; never changed afterwards."""

    author_field = "changed_by"

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
