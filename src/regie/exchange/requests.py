"""Verzoeken van aanbieders: verzoek om toewijzing (315) en verzoek om wijziging (317), en hun antwoord.

What the standard prescribes (iWmo 3.2, OP274/OP344/OP346, IV093/IV094, TR379):

* The inbox checks a 315 or 317 and answers it with its retour message (316/318), like any message.
  Each sound AangevraagdProduct of a 315 becomes an `AllocationRequest`; a sound 317 becomes one
  `ChangeRequest` (the whole wanted situation: a VOW is granted or refused as one).
* Within five working days the access team answers: a **granted** request with a toewijzing (301)
  whose products carry the request's ReferentieAanbieder; a **refused** one with an antwoordbericht
  (319, VerzoekAntwoord 1 and a RedenAfwijzingVerzoek from WJ759). WJ760 has no "granted": a 319
  never grants.
* Granting applies the request through `care.services` (`allocation_create`, `allocation_change`,
  `allocation_end`, with the officer as actor), which announce nothing: the grant collects what it
  changed and writes the one answer itself (not through `decisions`, whose flows each queue a 301).

The cross-message rules for 315 and 317 live here (TR304, TR347, TR349, TR350, TR351, TR357, TR374,
TR411), written with `iwmo.regels.maak_regel` like `rules.py`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from iwmo.codelists import RedenAfwijzingVerzoek, RedenWijziging
from iwmo.modellen import Wmo315, Wmo317
from iwmo.modellen.verzoek import (
    AangevraagdProduct,
    NieuwProduct,
    OngewijzigdProduct,
    TeWijzigenProduct,
    Verzoek,
    VerzoekToewijzingClient,
    VerzoekWijzigingClient,
)
from iwmo.regels import Afwijking, Bevinding, Regel, maak_context, maak_regel, voer_uit
from regie.audit.models import Action, Outcome
from regie.audit.services import audit_reads, audit_record
from regie.care.models import Allocation, AllocationStatus, Client
from regie.care.services import (
    allocation_change,
    allocation_create,
    allocation_end,
    residence_on,
)
from regie.catalogue.models import Category, Product
from regie.core.errors import DomainError, Forbidden, NotFound
from regie.core.formatting import euro
from regie.core.money import from_cents
from regie.core.parse import Window, care_window
from regie.core.periods import overlapping_q
from regie.core.workdays import add_workdays
from regie.regions.models import Region
from regie.regions.scoping import scoped

from .models import AllocationRequest, ChangeRequest, Message, RequestStatus
from .outbox import (
    allocation_number,
    outbox_refusal,
    outbox_request_answer,
)

ANSWER_WORKING_DAYS = 5  # OP274 (315) and OP346 (317)
END_REASON_CHANGE_REQUEST = "37"  # WMO588: "In verband met wijzigingsverzoek"


# --- deadlines -----------------------------------------------------------------------------------------

def add_working_days(day: dt.date, days: int) -> dt.date:
    """`days` Dutch working days after `day` (weekends and the holidays of the Algemene termijnenwet)."""
    return add_workdays(day, days)


# --- the register the rules read ------------------------------------------------------------------------

@dataclass
class RequestRegister:
    """What the rules for one verzoek may know: the client, its current allocations at this provider from
    this municipality (by ToewijzingNummer), open requests and the references the provider used."""

    region_id: int
    municipality_code: str
    provider_ids: set[int]
    client: Client | None = None
    current: dict[int, Allocation] = field(default_factory=dict)
    open_request: bool = False
    used_references: set[str] = field(default_factory=set)
    window: Window | None = None  # the region's window of care dates (regie.core.parse)

    @classmethod
    def load(cls, *, region_id: int, municipality_code: str, provider_ids: set[int], bsn: str,
             references: set[str], today: dt.date) -> RequestRegister:
        register = cls(region_id=region_id, municipality_code=municipality_code, provider_ids=provider_ids)
        register.window = care_window(Region.objects.get(pk=region_id), today=today)
        register.client = Client.objects.filter(region_id=region_id, bsn=bsn).first()
        if register.client is not None:
            for allocation in current_for(client=register.client, provider_ids=provider_ids,
                                          municipality_code=municipality_code, today=today):
                number = allocation_number(allocation.reference)
                if number is not None:
                    register.current.setdefault(number, allocation)
        mine = {"region_id": region_id, "provider_id__in": provider_ids}
        register.open_request = any(
            model.objects.filter(**mine, bsn=bsn, status=RequestStatus.OPEN).exists()
            for model in (AllocationRequest, ChangeRequest))
        register.used_references = {
            ref for model in (AllocationRequest, ChangeRequest)
            for ref in model.objects.filter(**mine, reference__in=references).values_list("reference", flat=True)}
        return register


def current_for(*, client: Client, provider_ids, municipality_code: str, today: dt.date) -> QuerySet[Allocation]:
    """The actual (actueel) allocations of a client at a provider: valid today or later, neither withdrawn
    nor stopped (what a VOW must name, TR349, and what `allocation_change` can still change)."""
    return (Allocation.objects.filter(client=client, provider_id__in=provider_ids,
                                      municipality__code=municipality_code)
            .filter(overlapping_q(today, None))
            .exclude(status__in=[AllocationStatus.WITHDRAWN, AllocationStatus.STOPPED])
            .select_related("client", "product__support_form", "category", "provider", "municipality")
            .order_by("start", "pk"))


def _tr374(client, ctx):
    if ctx.historie.open_request:
        yield Afwijking("Bsn", "Er is al een verzoek van deze aanbieder voor deze cliënt in behandeling.")


def _tr347_product(p: AangevraagdProduct, ctx):
    if p.referentie_aanbieder in ctx.historie.used_references:
        yield Afwijking("ReferentieAanbieder", f"ReferentieAanbieder {p.referentie_aanbieder} is al eerder gebruikt.")


def _tr347_verzoek(v: Verzoek, ctx):
    if v.referentie_aanbieder in ctx.historie.used_references:
        yield Afwijking("ReferentieAanbieder", f"ReferentieAanbieder {v.referentie_aanbieder} is al eerder gebruikt.")


def _tr304(c: VerzoekWijzigingClient, ctx):
    if ctx.historie.client is None:
        yield Afwijking("Bsn", "Deze BSN hoort niet bij een cliënt met een toewijzing van deze gemeente.")


def _tr349(v: Verzoek, ctx):
    named = {p.toewijzingnummer for p in [*v.ongewijzigde_producten, *v.te_wijzigen_producten]}
    missing = sorted(set(ctx.historie.current) - named)
    if ctx.historie.client is not None and missing:
        yield Afwijking("", "Het verzoek noemt niet alle actuele toewijzingen; ontbreekt: "
                        + ", ".join(str(n) for n in missing) + ".")


def _tr350(p: OngewijzigdProduct, ctx):
    if p.toewijzingnummer not in ctx.historie.current:
        yield Afwijking("ToewijzingNummer", "Er is geen actuele toewijzing met dit nummer voor deze cliënt.")


def _tr351(p: TeWijzigenProduct, ctx):
    if p.toewijzingnummer not in ctx.historie.current:
        yield Afwijking("ToewijzingNummer", "Er is geen actuele toewijzing met dit nummer voor deze cliënt.")


def _tr357(p: TeWijzigenProduct, ctx):
    allocation = ctx.historie.current.get(p.toewijzingnummer)
    if (allocation is not None and p.gewenste_ingangsdatum <= ctx.bericht.header.berichtidentificatie.dagtekening
            and p.gewenste_ingangsdatum != allocation.start):
        yield Afwijking("GewensteIngangsdatum", f"Een gewenste ingangsdatum op of vóór de dagtekening moet de "
                        f"ingangsdatum van de toewijzing zijn ({allocation.start:%d-%m-%Y}).")


def _tr411(p: TeWijzigenProduct, ctx):
    allocation = ctx.historie.current.get(p.toewijzingnummer)
    if allocation is not None and allocation.product.code and p.omvang is None:
        yield Afwijking("Omvang", "De toewijzing heeft een productcode: vul de Omvang.")


def _dates_in_window(dates_of):
    """A rule: the dates `dates_of(product)` names lie in the region's window of care dates."""
    def check(p, ctx):
        window = ctx.historie.window
        for element, day in dates_of(p):
            if window is not None and day is not None and not window.first <= day <= window.last:
                yield Afwijking(element, _("%(day)s lies outside the dates this region accepts (%(first)s to "
                                           "%(last)s).") % {"day": f"{day:%d-%m-%Y}",
                                                            "first": f"{window.first:%d-%m-%Y}",
                                                            "last": f"{window.last:%d-%m-%Y}"})

    return check


_window_315 = _dates_in_window(lambda p: [("ToewijzingIngangsdatum", p.toewijzing_ingangsdatum),
                                          ("ToewijzingEinddatum", p.toewijzing_einddatum)])
_window_317 = _dates_in_window(lambda p: [("GewensteIngangsdatum", p.gewenste_ingangsdatum),
                                          ("Einddatum", p.einddatum)])

RULES_315: list[Regel] = [
    maak_regel("REGIE-DATUM", "Datums binnen het venster van de regio", berichten="315", op=AangevraagdProduct,
               retourcode="9019", functie=_window_315),
    maak_regel("TR374", "Geen onderhanden verzoek voor de cliënt", berichten="315", op=VerzoekToewijzingClient,
               retourcode="9374", functie=_tr374),
    maak_regel("TR347", "ReferentieAanbieder uniek voor de aanbieder", berichten="315", op=AangevraagdProduct,
               retourcode="9347", functie=_tr347_product),
]

RULES_317: list[Regel] = [
    maak_regel("REGIE-DATUM", "Datums binnen het venster van de regio", berichten="317",
               op=(TeWijzigenProduct, NieuwProduct), retourcode="9019", functie=_window_317),
    maak_regel("TR304", "Bsn van een cliënt", berichten="317", op=VerzoekWijzigingClient, retourcode="8187",
               functie=_tr304),
    maak_regel("TR374", "Geen onderhanden verzoek voor de cliënt", berichten="317", op=VerzoekWijzigingClient,
               retourcode="9374", functie=_tr374),
    maak_regel("TR347", "ReferentieAanbieder uniek voor de aanbieder", berichten="317", op=Verzoek,
               retourcode="9347", functie=_tr347_verzoek),
    maak_regel("TR349", "Alle actuele toewijzingen in het verzoek", berichten="317", op=Verzoek,
               retourcode="9349", functie=_tr349),
    maak_regel("TR350", "OngewijzigdProduct is een actuele toewijzing", berichten="317", op=OngewijzigdProduct,
               retourcode="9350", functie=_tr350),
    maak_regel("TR351", "TeWijzigenProduct is een actuele toewijzing", berichten="317", op=TeWijzigenProduct,
               retourcode="9351", functie=_tr351),
    maak_regel("TR357", "Gewenste ingangsdatum in het verleden", berichten="317", op=TeWijzigenProduct,
               retourcode="9357", functie=_tr357),
    maak_regel("TR411", "Omvang bij een toewijzing met productcode", berichten="317", op=TeWijzigenProduct,
               retourcode="9411", functie=_tr411),
]


# --- receiving -----------------------------------------------------------------------------------------

def request_receive(*, message: Message, bericht: Wmo315 | Wmo317, findings: list[Bevinding], today: dt.date,
                    provider_ids: set[int]) -> tuple[int, int]:
    """Check a 315/317 against the register, append the findings, store what is sound.

    Returns (parts stored, parts): a 315's parts are its AangevraagdProducten, a 317 is one part.
    """
    is_315 = isinstance(bericht, Wmo315)
    client = bericht.client
    references = ({p.referentie_aanbieder for p in client.aangevraagde_producten} if is_315
                  else {client.verzoek.referentie_aanbieder})
    register = RequestRegister.load(region_id=message.region_id, municipality_code=message.municipality.code,
                                    provider_ids=provider_ids, bsn=client.bsn, references=references, today=today)
    ctx = maak_context(bericht, vandaag=today, historie=register)
    findings.extend(voer_uit(RULES_315 if is_315 else RULES_317, ctx))
    failed = {id(b.klasse) for b in findings}
    if id(bericht.header) in failed:
        return 0, len(client.aangevraagde_producten) if is_315 else 1
    common = {"region_id": message.region_id, "provider_id": message.provider_id, "message": message,
              "client": register.client, "bsn": client.bsn, "received_on": today,
              "due_on": add_working_days(today, ANSWER_WORKING_DAYS)}
    if is_315:
        naam = client.naam
        name = " ".join(x for x in (naam.voorletters, naam.geslachtsnaam.voorvoegsel, naam.geslachtsnaam.achternaam)
                        if x)
        if id(client) in failed:
            return 0, len(client.aangevraagde_producten)
        stored = 0
        for p in client.aangevraagde_producten:
            if id(p) in failed:
                continue
            AllocationRequest.objects.create(
                **common, client_name=name[:200], reference=p.referentie_aanbieder,
                municipality=_municipality(message, register.client, p.toewijzing_ingangsdatum),
                beschikking_number=p.beschikkingnummer,
                product_category=str(p.product.categorie) if p.product else "",
                product_code=(p.product.code or "") if p.product else "",
                product=_product(message.region_id, p.product) if p.product else None,
                start=p.toewijzing_ingangsdatum, end=p.toewijzing_einddatum, volume=_volume(p.omvang, p.budget),
                referrer=" ".join(x for x in (p.verwijzer.type.omschrijving, p.verwijzer.naam) if x)[:100],
                comment=p.commentaar or "",
            )
            stored += 1
        return stored, len(client.aangevraagde_producten)
    if failed:  # a VOW is one coherent whole (OP308): any finding refuses it
        return 0, 1
    verzoek = client.verzoek
    items = (
        [{"kind": "unchanged", "number": p.toewijzingnummer} for p in verzoek.ongewijzigde_producten]
        + [{"kind": "change", "number": p.toewijzingnummer, "start": p.gewenste_ingangsdatum.isoformat(),
            "end": p.einddatum.isoformat() if p.einddatum else None, "volume": _volume(p.omvang, p.budget)}
           for p in verzoek.te_wijzigen_producten]
        + [{"kind": "new", "category": str(p.product.categorie) if p.product else "",
            "code": (p.product.code or "") if p.product else "", "start": p.gewenste_ingangsdatum.isoformat(),
            "end": p.einddatum.isoformat() if p.einddatum else None, "volume": _volume(p.omvang, p.budget)}
           for p in verzoek.nieuwe_producten]
    )
    request = ChangeRequest.objects.create(
        **common, client_name=str(register.client)[:200], reference=verzoek.referentie_aanbieder,
        municipality_id=message.municipality_id, reason=str(verzoek.reden_verzoek.value), items=items)
    request.allocations.set(register.current.values())
    return 1, 1


def _municipality(message: Message, client: Client | None, day: dt.date):
    """The municipality the client lives in on `day` (the Ontvanger when the client is not in the register)."""
    residence = residence_on(client=client, day=day) if client is not None else None
    return residence.municipality if residence is not None else message.municipality


def _product(region_id: int, product) -> Product | None:
    if not product.code:
        return None
    return Product.objects.filter(region_id=region_id, code=product.code,
                                  support_form__code=str(product.categorie)).first()


def _volume(omvang, budget) -> str:
    if omvang is not None:
        return f"{omvang.volume} × {omvang.eenheid.omschrijving} {omvang.frequentie.omschrijving}"[:100]
    if budget is not None:
        with translation.override("nl"):  # a Dutch record, as the codelist texts of a volume are
            return f"budget {euro(from_cents(budget))}"
    return ""


# --- answering -----------------------------------------------------------------------------------------

def _open(model, request, actor):
    # Only the request row: locking the joined municipality too would hold up every decision of that
    # municipality (their rows refer to it) while one request is answered.
    request = model.objects.select_for_update(of=("self",), no_key=True).select_related("message", "provider", "municipality").get(
        pk=request.pk)
    if actor is not None:
        actor.require("access_officer")
        if request.municipality_id != actor.municipality_id:
            raise Forbidden("request-other-municipality", _("This request is for another municipality."))
    if request.status != RequestStatus.OPEN:
        raise DomainError("request-answered", _("This request has already been answered."))
    return request


def _answered(request, *, actor, status: str, answer: Message, reason: str = "", at: dt.datetime | None = None) -> None:
    request.status, request.answer, request.refusal_reason = status, answer, reason
    request.answered_at, request.answered_by = at or timezone.now(), actor.user if actor is not None else None
    request.save(update_fields=["status", "answer", "refusal_reason", "answered_at", "answered_by"])
    audit_record(actor=actor, action=Action.UPDATE, subject=request._meta.model_name, client_id=request.client_id,
                 object_id=request.pk, detail={"status": status, "answer": answer.code})


def _client(request) -> Client:
    client = request.client or Client.objects.filter(region_id=request.region_id, bsn=request.bsn).first()
    if client is None:
        raise DomainError("client-unknown", _("The client with BSN %(bsn)s is not in the client register; add the client first.") % {"bsn": request.bsn})
    return client


@transaction.atomic
def allocation_request_grant(*, actor, request: AllocationRequest, category: Category, start: dt.date,
                             end: dt.date | None, at: dt.datetime | None = None) -> Allocation:
    """Grant a verzoek om toewijzing: a new allocation (IV094: the municipality decides product, category
    and period) and one 301 whose product carries the ReferentieAanbieder.

    `at` (here and in the other answers): the moment of answering, default now; only the demo and tests
    pass another."""
    request = _open(AllocationRequest, request, actor)
    client = _client(request)
    allocation = allocation_create(actor=actor, client=client, product=category.product, category=category,
                                   provider=request.provider, start=start, end=end)
    answer = outbox_request_answer(allocations=[allocation], references={allocation.pk: request.reference}, at=at)
    request.client, request.allocation = client, allocation
    request.save(update_fields=["client", "allocation"])
    _answered(request, actor=actor, status=RequestStatus.GRANTED, answer=answer, at=at)
    return allocation


def _refusal_reason(reason: str) -> RedenAfwijzingVerzoek:
    try:
        return RedenAfwijzingVerzoek(reason)
    except ValueError:
        raise DomainError("refusal-reason-unknown", _("'%(reason)s' is not a reason for refusing a request (WJ759).") % {"reason": reason},
                          field="reason") from None


@transaction.atomic
def allocation_request_refuse(*, actor, request: AllocationRequest, reason: str,
                              at: dt.datetime | None = None) -> Message:
    """Refuse a verzoek om toewijzing: a 319 with VerzoekAntwoord 1 and the reason (CD085)."""
    code = _refusal_reason(reason)
    request = _open(AllocationRequest, request, actor)
    answer = outbox_refusal(request_message=request.message, reference=request.reference, reason=code, at=at)
    _answered(request, actor=actor, status=RequestStatus.REFUSED, answer=answer, reason=str(code.value), at=at)
    return answer


@transaction.atomic
def change_request_refuse(*, actor, request: ChangeRequest, reason: str, at: dt.datetime | None = None) -> Message:
    """Refuse a verzoek om wijziging as a whole (OP344): a 319 with VerzoekAntwoord 1 and the reason."""
    code = _refusal_reason(reason)
    request = _open(ChangeRequest, request, actor)
    answer = outbox_refusal(request_message=request.message, reference=request.reference, reason=code, at=at)
    _answered(request, actor=actor, status=RequestStatus.REFUSED, answer=answer, reason=str(code.value), at=at)
    return answer


def _date(text: str | None) -> dt.date | None:
    return dt.date.fromisoformat(text) if text else None


@transaction.atomic
def change_request_grant(*, actor, request: ChangeRequest, categories: dict[int, Category] | None = None,
                         at: dt.datetime | None = None) -> Message:
    """Grant a verzoek om wijziging as asked (IV093) and answer with one 301 holding every product, all with
    the request's ReferentieAanbieder.

    * OngewijzigdProduct: sent again unchanged, without RedenWijziging.
    * TeWijzigenProduct from the allocation's own start: the end date changes in place (RedenWijziging 12);
      from a later date: the allocation ends the day before (12) and a new one starts then (no reason).
      An Omvang is not kept apart: in this region the omvang follows from product and category.
    * NieuwProduct: a new allocation of that product; `categories` (by item index) chooses its category,
      otherwise the product's lowest.
    """
    request = _open(ChangeRequest, request, actor)
    client = _client(request)
    current = {allocation_number(a.reference): a for a in current_for(
        client=client, provider_ids={request.provider_id}, municipality_code=request.municipality.code,
        today=timezone.localdate(at) if at is not None else timezone.localdate())}
    categories = categories or {}
    touched: list[Allocation] = []
    reasons: dict[int, RedenWijziging | None] = {}
    for index, item in enumerate(request.items):
        if item["kind"] in ("unchanged", "change"):
            allocation = current.get(item["number"])
            if allocation is None:
                raise DomainError("allocation-not-current", _("Allocation %(number)s is no longer current; refuse the request or ask for a "
                                    "new request.") % {"number": item["number"]})
        if item["kind"] == "unchanged":
            touched.append(allocation)
            reasons[allocation.pk] = None
        elif item["kind"] == "change":
            start, end = _date(item["start"]), _date(item.get("end"))
            if start <= allocation.start:
                if end != allocation.end:
                    allocation = allocation_change(actor=actor, allocation=allocation, end=end, clear_end=end is None)
                touched.append(allocation)
                reasons[allocation.pk] = RedenWijziging.DOOR_AANBIEDER
            else:
                ended = allocation_end(actor=actor, allocation=allocation, end=start - dt.timedelta(days=1),
                                       reason=END_REASON_CHANGE_REQUEST)
                new = allocation_create(actor=actor, client=client, product=ended.product, category=ended.category,
                                        provider=request.provider, start=start, end=end)
                touched += [ended, new]
                reasons[ended.pk], reasons[new.pk] = RedenWijziging.DOOR_AANBIEDER, None
        else:
            category = categories.get(index) or _default_category(request.region_id, item)
            new = allocation_create(actor=actor, client=client, product=category.product, category=category,
                                    provider=request.provider, start=_date(item["start"]), end=_date(item.get("end")))
            touched.append(new)
            reasons[new.pk] = None
    answer = outbox_request_answer(allocations=touched, references={a.pk: request.reference for a in touched},
                                   reasons=reasons, at=at)
    request.client = client
    request.save(update_fields=["client"])
    request.allocations.add(*touched)
    _answered(request, actor=actor, status=RequestStatus.GRANTED, answer=answer, at=at)
    return answer


def _default_category(region_id: int, item: dict) -> Category:
    category = (Category.objects.filter(product__region_id=region_id, product__code=item["code"],
                                        product__support_form__code=item["category"])
                .select_related("product").order_by("number").first())
    if category is None:
        raise DomainError("product-unknown", _("Product %(product)s is not in the catalogue; choose a category or refuse the "
                            "request.") % {"product": f"{item['category']}/{item['code'] or '—'}"})
    return category


# --- reads (scoped by the actor; a request names a client, so reads are audited) --------------------------

def _scoped(model, actor) -> QuerySet:
    # Municipality staff see their municipality's requests, providers their own; the purchasing office
    # has no task that needs them (office_roles=()).
    return scoped(model.objects.all(), actor=actor, what="requests", label=_("requests"), office_roles=())


def allocation_requests_for(*, actor) -> QuerySet[AllocationRequest]:
    return _scoped(AllocationRequest, actor)


def change_requests_for(*, actor) -> QuerySet[ChangeRequest]:
    return _scoped(ChangeRequest, actor)


def request_list(*, actor, status: str = RequestStatus.OPEN, limit: int = 200) -> dict[str, list]:
    """The request screen: both kinds, the soonest deadline first; the clients shown are audited."""
    found = {}
    for key, rows in (("allocation", allocation_requests_for(actor=actor)),
                      ("change", change_requests_for(actor=actor))):
        if status:
            rows = rows.filter(status=status)
        found[key] = list(rows.select_related("provider", "municipality", "message").order_by("due_on", "pk")[:limit])
    audit_reads(actor=actor, subject="requests.list",
                client_ids=[r.client_id for rows in found.values() for r in rows if r.client_id])
    return found


def _get(model, *, actor, pk: int, subject: str):
    try:
        request = (_scoped(model, actor).select_related("provider", "municipality", "message", "answer", "client")
                   .get(pk=pk))
    except (model.DoesNotExist, ValueError):
        audit_record(actor=actor, action=Action.READ, subject=subject, object_id=str(pk)[:40],
                     outcome=Outcome.NOT_FOUND)
        raise NotFound("request-not-found", _("This request does not exist or lies outside your organisation.")) from None
    audit_record(actor=actor, action=Action.READ, subject=subject, client_id=request.client_id, object_id=request.pk)
    return request


def allocation_request_get(*, actor, pk: int) -> AllocationRequest:
    return _get(AllocationRequest, actor=actor, pk=pk, subject="allocation_request")


def change_request_get(*, actor, pk: int) -> ChangeRequest:
    return _get(ChangeRequest, actor=actor, pk=pk, subject="change_request")


def is_late(request, *, today: dt.date | None = None) -> bool:
    """Open after its due date, or answered after it."""
    today = today or timezone.localdate()
    answered = timezone.localtime(request.answered_at).date() if request.answered_at else None
    return (answered or today) > request.due_on


__all__ = [
    "RULES_315", "RULES_317", "add_working_days", "allocation_request_get", "allocation_request_grant",
    "allocation_request_refuse", "allocation_requests_for", "change_request_get", "change_request_grant",
    "change_request_refuse", "change_requests_for", "is_late", "request_list", "request_receive",
]
