"""index-tariffs --year YYYY --percentage P — yearly indexation of every running tariff."""

from decimal import Decimal

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from regie.catalogue.services import tariffs_index
from regie.core.errors import DomainError
from regie.regions.commands import RegionCommand
from regie.core.parse import ABSOLUTE, parse_amount, parse_integer


def _percentage(text: str) -> Decimal:
    """As the index form takes it: at most 999.99, two decimals, more than -100."""
    try:
        value = parse_amount(text, field="percentage", max_digits=5, decimal_places=2)
    except DomainError as error:
        raise DomainError("percentage-invalid", error.message, field="percentage") from None
    if value <= -100:
        raise DomainError("percentage-invalid", _("'%(text)s' is not a usable percentage.") % {"text": text}, field="percentage")
    return value


class Command(RegionCommand):
    help = gettext_lazy("Indexes the tariffs: every tariff that runs into the year ends on 31 December and continues from "
             "1 January with the indexed amount.")

    def add_command_arguments(self, parser):
        parser.add_argument("--year", required=True, help=_("the year to index for"))
        parser.add_argument("--percentage", required=True, help=_("the indexation in percent, for example 3.2"))

    def run(self, *, year, percentage, **options):
        year = parse_integer(year, field="year", minimum=ABSOLUTE.first.year + 1, maximum=ABSOLUTE.last.year)
        tariffs = tariffs_index(actor=None, region=self.region(options), year=year, percentage=_percentage(percentage))
        self.say(_("%(count)s tariffs indexed by %(percentage)s%% from 1 January %(year)s.") % {
            "count": len(tariffs), "percentage": percentage, "year": year})
