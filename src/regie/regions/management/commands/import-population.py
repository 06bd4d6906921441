"""import-population FILE.csv — inhabitants per municipality per year (docs/commands.md)."""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from regie.regions.commands import RegionCommand
from regie.regions.imports import populations_import


class Command(RegionCommand):
    help = gettext_lazy("Reads inhabitants per municipality per year (municipality_code,year,inhabitants), for the "
                        "figures per 1,000 inhabitants; existing years are updated.")
    takes_file = True

    def run(self, *, file, **options):
        result = populations_import(region=self.region(options), path=file)
        self.say(_("%(rows)s years of population read, %(changed)s new or changed.") % {
            "rows": result.rows, "changed": result.changed})
