"""send-outbox FOLDER — write every queued outgoing iWmo message to FOLDER for upload to the GGK."""

from pathlib import Path

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from regie.regions.commands import RegionCommand
from regie.exchange.outbox import outbox_send


class Command(RegionCommand):
    help = gettext_lazy("Writes all outgoing iWmo messages that are ready to FOLDER (for the GGK) and marks them as sent.")

    def add_command_arguments(self, parser) -> None:
        parser.add_argument("folder", metavar=gettext_lazy("FOLDER"), help=gettext_lazy("folder the messages go into"))

    def run(self, *, folder, **options):
        sent = outbox_send(region=self.region(options), folder=Path(folder))
        for message in sent:
            self.say(f"{message.filename}")
        self.say(_("%(count)s message(s) sent.") % {"count": len(sent)})
