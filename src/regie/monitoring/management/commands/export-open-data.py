"""export-open-data --out DIR [--from YYYY-MM --to YYYY-MM] [--period …] [--today YYYY-MM-DD] — the
public's figures as files (docs/monitoring.md, "Open data"; docs/commands.md)."""

from pathlib import Path

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from regie.core.parse import parse_date, past_window
from regie.monitoring.filters import filters_parse
from regie.monitoring.indicators import Period
from regie.monitoring.opendata import open_data, open_data_write
from regie.regions.commands import RegionCommand


class Command(RegionCommand):
    help = gettext_lazy("Writes the figures the public may see (indicatoren.csv, indicatoren.json, "
                        "datadictionary.csv): the region and each municipality, nothing that rests on fewer than "
                        "10 clients.")

    def add_command_arguments(self, parser) -> None:
        parser.add_argument("--out", required=True, metavar="DIR", help=gettext_lazy("the folder to write the files in"))
        parser.add_argument("--from", dest="first", help=gettext_lazy("the first month, YYYY-MM (default: the last "
                                                                      "twelve complete quarters)"))
        parser.add_argument("--to", dest="last", help=gettext_lazy("the last month, YYYY-MM"))
        parser.add_argument("--period", help=gettext_lazy("per %(choices)s (default: quarter)") % {
            "choices": ", ".join(Period.values)})
        parser.add_argument("--today", help=gettext_lazy("the day the files are made on, YYYY-MM-DD (default: today); "
                                                         "the same data and day give the same files"))

    def run(self, *, out, first, last, period, today, **options) -> None:
        region = self.region(options)
        today = parse_date(today, field="today", window=past_window()) if today else timezone.localdate()
        params = {name: value for name, value in (("from", first), ("to", last), ("period", period)) if value}
        filters = filters_parse(params, region=region, today=today)
        written = open_data_write(data=open_data(region=region, filters=filters, today=today), out=Path(out))
        for path in written:
            self.say(_("Written: %(path)s") % {"path": path})
