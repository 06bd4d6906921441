"""setup-region FILE.json — create or update a region from its description (docs/commands.md)."""

from regie.core.imports import RegionCommand
from regie.regions.imports import region_import


class Command(RegionCommand):
    help = "Richt een regio in (of werkt haar bij) uit een JSON-bestand: gemeenten, centrumgemeente, uitvoeringskosten."
    takes_file = True
    takes_region = False

    def run(self, *, file, **options):
        imported = region_import(path=file)
        result = imported.result
        for change in result.changes:
            self.say(f"- {change}")
        for key in imported.ignored:
            self.say(f"Let op: '{key}' wordt (nog) niet opgeslagen en is overgeslagen.")
        verb = "ingericht" if result.created else ("bijgewerkt" if result.changes else "ongewijzigd")
        self.say(f"{result.region.name} {verb}: {result.region.municipalities.count()} gemeenten, "
                 f"{len(result.changes)} wijzigingen.")
