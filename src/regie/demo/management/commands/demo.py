"""`manage.py demo [--scale N] [--seed S] [--if-empty]`: generate the demo region (docs/demo.md)."""

from __future__ import annotations

from decimal import Decimal

from django.core.management.base import CommandError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from regie.core.commands import BaseCommand
from regie.core.errors import DomainError
from regie.core.parse import parse_amount
from regie.demo.generator import demo_generate
from regie.regions.models import Region


MAX_SCALE = Decimal(10)


def _scale(text: str) -> Decimal:
    """Through the edge parser: a plain number above 0 and at most 10 (ten times the demo is already large)."""
    try:
        value = parse_amount(text, field="scale", max_digits=6, decimal_places=3)
    except DomainError as error:
        raise CommandError(f"--scale: {error.message} [{error.code}]") from None
    if not Decimal(0) < value <= MAX_SCALE:
        raise CommandError(_("--scale: '%(text)s' must be greater than 0 and at most %(largest)s.") % {
            "text": text, "largest": MAX_SCALE})
    return value


class Command(BaseCommand):
    help = gettext_lazy("Generate the demo region (regio Meierij): municipalities, providers, catalogue, clients, three "
                        "years of allocations, declarations and settled months, and the demo accounts. Fixed per seed.")

    def add_arguments(self, parser):
        parser.add_argument("--scale", type=_scale, default=Decimal(1),
                            help=gettext_lazy("multiplies the number of clients (default 1: about 1 in 10 of the real "
                                              "number)"))
        parser.add_argument("--seed", type=int, default=1, help=gettext_lazy("the seed of chance (default 1)"))
        parser.add_argument("--if-empty", action="store_true",
                            help=gettext_lazy("do nothing when there is a region already (for make demo)"))

    def handle(self, *args, scale: Decimal, seed: int, if_empty: bool, **options):
        existing = Region.objects.order_by("pk").first()
        if existing is not None:
            if if_empty:
                self.stdout.write(_("There is a region already (%(region)s); the demo is not generated again.")
                                  % {"region": existing})
                return
            raise CommandError(_("There is a region already (%(region)s). Start with an empty database, or use "
                                 "--if-empty to do nothing.") % {"region": existing})
        verbose = options.get("verbosity", 1) >= 1
        try:
            summary = demo_generate(seed=seed, scale=scale,
                                    log=(lambda text: self.stdout.write(f"  {text}")) if verbose else None)
        except DomainError as error:
            raise CommandError(f"{error.message} [{error.code}]") from error
        self.stdout.write(self.style.SUCCESS(
            _("Demo region ready in %(seconds).1f s: %(clients)s clients, %(allocations)s allocations, %(lines)s "
              "declaration lines (%(rejected)s rejected), %(months)s settled months (seed %(seed)s, scale %(scale)s).")
            % {"seconds": summary.seconds, "clients": summary.clients, "allocations": summary.allocations,
               "lines": summary.lines, "rejected": summary.rejected, "months": summary.months, "seed": seed,
               "scale": scale}))
