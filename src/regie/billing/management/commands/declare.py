"""declare FILE.csv — declarations of providers, checked line by line (docs/commands.md)."""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from regie.core.formatting import euro
from regie.billing.checks import REASONS
from regie.billing.imports import declarations_import
from regie.regions.commands import RegionCommand


class Command(RegionCommand):
    help = gettext_lazy("Reads declarations: provider_agb,reference,month,debit_credit (optionally product_code,category,"
             "volume,unit_price,amount); one declaration per provider.")
    takes_file = True

    def run(self, *, file, **options):
        for summary in declarations_import(region=self.region(options), path=file):
            provider = summary.provider
            self.say(_("%(agb)s %(name)s: %(approved)s approved (%(amount)s), %(rejected)s rejected.") % {
                "agb": provider.agb_code, "name": provider.name, "approved": summary.approved,
                "amount": euro(summary.amount), "rejected": summary.rejected})
            for line, reference, month, code in summary.rejections:
                self.say("  " + _("line %(line)s: %(reference)s %(month)s rejected: %(reason)s [%(code)s]") % {
                    "line": line, "reference": reference, "month": month, "reason": REASONS.get(code, code), "code": code})
