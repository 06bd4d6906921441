"""import-general-provisions FILE.csv — users of general provisions per quarter (docs/commands.md)."""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from regie.monitoring.imports import general_provisions_import
from regie.regions.commands import RegionCommand


class Command(RegionCommand):
    help = gettext_lazy("Reads the users of general provisions per municipality per quarter (municipality_code,"
                        "quarter,users); existing quarters are updated.")
    takes_file = True

    def run(self, *, file, **options):
        result = general_provisions_import(region=self.region(options), path=file)
        self.say(_("%(rows)s quarters read, %(changed)s new or changed.") % {"rows": result.rows,
                                                                            "changed": result.changed})
