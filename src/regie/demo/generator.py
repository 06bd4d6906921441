"""Generate the demo region: regio Meierij with three years of care, declarations and settlements.

Deterministic by seed: the same seed and scale give the same region, to the cent. The plan
(who gets what, from whom, when, who moves) is drawn first with one `random.Random(seed)`;
then everything with rules goes through the services — contracts, tariffs and their yearly
indexation, allocations (create, extend, end, start, stop), declarations and the monthly
settlement runs. The providers' side of the last months — starts, stops, declarations, requests
and retours — goes through the region's inbox as iWmo messages (`traffic.py`). Plain rows without
rules (the region, organisations, clients, residence periods, support plans) are bulk-created
exactly as the services would store them.
"""

from __future__ import annotations

import datetime as dt
import random
import time
from collections import defaultdict
from dataclasses import dataclass, field, replace
from decimal import Decimal

import iwmo
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from regie.audit.models import Action, AuditRecord
from regie.billing.checks import LineInput
from regie.billing.models import DeclarationLine, LineStatus, SettlementRun, Source
from regie.billing.services import declaration_submit, settlement_run
from regie.care.models import Allocation, AllocationVersion, Client, Goal, GoalResult, Residence, SupportPlan
from regie.care.services import allocation_start, allocation_stop
from regie.catalogue.selectors import tariff_on
from regie.catalogue.services import category_ensure, product_ensure, support_form_get, tariff_add, tariffs_index
from regie.catalogue.models import Tariff, Variant
from regie.contracting.services import contract_create, contract_terminate
from regie.core.authorship import acting_as
from regie.core.money import cents
from regie.facts.services import facts_rebuild
from regie.monitoring.models import SurveyQuestion
from regie.monitoring.services import general_provision_set, survey_result_set
from regie.exchange.decisions import allocation_change, allocation_create, allocation_end
from regie.exchange.models import Direction, Message, MessageStatus
from regie.exchange.outbox import build_301
from regie.core.months import add_months, month_end, month_start, months_between
from regie.core.periods import overlapping_q, valid_on
from regie.core.workdays import add_workdays
from regie.regions.models import Municipality, Organisation, OrganisationKind, Region, RegionalCost

from . import data
from .accounts import demo_accounts_create
from .traffic import Line, Traffic

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
            if valid_on(since, until, day):
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
    messages: dict = field(default_factory=dict)  # received iWmo messages: {(code, status): count}


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
        self.say(_("Region, municipalities and organisations …"))
        self._region()
        self.traffic = Traffic(region=self.region, seed=self.seed)
        self.say(_("Catalogue, tariffs and indexations …"))
        self._catalogue()
        self.say(_("Providers and contracts …"))
        self._providers()
        self.say(_("Planning clients and episodes of care …"))
        self._plan()
        self.say(_("%(count)s clients, residence periods and support plans …") % {"count": len(self.clients)})
        self._store_clients()
        segments = sorted((s for c in self.clients for s in c.segments),
                          key=lambda s: (s.start, s.client.bsn, s.product))
        self.say(_("%(count)s allocations with their history …") % {"count": len(segments)})
        self._allocations(segments)
        self._retours_302()
        self.say(_("Declarations and the settlement per month …"))
        months = self._declare_and_settle(segments)
        demo_accounts_create(region=self.region)
        self.say(_("Providers' requests and their answers …"))
        self._requests()
        self.say(_("Client experience survey and general provisions …"))
        self._monitoring_figures()
        self.say(_("Facts for monitoring …"))
        facts_rebuild(region=self.region)
        lines = DeclarationLine.objects.filter(region=self.region)
        allocations = Allocation.objects.filter(region=self.region).count()  # the plan's, and granted requests'
        return Summary(clients=len(self.clients), allocations=allocations, lines=lines.count(),
                       rejected=lines.filter(status=LineStatus.REJECTED).count(), months=months,
                       messages=dict(sorted(self.traffic.received.items())))

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
                tariff_add(actor=None, category=category, amount=amount, valid_from=data.CONTRACTS_START, valid_to=None)
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
        self.members = {cooperative.pk: []}
        contract_create(region=self.region, provider=cooperative, products=[self.products[c] for c in codes],
                        start=start)
        for number, (member_name, weight) in enumerate(data.COOPERATIVE_MEMBERS, start=51):
            member = self._provider(member_name, number, cooperative=cooperative)
            self.members[cooperative.pk].append(member)
            for code in codes:
                self.eligible[code].append((member, weight, start, None))

    @staticmethod
    def _sends_messages(provider: Organisation, day: dt.date) -> bool:
        """Does this provider report `day`'s start, stop or declaration as an iWmo message (else in the portal)?"""
        return day >= data.INBOX_FROM and provider.name not in data.PORTAL_PROVIDERS

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
                for _client in range(self._count(stock)):
                    age = min(self.rng.expovariate(1 / mean) * DAYS_PER_MONTH, (first - data.CONTRACTS_START).days)
                    start = first - dt.timedelta(days=max(1, int(age)))
                    remaining = int(self.rng.expovariate(1 / mean) * DAYS_PER_MONTH)
                    self._episode(code, product, start, first + dt.timedelta(days=remaining))
                # … and those who come in each month.
                for month in months_between(first, last):
                    for _client in range(self._count(stock / mean)):
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
            digits = [9, 9, 9] + [self.rng.randint(0, 9) for _digit in range(5)]
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

    def _monitoring_figures(self) -> None:
        """What municipalities enter for monitoring: a survey result per statement each year, around three
        quarters agreeing, from about 3 respondents per 1,000 inhabitants; users of general provisions each
        quarter, about 2 % of the inhabitants and slowly rising (the shift to basic support)."""
        first, last = data.HISTORY_FIRST, data.HISTORY_LAST
        for municipality in self.municipalities.values():
            for year in range(first.year, last.year + 1):
                if not municipality.exists_on(dt.date(year, 12, 31)) or year == last.year:
                    continue  # a survey reports on a whole year; the last one has not ended
                respondents = max(5, round(municipality.population * 3 / 1000 * float(self.scale)))
                for question in SurveyQuestion:
                    percent = Decimal(self.rng.randint(620, 880)) / 10
                    survey_result_set(municipality=municipality, year=year, question=question,
                                      agree_percent=percent, respondents=respondents)
            quarters = months_between(dt.date(first.year, (first.month - 1) // 3 * 3 + 1, 1), last)[::3]
            for step, quarter in enumerate(quarters):
                if municipality.exists_on(quarter):
                    rate = 0.02 * (1 + 0.01 * step) * self.rng.uniform(0.95, 1.05)
                    general_provision_set(municipality=municipality, quarter=quarter,
                                          users=round(municipality.population * rate * float(self.scale)))

    def _allocations(self, segments: list[Segment]) -> None:
        clients = {c.pk: c for c in Client.objects.filter(region=self.region).select_related("region")}
        self.municipality_codes = {m.pk: m.code for m in self.municipalities.values()}
        forms = {code: form for code, form, *_ in data.PRODUCTS}
        traffic = self.traffic
        self._marks = (self._last_pk(AllocationVersion), self._last_pk(Message))
        for number, segment in enumerate(segments, start=1):
            segment.reference = f"{number:08d}"
            term = data.DECISION_MONTHS[segment.product]
            term_end = add_months(month_start(segment.start), term) - dt.timedelta(days=1)
            allocation = allocation_create(
                actor=None, client=clients[segment.client.pk], product=self.products[segment.product],
                category=self.categories[(segment.product, segment.category)], provider=segment.provider,
                start=segment.start, end=term_end, reference=segment.reference)
            self._stamp(segment.start - dt.timedelta(days=7), allocation)  # decided a week before the care starts
            client = clients[segment.client.pk]
            message = {"client": client, "support_form": forms[segment.product], "sender": segment.provider.agb_code,
                       "receiver": self.municipality_codes[allocation.municipality_id]}
            if segment.started_on is not None and self._sends_messages(segment.provider, segment.started_on):
                day = traffic.report_day(segment.started_on)
                traffic.start(allocation=allocation, day=day, started_on=segment.started_on, **message)
                if traffic.rng.random() < 0.02:  # the provider's system sends the start again (TR074)
                    traffic.start(allocation=allocation, day=add_workdays(day, traffic.rng.randint(1, 5)),
                                  started_on=segment.started_on, again=True, **message)
                self._stamp(day, allocation)
            elif segment.started_on is not None:
                allocation = allocation_start(actor=None, allocation=allocation, started_on=segment.started_on)
                self._stamp(segment.started_on, allocation)
            needed = min(segment.stop or HISTORY_END, HISTORY_END)
            while term_end < needed:  # the access team extends the decision by another term
                term_end = add_months(term_end + dt.timedelta(days=1), term) - dt.timedelta(days=1)
                allocation = allocation_change(actor=None, allocation=allocation, end=term_end)
                # decided a month before the old term ends
                self._stamp(add_months(month_start(term_end), -term) - dt.timedelta(days=30), allocation)
            if segment.stop is not None:
                if segment.ended_by_municipality:
                    allocation = allocation_end(actor=None, allocation=allocation, end=segment.stop,
                                                reason=segment.stop_reason)
                    self._stamp(segment.stop, allocation)
                if self._sends_messages(segment.provider, segment.stop):
                    day = traffic.report_day(segment.stop)
                    traffic.stop(allocation=allocation, day=day, started_on=segment.started_on,
                                 stopped_on=segment.stop, reason=segment.stop_reason, **message)
                    self._stamp(day, allocation)
                else:
                    allocation_stop(actor=None, allocation=allocation, stopped_on=segment.stop,
                                    reason=segment.stop_reason)
                    self._stamp(segment.stop, allocation)
        # The providers have long fetched the 301s of the past; those of the last two weeks wait for them.
        fetched_before = timezone.make_aware(dt.datetime.combine(data.REFERENCE_DAY - dt.timedelta(days=14), dt.time()))
        Message.objects.filter(region=self.region, direction=Direction.OUT, status=MessageStatus.QUEUED,
                               created_at__lt=fetched_before).update(
            status=MessageStatus.SENT, sent_at=F("created_at") + dt.timedelta(days=1))

    def _retours_302(self) -> None:
        """The providers' systems answer each 301 they fetched in the inbox months with a 302, mostly within
        the 3 working days; every fifteenth late, so that the timeliness screen has some."""
        traffic = self.traffic
        fetched = (Message.objects.filter(region=self.region, direction=Direction.OUT, code="301",
                                          status=MessageStatus.SENT, dated__gte=data.INBOX_FROM)
                   .exclude(provider__name__in=data.PORTAL_PROVIDERS).order_by("created_at", "pk"))
        for index, heen in enumerate(fetched):
            lag = traffic.rng.randint(4, 9) if index % 15 == 7 else traffic.rng.choice((0, 1, 1, 2))
            traffic.retour_302(heen=heen, day=min(add_workdays(timezone.localdate(heen.sent_at), lag),
                                                  data.REFERENCE_DAY))

    @staticmethod
    def _last_pk(model) -> int:
        return model.objects.order_by("-pk").values_list("pk", flat=True).first() or 0

    def _stamp(self, day: dt.date, allocation: Allocation) -> None:
        """The demo makes three years of history today: the versions and outgoing messages the services just
        made get the moment they would have had on `day` (never after the reference day), as if made then."""
        day = min(day, data.REFERENCE_DAY)
        moment = timezone.make_aware(dt.datetime.combine(day, dt.time(10, 0)))
        versions, messages = self._marks
        AllocationVersion.objects.filter(pk__gt=versions).update(changed_at=moment)
        # The 301 is written again from the same allocations, so that its dates (Dagtekening, Toewijzingsdatum)
        # tell the same moment.
        for message in Message.objects.filter(pk__gt=messages, direction=Direction.OUT, code="301",
                                              status=MessageStatus.QUEUED):
            bericht, _allocations = build_301(allocation=allocation, identification=message.identification, dated=day)
            message.xml, message.dated, message.created_at = iwmo.write(bericht), day, moment
            message.save(update_fields=["xml", "dated", "created_at"])
        Message.objects.filter(pk__gt=messages, direction=Direction.OUT, code="301").update(created_at=moment, dated=day)
        self._marks = (self._last_pk(AllocationVersion), self._last_pk(Message))

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
        self._load_register()
        for index, month in enumerate(months):
            for pk in sorted(batches[month]):
                lines = sorted(batches[month][pk], key=lambda l: (l.debit_credit == "C", l.reference, l.month))
                provider = declarers[pk]
                if self._sends_messages(provider, month):
                    following = batches[months[index + 1]][pk] if index + 1 < len(months) else None
                    self._declare_323(provider, month, lines, following)
                    continue
                source = Source.PORTAL if pk % 3 == 0 and month < data.INBOX_FROM else Source.CSV
                filename = f"declaratie-{provider.agb_code}-{month:%Y-%m}.csv" if source == Source.CSV else ""
                declaration_submit(actor=None, provider=provider, lines=lines, source=source, filename=filename)
            settlement_run(actor=None, region=self.region, month=month)
        return len(months)

    def _load_register(self) -> None:
        """What a provider's own system knows of its allocations, as they stand after the history."""
        self.register = {
            row[0]: row for row in Allocation.objects.filter(region=self.region).values_list(
                "reference", "client__bsn", "municipality__code", "product__code", "product__support_form__code",
                "product__variant", "category_id", "start", "end", "started_on", "stopped_on", "provider_id")
            .order_by("reference")}
        self.stopped = defaultdict(list)  # (municipality code, provider pk) → stopped allocations, for a fault
        for row in self.register.values():
            if row[10] is not None:
                self.stopped[(row[2], row[11])].append(row)
        self.declarations_sent, self.faults, self.faults_made = 0, [], []
        self.tariffs = defaultdict(list)
        for tariff in Tariff.objects.filter(category__product__region=self.region).order_by("valid_from"):
            self.tariffs[tariff.category_id].append(tariff)
        self.used_references: set[str] = set()

    def _tariff_cents(self, category_id: int, day: dt.date) -> int:
        return next(cents(t.amount) for t in self.tariffs[category_id]
                    if valid_on(t.valid_from, t.valid_to, day))

    def _declare_323(self, provider: Organisation, month: dt.date, lines: list[LineInput], following) -> None:
        """The month's declaration as one 323 per municipality, as the provider's system writes it.

        A line twice in one month would make the whole message invalid (TR416); the provider sends it
        again with the next month's declaration instead, where the region finds it paid (a duplicate).
        A mistyped allocation number is typed on the line of one of the provider's real clients.
        """
        last = month_end(month)
        groups: dict[str, list[Line]] = defaultdict(list)
        seen, mistyped, example = set(), [], None
        for line in lines:
            row = self.register.get(line.reference)
            if row is None:
                mistyped.append(line)
                continue
            key = (line.reference, line.month, line.debit_credit)
            if key in seen:
                if following is not None:
                    following.append(line)
                continue
            seen.add(key)
            _ref, bsn, code, product, form, variant, category_id, start, end, started_on, stopped_on, _p = row
            begin = max(line.month, start, started_on or line.month)
            begin = begin if begin <= month_end(line.month) else line.month
            until = min([month_end(line.month)] + [d for d in (end, stopped_on) if d is not None])
            until = until if until >= begin else month_end(line.month)
            tariff = (cents(line.unit_price) if line.unit_price is not None
                      else self._tariff_cents(category_id, max(line.month, start)))
            reference = f"{line.reference}-{line.month:%y%m}"
            if line.debit_credit == "C":
                item = Line(number=int(line.reference), bsn=bsn, support_form=form, product_code=product,
                            output=variant == Variant.OUTPUT, begin=begin, end=until, amount=tariff, tariff=tariff,
                            reference=f"{reference}-C", previous=reference, credit=True)
            else:
                while reference in self.used_references:
                    reference += "-2"
                self.used_references.add(reference)
                item = Line(number=int(line.reference), bsn=bsn, support_form=form, product_code=product,
                            output=variant == Variant.OUTPUT, begin=begin, end=until, amount=tariff, tariff=tariff,
                            reference=reference)
            groups[code].append(item)
            example = example or (code, item)
        for line in mistyped:
            if example is None:
                continue
            code, item = example
            groups[code].append(Line(number=int(line.reference), bsn=item.bsn, support_form=item.support_form,
                                     product_code=item.product_code, output=item.output, begin=item.begin,
                                     end=item.end, amount=item.amount, tariff=item.tariff,
                                     reference=f"{line.reference}-{line.month:%y%m}"))
        ids = {provider.pk, *(m.pk for m in self.members.get(provider.pk, ()))}
        for code in sorted(groups):
            day = add_workdays(last, self.traffic.rng.randint(1, 6))
            self.declarations_sent += 1
            items = self._with_fault(groups[code], month, code, ids)
            self.traffic.declaration(sender=provider.agb_code, receiver=code, month=month, lines=items, day=day)

    def _with_fault(self, items: list[Line], month: dt.date, code: str, provider_ids: set[int]) -> list[Line]:
        """About one declaration in seven carries one of three mistakes on top of the plan's, in turn, so that
        even a small demo shows them: a line for last month again (paid before: 9389), an amount that is not
        volume × tariff (TR346: 9346), or a month after care stopped (9308). A mistake that does not fit this
        declaration waits for the next one."""
        if self.declarations_sent % 7 == 1:
            self.faults.append(("duplicate", "amount", "after-stop")[len(self.faults_made) % 3])
            self.faults_made.append(self.faults[-1])
        for fault in list(self.faults):
            result = self._fault(fault, items, month, code, provider_ids)
            if result is not None:
                self.faults.remove(fault)
                return result
        return items

    def _fault(self, fault: str, items: list[Line], month: dt.date, code: str, provider_ids: set[int]):
        debits = [i for i in items if not i.credit and i.number < 90_000_000]
        taken = {(i.number, month_start(i.begin)) for i in items if not i.credit}  # TR416: one debit a month
        if fault == "duplicate":
            previous = add_months(month, -1)
            for item in debits:
                row = self.register[f"{item.number:08d}"]
                if (row[9] is not None and row[9] < previous and (row[10] is None or row[10] >= month)
                        and (item.number, previous) not in taken):
                    tariff = self._tariff_cents(row[6], max(previous, row[7]))
                    return [*items, replace(item, begin=previous, end=month_end(previous), amount=tariff, tariff=tariff,
                                            reference=f"{item.reference[:8]}-{previous:%y%m}-2")]
        elif fault == "amount" and len(items) > 1:  # not the only line: the rest of the declaration is paid
            for index, item in enumerate(items):
                if item in debits and not item.output:
                    return [*items[:index], replace(item, amount=item.amount + 100 * self.traffic.rng.randint(1, 9)),
                            *items[index + 1:]]
        elif fault == "after-stop":
            stopped = [r for pk in sorted(provider_ids) for r in self.stopped[(code, pk)]
                       if add_months(month, -4) <= r[10] < month and (int(r[0]), month) not in taken]
            if stopped:
                row = stopped[0]
                tariff = self._tariff_cents(row[6], month)
                return [*items, Line(number=int(row[0]), bsn=row[1], support_form=row[4], product_code=row[3],
                                     output=row[5] == Variant.OUTPUT, begin=month, end=month_end(month),
                                     amount=tariff, tariff=tariff, reference=f"{row[0]}-{month:%y%m}")]
        return None

    def _requests(self) -> None:
        """Requests in November 2026, for clients of 's-Hertogenbosch and Boxtel (the demo's access officers):
        315s for dagbesteding next to begeleiding and 317s to extend a begeleiding. Some wait for the access
        team; the others were granted (a 301) or refused (a 319) by the officer, through the services of the
        request screens. The provider fetched two of the granted answers and sent its 302 on them."""
        from django.contrib.auth import get_user_model

        from regie.exchange.models import AllocationRequest, ChangeRequest
        from regie.exchange.outbox import message_sent
        from regie.exchange.requests import (
            allocation_request_grant, allocation_request_refuse, change_request_grant, change_request_refuse,
            current_for,
        )
        from regie.regions.actors import actor_for

        traffic, day0 = self.traffic, data.REFERENCE_DAY
        officers = {code: actor_for(get_user_model().objects.get(username=name))
                    for code, name in (("0796", "toegang-denbosch"), ("0757", "toegang-boxtel"))}
        start = dt.date(2026, 12, 1)
        day_care = {p.pk for p, _w, since, notice in self.eligible["07A01"] if since <= start and notice is None}
        with_day_care = set(Allocation.objects.filter(region=self.region, product__code="07A01")
                            .values_list("client_id", flat=True))
        running = list(Allocation.objects.filter(
            region=self.region, municipality__code__in=officers, product__code="02A01", status="started")
            .filter(overlapping_q(day0, None))
            .exclude(provider__name__in=data.PORTAL_PROVIDERS).exclude(client_id__in=with_day_care)
            .select_related("client", "provider", "municipality", "product", "category").order_by("reference"))
        chosen = traffic.rng.sample(running, len(running))
        plans_315 = ["grant", "grant", "refuse", "refuse-late", "wait", "wait"]
        for_315 = [a for a in chosen if a.provider_id in day_care][:len(plans_315)]
        for_317 = [a for a in chosen if a not in for_315][:3]
        forms = {code: form for code, form, *_ in data.PRODUCTS}
        category = self.categories[("07A01", 1)]
        granted = []
        # 315: granted, granted, refused, refused late, then waiting
        for number, (plan, allocation) in enumerate(zip(plans_315, for_315), start=1):
            code, officer = allocation.municipality.code, officers[allocation.municipality.code]
            received = dt.date(2026, 11, 2) + dt.timedelta(days=traffic.rng.randint(0, 8)) if plan != "wait" \
                else dt.date(2026, 11, 16) + dt.timedelta(days=traffic.rng.randint(0, 4))
            received = received if received.weekday() < 5 else add_workdays(received, 1)
            traffic.allocation_request(
                client=allocation.client, sender=allocation.provider.agb_code, receiver=code, day=received,
                reference=f"VOT{number:04d}", support_form=forms["07A01"], product_code="07A01", start=start,
                end=add_months(start, 24) - dt.timedelta(days=1),
                comment="Naast de begeleiding drie dagdelen dagbesteding per week.")
            request = AllocationRequest.objects.get(region=self.region, reference=f"VOT{number:04d}",
                                                    provider=allocation.provider)
            answered = traffic.moment(add_workdays(received, 7 if plan == "refuse-late" else traffic.rng.randint(1, 4)))
            if plan == "grant":
                allocation_request_grant(actor=officer, request=request, category=category, start=start,
                                         end=request.end, at=answered)
                request.refresh_from_db()
                granted.append((request.answer, answered))
            elif plan != "wait":
                allocation_request_refuse(actor=officer, request=request, reason="6" if plan == "refuse" else "4",
                                          at=answered)
        # 317: granted, refused, waiting
        for number, (plan, allocation) in enumerate(zip(["grant", "refuse", "wait"], for_317), start=1):
            code, officer = allocation.municipality.code, officers[allocation.municipality.code]
            received = dt.date(2026, 11, 9) + dt.timedelta(days=traffic.rng.randint(0, 9))
            received = received if received.weekday() < 5 else add_workdays(received, 1)
            current = list(current_for(client=allocation.client, provider_ids={allocation.provider_id},
                                       municipality_code=code, today=received))
            end = add_months(month_start(allocation.end or start), 6)
            traffic.change_request(
                bsn=allocation.client.bsn, sender=allocation.provider.agb_code, receiver=code, day=received,
                reference=f"VOW{number:04d}", unchanged=[int(a.reference) for a in current if a.pk != allocation.pk],
                change=[(int(allocation.reference), allocation.start, end)])
            request = ChangeRequest.objects.get(region=self.region, reference=f"VOW{number:04d}",
                                                provider=allocation.provider)
            answered = traffic.moment(add_workdays(received, traffic.rng.randint(1, 5)))
            if plan == "grant":
                change_request_grant(actor=officer, request=request, at=answered)
                request.refresh_from_db()
                granted.append((request.answer, answered))
            elif plan == "refuse":
                change_request_refuse(actor=officer, request=request, reason="2", at=answered)
        # The provider fetches the granted answers the next working day and sends its retour on all but the last.
        for index, (heen, answered) in enumerate(granted):
            fetched = min(add_workdays(timezone.localdate(answered), 1), data.REFERENCE_DAY)
            message_sent(message=heen, at=traffic.moment(fetched))
            if index < len(granted) - 1:
                codes = {0: "9332"} if index == 1 else None  # one product refused by the provider's system
                retour = min(add_workdays(fetched, traffic.rng.randint(1, 2)), data.REFERENCE_DAY)
                traffic.retour_302(heen=heen, day=retour, codes=codes)

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
