"""receive FOLDER — every iWmo file (*.xml) in FOLDER through the inbox, one transaction each (docs/exchange.md)."""

from pathlib import Path

from django.core.management.base import CommandError

from regie.core.errors import DomainError
from regie.core.imports import RegionCommand
from regie.exchange.inbox import MessageRefused, message_receive, schema_validation_on
from regie.exchange.selectors import status_text


class Command(RegionCommand):
    help = "Verwerkt de iWmo-berichten (*.xml) in MAP: controleren, toepassen en beantwoorden, per bestand."

    def add_command_arguments(self, parser) -> None:
        parser.add_argument("folder", metavar="MAP", help="map met de ontvangen berichten")

    def handle(self, *args, **options) -> None:
        folder = Path(options["folder"])
        if not folder.is_dir():
            self.fail(f"{folder}: geen map. [folder-missing]")
        try:
            region = self.region(options)
        except DomainError as error:
            self.fail(f"{error.message} [{error.code}]")
        if not schema_validation_on():
            self.stderr.write("Let op: IWMO_SCHEMA_DIR is niet ingesteld; schemavalidatie (XSD) staat uit.")
        refused = 0
        for path in sorted(folder.glob("*.xml")):
            try:
                message = message_receive(actor=None, region=region, data=path.read_bytes(), filename=path.name)
            except MessageRefused as error:
                refused += 1
                self.stderr.write(f"{path.name}: geweigerd: {error.message} [{error.code}]")
                for problem in error.problems[1:]:
                    self.stderr.write(f"{path.name}: {problem}")
                continue
            except DomainError as error:
                refused += 1
                self.stderr.write(f"{path.name}: {error.message} [{error.code}]")
                continue
            again = " (al eerder ontvangen; niets gewijzigd)" if message.duplicate else ""
            self.say(f"{path.name}: {message.code} van {message.sender}: {status_text(message)}{again}")
            for problem in message.problems:
                self.say(f"  {problem['pad']}: {problem['retourcode'] or '-'} {problem['regel']}: {problem['melding']}")
        if refused and self._called_from_command_line:
            raise SystemExit(1)
        if refused:
            raise CommandError(f"{refused} bestand(en) geweigerd.")
