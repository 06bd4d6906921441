"""The inbox: iWmo messages from providers, checked, applied and answered in one transaction.

`message_receive` is what the portal upload, the REST API and `manage.py receive` call:

1. `iwmo.check`: safe intake (no DTD/entities, 25 MB, UTF-8 without BOM), the official schema
   when `IWMO_SCHEMA_DIR` is set, and the standard's rules within the message, with the
   region's data as the sources of TR378, TR381 and TR418 (`rules.RegionSources`). A message
   that fails intake or the schema gets no retour message (IV028): it is refused with a
   `MessageRefused` error naming every problem, and nothing is stored.
2. Who sent it, to whom: the Afzender must be a provider of the region (and, from the portal,
   the uploading provider or one of its cooperative's members), the Ontvanger a municipality.
3. Its identity (sender, message code, BerichtIdentificatie): a message received before is
   not processed again; the first row and its answer are given back. A database constraint
   makes that hold under concurrency too.
4. The cross-message rules (`rules.py`), then the foundation's services: 305 → `allocation_start`,
   307 → `allocation_stop`, 323 → `declaration_submit`; 315 and 317 become requests for the access
   team (`requests.request_receive`). Parts with findings are not applied.
5. The retour message (306, 308, 316, 318) or declaration answer (325), stored in the outbox.

A provider's retour message on one of ours — 302 on a 301, 320 on a 319, the only two the
standard has a provider send — goes through steps 1–3 too, but is not applied and not answered
(IV028): it is linked to our outgoing message (`reply_to`) and stored with its retourcodes as
findings (`retour_receive`). A retour on a message we never sent is refused.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from decimal import Decimal

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

import iwmo
from iwmo.codelists import Eenheid, RetourCode
from iwmo.mapping import doorloop
from iwmo.modellen import Bericht, Wmo305, Wmo307, Wmo315, Wmo317, Wmo320, Wmo323
from iwmo.modellen.declaratie import Prestatie
from iwmo.modellen.toewijzing import ToegewezenProduct
from iwmo.regels import Bevinding, Context, Niveau, maak_context, voer_uit
from regie.audit.models import Action
from regie.audit.services import audit_record
from regie.billing.checks import LineInput
from regie.billing.models import Source
from regie.billing.services import declaration_submit
from regie.care.services import allocation_start, allocation_stop
from regie.core.authorship import acting_as
from regie.core.errors import DomainError, Forbidden
from regie.core.formatting import short_date
from regie.core.money import from_cents
from regie.core.months import month_start
from regie.core.parse import clean_name
from regie.regions.models import Organisation, OrganisationKind, Region
from regie.regions.selectors import region_only

from .models import Direction, Message, MessageStatus
from .outbox import outbox_answer
from .requests import request_receive
from .rules import (
    RETOURCODE_FOR_CARE_ERROR,
    RULES_305_307,
    RULES_323,
    Problem,
    RegionSources,
    Register,
    retourcode_for_line,
    start_problem,
    stop_problem,
)

SUPPORTED = {"wmo305": Wmo305, "wmo307": Wmo307, "wmo315": Wmo315, "wmo317": Wmo317, "wmo323": Wmo323}
# The retour messages a provider sends on a region's message, with the code of that message.
RETOUR_ON = {"wmo302": "301", "wmo320": "319"}


class MessageRefused(DomainError):
    """The file is not an iWmo message the region can answer: nothing was stored.

    `problems` holds one line per problem, `element path: code: message`.
    """

    def __init__(self, code: str, message: str, *, problems: list[str] | None = None):
        super().__init__(code, message)
        self.problems = problems or []


def _schema_dir() -> str | None:
    return getattr(settings, "IWMO_SCHEMA_DIR", "") or None


def schema_validation_on() -> bool:
    return _schema_dir() is not None


def _region(*, actor, provider, region) -> Region:
    if provider is not None:
        return provider.region
    if actor is not None:
        return actor.organisation.region
    return region if region is not None else region_only()


def _problem_dict(b: Bevinding) -> dict:
    return {"regel": b.regel, "retourcode": b.retourcode or "", "pad": b.pad, "melding": b.melding}


def _refuse(result) -> MessageRefused:
    first = result.bevindingen[0]
    code = first.regel.lower() if first.regel.startswith("IWMO-") else "iwmo-xsd"
    problems = [f"{b.pad or '/'}: {b.regel}: {b.melding}" for b in result.bevindingen]
    return MessageRefused(code, _("The file is not a valid iWmo 3.2 message and was not processed; each finding is listed with it."),
                          problems=problems)


@transaction.atomic
def message_receive(*, actor, data: bytes, filename: str = "", provider: Organisation | None = None,
                    region: Region | None = None, received_at: dt.datetime | None = None) -> Message:
    """Check, apply and answer one message from a provider; return the stored incoming message.

    `actor`: provider staff uploading in the portal or through the API (`provider` defaults to
    their organisation), or None for an operator's folder import. A message received before
    returns the first row unchanged; `message.duplicate` tells which happened.

    `received_at` is the moment of receipt (default: now). Only the demo generator and tests pass it,
    to receive a message at a moment in the past; the portal, the API and `receive` never do. The
    rules' "today", the message's `created_at` and its answer's date and `created_at` follow it.
    """
    filename = clean_name(filename)
    if actor is not None:
        actor.require("provider_staff")
        provider = provider or actor.organisation
        if provider.pk not in actor.provider_ids:
            raise Forbidden("provider-other", _("You can only deliver messages of your own organisation."))
    region = _region(actor=actor, provider=provider, region=region)
    moment = received_at or timezone.now()
    today = timezone.localdate(moment)
    # The region's own data is the library's sources: TR378, TR381 and TR418 are always checked here.
    result = iwmo.check(bytes(data), _schema_dir(), vandaag=today, bronnen=RegionSources(region))
    if result.bericht is None:
        raise _refuse(result)
    bericht = result.bericht
    retour = bericht.NAAM in RETOUR_ON
    if bericht.NAAM not in SUPPORTED and not retour:
        raise MessageRefused("message-kind-unsupported", _("Message %(name)s (%(description)s) is not processed through the inbox by the region (yet).") % {"name": bericht.NAAM.upper(), "description": bericht.OMSCHRIJVING})
    header = bericht.header
    # A retour message keeps the Header of the message it answers (IV028): the provider is its Ontvanger.
    sender_code, receiver_code = (header.ontvanger, header.afzender) if retour else (header.afzender, header.ontvanger)
    sender = Organisation.objects.filter(region=region, kind=OrganisationKind.PROVIDER,
                                         agb_code=sender_code).first()
    if sender is None:
        raise MessageRefused("sender-unknown", _("Sender %(sender)s is not a provider in %(region)s.") % {"sender": sender_code, "region": region})
    if provider is not None and sender.pk not in _with_members(provider):
        raise MessageRefused("sender-mismatch", _("Sender %(sender)s is not %(provider)s (AGB %(agb)s); deliver only your own messages.") % {"sender": sender_code, "provider": provider, "agb": provider.agb_code})
    municipality = region.municipalities.filter(code=receiver_code).first()
    if municipality is None:
        raise MessageRefused("receiver-unknown", _("Receiver %(receiver)s is not a municipality of %(region)s.") % {"receiver": receiver_code, "region": region})
    if retour:
        return retour_receive(actor=actor, bericht=bericht, data=bytes(data), filename=filename, region=region,
                              sender=sender, municipality=municipality, schema_checked=result.schema_gecontroleerd,
                              received_at=received_at)
    origin = sender_origin(sender, bericht.NAAM[3:])
    identity = {"region": region, "direction": Direction.IN, "sender": header.afzender, "code": bericht.NAAM[3:],
                "identification": header.berichtidentificatie.identificatie,
                "dated": header.berichtidentificatie.dagtekening}
    existing = Message.objects.filter(**identity).first()
    if existing is not None:
        existing.duplicate = True
        return existing
    try:
        with transaction.atomic():
            message = Message.objects.create(
                **identity, receiver=header.ontvanger, status=MessageStatus.ACCEPTED, xml=bytes(data),
                filename=filename[:255],
                schema_checked=result.schema_gecontroleerd, provider=sender, municipality=municipality,
                received_by=actor.user if actor is not None else None, origin=origin,
                declaration_number=bericht.declaratie.declaratienummer if isinstance(bericht, Wmo323) else "",
            )
    except IntegrityError:  # the same message, received at the same moment by another process
        existing = Message.objects.get(**identity)
        existing.duplicate = True
        return existing
    message.duplicate = False
    if received_at is not None:
        _received_at(message, received_at)
    findings = list(result.bevindingen)
    with acting_as(origin):  # the starts, stops, declarations and requests it makes are the provider's
        _process(message, bericht, findings, today=today, sender=sender, municipality_code=municipality.code)
    message.problems = [_problem_dict(b) for b in findings]
    message.save(update_fields=["status", "problems", "declaration"])
    outbox_answer(incoming=message, build=lambda identification, dated: iwmo.maak_retourbericht(
        bericht, findings, identificatie_retour=identification, dagtekening_retour=dated), at=received_at)
    audit_record(actor=actor, action=Action.IMPORT, subject=f"iwmo.{message.code}", object_id=message.pk,
                 detail={"status": message.status, "file": filename[:100]})
    return message


def _received_at(message: Message, moment: dt.datetime) -> None:
    """Record a moment of receipt other than now (`created_at` is set on insert)."""
    Message.objects.filter(pk=message.pk).update(created_at=moment)
    message.created_at = moment


def _retour_findings(bericht: Bericht) -> tuple[list[dict], str]:
    """Every retourcode in a retour message other than 0200, as findings; and the status it gives our message.

    No retourcode other than 0200: accepted. A code on the Header (0001 or a rule on the header), or on
    every part — each ToegewezenProduct of a 302, the Antwoord of a 320 — rejects it; else partly.
    """
    problems, parts = [], []
    for path, obj in doorloop(bericht):
        codes = getattr(obj, "retour_codes", None) or []
        bad = [c for c in codes if c != RetourCode.R0200]
        problems += [{"regel": bericht.NAAM[3:], "retourcode": str(c.value), "pad": path, "melding": c.omschrijving}
                     for c in bad]
        if isinstance(obj, ToegewezenProduct) or (isinstance(bericht, Wmo320) and obj is bericht.inhoud):
            parts.append(bool(bad))
    if not problems:
        return problems, MessageStatus.ACCEPTED
    if bericht.header.retour_codes or (parts and all(parts)):
        return problems, MessageStatus.REJECTED
    return problems, MessageStatus.PARTLY


def retour_receive(*, actor, bericht: Bericht, data: bytes, filename: str, region: Region, sender: Organisation,
                   municipality, schema_checked: bool, received_at: dt.datetime | None = None) -> Message:
    """Store a provider's retour message (302/320) on our 301/319, linked to it; it is not answered.

    Its identity is IdentificatieRetour/DagtekeningRetour with the provider as sender; the same
    retour twice returns the first row (`duplicate`). The message it answers is found by our
    BerichtIdentificatie, sender (the municipality) and receiver (the provider); one we never sent,
    or one that already has a retour, refuses the file and nothing is stored.
    """
    header = bericht.header
    identity = {"region": region, "direction": Direction.IN, "sender": header.ontvanger, "code": bericht.NAAM[3:],
                "identification": header.identificatie_retour, "dated": header.dagtekening_retour}
    existing = Message.objects.filter(**identity).first()
    if existing is not None:
        existing.duplicate = True
        return existing
    ours = header.berichtidentificatie
    heen = RETOUR_ON[bericht.NAAM]
    original = (Message.objects.select_for_update()
                .filter(region=region, direction=Direction.OUT, code=heen, sender=header.afzender,
                        receiver=header.ontvanger, identification=ours.identificatie, dated=ours.dagtekening)
                .exclude(status=MessageStatus.HELD).first())
    if original is None:
        raise MessageRefused("retour-original-unknown", _("Return message %(code)s to message %(original)s %(identification)s of %(date)s: the region did not send that message to %(receiver)s.") % {"code": bericht.NAAM[3:], "original": heen, "identification": ours.identificatie, "date": short_date(ours.dagtekening), "receiver": header.ontvanger})
    earlier = original.replies.filter(direction=Direction.IN).first()
    if earlier is not None:
        raise MessageRefused("retour-already-received", _("A return message to message %(original)s %(identification)s has already been received (identification %(earlier)s); there is one per message.") % {"original": heen, "identification": ours.identificatie, "earlier": earlier.identification})
    problems, status = _retour_findings(bericht)
    try:
        with transaction.atomic():
            message = Message.objects.create(
                **identity, receiver=header.afzender, status=status, xml=data, filename=filename[:255],
                schema_checked=schema_checked, provider=sender, municipality=municipality, reply_to=original,
                received_by=actor.user if actor is not None else None, problems=problems,
                origin=sender_origin(sender, bericht.NAAM[3:]),
            )
    except IntegrityError:  # the same retour, received at the same moment by another process
        existing = Message.objects.get(**identity)
        existing.duplicate = True
        return existing
    message.duplicate = False
    if received_at is not None:
        _received_at(message, received_at)
    message.allocations.add(*original.allocations.all())
    audit_record(actor=actor, action=Action.IMPORT, subject=f"iwmo.{message.code}", object_id=message.pk,
                 detail={"status": message.status, "file": filename[:100], "reply_to": original.pk})
    return message


def sender_origin(sender: Organisation, code: str) -> str:
    """What a received message and the rows it makes record as their origin: the provider and the message."""
    return f"{sender.name} (iWmo {code})"


def _with_members(provider: Organisation) -> set[int]:
    return {provider.pk, *Organisation.objects.filter(cooperative=provider).values_list("pk", flat=True)}


def _process(message: Message, bericht: Bericht, findings: list[Bevinding], *, today: dt.date, sender,
             municipality_code: str) -> None:
    """Apply the message; append what the region finds to `findings`; set the message's status."""
    if any(b.niveau is Niveau.INHOUD for b in findings):
        message.status = MessageStatus.REJECTED  # IV028: the whole message, retourcode 0001
        return
    if isinstance(bericht, (Wmo315, Wmo317)):  # verzoeken: requests.py
        applied, parts = request_receive(message=message, bericht=bericht, findings=findings, today=today,
                                         provider_ids=_with_members(sender))
        _set_status(message, applied, parts)
        return
    if isinstance(bericht, Wmo323):
        numbers = {p.toewijzingnummer for c in bericht.declaratie.clienten for p in c.prestaties}
    else:
        products = bericht.client.start_producten if isinstance(bericht, Wmo305) else bericht.client.stop_producten
        numbers = {p.toewijzingnummer for p in products if p.toewijzingnummer is not None}
    register = Register.load(region_id=message.region_id, municipality_code=municipality_code,
                             provider_ids=_with_members(sender), numbers=numbers, message_id=message.pk)
    ctx = maak_context(bericht, vandaag=today, historie=register)
    rules = RULES_323 if isinstance(bericht, Wmo323) else RULES_305_307
    findings.extend(voer_uit(rules, ctx))
    failed = {id(b.klasse) for b in findings}
    if id(bericht.header) in failed:
        message.status = MessageStatus.REJECTED
        return
    if isinstance(bericht, Wmo323):
        applied, parts = _declare(message, bericht, findings, ctx, register, sender, failed)
    else:
        applied, parts = _start_or_stop(message, bericht, findings, ctx, register)
    _set_status(message, applied, parts)


def _set_status(message: Message, applied: int, parts: int) -> None:
    if applied == parts:
        message.status = MessageStatus.ACCEPTED
    else:
        message.status = MessageStatus.PARTLY if applied else MessageStatus.REJECTED


def _finding(ctx: Context, obj, *, rule: str, retourcode: str, element: str, text: str) -> Bevinding:
    path = ctx.pad(obj) + (f"/{element}" if element else "")
    return Bevinding(regel=rule, retourcode=retourcode, niveau=Niveau.BERICHTOVERSTIJGEND, pad=path, melding=text,
                     klasse=obj)


def _start_or_stop(message, bericht, findings, ctx, register) -> tuple[int, int]:
    """305: start each StartProduct; 307: stop each StopProduct. Returns (applied, parts)."""
    client = bericht.client
    starting = isinstance(bericht, Wmo305)
    products = client.start_producten if starting else client.stop_producten
    failed = {id(b.klasse) for b in findings}
    applied, touched = 0, []
    for product in products:
        if id(product) in failed or id(client) in failed:
            continue
        allocation = register.allocation(product.toewijzingnummer, client.bsn)
        problem: Problem | None = (start_problem if starting else stop_problem)(product, allocation)
        if problem is None:
            try:
                if starting:
                    allocation_start(actor=None, allocation=allocation, started_on=product.begindatum)
                else:
                    allocation_stop(actor=None, allocation=allocation, stopped_on=product.einddatum,
                                    reason=str(product.reden_beeindiging.value))
            except DomainError as error:
                problem = Problem(error.code, RETOURCODE_FOR_CARE_ERROR.get(error.code, "9019"), "", error.message)
        if problem is not None:
            findings.append(_finding(ctx, product, rule=problem.rule, retourcode=problem.retourcode,
                                     element=problem.element, text=problem.message))
            continue
        applied += 1
        touched.append(allocation)
    message.allocations.add(*touched)
    return applied, len(products)


def line_input(p: Prestatie) -> LineInput:
    """A Prestatie as a billing line: the month of its ProductPeriode, amounts from eurocent to Decimal.

    Outputgericht (Eenheid 83): GeleverdVolume is the amount in eurocent (IV), so the volume is
    that amount in euros at € 1 a unit, as `billing.checks.expected_line` expects.
    """
    amount = from_cents(p.ingediend_bedrag.bedrag)
    if p.eenheid == Eenheid.EURO:
        volume, unit_price = from_cents(p.geleverd_volume), Decimal("1.00")
    else:
        volume = Decimal(p.geleverd_volume)
        unit_price = from_cents(p.product_tarief) if p.product_tarief is not None else None
    return LineInput(reference="", month=month_start(p.product_periode.begindatum),
                     debit_credit=str(p.ingediend_bedrag.debet_credit.value), product_code=p.product_code,
                     volume=volume, unit_price=unit_price, amount=amount)


def _declare(message, bericht: Wmo323, findings, ctx, register, sender, failed) -> tuple[int, int]:
    """323: the sound Prestaties go through `declaration_submit`; each line's outcome becomes its retourcode."""
    declaratie = bericht.declaratie
    prestaties = [(c, p) for c in declaratie.clienten for p in c.prestaties]
    if id(declaratie) in failed:
        return 0, len(prestaties)
    sound = [(c, p) for c, p in prestaties if id(c) not in failed and id(p) not in failed]
    if not sound:
        return 0, len(prestaties)
    lines = []
    for _line, p in sound:
        allocation = register.allocations[p.toewijzingnummer]  # TR338 passed, so it is there
        lines.append(replace(line_input(p), reference=allocation.reference))
    declaration = declaration_submit(actor=None, provider=sender, lines=lines, source=Source.IWMO,
                                     filename=message.filename or f"323-{message.identification}")
    message.declaration = declaration
    applied, touched = 0, set()
    for (_line, p), row in zip(sound, declaration.lines.order_by("line_number").select_related("allocation")):
        if row.status == "approved":
            applied += 1
            touched.add(row.allocation_id)
            continue
        code = retourcode_for_line(reason=row.reason_code, debit_credit=row.debit_credit, month=row.month,
                                   allocation=row.allocation)
        findings.append(_finding(ctx, p, rule=row.reason_code, retourcode=code, element="",
                                 text=_reason_text(row.reason_code)))
    message.allocations.add(*touched)
    return applied, len(prestaties)


def _reason_text(code: str) -> str:
    from regie.billing.checks import REASONS

    return str(REASONS.get(code, code))
