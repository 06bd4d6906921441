"""index-tariffs --year YYYY --percentage P — yearly indexation of every running tariff."""

from decimal import Decimal, InvalidOperation

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from regie.catalogue.services import tariffs_index
from regie.core.errors import DomainError
from regie.core.imports import RegionCommand


def _percentage(text: str) -> Decimal:
    try:
        value = Decimal(text.replace(",", "."))
    except InvalidOperation:
        raise DomainError("percentage-invalid", _("'%(text)s' is not a percentage; use for example 3.2.") % {"text": text}) from None
    if not value.is_finite() or value <= -100:
        raise DomainError("percentage-invalid", _("'%(text)s' is not a usable percentage.") % {"text": text})
    return value


class Command(RegionCommand):
    help = gettext_lazy("Indexes the tariffs: every tariff that runs into the year ends on 31 December and continues from "
             "1 January with the indexed amount.")

    def add_command_arguments(self, parser):
        parser.add_argument("--year", type=int, required=True, help=_("the year to index for"))
        parser.add_argument("--percentage", required=True, help=_("the indexation in percent, for example 3.2"))

    def run(self, *, year, percentage, **options):
        tariffs = tariffs_index(actor=None, region=self.region(options), year=year, percentage=_percentage(percentage))
        self.say(_("%(count)s tariffs indexed by %(percentage)s%% from 1 January %(year)s.") % {
            "count": len(tariffs), "percentage": percentage, "year": year})
