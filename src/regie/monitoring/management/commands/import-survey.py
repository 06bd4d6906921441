"""import-survey FILE.csv — results of the client experience survey (docs/commands.md)."""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from regie.monitoring.imports import survey_import
from regie.regions.commands import RegionCommand


class Command(RegionCommand):
    help = gettext_lazy("Reads the client experience survey (municipality_code,year,question,agree_percent,"
                        "respondents); existing results are updated.")
    takes_file = True

    def run(self, *, file, **options):
        result = survey_import(region=self.region(options), path=file)
        self.say(_("%(rows)s results read, %(changed)s new or changed.") % {"rows": result.rows,
                                                                           "changed": result.changed})
