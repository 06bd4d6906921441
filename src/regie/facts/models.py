"""The fact layer: what happened in the chain, one row per allocation per month of care and one per
event, built set-wise from operations (`facts.build`) and read by monitoring.

A fact names a client only by a keyed pseudonym (`facts.pseudonyms`), with an age band and a gender;
never a BSN, name, birth date or address. The dimensions are the allocation's at the time of the
fact: the municipality of residence that pays for the month, the provider, product and category.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class AgeBand(models.TextChoices):
    CHILD = "0-17", _("under 18")
    ADULT = "18-64", _("18 to 64")
    SENIOR = "65-74", _("65 to 74")
    ELDERLY = "75+", _("75 and over")


class EventKind(models.TextChoices):
    ALLOCATED = "allocated", _("allocated")
    STARTED = "started", _("started")
    STOPPED = "stopped", _("stopped")
    ENDED = "ended", _("ended")
    DECLARED = "declared", _("declared")
    APPROVED = "approved", _("approved")
    REJECTED = "rejected", _("rejected")


class CalendarMonth(models.Model):
    """The months facts are built over, with the birth dates that bound each age band on the first
    day: the build joins this table instead of looping over months."""

    month = models.DateField(primary_key=True)
    last_day = models.DateField()
    previous = models.DateField(help_text="the month before")
    following = models.DateField(help_text="the month after")
    year_before = models.DateField(help_text="twelve months before")
    born_18 = models.DateField(help_text="born after this day: under 18 on the first day of the month")
    born_65 = models.DateField()
    born_75 = models.DateField()


class ClientKey(models.Model):
    """A client's pseudonym for one purpose: an HMAC of the client with that purpose's key."""

    client = models.ForeignKey("care.Client", on_delete=models.CASCADE, related_name="+")
    purpose = models.CharField(max_length=20)
    key = models.CharField(max_length=16)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["client", "purpose"], name="client_key_once_per_purpose"),
            models.UniqueConstraint(fields=["purpose", "key"], name="client_key_unique"),
        ]


class _Dimensions(models.Model):
    region = models.ForeignKey("regions.Region", on_delete=models.CASCADE, related_name="+")
    allocation = models.ForeignKey("care.Allocation", on_delete=models.CASCADE, related_name="+")
    municipality = models.ForeignKey("regions.Municipality", on_delete=models.CASCADE, related_name="+")
    provider = models.ForeignKey("regions.Organisation", on_delete=models.CASCADE, related_name="+")
    product = models.ForeignKey("catalogue.Product", on_delete=models.CASCADE, related_name="+")
    category = models.ForeignKey("catalogue.Category", on_delete=models.CASCADE, related_name="+")
    client_key = models.CharField(max_length=16)
    age_band = models.CharField(max_length=5, choices=AgeBand.choices)
    gender = models.CharField(max_length=1)

    class Meta:
        abstract = True


class CareMonth(_Dimensions):
    """An allocation in one month it covers, from its start to its end or stop, up to this month.
    `in_care`: care was being delivered on at least one day of the month (started, not yet stopped)."""

    month = models.DateField()
    in_care = models.BooleanField()
    started = models.BooleanField(help_text="care started in this month")
    stopped = models.BooleanField(help_text="care stopped in this month")
    ended = models.BooleanField(help_text="the allocation's last day lies in this month")
    # The client's care in the region as a whole, over all its allocations (set after the rows are built):
    entered = models.BooleanField(default=False, help_text="in care, and not in the month before")
    exited = models.BooleanField(default=False, help_text="in care, and not in the month after (once that has begun)")
    returned = models.BooleanField(default=False, help_text="entered, having left care in the twelve months before")
    approved_amount = models.DecimalField(max_digits=12, decimal_places=2)
    approved_lines = models.PositiveIntegerField()
    rejected_lines = models.PositiveIntegerField()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["allocation", "month"], name="care_month_once")]
        indexes = [models.Index(fields=["region", "month"], name="care_month_region_month"),
                   models.Index(fields=["client_key", "month"], name="care_month_client_month")]


class CareEvent(_Dimensions):
    """Something that happened to an allocation: `day` is the day it took effect (for a declaration
    line: the month declared), `recorded_at` when Regie learned it (the 301 made, the 305 or 307
    received, the declaration submitted), where known."""

    kind = models.CharField(max_length=10, choices=EventKind.choices)
    day = models.DateField()
    recorded_at = models.DateTimeField(null=True)
    amount = models.DecimalField(max_digits=12, decimal_places=2, null=True)
    line_id = models.BigIntegerField(null=True, help_text="the declaration line of a declaration event")

    class Meta:
        indexes = [models.Index(fields=["region", "kind", "day"], name="care_event_region_kind_day")]


class GoalFact(models.Model):
    """A goal of a support plan: its life domain, the self-reliance score at the start and at the
    follow-up, and its result once closed."""

    region = models.ForeignKey("regions.Region", on_delete=models.CASCADE, related_name="+")
    goal = models.OneToOneField("care.Goal", on_delete=models.CASCADE, related_name="+")
    municipality = models.ForeignKey("regions.Municipality", on_delete=models.CASCADE, related_name="+")
    client_key = models.CharField(max_length=16)
    age_band = models.CharField(max_length=5, choices=AgeBand.choices)
    gender = models.CharField(max_length=1)
    life_domain = models.CharField(max_length=30)
    drawn_up_on = models.DateField()
    baseline_score = models.PositiveSmallIntegerField()
    followup_score = models.PositiveSmallIntegerField(null=True)
    result = models.CharField(max_length=20)
    closed_on = models.DateField(null=True)


class DeadlineFact(models.Model):
    """One clock of the iWmo deadlines (regie.exchange.timeliness): whose it is (the region's or the
    provider's side), when it started, when it was due and when it was done. Whether it is late is
    read against the day of reading, so an open clock becomes late without a rebuild."""

    region = models.ForeignKey("regions.Region", on_delete=models.CASCADE, related_name="+")
    provider = models.ForeignKey("regions.Organisation", on_delete=models.CASCADE, null=True, related_name="+")
    municipality = models.ForeignKey("regions.Municipality", on_delete=models.CASCADE, null=True, related_name="+")
    deadline = models.CharField(max_length=10)
    side = models.CharField(max_length=10)  # "region" or "provider": who must act
    since = models.DateField()
    due = models.DateField()
    done = models.DateField(null=True)

    class Meta:
        indexes = [models.Index(fields=["region", "side", "since"], name="deadline_fact_region_since")]


class Pending(models.Model):
    """A change announced (regie.core.changes) whose facts are not rebuilt yet; written in the same
    transaction as the change, removed by the refresh, so no change is lost if a refresh fails."""

    class Kind(models.TextChoices):
        ALLOCATION = "allocation"
        PLANS = "plans"

    kind = models.CharField(max_length=10, choices=Kind.choices)
    object_id = models.BigIntegerField()
    since = models.DateField(null=True)
    created_at = models.DateTimeField(auto_now_add=True)
