"""The base of every management command that works on one region (the imports, settling, the inbox).

It lives in regions, not core: finding the region is the regions app's, and core imports no app.
"""

from __future__ import annotations

from django.core.management.base import CommandError
from django.db import DataError, IntegrityError, transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from regie.core.authorship import acting_as
from regie.core.commands import BaseCommand
from regie.core.errors import DomainError
from regie.core.imports import InputError

from .selectors import region_only


class RegionCommand(BaseCommand):
    """A management command that works on one region and maps errors once.

    `run` does the work in one transaction. A `DomainError` (malformed input included) rolls
    everything back and ends the command: on the command line as one line on stderr,
    `FILE:LINE: field: message [code]`, and exit status 1; from `call_command` as `CommandError`.
    """

    takes_file = False
    takes_region = True

    def add_arguments(self, parser) -> None:
        if self.takes_file:
            parser.add_argument("file", metavar="FILE", help=gettext_lazy("the input file"))
        if self.takes_region:
            parser.add_argument("--region", help=gettext_lazy("name of the region; only needed when there is more than one"))
        self.add_command_arguments(parser)

    def add_command_arguments(self, parser) -> None:
        pass

    def region(self, options):
        return region_only(options.get("region"))

    def run(self, **options) -> None:
        raise NotImplementedError

    def handle(self, *args, **options) -> None:
        try:
            with transaction.atomic():
                self.run(**options)
        except InputError as error:
            self.fail(str(error))
        except DomainError as error:
            where = f"{options['file']}: " if options.get("file") else ""
            self.fail(f"{where}{error.message} [{error.code}]")
        except IntegrityError as error:
            where = f"{options['file']}: " if options.get("file") else ""
            self.fail(where + _("The database refuses the data (%(error)s). Nothing was stored.") % {"error": error} + " [database-constraint]")
        except DataError as error:  # a value no column holds, past every parser: refused, not a traceback
            where = f"{options['file']}: " if options.get("file") else ""
            self.fail(f"{where}" + _("The database cannot hold a value (%(error)s). Nothing was stored.")
                      % {"error": str(error).splitlines()[0][:200]} + " [database-data]")

    def execute(self, *args, **options):
        """Rows made without a person record the command's name as their origin (core.authorship)."""
        with acting_as(type(self).__module__.rsplit(".", 1)[-1]):
            return super().execute(*args, **options)

    def fail(self, message: str) -> None:
        if self._called_from_command_line:
            self.stderr.write(message)
            raise SystemExit(1)
        raise CommandError(message)

    def say(self, message: str) -> None:
        self.stdout.write(message)
