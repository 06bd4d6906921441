"""import-catalogue FILE.csv — products, categories and tariff periods (docs/commands.md)."""

from regie.catalogue.imports import catalogue_import
from regie.core.imports import RegionCommand


class Command(RegionCommand):
    help = ("Leest de catalogus in: product_code,support_form,category,variant,tariff,valid_from,valid_to "
            "(één tariefperiode per regel).")
    takes_file = True

    def run(self, *, file, **options):
        result = catalogue_import(region=self.region(options), path=file)
        self.say(f"{result.rows} regels gelezen: {result.products} producten, {result.tariffs_added} tarieven "
                 f"toegevoegd, {result.tariffs_present} al aanwezig.")
