"""`manage.py demo-accounts`: print the demo accounts as a table (username, password, organisation, roles)."""

from __future__ import annotations

from django.core.management.base import BaseCommand

from regie.demo.accounts import demo_accounts_rows


class Command(BaseCommand):
    help = "Toon de demo-accounts: gebruikersnaam, wachtwoord, organisatie en rollen."

    def handle(self, *args, **options):
        rows = demo_accounts_rows()
        if not rows:
            self.stdout.write("Er zijn geen demo-accounts; genereer de demo met: manage.py demo")
            return
        headers = ("gebruikersnaam", "wachtwoord", "naam", "organisatie", "rollen")
        table = [(r["username"], r["password"], r["name"], r["organisation"], ", ".join(r["roles"])) for r in rows]
        widths = [max(len(h), *(len(row[i]) for row in table)) for i, h in enumerate(headers)]
        line = "  ".join("{:<%d}" % w for w in widths)
        self.stdout.write("Demo-accounts (log in op http://127.0.0.1:8000/):")
        self.stdout.write(line.format(*headers).rstrip())
        self.stdout.write(line.format(*("-" * w for w in widths)).rstrip())
        for row in table:
            self.stdout.write(line.format(*row).rstrip())
