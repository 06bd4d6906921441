"""import-providers FILE.csv — providers with AGB code, KvK number and cooperative (docs/commands.md)."""

from regie.core.imports import RegionCommand
from regie.regions.imports import providers_import


class Command(RegionCommand):
    help = "Leest aanbieders (agb,name,kvk,cooperative_agb) in; bestaande aanbieders worden bijgewerkt."
    takes_file = True

    def run(self, *, file, **options):
        result = providers_import(region=self.region(options), path=file)
        self.say(f"{result.rows} aanbieders gelezen, {result.changed} nieuw of gewijzigd.")
