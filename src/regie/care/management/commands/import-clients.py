"""import-clients FILE.csv — clients with their residence periods (docs/commands.md)."""

from regie.care.imports import clients_import
from regie.core.imports import RegionCommand


class Command(RegionCommand):
    help = ("Leest cliënten in: bsn,birth_date,family_name,initials,municipality_code,resident_from,resident_to "
            "(één regel per woonperiode).")
    takes_file = True

    def run(self, *, file, **options):
        result = clients_import(region=self.region(options), path=file)
        self.say(f"{result.clients} cliënten ingelezen uit {result.rows} regels.")
