"""import-allocations FILE.csv — allocations, with start and stop of care (docs/commands.md)."""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from regie.care.imports import allocations_import
from regie.regions.commands import RegionCommand


class Command(RegionCommand):
    help = gettext_lazy("Reads allocations: reference,bsn,product_code,category,provider_agb,start,end,started_on,"
                        "stopped_on (and optionally end_reason).")
    takes_file = True

    def run(self, *, file, **options):
        result = allocations_import(region=self.region(options), path=file)
        self.say(_("%(rows)s allocations read, of which %(started)s started and %(stopped)s stopped.") % {
            "rows": result.rows, "started": result.started, "stopped": result.stopped})
