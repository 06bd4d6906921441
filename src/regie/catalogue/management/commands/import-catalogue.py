"""import-catalogue FILE.csv — products, categories and tariff periods (docs/commands.md)."""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from regie.catalogue.imports import catalogue_import
from regie.regions.commands import RegionCommand


class Command(RegionCommand):
    help = gettext_lazy("Reads the catalogue: product_code,support_form,category,variant,tariff,valid_from,valid_to "
             "(one tariff period per line).")
    takes_file = True

    def run(self, *, file, **options):
        result = catalogue_import(region=self.region(options), path=file)
        self.say(_("%(rows)s lines read: %(products)s products, %(added)s tariffs added, %(present)s already present.") % {
            "rows": result.rows, "products": result.products, "added": result.tariffs_added, "present": result.tariffs_present})
