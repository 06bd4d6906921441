"""setup-region FILE.json — create or update a region from its description (docs/commands.md)."""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from regie.regions.commands import RegionCommand
from regie.regions.imports import region_import


class Command(RegionCommand):
    help = gettext_lazy("Sets up a region (or updates it) from a JSON file: municipalities, central municipality, running costs.")
    takes_file = True
    takes_region = False

    def run(self, *, file, **options):
        imported = region_import(path=file)
        result = imported.result
        for change in result.changes:
            self.say(f"- {change}")
        for key in imported.ignored:
            self.say(_("Note: '%(key)s' is not stored (yet) and was skipped.") % {"key": key})
        template = (_("%(region)s set up: %(municipalities)s municipalities, %(changes)s changes.") if result.created
                    else _("%(region)s updated: %(municipalities)s municipalities, %(changes)s changes.") if result.changes
                    else _("%(region)s unchanged: %(municipalities)s municipalities, %(changes)s changes."))
        self.say(template % {"region": result.region.name, "municipalities": result.region.municipalities.count(),
                             "changes": len(result.changes)})
