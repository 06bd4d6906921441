"""Property: whatever is declared, every settlement reconciles to the cent."""

import datetime as dt
from decimal import Decimal

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis.extra.django import TestCase

from regie.billing.checks import LineInput
from regie.billing.models import DeclarationLine
from regie.billing.services import declaration_submit, settlement_run
from regie.regions.models import RegionalCost
from tests import factories as f

MONTHS = [dt.date(2025, m, 1) for m in range(1, 7)]

line_strategy = st.builds(
    LineInput,
    reference=st.sampled_from(["R0", "R1", "R2", "R3", "R4", "unknown"]),
    month=st.sampled_from(MONTHS),
    debit_credit=st.sampled_from(["D", "D", "D", "C"]),
)


class SettlementReconciles(TestCase):
    def setUp(self):
        self.region = f.RegionFactory(name="Regio Eigenschap")
        towns = [f.MunicipalityFactory(region=self.region, population=p) for p in (12345, 6789, 1011)]
        RegionalCost.objects.create(region=self.region, year=2025, amount=Decimal("100000.01"))
        categories = []
        for n, amount in enumerate(("333.33", "1234.57", "99.99")):
            category = f.CategoryFactory(product=f.ProductFactory(region=self.region), number=1)
            f.TariffFactory(category=category, amount=Decimal(amount), valid_from=dt.date(2024, 1, 1))
            categories.append(category)
        self.providers = [f.ProviderFactory(region=self.region) for _ in range(2)]
        for n in range(5):
            client = f.ClientFactory(region=self.region)
            f.ResidenceFactory(client=client, municipality=towns[n % 3], valid_from=dt.date(2000, 1, 1),
                               valid_to=dt.date(2025, 3, 31) if n == 4 else None)
            if n == 4:
                f.ResidenceFactory(client=client, municipality=towns[0], valid_from=dt.date(2025, 4, 1))
            f.AllocationFactory(client=client, municipality=towns[n % 3], provider=self.providers[n % 2],
                                category=categories[n % 3], reference=f"R{n}", start=dt.date(2025, 1, 15))

    @settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(st.lists(st.tuples(st.integers(0, 1), st.lists(line_strategy, max_size=12)), max_size=6),
           st.integers(1, 6))
    def test_paid_equals_charged_and_each_line_is_settled_once(self, declarations, months_to_run):
        for provider_index, lines in declarations:
            declaration_submit(actor=None, provider=self.providers[provider_index], lines=lines, source="csv")
        runs = [settlement_run(actor=None, region=self.region, month=m) for m in MONTHS[:months_to_run]]
        for run in runs:
            payments = sum((p.amount for p in run.payments.all()), Decimal(0))
            charges = list(run.charges.all())
            assert payments == run.paid_to_providers == sum((c.care for c in charges), Decimal(0))
            assert sum((c.regional_costs for c in charges), Decimal(0)) == run.regional_costs
            assert all(c.total == c.care + c.regional_costs for c in charges)
        approved = DeclarationLine.objects.filter(region=self.region, status="approved",
                                                  month__lte=MONTHS[months_to_run - 1])
        assert sum((line.amount for line in approved), Decimal(0)) == sum(
            (run.paid_to_providers for run in runs), Decimal(0))
        assert not approved.filter(settlement__isnull=True).exists()
