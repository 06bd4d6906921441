"""index-tariffs --year YYYY --percentage P — yearly indexation of every running tariff."""

from decimal import Decimal, InvalidOperation

from regie.catalogue.services import tariffs_index
from regie.core.errors import DomainError
from regie.core.imports import RegionCommand


def _percentage(text: str) -> Decimal:
    try:
        value = Decimal(text.replace(",", "."))
    except InvalidOperation:
        raise DomainError("percentage-invalid", f"'{text}' is geen percentage; gebruik bijvoorbeeld 3.2.") from None
    if not value.is_finite() or value <= -100:
        raise DomainError("percentage-invalid", f"'{text}' is geen bruikbaar percentage.")
    return value


class Command(RegionCommand):
    help = ("Indexeert de tarieven: elk tarief dat doorloopt in het jaar eindigt op 31 december en loopt vanaf "
            "1 januari door met het geïndexeerde bedrag.")

    def add_command_arguments(self, parser):
        parser.add_argument("--year", type=int, required=True, help="het jaar waarvoor geïndexeerd wordt")
        parser.add_argument("--percentage", required=True, help="de indexatie in procenten, bijvoorbeeld 3.2")

    def run(self, *, year, percentage, **options):
        tariffs = tariffs_index(actor=None, region=self.region(options), year=year, percentage=_percentage(percentage))
        self.say(f"{len(tariffs)} tarieven geïndexeerd met {percentage}% vanaf 1 januari {year}.")
