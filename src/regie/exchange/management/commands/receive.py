"""receive FOLDER — every iWmo file (*.xml) in FOLDER through the inbox, one transaction each (docs/exchange.md)."""

from pathlib import Path

from django.core.management.base import CommandError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from regie.core.errors import DomainError
from regie.regions.commands import RegionCommand
from regie.exchange.inbox import MessageRefused, message_receive, schema_validation_on
from regie.exchange.selectors import status_text


class Command(RegionCommand):
    help = gettext_lazy("Processes the iWmo messages (*.xml) in FOLDER: check, apply and answer, file by file.")

    def add_command_arguments(self, parser) -> None:
        parser.add_argument("folder", metavar=gettext_lazy("FOLDER"), help=gettext_lazy("folder with the received messages"))

    def handle(self, *args, **options) -> None:
        folder = Path(options["folder"])
        if not folder.is_dir():
            self.fail(_("%(folder)s: not a folder.") % {"folder": folder} + " [folder-missing]")
        try:
            region = self.region(options)
        except DomainError as error:
            self.fail(f"{error.message} [{error.code}]")
        if not schema_validation_on():
            self.stderr.write(_("Note: IWMO_SCHEMA_DIR is not set; schema validation (XSD) is off."))
        refused = 0
        for path in sorted(folder.glob("*.xml")):
            try:
                message = message_receive(actor=None, region=region, data=path.read_bytes(), filename=path.name)
            except MessageRefused as error:
                refused += 1
                self.stderr.write(_("%(file)s: refused: %(message)s") % {"file": path.name, "message": error.message} + f" [{error.code}]")
                for problem in error.problems[1:]:
                    self.stderr.write(f"{path.name}: {problem}")
                continue
            except DomainError as error:
                refused += 1
                self.stderr.write(f"{path.name}: {error.message} [{error.code}]")
                continue
            again = " " + _("(received before; nothing changed)") if message.duplicate else ""
            self.say(_("%(file)s: %(code)s from %(sender)s: %(status)s") % {
                "file": path.name, "code": message.code, "sender": message.sender, "status": status_text(message)} + again)
            for problem in message.problems:
                self.say(f"  {problem['pad']}: {problem['retourcode'] or '-'} {problem['regel']}: {problem['melding']}")
        if refused and self._called_from_command_line:
            raise SystemExit(1)
        if refused:
            raise CommandError(_("%(count)s file(s) refused.") % {"count": refused})
