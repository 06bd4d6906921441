"""Generate the demo region: regio Meierij with three years of care, declarations and settlements.

Deterministic by seed: the same seed and scale give the same region, to the cent. The plan
(who gets what, from whom, when, who moves) is drawn first with one `random.Random(seed)`;
then everything with rules goes through the services — contracts, tariffs and their yearly
indexation, allocations (create, extend, end, start, stop), declarations and the monthly
settlement runs. Plain rows without rules (the region, organisations, clients, residence
periods, support plans) are bulk-created exactly as the services would store them.
"""

from __future__ import annotations

import datetime as dt
import random
import time
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from django.db import transaction

from regie.audit.models import Action, AuditRecord
from regie.billing.checks import LineInput
from regie.billing.models import DeclarationLine, LineStatus, SettlementRun, Source
from regie.billing.services import declaration_submit, settlement_run
from regie.care.models import Client, Goal, GoalResult, Residence, SupportPlan
from regie.care.services import allocation_change, allocation_create, allocation_end, allocation_start, allocation_stop
from regie.catalogue.selectors import tariff_on
from regie.catalogue.services import category_ensure, product_ensure, support_form_get, tariff_add, tariffs_index
from regie.contracting.services import contract_create, contract_terminate
from regie.core.authorship import acting_as
from regie.core.months import add_months, month_end, month_start, months_between
from regie.regions.models import Municipality, Organisation, OrganisationKind, Region, RegionalCost

from . import data
from .accounts import demo_accounts_create

HISTORY_END = month_end(data.HISTORY_LAST)
ORIGIN = "demo"  # what the rows made without a person say made them (core.authorship)
DAYS_PER_MONTH = 30.44

# Towns (woonplaatsen) of each municipality with their four-digit postcode areas and a weight, for the
# clients' addresses; the streets are names that nearly every Brabant town has. Letters of a Dutch
# postcode never use F, I, O, Q, U, Y, nor the pairs SA, SD, SS.
TOWNS = {
    "0796": [("'s-Hertogenbosch", (5211, 5237), 110), ("Rosmalen", (5241, 5248), 33), ("Nuland", (5391, 5391), 6),
             ("Vinkel", (5382, 5382), 2)],
    "0757": [("Boxtel", (5281, 5283), 27), ("Liempde", (5298, 5298), 4)],
    "0845": [("Sint-Michielsgestel", (5271, 5271), 12), ("Berlicum", (5258, 5258), 8), ("Den Dungen", (5275, 5275), 5),
             ("Gemonde", (5292, 5292), 2)],
    "0865": [("Vught", (5261, 5264), 22), ("Helvoirt", (5268, 5268), 4), ("Esch", (5296, 5296), 2),
             ("Cromvoirt", (5266, 5266), 1)],
    "1948": [("Veghel", (5461, 5466), 32), ("Schijndel", (5481, 5482), 24), ("Sint-Oedenrode", (5491, 5492), 18),
             ("Erp", (5469, 5469), 7)],
    "0788": [("Haaren", (5076, 5076), 5), ("Helvoirt", (5268, 5268), 4)],
}
STREETS = ["Kerkstraat", "Molenstraat", "Schoolstraat", "Dorpsstraat", "Hoofdstraat", "Stationsstraat", "Nieuwstraat",
           "Lindenlaan", "Beukenlaan", "Kastanjelaan", "Eikenlaan", "Julianastraat", "Wilhelminastraat",
           "Beatrixstraat", "Prins Bernhardstraat", "Kloosterstraat", "Marktstraat", "Hertog Janstraat",
           "Parallelweg", "Meidoornlaan", "Vlasakker", "Kapelstraat", "Lambertusstraat", "Pastoor van Erpstraat"]
POSTCODE_LETTERS = "ABCDEGHJKLMNPRSTVWXZ"


@dataclass
class Segment:
    """One allocation: a stretch of an episode with one municipality and one provider."""

    client: PlannedClient
    product: str
    category: int
    provider: Organisation
    start: dt.date
    started_on: dt.date | None
    stop: dt.date | None = None
    stop_reason: str = ""
    ended_by_municipality: bool = False  # a move or a contract ending: the municipality ends it first
    reference: str = ""


@dataclass
class PlannedClient:
    bsn: str
    family_name: str
    initials: str
    birth_date: dt.date
    municipality: str  # code of the municipality where the first episode starts
    resident_since: dt.date
    from_haaren: str = ""  # the successor's code when the client lived in Haaren until 2020
    moves: list = field(default_factory=list)  # [(day, code)]
    segments: list = field(default_factory=list)
    pk: int | None = None

    def residences(self) -> list[tuple[str, dt.date, dt.date | None]]:
        periods, code, since = [], self.municipality, self.resident_since
        if self.from_haaren:
            periods.append((data.HAAREN_CODE, since, data.HAAREN_END))
            since = data.HAAREN_END + dt.timedelta(days=1)
        for day, new_code in self.moves:
            periods.append((code, since, day - dt.timedelta(days=1)))
            code, since = new_code, day
        periods.append((code, since, None))
        return periods

    def municipality_on(self, day: dt.date) -> str:
        for code, since, until in self.residences():
            if since <= day and (until is None or day <= until):
                return code
        raise AssertionError(f"{self.bsn} lives nowhere on {day}")


@dataclass
class Summary:
    clients: int = 0
    allocations: int = 0
    lines: int = 0
    rejected: int = 0
    months: int = 0
    seconds: float = 0.0


def _contact(rng: random.Random, municipality: str) -> dict:
    """A plausible gender (COD046) and address in a real town of `municipality` (its current one)."""
    towns = TOWNS[municipality]
    town, (low, high), _ = rng.choices(towns, weights=[w for *_, w in towns])[0]
    while (letters := "".join(rng.choices(POSTCODE_LETTERS, k=2))) in ("SA", "SD", "SS"):
        pass
    addition = rng.choice(["A", "B", "2", "C"]) if rng.random() < 0.1 else ""
    return {"gender": rng.choices(["1", "2", "0"], weights=[48, 50, 2])[0], "street": rng.choice(STREETS),
            "house_number": rng.randint(1, 40) if rng.random() < 0.6 else rng.randint(41, 250),
            "house_number_addition": addition, "postcode": f"{rng.randint(low, high)}{letters}", "town": town}


def demo_generate(*, seed: int = 1, scale: Decimal | float | int = 1, log=None) -> Summary:
    """Build the whole demo region in one transaction; nothing is left half-made on an error."""
    began = time.monotonic()
    say = log or (lambda text: None)
    with transaction.atomic(), acting_as(ORIGIN):
        generator = _Generator(seed=seed, scale=Decimal(str(scale)), say=say)
        summary = generator.run()
    summary.seconds = time.monotonic() - began
    return summary


class _Generator:
    def __init__(self, *, seed: int, scale: Decimal, say):
        self.seed = seed
        self.rng = random.Random(seed)
        self.scale = scale
        self.say = say
        self.bsns: set[str] = set()
        self.clients: list[PlannedClient] = []
        self.begeleiding_clients: dict[str, list[PlannedClient]] = defaultdict(list)

    # -- the region, organisations, catalogue and contracts -----------------------------------

    def run(self) -> Summary:
        self.say("Regio, gemeenten en organisaties …")
        self._region()
        self.say("Catalogus, tarieven en indexaties …")
        self._catalogue()
        self.say("Aanbieders en contracten …")
        self._providers()
        self.say("Cliënten en zorgepisodes plannen …")
        self._plan()
        self.say(f"{len(self.clients)} cliënten, woonperioden en ondersteuningsplannen …")
        self._store_clients()
        segments = sorted((s for c in self.clients for s in c.segments),
                          key=lambda s: (s.start, s.client.bsn, s.product))
        self.say(f"{len(segments)} toewijzingen met hun geschiedenis …")
        self._allocations(segments)
        self.say("Declaraties en verrekening per maand …")
        months = self._declare_and_settle(segments)
        demo_accounts_create(region=self.region)
        lines = DeclarationLine.objects.filter(region=self.region)
        return Summary(clients=len(self.clients), allocations=len(segments), lines=lines.count(),
                       rejected=lines.filter(status=LineStatus.REJECTED).count(), months=months)

    def _region(self) -> None:
        self.region = Region.objects.create(name=data.REGION_NAME)
        self.municipalities = {
            code: Municipality.objects.create(region=self.region, code=code, name=name, population=population,
                                              valid_from=valid_from, valid_to=valid_to)
            for code, name, population, valid_from, valid_to in data.MUNICIPALITIES
        }
        self.region.centre_municipality = self.municipalities[data.CENTRE_CODE]
        self.region.save(update_fields=["centre_municipality"])
        RegionalCost.objects.bulk_create(RegionalCost(region=self.region, year=year, amount=amount)
                                         for year, amount in data.REGIONAL_COSTS.items())
        for municipality in self.municipalities.values():
            Organisation.objects.create(region=self.region, kind=OrganisationKind.MUNICIPALITY,
                                        name=f"Gemeente {municipality.name}", municipality=municipality)
        Organisation.objects.create(region=self.region, kind=OrganisationKind.PURCHASING_OFFICE,
                                    name="Regionaal Inkoopbureau Meierij")
        Organisation.objects.create(region=self.region, kind=OrganisationKind.ADVISORY_COUNCIL,
                                    name="Wmo-adviesraad Meierij")

    def _catalogue(self) -> None:
        self.products, self.categories = {}, {}
        for code, form_code, name, variant, categories in data.PRODUCTS:
            product = product_ensure(region=self.region, code=code, support_form=support_form_get(code=form_code),
                                     variant=variant, name=name)
            self.products[code] = product
            for number, (category_name, amount) in categories.items():
                category = category_ensure(product=product, number=number)
                category.name = category_name
                category.save(update_fields=["name"])
                tariff_add(category=category, amount=amount, valid_from=data.CONTRACTS_START, valid_to=None)
                self.categories[(code, number)] = category
        for year, percentage in data.INDEXATION.items():
            tariffs_index(actor=None, region=self.region, year=year, percentage=percentage)

    def _providers(self) -> None:
        # Eligible providers per product: (organisation, weight, contract start, notice date).
        self.eligible: dict[str, list] = defaultdict(list)
        self.exits: dict[int, dt.date] = {}  # provider pk → first day without a contract
        for number, (name, weight, codes, start, notice) in enumerate(data.PROVIDERS, start=1):
            provider = self._provider(name, number)
            contract = contract_create(region=self.region, provider=provider,
                                       products=[self.products[c] for c in codes], start=start)
            if notice is not None:
                contract = contract_terminate(actor=None, contract=contract, notice_on=notice)
                self.exits[provider.pk] = contract.end + dt.timedelta(days=1)
            for code in codes:
                self.eligible[code].append((provider, weight, start, notice))
        name, codes, start = data.COOPERATIVE
        cooperative = self._provider(name, 50)
        contract_create(region=self.region, provider=cooperative, products=[self.products[c] for c in codes],
                        start=start)
        for number, (member_name, weight) in enumerate(data.COOPERATIVE_MEMBERS, start=51):
            member = self._provider(member_name, number, cooperative=cooperative)
            for code in codes:
                self.eligible[code].append((member, weight, start, None))

    def _provider(self, name: str, number: int, cooperative: Organisation | None = None) -> Organisation:
        return Organisation.objects.create(
            region=self.region, kind=OrganisationKind.PROVIDER, name=name, cooperative=cooperative,
            agb_code=f"9900{number:04d}", kvk_number=f"9990{number:04d}",
        )

    # -- the plan: clients, care episodes, moves ----------------------------------------------

    def _plan(self) -> None:
        current = [m for m in data.MUNICIPALITIES if m[4] is None]
        first, last = data.HISTORY_FIRST, data.HISTORY_LAST
        for code, _name, population, _from, _to in current:
            for product, rate in data.RATES_PER_1000.items():
                stock = rate * population / 1000 * data.DEMO_FRACTION * self.scale
                mean = data.MEAN_MONTHS[product]
                # The clients in care when the history begins …
                for _ in range(self._count(stock)):
                    age = min(self.rng.expovariate(1 / mean) * DAYS_PER_MONTH, (first - data.CONTRACTS_START).days)
                    start = first - dt.timedelta(days=max(1, int(age)))
                    remaining = int(self.rng.expovariate(1 / mean) * DAYS_PER_MONTH)
                    self._episode(code, product, start, first + dt.timedelta(days=remaining))
                # … and those who come in each month.
                for month in months_between(first, last):
                    for _ in range(self._count(stock / mean)):
                        start = month.replace(day=self.rng.randint(1, 28))
                        duration = max(28, int(self.rng.expovariate(1 / mean) * DAYS_PER_MONTH))
                        self._episode(code, product, start, start + dt.timedelta(days=duration))
        self._plan_moves()
        self._split_segments()

    def _count(self, expected: Decimal) -> int:
        whole = int(expected)
        return whole + (1 if self.rng.random() < float(expected - whole) else 0)

    def _episode(self, code: str, product: str, start: dt.date, stop: dt.date) -> None:
        client = None
        if product == "07A01" and self.rng.random() < data.COMBINED_SHARE * 2:
            client = self._client_in_begeleiding(code, start)
        if client is None:
            client = self._new_client(code, product, start)
        weights = data.CATEGORY_WEIGHTS[product]
        category = self.rng.choices(range(1, len(weights) + 1), weights=weights)[0]
        started_on = start + dt.timedelta(days=self.rng.choice((0, 0, 0, 3, 7, 10)))
        if stop <= started_on + dt.timedelta(days=14):
            stop = started_on + dt.timedelta(days=14)
        if stop > HISTORY_END:
            stop = None
        if started_on > HISTORY_END:
            started_on = stop = None
        elif start >= data.HISTORY_LAST and self.rng.random() < 0.3:
            started_on = stop = None  # allocated in the last month; the provider has not started yet
        stop_reason = ""
        if stop is not None:
            old = (stop - client.birth_date).days > 80 * 365
            stop_reason = self.rng.choices(["19", "23", "21", "22", "02"],
                                           weights=[60, 12, 10, 6, 12 if old else 2])[0]
        provider = self._choose_provider(product, start)
        client.segments.append(Segment(client=client, product=product, category=category, provider=provider,
                                       start=start, started_on=started_on, stop=stop, stop_reason=stop_reason))

    def _client_in_begeleiding(self, code: str, day: dt.date) -> PlannedClient | None:
        candidates = [c for c in self.begeleiding_clients[code][-40:]
                      if any(s.product == "02A01" and s.start <= day and (s.stop is None or s.stop > day)
                             for s in c.segments) and not any(s.product == "07A01" for s in c.segments)]
        return self.rng.choice(candidates) if candidates else None

    def _new_client(self, code: str, product: str, start: dt.date) -> PlannedClient:
        low, high = {"02A01": (18, 85), "07A01": (25, 92), "04A01": (60, 95)}[product]
        age = self.rng.randint(low, high)
        birth = dt.date(start.year - age, self.rng.randint(1, 12), self.rng.randint(1, 28))
        adult = birth.replace(year=birth.year + 18)
        since = max(adult, dt.date(1995, 1, 1)) + dt.timedelta(days=self.rng.randint(0, 3000))
        since = min(since, dt.date(2020, 6, 1))
        from_haaren = ""
        if code in dict(data.HAAREN_SUCCESSORS) and self.rng.random() < self._haaren_share(code):
            from_haaren = code
        client = PlannedClient(
            bsn=self._bsn(), family_name=self.rng.choice(data.FAMILY_NAMES),
            initials=".".join(self.rng.sample("ABCDEFGHIJKLMNPRSTW", self.rng.choice((1, 1, 2)))) + ".",
            birth_date=birth, municipality=code, resident_since=since, from_haaren=from_haaren,
        )
        self.clients.append(client)
        if product == "02A01":
            self.begeleiding_clients[code].append(client)
        return client

    def _haaren_share(self, code: str) -> float:
        """The part of today's residents of a successor who lived in Haaren before 2021."""
        weights = dict(data.HAAREN_SUCCESSORS)
        haaren = next(m[2] for m in data.MUNICIPALITIES if m[0] == data.HAAREN_CODE)
        moved = haaren * weights[code] / sum(weights.values())
        own = next(m[2] for m in data.MUNICIPALITIES if m[0] == code)
        return moved / (own + moved)

    def _bsn(self) -> str:
        """A fictional BSN that passes the eleven test; every demo BSN starts with 999."""
        while True:
            digits = [9, 9, 9] + [self.rng.randint(0, 9) for _ in range(5)]
            check = sum(d * w for d, w in zip(digits, range(9, 1, -1))) % 11
            if check == 10:
                continue
            bsn = "".join(map(str, digits)) + str(check)
            if bsn not in self.bsns:
                self.bsns.add(bsn)
                return bsn

    def _choose_provider(self, product: str, day: dt.date, exclude: int | None = None) -> Organisation:
        options = [(p, w) for p, w, start, notice in self.eligible[product]
                   if start <= day and (notice is None or day < notice) and p.pk != exclude]
        return self.rng.choices([p for p, _ in options], weights=[w for _, w in options])[0]

    def _is_eligible(self, provider: Organisation, product: str, day: dt.date) -> bool:
        return any(p.pk == provider.pk and start <= day and (notice is None or day < notice)
                   for p, _w, start, notice in self.eligible[product])

    def _plan_moves(self) -> None:
        """About one in thirty clients moves to another municipality of the region, on the 1st."""
        current = [(m[0], m[2]) for m in data.MUNICIPALITIES if m[4] is None]
        for client in self.clients:
            if self.rng.random() >= 0.035:
                continue
            earliest = max(data.HISTORY_FIRST, add_months(month_start(min(s.start for s in client.segments)), 3))
            options = months_between(earliest, data.HISTORY_LAST) if earliest <= data.HISTORY_LAST else []
            if not options:
                continue
            day = self.rng.choice(options)
            if not all(s.start >= day or s.start + dt.timedelta(days=62) <= day for s in client.segments):
                continue
            here = client.municipality_on(day - dt.timedelta(days=1))
            targets = [(code, population) for code, population in current if code != here]
            to = self.rng.choices([c for c, _ in targets], weights=[p for _, p in targets])[0]
            client.moves.append((day, to))

    def _split_segments(self) -> None:
        """A move ends the allocation (reason 31) and the new municipality allocates again; a
        provider whose contract ends hands its clients over to another provider (reason 38)."""
        for client in self.clients:
            result = []
            for segment in client.segments:
                points = [(day, "31") for day, _ in client.moves]
                points += [(day, "38") for day in set(self.exits.values())]
                current = segment
                for day, reason in sorted(points):
                    active = current.start < day and (current.stop is None or current.stop >= day)
                    if not active or (reason == "38" and self.exits.get(current.provider.pk) != day):
                        continue
                    provider = current.provider
                    if reason == "38" or not self._is_eligible(provider, current.product, day):
                        provider = self._choose_provider(current.product, day, exclude=current.provider.pk)
                    following = Segment(client=client, product=current.product, category=current.category,
                                        provider=provider, start=day, started_on=day, stop=current.stop,
                                        stop_reason=current.stop_reason)
                    current.stop, current.stop_reason = day - dt.timedelta(days=1), reason
                    current.ended_by_municipality = True
                    result.append(current)
                    current = following
                result.append(current)
            client.segments = result

    # -- storing: clients, plans, allocations ---------------------------------------------------

    def _store_clients(self) -> None:
        self.clients.sort(key=lambda c: c.bsn)
        # Gender and address are drawn from their own generator, so the rest of the region stays as it was.
        contact_rng = random.Random(f"{self.seed}:contact")
        rows = [Client(region=self.region, bsn=c.bsn, family_name=c.family_name, initials=c.initials,
                       birth_date=c.birth_date, pseudonym=f"{self.rng.getrandbits(64):016x}",
                       **_contact(contact_rng, c.residences()[-1][0]))
                for c in self.clients]
        Client.objects.bulk_create(rows, batch_size=500)
        pks = dict(Client.objects.filter(region=self.region).values_list("bsn", "pk"))
        for client in self.clients:
            client.pk = pks[client.bsn]
        Residence.objects.bulk_create(
            (Residence(client_id=c.pk, municipality=self.municipalities[code], valid_from=since, valid_to=until)
             for c in self.clients for code, since, until in c.residences()), batch_size=500)
        AuditRecord.objects.bulk_create(
            (AuditRecord(username="system", organisation_name="", roles="", client_id=c.pk, action=Action.CREATE,
                         subject="client", object_id=str(c.pk)) for c in self.clients), batch_size=500)
        self._store_plans()

    def _store_plans(self) -> None:
        plans, goal_sets = [], []
        domains = list(data.GOALS)
        for client in self.clients:
            first = min(s.start for s in client.segments)
            drawn_up_on = first - dt.timedelta(days=self.rng.randint(5, 30))
            code = client.municipality_on(first)
            plans.append(SupportPlan(client_id=client.pk, municipality=self.municipalities[code],
                                     drawn_up_on=drawn_up_on))
            stops = [s.stop for s in client.segments]
            closed_on = None if None in stops else max(stops)
            goals = []
            for domain in self.rng.sample(domains, self.rng.choice((1, 2, 2, 3))):
                baseline = self.rng.choice((1, 2, 2, 3, 3))
                goal = Goal(life_domain=domain, description=data.GOALS[domain], baseline_score=baseline)
                if closed_on is not None:
                    goal.followup_score = max(1, min(5, baseline + self.rng.choice((-1, 0, 1, 1, 2, 2))))
                    gain = goal.followup_score - baseline
                    goal.result = (GoalResult.ACHIEVED if gain >= 2 else GoalResult.PARTLY if gain == 1
                                   else GoalResult.NOT_ACHIEVED)
                    goal.closed_on = closed_on
                goals.append(goal)
            goal_sets.append(goals)
        SupportPlan.objects.bulk_create(plans, batch_size=500)
        if plans and plans[0].pk is None:  # a backend that does not return keys from a bulk insert
            by_client = dict(SupportPlan.objects.filter(client__region=self.region).values_list("client_id", "pk"))
            for plan in plans:
                plan.pk = by_client[plan.client_id]
        for plan, goals in zip(plans, goal_sets):
            for goal in goals:
                goal.plan_id = plan.pk
        Goal.objects.bulk_create((g for goals in goal_sets for g in goals), batch_size=500)
        AuditRecord.objects.bulk_create(
            (AuditRecord(username="system", organisation_name="", roles="", client_id=p.client_id,
                         action=Action.CREATE, subject="plan", object_id=str(p.pk)) for p in plans), batch_size=500)

    def _allocations(self, segments: list[Segment]) -> None:
        clients = {c.pk: c for c in Client.objects.filter(region=self.region).select_related("region")}
        for number, segment in enumerate(segments, start=1):
            segment.reference = f"{number:08d}"
            term = data.DECISION_MONTHS[segment.product]
            term_end = add_months(segment.start, term) - dt.timedelta(days=1)
            allocation = allocation_create(
                actor=None, client=clients[segment.client.pk], product=self.products[segment.product],
                category=self.categories[(segment.product, segment.category)], provider=segment.provider,
                start=segment.start, end=term_end, reference=segment.reference)
            if segment.started_on is not None:
                allocation = allocation_start(actor=None, allocation=allocation, started_on=segment.started_on)
            needed = min(segment.stop or HISTORY_END, HISTORY_END)
            while term_end < needed:  # the access team extends the decision by another term
                term_end = add_months(term_end + dt.timedelta(days=1), term) - dt.timedelta(days=1)
                allocation = allocation_change(actor=None, allocation=allocation, end=term_end)
            if segment.stop is not None:
                if segment.ended_by_municipality:
                    allocation = allocation_end(actor=None, allocation=allocation, end=segment.stop,
                                                reason=segment.stop_reason)
                allocation_stop(actor=None, allocation=allocation, stopped_on=segment.stop,
                                reason=segment.stop_reason)

    # -- declarations and settlement --------------------------------------------------------------

    def _declare_and_settle(self, segments: list[Segment]) -> int:
        months = months_between(data.HISTORY_FIRST, data.HISTORY_LAST)
        batches: dict[dt.date, dict[int, list[LineInput]]] = {m: defaultdict(list) for m in months}
        declarers = {}
        rng = self.rng
        old_tariffs = self._previous_year_tariffs()

        def put(batch_month, segment, line):
            declarer = segment.provider.cooperative or segment.provider
            declarers[declarer.pk] = declarer
            batches[batch_month][declarer.pk].append(line)

        for segment in segments:
            if segment.started_on is None:
                if rng.random() < 0.3:  # declared before the start was reported
                    put(data.HISTORY_LAST, segment, LineInput(reference=segment.reference, month=data.HISTORY_LAST))
                continue
            last = month_start(min(segment.stop or HISTORY_END, HISTORY_END))
            for month in months_between(max(month_start(segment.started_on), data.HISTORY_FIRST), last):
                line = LineInput(reference=segment.reference, month=month)
                later = add_months(month, 1)
                draw = rng.random()
                if month.month == 1 and segment.product != "04A01" and draw < 0.05 and month < data.HISTORY_LAST:
                    # last year's tariff in January: rejected, declared again a month later
                    wrong = old_tariffs[(segment.product, segment.category, month.year)]
                    put(month, segment, LineInput(reference=segment.reference, month=month, unit_price=wrong))
                    put(later, segment, line)
                elif draw < 0.02 and month < data.HISTORY_LAST:
                    put(later, segment, line)  # declared late
                else:
                    put(month, segment, line)
                    if draw > 0.995:
                        put(month, segment, line)  # the same line twice: a duplicate
                    elif draw > 0.992 and month < data.HISTORY_LAST:
                        # reversed a month later (the client was not there after all)
                        put(later, segment, LineInput(reference=segment.reference, month=month, debit_credit="C"))
            if segment.stop is not None and last < data.HISTORY_LAST and rng.random() < 0.02:
                after = add_months(last, 1)
                put(after, segment, LineInput(reference=segment.reference, month=after))  # after the stop
        for month in months:
            if declarers and rng.random() < 0.3:  # a mistyped allocation number
                pk = rng.choice(sorted(declarers))
                batches[month][pk].append(LineInput(reference=f"9{rng.randint(0, 9999999):07d}", month=month))
        for month in months:
            for pk in sorted(batches[month]):
                lines = sorted(batches[month][pk], key=lambda l: (l.debit_credit == "C", l.reference, l.month))
                provider = declarers[pk]
                source = Source.PORTAL if pk % 3 == 0 else Source.CSV
                filename = f"declaratie-{provider.agb_code}-{month:%Y-%m}.csv" if source == Source.CSV else ""
                declaration_submit(actor=None, provider=provider, lines=lines, source=source, filename=filename)
            settlement_run(actor=None, region=self.region, month=month)
        return len(months)

    def _previous_year_tariffs(self) -> dict:
        result = {}
        for (product, number), category in self.categories.items():
            for year in range(data.HISTORY_FIRST.year, data.HISTORY_LAST.year + 1):
                tariff = tariff_on(category=category, day=dt.date(year - 1, 12, 31))
                result[(product, number, year)] = tariff.amount
        return result


def demo_statements(*, region: Region) -> list[dict]:
    """Every settled month's statement, for checks and tests."""
    from regie.billing.services import settlement_statement

    return [settlement_statement(run) for run in SettlementRun.objects.filter(region=region).order_by("month")]
