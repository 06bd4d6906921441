"""import-clients FILE.csv — clients with their residence periods (docs/commands.md)."""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from regie.care.imports import clients_import
from regie.regions.commands import RegionCommand


class Command(RegionCommand):
    help = gettext_lazy("Reads clients: bsn,birth_date,family_name,initials,municipality_code,resident_from,"
                        "resident_to (one line per residence period).")
    takes_file = True

    def run(self, *, file, **options):
        result = clients_import(region=self.region(options), path=file)
        self.say(_("%(clients)s clients read from %(rows)s lines.") % {"clients": result.clients, "rows": result.rows})
