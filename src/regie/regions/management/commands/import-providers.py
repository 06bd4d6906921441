"""import-providers FILE.csv — providers with AGB code, KvK number and cooperative (docs/commands.md)."""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from regie.regions.commands import RegionCommand
from regie.regions.imports import providers_import


class Command(RegionCommand):
    help = gettext_lazy("Reads providers (agb,name,kvk,cooperative_agb); existing providers are updated.")
    takes_file = True

    def run(self, *, file, **options):
        result = providers_import(region=self.region(options), path=file)
        self.say(_("%(rows)s providers read, %(changed)s new or changed.") % {"rows": result.rows, "changed": result.changed})
