from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from regie.regions.commands import RegionCommand
from regie.regions.models import Region
from regie.regions.selectors import region_only

from ...services import Built, facts_rebuild, pending_refresh


class Command(RegionCommand):
    help = gettext_lazy("Build the facts of monitoring anew (every region, or the one named), or with --pending only "
                        "those of changes not refreshed yet. Running it twice gives the same rows.")
    takes_region = False

    def add_command_arguments(self, parser) -> None:
        parser.add_argument("--region", help=gettext_lazy("name of the region; without it, every region"))
        parser.add_argument("--pending", action="store_true",
                            help=gettext_lazy("only the changes that are still pending (for a job every minute)"))

    def run(self, **options) -> None:
        if options["pending"]:
            self._report(_("pending changes"), pending_refresh())
            return
        regions = [region_only(options["region"])] if options["region"] else Region.objects.order_by("name")
        for region in regions:
            self._report(region.name, facts_rebuild(region=region))

    def _report(self, what: str, built: Built) -> None:
        self.say(_("%(what)s: %(months)d months of care, %(events)d events, %(goals)d goals, %(deadlines)d "
                   "deadline clocks.") % {"what": what, "months": built.care_months, "events": built.events,
                                          "goals": built.goals, "deadlines": built.deadlines})
