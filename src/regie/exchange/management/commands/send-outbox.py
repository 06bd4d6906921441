"""send-outbox FOLDER — write every queued outgoing iWmo message to FOLDER for upload to the GGK."""

from pathlib import Path

from regie.core.imports import RegionCommand
from regie.exchange.outbox import outbox_send


class Command(RegionCommand):
    help = "Schrijft alle klaarstaande uitgaande iWmo-berichten naar MAP (voor de GGK) en markeert ze als verzonden."

    def add_command_arguments(self, parser) -> None:
        parser.add_argument("folder", metavar="MAP", help="map waarin de berichten komen")

    def run(self, *, folder, **options):
        sent = outbox_send(region=self.region(options), folder=Path(folder))
        for message in sent:
            self.say(f"{message.filename}")
        self.say(f"{len(sent)} bericht(en) verzonden.")
