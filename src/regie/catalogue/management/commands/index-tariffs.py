"""index-tariffs --year YYYY --percentage P — yearly indexation of every running tariff."""

from decimal import Decimal

from regie.catalogue.services import tariffs_index
from regie.core.errors import DomainError
from regie.core.imports import RegionCommand
from regie.core.parse import ABSOLUTE, parse_amount, parse_integer


def _percentage(text: str) -> Decimal:
    """As the index form takes it: at most 999.99, two decimals, more than -100."""
    try:
        value = parse_amount(text, field="percentage", max_digits=5, decimal_places=2)
    except DomainError as error:
        raise DomainError("percentage-invalid", error.message, field="percentage") from None
    if value <= -100:
        raise DomainError("percentage-invalid", f"'{text}' is geen bruikbaar percentage.", field="percentage")
    return value


class Command(RegionCommand):
    help = ("Indexeert de tarieven: elk tarief dat doorloopt in het jaar eindigt op 31 december en loopt vanaf "
            "1 januari door met het geïndexeerde bedrag.")

    def add_command_arguments(self, parser):
        parser.add_argument("--year", required=True, help="het jaar waarvoor geïndexeerd wordt")
        parser.add_argument("--percentage", required=True, help="de indexatie in procenten, bijvoorbeeld 3.2")

    def run(self, *, year, percentage, **options):
        year = parse_integer(year, field="year", minimum=ABSOLUTE.first.year + 1, maximum=ABSOLUTE.last.year)
        tariffs = tariffs_index(actor=None, region=self.region(options), year=year, percentage=_percentage(percentage))
        self.say(f"{len(tariffs)} tarieven geïndexeerd met {percentage}% vanaf 1 januari {year}.")
