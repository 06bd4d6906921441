"""import-allocations FILE.csv — allocations, with start and stop of care (docs/commands.md)."""

from regie.care.imports import allocations_import
from regie.core.imports import RegionCommand


class Command(RegionCommand):
    help = ("Leest toewijzingen in: reference,bsn,product_code,category,provider_agb,start,end,started_on,stopped_on "
            "(en optioneel end_reason).")
    takes_file = True

    def run(self, *, file, **options):
        result = allocations_import(region=self.region(options), path=file)
        self.say(f"{result.rows} toewijzingen ingelezen, waarvan {result.started} gestart en {result.stopped} gestopt.")
