"""Framework contracts: a provider × products, a first term of two years, then tacit renewal.

A contract runs on year by year until it is ended with notice; `end` is empty until then.
"""

from __future__ import annotations

import datetime as dt

from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from regie.core.months import add_years
from regie.core.periods import valid_on

FIRST_TERM_YEARS = 2
RENEWAL_YEARS = 1


class Contract(models.Model):
    region = models.ForeignKey("regions.Region", on_delete=models.PROTECT, related_name="contracts")
    provider = models.ForeignKey("regions.Organisation", on_delete=models.PROTECT, related_name="contracts")
    start = models.DateField()
    end = models.DateField(
        null=True, blank=True, help_text=_("End date after notice; empty as long as the contract is tacitly renewed.")
    )
    products = models.ManyToManyField("catalogue.Product", related_name="contracts")

    class Meta:
        ordering = ["provider__name", "start"]
        constraints = [
            models.CheckConstraint(condition=Q(end__isnull=True) | Q(end__gte=F("start")), name="contract_period_ordered"),
        ]

    def __str__(self) -> str:
        return _("%(provider)s from %(start)s") % {"provider": self.provider, "start": self.start}

    @property
    def first_term_end(self) -> dt.date:
        return add_years(self.start, FIRST_TERM_YEARS) - dt.timedelta(days=1)

    def term_end_on(self, day: dt.date) -> dt.date:
        """The end of the term running on `day`: the first term, then each yearly renewal."""
        end = self.first_term_end
        while end < day:
            end = add_years(end + dt.timedelta(days=1), RENEWAL_YEARS) - dt.timedelta(days=1)
        return end

    def is_active_on(self, day: dt.date) -> bool:
        return valid_on(self.start, self.end, day)
