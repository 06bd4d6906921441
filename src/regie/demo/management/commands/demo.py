"""`manage.py demo [--scale N] [--seed S] [--if-empty]`: generate the demo region (docs/demo.md)."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from django.core.management.base import BaseCommand, CommandError

from regie.core.errors import DomainError
from regie.demo.generator import demo_generate
from regie.regions.models import Region


def _scale(text: str) -> Decimal:
    try:
        value = Decimal(text)
    except InvalidOperation:
        raise CommandError(f"--scale: '{text}' is geen getal.") from None
    if not value.is_finite() or value <= 0:
        raise CommandError(f"--scale: '{text}' moet groter dan nul zijn.")
    return value


class Command(BaseCommand):
    help = ("Genereer de demoregio (regio Meierij): gemeenten, aanbieders, catalogus, cliënten, drie jaar "
            "toewijzingen, declaraties en verrekende maanden, en de demo-accounts. Vast per seed.")

    def add_arguments(self, parser):
        parser.add_argument("--scale", type=_scale, default=Decimal(1),
                            help="vermenigvuldigt het aantal cliënten (standaard 1: ongeveer 1 op 10 van het echte aantal)")
        parser.add_argument("--seed", type=int, default=1, help="startwaarde van het toeval (standaard 1)")
        parser.add_argument("--if-empty", action="store_true",
                            help="doe niets als er al een regio is (voor make demo)")

    def handle(self, *args, scale: Decimal, seed: int, if_empty: bool, **options):
        existing = Region.objects.order_by("pk").first()
        if existing is not None:
            if if_empty:
                self.stdout.write(f"Er is al een regio ({existing}); de demo wordt niet opnieuw gegenereerd.")
                return
            raise CommandError(f"Er is al een regio ({existing}). Begin met een lege database, "
                               "of gebruik --if-empty om niets te doen.")
        verbose = options.get("verbosity", 1) >= 1
        try:
            summary = demo_generate(seed=seed, scale=scale,
                                    log=(lambda text: self.stdout.write(f"  {text}")) if verbose else None)
        except DomainError as error:
            raise CommandError(f"{error.message} [{error.code}]") from error
        self.stdout.write(self.style.SUCCESS(
            f"Demoregio klaar in {summary.seconds:.1f} s: {summary.clients} cliënten, {summary.allocations} "
            f"toewijzingen, {summary.lines} declaratieregels ({summary.rejected} afgekeurd), "
            f"{summary.months} verrekende maanden (seed {seed}, schaal {scale})."))
