"""import-contracts FILE.csv — framework contracts, provider × products (docs/commands.md)."""

from regie.contracting.imports import contracts_import
from regie.core.imports import RegionCommand


class Command(RegionCommand):
    help = "Leest contracten in (agb,product_code,start,end); regels met dezelfde agb, start en end vormen één contract."
    takes_file = True

    def run(self, *, file, **options):
        result = contracts_import(region=self.region(options), path=file)
        self.say(f"{result.rows} regels gelezen: {result.created} contracten aangemaakt, {result.extended} "
                 f"aangevuld, {result.present} al aanwezig.")
