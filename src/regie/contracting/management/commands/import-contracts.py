"""import-contracts FILE.csv — framework contracts, provider × products (docs/commands.md)."""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from regie.contracting.imports import contracts_import
from regie.regions.commands import RegionCommand


class Command(RegionCommand):
    help = gettext_lazy("Reads contracts (agb,product_code,start,end); lines with the same agb, start and end form one contract.")
    takes_file = True

    def run(self, *, file, **options):
        result = contracts_import(region=self.region(options), path=file)
        self.say(_("%(rows)s lines read: %(created)s contracts created, %(extended)s extended, %(present)s already present.") % {
            "rows": result.rows, "created": result.created, "extended": result.extended, "present": result.present})
