"""The cross-message rules (controleniveau 3) the region enforces on what providers send.

The iwmo library checks each message on its own; what needs earlier messages or the
register lives here, written with `iwmo.regels.maak_regel` so every finding carries the
standard's retourcode and element path. The rules read a `Register`: the allocations the
message names, fetched in one query before the rules run.

The billing checks (`regie.billing.checks`) stay where they are; `RETOURCODE_FOR_REASON`
maps their reason codes to the nearest retourcode of codelist WJ001 (docs/exchange.md).

`RegionSources` is the region's own data as the library's sources (`iwmo.regels.ExterneBronnen`):
the inbox always passes it, so TR378, TR381 and TR418 are always checked in the region.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from iwmo.codelists import StatusAanlevering
from iwmo.modellen import Bericht, Wmo323
from iwmo.modellen.declaratie import Declaratie, Prestatie
from iwmo.modellen.regie import StartProduct, StopProduct
from iwmo.regels import Afwijking, Regel, maak_regel
from regie.billing.checks import delivered_days, expected_line
from regie.care.models import Allocation, AllocationStatus
from regie.catalogue.models import Product, Tariff
from regie.core.money import cents
from regie.core.months import month_start
from regie.core.periods import valid_on
from regie.regions.models import Municipality, Organisation, OrganisationKind, Region

from .models import Direction, Message, MessageStatus
from .outbox import allocation_number, references_for

# Billing reason code (regie.billing.checks.REASONS) -> retourcode (WJ001).
RETOURCODE_FOR_REASON = {
    "allocation-unknown": "9338",
    "allocation-other-provider": "9338",
    "month-outside-allocation": "9307",  # or 9308 when the month lies after the end: see retourcode_for_line
    "allocation-not-started": "9307",
    "month-after-stop": "9308",
    "product-mismatch": "9340",
    "category-mismatch": "9339",
    "tariff-missing": "0611",
    "tariff-mismatch": "0611",
    "volume-mismatch": "9321",
    "amount-mismatch": "9346",
    "no-residence": "8187",
    "duplicate": "9389",
    "credit-without-debit": "8017",
    "month-out-of-window": "9307",  # a month the region does not accept lies outside every allocation
    "value-out-of-range": "9346",
}

# DomainError codes of care.services (allocation_start / allocation_stop) -> retourcode (WJ001).
RETOURCODE_FOR_CARE_ERROR = {
    "allocation-not-allocated": "9326",
    "allocation-not-started": "9069",
    "start-outside-allocation": "9019",
    "stop-outside-allocation": "9019",
    "end-reason-unknown": "9019",
    "date-out-of-window": "9019",
}


def retourcode_for_line(*, reason: str, debit_credit: str, month: dt.date, allocation) -> str:
    if reason == "amount-mismatch" and debit_credit == "C":
        return "8017"  # a credit that does not match the approved debit
    if reason == "month-outside-allocation" and allocation is not None and allocation.start <= month:
        return "9308"  # the month lies after the allocation's end
    return RETOURCODE_FOR_REASON.get(reason, "9338")


@dataclass
class Register:
    """What the rules may know about the region: the allocations the message names, and who sent it."""

    region_id: int
    municipality_code: str
    provider_ids: set[int]
    message_id: int | None = None  # the message being checked, which is stored already
    allocations: dict[int, Allocation] = field(default_factory=dict)

    @classmethod
    def load(cls, *, region_id: int, municipality_code: str, provider_ids: set[int], numbers: set[int],
             message_id: int | None = None) -> Register:
        return cls(region_id=region_id, municipality_code=municipality_code, provider_ids=provider_ids,
                   message_id=message_id, allocations=_load_allocations(region_id=region_id, numbers=numbers))

    def allocation(self, number: int | None, bsn: str) -> Allocation | None:
        """The allocation with this ToewijzingNummer that this municipality gave this provider for this client."""
        allocation = self.allocations.get(number) if number is not None else None
        if (allocation is None or allocation.municipality.code != self.municipality_code
                or allocation.provider_id not in self.provider_ids or allocation.client.bsn != bsn):
            return None
        return allocation


def _bsn(obj, ctx) -> str:
    return ctx.ouder(obj).bsn


def _tr019(product, ctx):
    if ctx.historie.allocation(product.toewijzingnummer, _bsn(product, ctx)) is None:
        yield Afwijking("ToewijzingNummer", "Er is geen toewijzing met dit nummer van deze gemeente aan deze "
                        "aanbieder voor deze cliënt.")


@dataclass(frozen=True)
class Problem:
    """A finding about the state of an allocation, found while applying a start or stop."""

    rule: str
    retourcode: str
    element: str
    message: str


def start_problem(product: StartProduct, allocation: Allocation) -> Problem | None:
    """TR074, TR326, TR063 and TR071 for one StartProduct against its allocation."""
    if product.status_aanlevering == StatusAanlevering.EERSTE_AANLEVERING:
        if allocation.status == AllocationStatus.STARTED and allocation.started_on == product.begindatum:
            return Problem("TR074", "9074", "", "Deze start is al eerder ontvangen.")
        if allocation.status != AllocationStatus.ALLOCATED:
            return Problem("TR326", "9326", "", "Er is al een actuele start, of de zorg is al beëindigd.")
        return None
    if allocation.started_on is None:
        return Problem("TR063", "9063", "StatusAanlevering", "Er is geen eerdere start om te verwijderen.")
    if allocation.status == AllocationStatus.STOPPED:
        return Problem("TR071", "9071", "StatusAanlevering", "De start kan niet worden verwijderd: de zorg is al "
                       "gestopt.")
    return Problem("IV008", "0233", "StatusAanlevering", "Een start verwijderen wordt (nog) niet verwerkt; neem "
                   "contact op met de gemeente.")


def stop_problem(product: StopProduct, allocation: Allocation) -> Problem | None:
    """TR063, TR074, TR415 and TR382 for one StopProduct against its allocation."""
    if product.status_aanlevering != StatusAanlevering.EERSTE_AANLEVERING:
        if allocation.stopped_on is None:
            return Problem("TR063", "9063", "StatusAanlevering", "Er is geen eerdere stop om te verwijderen.")
        return Problem("IV008", "0233", "StatusAanlevering", "Een stop verwijderen wordt (nog) niet verwerkt; neem "
                       "contact op met de gemeente.")
    if allocation.status == AllocationStatus.STOPPED:
        if allocation.stopped_on == product.einddatum:
            return Problem("TR074", "9074", "", "Deze stop is al eerder ontvangen.")
        return Problem("TR415", "9415", "", "Er is al een stop voor deze levering.")
    if allocation.started_on is None or allocation.started_on != product.begindatum:
        return Problem("TR382", "9069", "Begindatum", "Er is geen actuele start met deze begindatum.")
    return None


def _tr338(p: Prestatie, ctx):
    if _prestatie_allocation(p, ctx) is None:
        yield Afwijking("ToewijzingNummer", "Er is geen toewijzing met dit nummer van deze gemeente aan deze "
                        "aanbieder.")


def _prestatie_allocation(p: Prestatie, ctx) -> Allocation | None:
    allocation = ctx.historie.allocations.get(p.toewijzingnummer)
    if (allocation is None or allocation.municipality.code != ctx.historie.municipality_code
            or allocation.provider_id not in ctx.historie.provider_ids):
        return None
    return allocation


def _tr304(p: Prestatie, ctx):
    allocation = _prestatie_allocation(p, ctx)
    if allocation is not None and allocation.client.bsn != _bsn(p, ctx):
        yield Afwijking("ToewijzingNummer", "De toewijzing hoort bij een andere cliënt.")


def _tr339(p: Prestatie, ctx):
    allocation = _prestatie_allocation(p, ctx)
    if allocation is not None and p.product_categorie != allocation.product.support_form.code:
        yield Afwijking("ProductCategorie", f"De toewijzing is voor categorie {allocation.product.support_form.code}.")


def _tr340(p: Prestatie, ctx):
    allocation = _prestatie_allocation(p, ctx)
    if allocation is not None and p.product_code != allocation.product.code:
        yield Afwijking("ProductCode", f"De toewijzing is voor product {allocation.product.code}.")


def _tr341(p: Prestatie, ctx):
    allocation = _prestatie_allocation(p, ctx)
    if allocation is not None and p.eenheid != allocation.product.unit:
        yield Afwijking("Eenheid", f"De toewijzing is in eenheid {allocation.product.unit}.")


def _tr384(p: Prestatie, ctx):
    allocation = _prestatie_allocation(p, ctx)
    if allocation is not None and allocation.status == AllocationStatus.WITHDRAWN:
        yield Afwijking("ToewijzingNummer", "De toewijzing is verwijderd (ingetrokken vóór de start).")


def _tr333(d: Declaratie, ctx):
    used = Message.objects.filter(
        region_id=ctx.historie.region_id, direction=Direction.IN, code="323", sender=ctx.bericht.header.afzender,
        declaration_number=d.declaratienummer, status__in=[MessageStatus.ACCEPTED, MessageStatus.PARTLY],
    ).exclude(pk=ctx.historie.message_id)
    if used.exists():
        yield Afwijking("DeclaratieNummer", f"Declaratienummer {d.declaratienummer} is al eerder gebruikt.")


RULES_305_307: list[Regel] = [
    maak_regel("TR019", "Start of stop gerelateerd aan een toewijzing", berichten="305 307",
               op=(StartProduct, StopProduct), retourcode="9019", functie=_tr019),
]

RULES_323: list[Regel] = [
    maak_regel("TR333", "DeclaratieNummer uniek voor de aanbieder", berichten="323", op=Declaratie,
               retourcode="9333", functie=_tr333),
    maak_regel("TR338", "Prestatie gerelateerd aan een toegewezen product", berichten="323", op=Prestatie,
               retourcode="9338", functie=_tr338),
    maak_regel("TR304", "Bsn gelijk aan die van de toewijzing", berichten="323", op=Prestatie,
               retourcode="8187", functie=_tr304),
    maak_regel("TR339", "ProductCategorie gelijk aan de toewijzing", berichten="323", op=Prestatie,
               retourcode="9339", functie=_tr339),
    maak_regel("TR340", "ProductCode gelijk aan de toewijzing", berichten="323", op=Prestatie,
               retourcode="9340", functie=_tr340),
    maak_regel("TR341", "Eenheid past bij de toewijzing", berichten="323", op=Prestatie,
               retourcode="9341", functie=_tr341),
    maak_regel("TR384", "Geen declaratie op een verwijderde toewijzing", berichten="323", op=Prestatie,
               retourcode="9384", functie=_tr384),
]


def _load_allocations(*, region_id: int, numbers: set[int]) -> dict[int, Allocation]:
    """The region's allocations by ToewijzingNummer, in batches of 500 numbers (≤ 10 000 references a query)."""
    found: dict[int, Allocation] = {}
    ordered = sorted(numbers)
    for start in range(0, len(ordered), 500):
        references = [ref for number in ordered[start:start + 500] for ref in references_for(number)]
        rows = (Allocation.objects.filter(region_id=region_id, reference__in=references)
                .select_related("client", "municipality", "product__support_form", "category"))
        for allocation in rows.order_by("pk"):
            found.setdefault(allocation_number(allocation.reference), allocation)
    return found


class RegionSources:
    """The region's own data as the iwmo library's sources (`iwmo.regels.ExterneBronnen`).

    * TR378 `gemeentecode_bestaat`: the code is one of the region's municipalities and it exists on
      the Dagtekening (`Municipality.valid_from`/`valid_to`: a merged municipality no longer does).
      A code the region does not know at all is refused by the inbox anyway (`receiver-unknown`).
    * TR381 `productcode_bestaat`: the region's catalogue has that product code under that
      productcategorie (the support form's code).
    * TR418 `contracttarief`: the ProductTarief the billing checks expect for the allocation the
      Prestatie names — its category's tariff for that month, by the region's partial-month rule
      (`billing.checks.expected_line`). None (not judged) when the allocation is not the sender's
      to this municipality, its product, category or unit differ (TR338–TR341 say so), or no care
      was delivered that month or there is no tariff (the billing checks say why).

    `voorbereiden` fetches what a message names in a few queries; each lookup is then a dict read.
    """

    def __init__(self, region: Region):
        self.region = region
        self._municipalities: dict[str, Municipality] | None = None
        self._products: set[tuple[str, str]] | None = None
        self._allocations: dict[int, Allocation] = {}
        self._tariffs: dict[int, list[Tariff]] = {}
        self._sender_ids: set[int] = set()
        self._receiver = ""

    def voorbereiden(self, bericht: Bericht) -> None:
        header = bericht.header
        self._receiver = header.ontvanger
        sender = Organisation.objects.filter(region=self.region, kind=OrganisationKind.PROVIDER,
                                             agb_code=header.afzender).first()
        self._sender_ids = set() if sender is None else {
            sender.pk, *Organisation.objects.filter(cooperative=sender).values_list("pk", flat=True)}
        if not isinstance(bericht, Wmo323) or sender is None:
            return
        numbers = {p.toewijzingnummer for c in bericht.declaratie.clienten for p in c.prestaties}
        self._allocations = _load_allocations(region_id=self.region.pk, numbers=numbers)
        self._tariffs = {}
        category_ids = {a.category_id for a in self._allocations.values()}
        for tariff in Tariff.objects.filter(category_id__in=category_ids).order_by("valid_from"):
            self._tariffs.setdefault(tariff.category_id, []).append(tariff)

    def gemeentecode_bestaat(self, code: str, peildatum: dt.date) -> bool:
        if self._municipalities is None:
            self._municipalities = {m.code: m for m in Municipality.objects.filter(region=self.region)}
        municipality = self._municipalities.get(code)
        return municipality is not None and municipality.exists_on(peildatum)

    def productcode_bestaat(self, categorie: str, code: str, peildatum: dt.date) -> bool:
        if self._products is None:
            self._products = set(Product.objects.filter(region=self.region)
                                 .values_list("support_form__code", "code"))
        return (str(categorie), code) in self._products

    def contracttarief(self, aanbieder: str, categorie: str, code: str, eenheid: str, peildatum: dt.date, *,
                       toewijzingnummer: int | None) -> int | None:
        allocation = self._allocations.get(toewijzingnummer) if toewijzingnummer is not None else None
        if (allocation is None or allocation.provider_id not in self._sender_ids
                or allocation.municipality.code != self._receiver):
            return None  # TR338
        product = allocation.product
        if (str(categorie), code, str(eenheid)) != (product.support_form.code, product.code, product.unit):
            return None  # TR339, TR340, TR341
        month = month_start(peildatum)
        if allocation.started_on is None or delivered_days(allocation, month) == 0:
            return None  # no care that month: allocation-not-started, month-outside-allocation, month-after-stop
        day = max(month, allocation.start)  # as billing.services reads the tariff
        tariff = next((t.amount for t in self._tariffs.get(allocation.category_id, [])
                       if valid_on(t.valid_from, t.valid_to, day)), None)
        if tariff is None:
            return None  # tariff-missing
        expected = expected_line(allocation=allocation, month=month, tariff=tariff,
                                 partial_month_rule=self.region.partial_month_rule)
        return cents(expected.unit_price)
