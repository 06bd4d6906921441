"""The timeliness screen: per deadline of the iWmo standard, per provider and month, what was late.

The purchasing office (contract management, purchasing) sees every provider, a provider its own
messages, a municipality the messages about its residents — as `messages_for` scopes them.
"""

from __future__ import annotations

from django.utils import timezone
from django.views.generic import TemplateView
from django.utils.translation import gettext as _

from regie.core.errors import DomainError, NotFound
from regie.core.months import add_months, format_month, month_start, parse_month
from regie.regions.permissions import ActorRequiredMixin
from regie.regions.models import OrganisationKind as Kind

from .timeliness import DEADLINES, timeliness_overview

TIMELINESS_READERS = {
    Kind.PURCHASING_OFFICE: ("contract_manager", "purchaser"),
    Kind.PROVIDER: ("provider_staff",),
    Kind.MUNICIPALITY: ("access_officer", "finance", "policy_adviser"),
}
DEFAULT_MONTHS = 6
MAX_MONTHS = 24


def _month(text: str | None, default):
    if not text:
        return default
    try:
        return parse_month(text)
    except DomainError:
        raise NotFound("month-not-found", _("'%(text)s' is not a month (YYYY-MM).") % {"text": text}) from None


class TimelinessView(ActorRequiredMixin, TemplateView):
    allowed = TIMELINESS_READERS
    template_name = "exchange/timeliness/overview.html"

    def get_context_data(self, **kwargs):
        this_month = month_start(timezone.localdate())
        last = _month(self.request.GET.get("tot"), this_month)
        first = _month(self.request.GET.get("van"), add_months(last, 1 - DEFAULT_MONTHS))
        if first > last:
            first, last = last, first
        first = max(first, add_months(last, 1 - MAX_MONTHS))
        provider = self.request.GET.get("aanbieder") or ""
        provider_id = int(provider) if provider.isascii() and provider.isdigit() and len(provider) < 10 else None
        overview = timeliness_overview(actor=self.actor, first_month=first, last_month=last, provider_id=provider_id)
        late_rows = [(i, overview.provider_names.get(i.provider_id, "—"), i.workdays_late(overview.today),
                      DEADLINES[i.deadline].label) for i in overview.late]
        return super().get_context_data(
            overview=overview, late_rows=late_rows, deadlines=DEADLINES.values(), van=format_month(first), tot=format_month(last),
            provider_id=provider_id, shows_provider=not self.actor.is_provider, **kwargs)
