"""declare FILE.csv — declarations of providers, checked line by line (docs/commands.md)."""

from regie.billing.checks import REASONS
from regie.billing.imports import declarations_import
from regie.core.imports import RegionCommand


class Command(RegionCommand):
    help = ("Leest declaraties in: provider_agb,reference,month,debit_credit (optioneel product_code,category,"
            "volume,unit_price,amount); één declaratie per aanbieder.")
    takes_file = True

    def run(self, *, file, **options):
        for summary in declarations_import(region=self.region(options), path=file):
            provider = summary.provider
            self.say(f"{provider.agb_code} {provider.name}: {summary.approved} goedgekeurd (€ {summary.amount:.2f}), "
                     f"{summary.rejected} afgekeurd.")
            for line, reference, month, code in summary.rejections:
                self.say(f"  regel {line}: {reference} {month} afgekeurd: {REASONS.get(code, code)} [{code}]")
