"""Property: whatever is declared, every settlement pays and charges what the rules of
docs/settlement.md give, computed here day by day from the rule texts, to the cent.

The allocations include one that ends mid-month, one that stops on the first day of a month,
one that never starts, one whose care starts on the last day of a month and one withdrawn, so
every date rule of a debit line is reached from both sides.
"""

import datetime as dt
from collections import defaultdict
from decimal import Decimal

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis.extra.django import TestCase

from regie.billing.checks import LineInput
from regie.billing.models import DeclarationLine
from regie.billing.services import declaration_submit, settlement_run
from regie.care.models import AllocationStatus
from regie.regions.models import RegionalCost
from tests import factories as f

MONTHS = [dt.date(2025, m, 1) for m in range(1, 7)]

line_strategy = st.builds(
    LineInput,
    reference=st.sampled_from(["R0", "R1", "R2", "R3", "R4", "R5", "R6", "R7", "R8", "R9", "unknown"]),
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
        self.towns, self.categories = towns, categories
        d = dt.date
        for n, fields in enumerate([
            {"end": d(2025, 3, 15)},  # ends mid-month
            {"status": AllocationStatus.STOPPED, "stopped_on": d(2025, 2, 1)},  # stops on a first day
            {"status": AllocationStatus.ALLOCATED, "started_on": None},  # never starts
            {"started_on": d(2025, 3, 31)},  # care begins on a last day
            {"status": AllocationStatus.WITHDRAWN, "started_on": None, "end": d(2025, 2, 28)},
        ], start=5):
            client = f.ClientFactory(region=self.region)
            f.ResidenceFactory(client=client, municipality=towns[n % 3], valid_from=dt.date(2000, 1, 1))
            f.AllocationFactory(client=client, municipality=towns[n % 3], provider=self.providers[n % 2],
                                category=categories[n % 3], reference=f"R{n}",
                                **{"start": dt.date(2025, 1, 15), "started_on": dt.date(2025, 1, 15), **fields})
        self.tariff = {n: Decimal(a) for n, a in enumerate(("333.33", "1234.57", "99.99"))}

    def oracle(self, declarations):
        """The approved amounts per month per provider and per municipality, from the rule texts:
        a month is declarable when it has a day of care (on or after the start and the reported start,
        on or before the end and the stop) and a start was reported; each month once until credited."""
        allocations = {a.reference: a for a in self.region.allocations.all()}
        paid, charged = defaultdict(Decimal), defaultdict(Decimal)
        open_debits = {}
        for provider_index, lines in declarations:
            provider = self.providers[provider_index]
            for line in lines:
                allocation = allocations.get(line.reference)
                if allocation is None or allocation.provider_id != provider.pk:
                    continue
                n = int(line.reference[1:])
                town = self.towns[0] if n == 4 and line.month >= dt.date(2025, 4, 1) else self.towns[n % 3]
                key = (line.reference, line.month)
                if line.debit_credit == "C":
                    amount = open_debits.pop(key, None)
                    if amount is None:
                        continue
                    amount = -amount
                else:
                    days = [line.month + dt.timedelta(days=i) for i in range(31)
                            if (line.month + dt.timedelta(days=i)).month == line.month.month]
                    care = [day for day in days if allocation.start <= day and allocation.started_on is not None
                            and allocation.started_on <= day and (allocation.end is None or day <= allocation.end)
                            and (allocation.stopped_on is None or day <= allocation.stopped_on)]
                    if not care or allocation.status in ("allocated", "withdrawn") or key in open_debits:
                        continue
                    amount = open_debits[key] = self.tariff[n % 3]
                paid[(line.month, provider.pk)] += amount
                charged[(line.month, town.pk)] += amount
        return paid, charged

    @settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(st.lists(st.tuples(st.integers(0, 1), st.lists(line_strategy, max_size=12)), max_size=6),
           st.integers(1, 6))
    def test_each_run_pays_and_charges_what_the_rules_give_and_settles_each_line_once(self, declarations,
                                                                                     months_to_run):
        for provider_index, lines in declarations:
            declaration_submit(actor=None, provider=self.providers[provider_index], lines=lines, source="csv")
        runs = [settlement_run(actor=None, region=self.region, month=m) for m in MONTHS[:months_to_run]]
        paid, charged = self.oracle(declarations)
        for run in runs:
            # Every line of a month lands in that month's run: all declarations precede the runs.
            assert {p.provider_id: p.amount for p in run.payments.all()} == {
                provider: amount for (month, provider), amount in paid.items() if month == run.month}
            assert {c.municipality_id: c.care for c in run.charges.all() if c.care} == {
                town: amount for (month, town), amount in charged.items() if month == run.month and amount}
            expected_total = sum((a for (month, _p), a in paid.items() if month == run.month), Decimal(0))
            assert run.paid_to_providers == run.charged_for_care == expected_total
            charges = list(run.charges.all())
            assert sum((c.regional_costs for c in charges), Decimal(0)) == run.regional_costs
            assert all(c.total == c.care + c.regional_costs for c in charges)
        approved = DeclarationLine.objects.filter(region=self.region, status="approved",
                                                  month__lte=MONTHS[months_to_run - 1])
        assert not approved.filter(settlement__isnull=True).exists()
        assert not DeclarationLine.objects.filter(region=self.region, status="approved",
                                                  month__gt=MONTHS[months_to_run - 1]).exclude(
            settlement__isnull=True).exists()
