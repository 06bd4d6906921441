"""settle --month YYYY-MM [--format json|csv] — close a month (or read it again) and print the statement."""

import csv
import json

from django.utils.translation import gettext_lazy as _

from regie.billing.services import settlement_run, settlement_statement
from regie.regions.commands import RegionCommand
from regie.core.parse import care_window, parse_month

CSV_COLUMNS = ("kind", "code", "name", "amount", "care", "regional_costs", "total", "lines", "clients")


class Command(RegionCommand):
    help = _("Settles a month (or reads a closed month again) and prints the settlement: per provider the "
             "payment, per municipality the cost of care and the share of the running costs.")

    def add_command_arguments(self, parser):
        parser.add_argument("--month", required=True, help=_("the month, YYYY-MM"))
        parser.add_argument("--format", choices=("json", "csv"), default="json", help=_("output: json (default) or csv"))

    def run(self, *, month, format, **options):  # noqa: A002 - the option is called --format
        region = self.region(options)
        run = settlement_run(actor=None, region=region, month=parse_month(month, field="month",
                                                                          window=care_window(region)))
        statement = settlement_statement(run)
        if format == "json":
            self.say(json.dumps(statement, indent=2, ensure_ascii=False))
        else:
            self._csv(statement)

    def _csv(self, statement: dict) -> None:
        writer = csv.writer(self.stdout, lineterminator="\n")
        writer.writerow(CSV_COLUMNS)
        for m in statement["municipalities"]:
            writer.writerow(["municipality", m["code"], m["name"], "", m["care"], m["regional_costs"], m["total"], "",
                             m["clients"]])
        for p in statement["providers"]:
            writer.writerow(["provider", p["agb"], p["name"], p["amount"], "", "", "", p["lines"], ""])
