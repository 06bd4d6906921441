"""`manage.py demo-accounts`: print the demo accounts as a table (username, password, organisation, roles)."""

from __future__ import annotations

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from regie.core.commands import BaseCommand
from regie.demo.accounts import demo_accounts_rows

DEFAULT_URL = "http://127.0.0.1:8000/"


class Command(BaseCommand):
    help = gettext_lazy("Show the demo accounts: username, password, organisation and roles.")

    def add_arguments(self, parser):
        parser.add_argument("--url", default=DEFAULT_URL,
                            help=_("the address the server answers on, named in the list (default %(default)s)"))

    def handle(self, *args, url: str = DEFAULT_URL, **options):
        rows = demo_accounts_rows()
        if not rows:
            self.stdout.write(_("There are no demo accounts; generate the demo with: manage.py demo"))
            return
        headers = (_("username"), _("password"), _("name"), _("organisation"), _("roles"))
        table = [(r["username"], r["password"], r["name"], r["organisation"], ", ".join(r["roles"])) for r in rows]
        widths = [max(len(h), *(len(row[i]) for row in table)) for i, h in enumerate(headers)]
        line = "  ".join("{:<%d}" % w for w in widths)
        self.stdout.write(_("Demo accounts (log in at %(url)s):") % {"url": url})
        self.stdout.write(line.format(*headers).rstrip())
        self.stdout.write(line.format(*("-" * w for w in widths)).rstrip())
        for row in table:
            self.stdout.write(line.format(*row).rstrip())
