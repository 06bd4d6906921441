"""Clients, where they live, their support plans and the care allocated to them.

Client data is personal data: read it only through `care.selectors`, which scope by actor
and write the audit trail.
"""

from __future__ import annotations

import datetime as dt
import re
import secrets

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from regie.core.authorship import Authored

from .reasons import reason_shown


def new_pseudonym() -> str:
    return secrets.token_hex(8)


class Gender(models.TextChoices):
    """Geslacht, iWmo codelist COD046 (the codes are the standard's)."""

    UNKNOWN = "0", _("Unknown")
    MALE = "1", _("Male")
    FEMALE = "2", _("Female")


# A Dutch postcode as stored: four digits (not starting with 0) and two capitals, no space (iWmo CS089).
POSTCODE_PATTERN = r"[1-9][0-9]{3}[A-Z]{2}"


class Client(models.Model):
    """A client; the address is the current (BRP) address the 301 carries, all of it optional.

    The lengths follow iWmo 3.2: Straatnaam 24 (the short BAG name), HuisnummerToevoeging 4,
    Plaatsnaam 80, Huisnummer 1–99999.
    """

    region = models.ForeignKey("regions.Region", on_delete=models.PROTECT, related_name="clients")
    bsn = models.CharField(_("BSN"), max_length=9)
    family_name = models.CharField(_("family name"), max_length=200)
    initials = models.CharField(_("initials"), max_length=20, blank=True)
    birth_date = models.DateField(_("date of birth"))
    gender = models.CharField(_("gender"), max_length=1, choices=Gender.choices, default=Gender.UNKNOWN, blank=True)
    street = models.CharField(_("street"), max_length=24, blank=True)
    house_number = models.PositiveIntegerField(
        _("house number"), null=True, blank=True, validators=[MinValueValidator(1), MaxValueValidator(99999)])
    house_number_addition = models.CharField(_("addition"), max_length=4, blank=True)
    postcode = models.CharField(_("postcode"), max_length=6, blank=True,
                                validators=[RegexValidator(f"^{POSTCODE_PATTERN}$", _("A postcode looks like 1234AB."))])
    town = models.CharField(_("town"), max_length=80, blank=True)
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

    FINANCES = "finances", _("Finances")
    DAYTIME_ACTIVITIES = "daytime_activities", _("Daytime activities")
    HOUSING = "housing", _("Housing")
    DOMESTIC_RELATIONS = "domestic_relations", _("Domestic relations")
    MENTAL_HEALTH = "mental_health", _("Mental health")
    PHYSICAL_HEALTH = "physical_health", _("Physical health")
    ADDICTION = "addiction", _("Addiction")
    DAILY_LIVING = "daily_living", _("Activities of daily living")
    SOCIAL_NETWORK = "social_network", _("Social network")
    PARTICIPATION = "participation", _("Social participation")
    JUSTICE = "justice", _("Justice")


class GoalResult(models.TextChoices):
    ACHIEVED = "achieved", _("Achieved")
    PARTLY = "partly", _("Partly achieved")
    NOT_ACHIEVED = "not_achieved", _("Not achieved")


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
    ALLOCATED = "allocated", _("Allocated")
    STARTED = "started", _("Started")
    STOPPED = "stopped", _("Stopped")
    WITHDRAWN = "withdrawn", _("Withdrawn")


class Allocation(models.Model):
    """The current state of a toewijzing; every change also writes an `AllocationVersion`."""

    region = models.ForeignKey("regions.Region", on_delete=models.PROTECT, related_name="allocations")
    reference = models.CharField(_("allocation number"), max_length=20)
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
    end_reason = models.CharField(_("reason for ending"), max_length=2, blank=True)
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


class AllocationCounter(models.Model):
    """The last allocation number handed out in a region: one row, locked while the next is taken,
    so two allocations made at once never get the same number (care.references)."""

    region = models.OneToOneField("regions.Region", on_delete=models.CASCADE, related_name="allocation_counter")
    last = models.PositiveBigIntegerField(default=0)

    def __str__(self) -> str:
        return f"{self.region_id}: {self.last}"


def _version_date(text: str) -> str:
    from regie.core.formatting import short_date

    for fmt in ("%d-%m-%Y", "%Y-%m-%d"):
        try:
            return short_date(dt.datetime.strptime(text, fmt).date())
        except ValueError:
            pass
    return _("open") if text == "open" else text


def _reason(dutch: str) -> str:
    """A reason for ending stored in its Dutch text, in the active language (as stored when unknown)."""
    return reason_shown(dutch)


def version_change_text(change: str) -> str:
    """The stored change of a version (a Dutch record, e.g. "gestart per 03-02-2025") in the active language."""
    if change == "toegewezen":
        return str(_("allocated"))
    if match := re.fullmatch(r"gestart per (\S+)", change):
        return _("started on %(date)s") % {"date": _version_date(match[1])}
    if match := re.fullmatch(r"gestopt per (\S+)", change):
        return _("stopped on %(date)s") % {"date": _version_date(match[1])}
    if match := re.fullmatch(r"beëindigd per (\S+): (.*)", change, flags=re.S):
        return _("ended on %(date)s: %(reason)s") % {"date": _version_date(match[1]), "reason": _reason(match[2])}
    if match := re.fullmatch(r"ingetrokken: (.*)", change, flags=re.S):
        return _("withdrawn: %(reason)s") % {"reason": _reason(match[1])}
    if change.startswith("gewijzigd: "):
        parts = []
        for part in change.removeprefix("gewijzigd: ").split(", "):
            if match := re.fullmatch(r"categorie (\S+) → (\S+)", part):
                parts.append(_("category %(old)s → %(new)s") % {"old": match[1], "new": match[2]})
            elif match := re.fullmatch(r"einddatum (\S+) → (\S+)", part):
                parts.append(_("end date %(old)s → %(new)s") % {"old": _version_date(match[1]),
                                                                  "new": _version_date(match[2])})
            else:
                parts.append(part)
        return _("changed: %(changes)s") % {"changes": ", ".join(parts)}
    return change


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

    @property
    def change_text(self) -> str:
        return version_change_text(self.change)

    class Meta:
        ordering = ["allocation", "version"]
        constraints = [models.UniqueConstraint(fields=["allocation", "version"], name="allocation_version_unique")]
