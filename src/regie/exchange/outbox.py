"""The outbox: toewijzingen (301) to providers, retour and answer messages, and sending.

A granted verzoek (315/317) is answered by one 301 whose products carry the ReferentieAanbieder
(`outbox_request_answer`), a refused one by a 319 (`outbox_refusal`); see `requests.py`.

`outbox_allocation` is called by the flows of `decisions.py` after the care service has created,
changed, ended or withdrawn an allocation, inside that transaction. Following OP087 it writes one 301 for the client and
provider with every current allocation of that client at that provider (from the same
municipality), plus the one that just changed (an allocation withdrawn today is in this
message, and in no later one).

A message that cannot be written in iWmo terms (a provider without AGB code, a toewijzingnummer
that is not a number) is kept as `held` with the reason, so nothing is lost and nothing blocks.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from pathlib import Path

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

import iwmo
from iwmo.codelists import (
    AdresSoort, Eenheid, Frequentie, Geslacht, LandCode, NaamGebruik, ProductCategorie, RedenAfwijzingVerzoek,
    RedenBeeindiging, RedenWijziging, VerzoekAntwoord,
)
from iwmo.modellen import Bericht, Wmo301, Wmo319
from iwmo.modellen.basis import (
    Achternaam, Adres, BerichtIdentificatie, Geboortedatum, Huis, Omvang, Product, VolledigeNaam,
)
from iwmo.modellen.header import Header
from iwmo.modellen.toewijzing import Client, Contact, ToegewezenProduct
from iwmo.modellen.verzoek import Antwoord
from regie.care.models import Allocation, AllocationStatus, AllocationVersion
from regie.catalogue.models import Tariff, Variant
from regie.core.errors import DomainError
from regie.core.formatting import short_date
from regie.core.money import cents
from regie.core.periods import overlapping_q, valid_on

from .models import Direction, Message, MessageStatus

MAX_NUMBER = 999_999_999  # LDT_Nummer

# Reasons for ending (WMO588) that have their own RedenWijziging (WMO002) when the municipality ends.
REASON_FOR_END = {RedenBeeindiging.OVERLIJDEN: RedenWijziging.CLIENT_OVERLEDEN,
                  RedenBeeindiging.VERHUIZING_ANDERE_GEMEENTE: RedenWijziging.VERHUIZING_ANDERE_GEMEENTE,
                  RedenBeeindiging.OVERSTAP_ANDERE_AANBIEDER: RedenWijziging.OVERSTAP_ANDERE_AANBIEDER,
                  RedenBeeindiging.UITSTROOM_ANDER_DOMEIN: RedenWijziging.UITSTROOM_NAAR_ANDER_DOMEIN}


def allocation_number(reference: str) -> int | None:
    """The ToewijzingNummer (LDT_Nummer, 0..999999999) of a reference, or None if it has none."""
    text = reference.strip()
    if not (text.isascii() and text.isdigit()) or len(text) > 20 or int(text) > MAX_NUMBER:
        return None
    return int(text)


def references_for(number: int) -> list[str]:
    """Every reference that `allocation_number` maps to `number` ('7', '07', …, zero-padded to 20)."""
    digits = str(number)
    return ["0" * pad + digits for pad in range(0, 21 - len(digits))]


def _is_decision(previous: AllocationVersion | None, version: AllocationVersion) -> bool:
    """A municipal decision changes the period, the category or withdraws; start and stop are the provider's."""
    if previous is None:
        return True
    return (previous.end != version.end or previous.category_id != version.category_id
            or (version.status == AllocationStatus.WITHDRAWN and previous.status != AllocationStatus.WITHDRAWN))


def _reason(previous: AllocationVersion | None, version: AllocationVersion) -> RedenWijziging | None:
    """RedenWijziging of a decision (IV066: a first allocation has none)."""
    if previous is None:
        return None
    if version.status == AllocationStatus.WITHDRAWN:
        return RedenWijziging.VERWIJDERD
    if previous.end != version.end:
        if version.end_reason and version.end_reason != previous.end_reason and version.end_reason in REASON_FOR_END:
            return REASON_FOR_END[version.end_reason]
        longer = version.end is None or (previous.end is not None and version.end > previous.end)
        return RedenWijziging.HERBEOORDELING_VERLENGING if longer else RedenWijziging.HERBEOORDELING_VERKORTING
    return RedenWijziging.ADMINISTRATIEVE_CORRECTIE  # another category of the same product


def _last_decisions(allocations: list[Allocation]) -> dict[int, tuple[AllocationVersion, RedenWijziging | None]]:
    versions: dict[int, list[AllocationVersion]] = {}
    for version in AllocationVersion.objects.filter(allocation__in=allocations).order_by("allocation_id", "version"):
        versions.setdefault(version.allocation_id, []).append(version)
    decided = {}
    for allocation_id, history in versions.items():
        last = None
        for version in history:
            if last is None:
                decision, reason = version, None
            elif _is_decision(last, version):
                decision, reason = version, _reason(last, version)
            last = version
        decided[allocation_id] = (decision, reason)
    return decided


def _tariffs(allocations: list[Allocation]) -> dict[int, list[Tariff]]:
    periods: dict[int, list[Tariff]] = {}
    for tariff in Tariff.objects.filter(category_id__in={a.category_id for a in allocations}).order_by("valid_from"):
        periods.setdefault(tariff.category_id, []).append(tariff)
    return periods


def _tariff_on(periods: list[Tariff], day: dt.date) -> Tariff | None:
    return next((t for t in periods if valid_on(t.valid_from, t.valid_to, day)), None)


def _omvang(allocation: Allocation, tariff: Tariff | None) -> Omvang:
    """Inspanningsgericht: 1 stuks (84) per maand; outputgericht: the monthly amount in eurocent (83) per maand."""
    if allocation.product.variant == Variant.OUTPUT:
        if tariff is None:
            raise DomainError("no-tariff", _("There is no tariff for %(category)s on %(date)s; the volume of an output-based product is the amount.") % {"category": allocation.category, "date": short_date(allocation.start)})
        return Omvang(volume=cents(tariff.amount), eenheid=Eenheid.EURO, frequentie=Frequentie.PER_MAAND)
    return Omvang(volume=1, eenheid=Eenheid.STUKS_INSPANNING, frequentie=Frequentie.PER_MAAND)


def _initials(text: str) -> str | None:
    letters = "".join(re.findall(r"[^\W\d_]", text))[:6]
    return letters or None


def _contact(client) -> Contact:
    """The client's BRP address (Soort 01). Without postcode and house number only the kind: the message
    stays schema-valid, but TR006 and CD034 reject it (docs/exchange.md). A one-letter addition is the
    Huisletter, a longer one the HuisnummerToevoeging."""
    if not (client.postcode and client.house_number):
        return Contact(soort=AdresSoort.BRP_ADRES)
    addition = client.house_number_addition
    letter = addition if len(addition) == 1 and addition.isalpha() else None
    return Contact(soort=AdresSoort.BRP_ADRES, adres=Adres(
        huis=Huis(huisnummer=client.house_number, huisletter=letter,
                  huisnummer_toevoeging=None if letter else (addition or None)),
        postcode=client.postcode, straatnaam=client.street or None, plaatsnaam=client.town or None,
        land_code=LandCode.NL,
    ))


def current_allocations(*, allocation: Allocation, also: list[Allocation] = ()) -> list[Allocation]:
    """OP087: the client's allocations at this provider from this municipality that are valid today or
    later (withdrawn ones are not current), plus `allocation` itself (and `also`)."""
    today = timezone.localdate()
    current = (
        Allocation.objects.filter(client_id=allocation.client_id, provider_id=allocation.provider_id,
                                  municipality_id=allocation.municipality_id)
        .filter(overlapping_q(today, None))
        .exclude(status=AllocationStatus.WITHDRAWN)
        | Allocation.objects.filter(pk__in=[allocation.pk, *(a.pk for a in also)])
    )
    return list(current.select_related("client", "product__support_form", "category", "provider", "municipality")
                .order_by("start", "reference"))


def build_301(*, allocation: Allocation, identification: str, dated: dt.date, also: list[Allocation] = (),
              references: dict[int, str] | None = None,
              reasons: dict[int, RedenWijziging | None] | None = None) -> tuple[Wmo301, list[Allocation]]:
    """The toewijzingsbericht for `allocation`'s client and provider. Raises DomainError if it cannot be written.

    In answer to a request (TR379, IV093/IV094): `references` gives the ReferentieAanbieder per allocation
    id, `reasons` overrides the RedenWijziging per allocation id; `also` adds allocations that are no
    longer current (one ended today or earlier on the request).
    """
    references, reasons = references or {}, reasons or {}
    provider, municipality, client = allocation.provider, allocation.municipality, allocation.client
    if not re.fullmatch(r"[0-9]{8}", provider.agb_code or ""):
        raise DomainError("provider-without-agb", _("%(provider)s has no AGB code; an allocation cannot be sent.") % {"provider": provider})
    allocations = current_allocations(allocation=allocation, also=also)
    decisions = _last_decisions(allocations)
    tariffs = _tariffs(allocations)
    products = []
    for current in allocations:
        number = allocation_number(current.reference)
        if number is None:
            raise DomainError("reference-not-a-number", _("Allocation number '%(reference)s' is not a number of at most nine digits; iWmo "
                                "cannot send it.") % {"reference": current.reference})
        decision, reason = decisions[current.pk]
        reason = reasons.get(current.pk, reason)
        decided_at = timezone.localtime(decision.changed_at)
        tariff = _tariff_on(tariffs.get(current.category_id, []), current.start)
        products.append(ToegewezenProduct(
            toewijzingnummer=number,
            referentie_aanbieder=references.get(current.pk),
            product=Product(categorie=ProductCategorie(current.product.support_form.code), code=current.product.code),
            toewijzingsdatum=decided_at.date(),
            toewijzingstijd=decided_at.time().replace(microsecond=0),
            ingangsdatum=current.start,
            einddatum=current.end,
            reden_wijziging=reason,
            omvang=_omvang(current, tariff),
            commentaar=f"Categorie {current.category.number}",
        ))
    bericht = Wmo301(
        header=Header(afzender=municipality.code, ontvanger=provider.agb_code,
                      berichtidentificatie=BerichtIdentificatie(identificatie=identification, dagtekening=dated)),
        client=Client(
            bsn=client.bsn,
            geboortedatum=Geboortedatum(datum=client.birth_date),
            geslacht=Geslacht(client.gender or Geslacht.ONBEKEND),
            naam=VolledigeNaam(geslachtsnaam=Achternaam(achternaam=client.family_name),
                               voorletters=_initials(client.initials), naam_gebruik=NaamGebruik.EIGEN_NAAM),
            contactgegevens=[_contact(client)],
            toegewezen_producten=products,
        ),
    )
    return bericht, allocations


def outbox_allocation(*, allocation: Allocation) -> Message:
    """Queue the 301 that tells the provider about `allocation` (and the client's other current ones)."""
    return _queue_301(allocation=allocation)


def _moment(at: dt.datetime | None) -> tuple[dt.date, list[str]]:
    """The day a message is made on, and the extra field to save when it is not now (demo and tests only)."""
    return (timezone.localdate(at), ["created_at"]) if at is not None else (timezone.localdate(), [])


def _queue_301(*, allocation: Allocation, also: list[Allocation] = (), references: dict[int, str] | None = None,
               reasons: dict[int, RedenWijziging | None] | None = None, at: dt.datetime | None = None) -> Message:
    today, extra = _moment(at)
    message = Message.objects.create(
        region_id=allocation.region_id, direction=Direction.OUT, code="301", sender=allocation.municipality.code,
        receiver=allocation.provider.agb_code, status=MessageStatus.QUEUED, dated=today,
        provider_id=allocation.provider_id, municipality_id=allocation.municipality_id,
    )
    message.identification = str(message.pk)
    try:
        bericht, allocations = build_301(allocation=allocation, identification=message.identification, dated=today,
                                         also=also, references=references, reasons=reasons)
    except DomainError as error:
        message.identification, message.status = "", MessageStatus.HELD
        message.problems = [{"regel": error.code, "retourcode": "", "pad": "", "melding": error.message}]
        message.created_at = at or message.created_at
        message.save(update_fields=["identification", "status", "problems", *extra])
        message.allocations.add(allocation, *also)
        return message
    message.xml = iwmo.write(bericht)
    message.created_at = at or message.created_at
    message.save(update_fields=["identification", "xml", *extra])
    message.allocations.set(allocations)
    return message


def outbox_request_answer(*, allocations: list[Allocation], references: dict[int, str],
                          reasons: dict[int, RedenWijziging | None] | None = None,
                          at: dt.datetime | None = None) -> Message:
    """The one 301 that grants a verzoek (IV093/IV094, TR379): every product of the answer carries the
    ReferentieAanbieder of the request.

    It holds `allocations`, what the request changed (also one that ended on it), and the client's other
    current ones. The grant applied the request through the care services, which queue nothing, so this
    is the only 301 of the request and no other message is touched.
    """
    return _queue_301(allocation=allocations[0], also=allocations[1:], references=references, reasons=reasons, at=at)


def build_319(*, sender: str, receiver: str, reference: str, answer: VerzoekAntwoord,
              reason: RedenAfwijzingVerzoek | None, identification: str, dated: dt.date) -> Wmo319:
    """The antwoordbericht on a verzoek (CD085: a reason when refused; CD086: none while in investigation)."""
    return Wmo319(
        header=Header(afzender=sender, ontvanger=receiver,
                      berichtidentificatie=BerichtIdentificatie(identificatie=identification, dagtekening=dated)),
        antwoord=Antwoord(referentie_aanbieder=reference, verzoek_antwoord=answer,
                          reden_afwijzing_verzoek=reason if answer == VerzoekAntwoord.VERZOEK_AFGEWEZEN else None),
    )


def outbox_refusal(*, request_message: Message, reference: str, reason: RedenAfwijzingVerzoek,
                   at: dt.datetime | None = None) -> Message:
    """Queue the 319 that refuses the verzoek `reference` of `request_message` (a 315 or 317)."""
    today, extra = _moment(at)
    message = Message.objects.create(
        region_id=request_message.region_id, direction=Direction.OUT, code="319",
        sender=request_message.municipality.code, receiver=request_message.sender, dated=today, status=MessageStatus.QUEUED,
        provider_id=request_message.provider_id, municipality_id=request_message.municipality_id,
        reply_to=request_message,
    )
    message.identification = str(message.pk)
    message.xml = iwmo.write(build_319(sender=message.sender, receiver=message.receiver, reference=reference,
                                       answer=VerzoekAntwoord.VERZOEK_AFGEWEZEN, reason=reason,
                                       identification=message.identification, dated=today))
    message.created_at = at or message.created_at
    message.save(update_fields=["identification", "xml", *extra])
    return message


def outbox_answer(*, incoming: Message, build: Callable[[str, dt.date], Bericht],
                  at: dt.datetime | None = None) -> Message:
    """Store the retour message or declaration answer to `incoming` in the outbox.

    `build(identification, dated)` makes the message once its identification is known. `at`: the
    moment it is made (default now; only the demo and tests pass another, see `message_receive`).
    """
    today = timezone.localdate(at) if at is not None else timezone.localdate()
    message = Message.objects.create(
        region_id=incoming.region_id, direction=Direction.OUT, code="", sender=incoming.receiver,
        receiver=incoming.sender, dated=today, status=MessageStatus.QUEUED, provider_id=incoming.provider_id,
        municipality_id=incoming.municipality_id, reply_to=incoming, declaration_id=incoming.declaration_id,
    )
    message.identification = str(message.pk)
    answer = build(message.identification, today)
    message.code, message.xml = answer.NAAM[3:], iwmo.write(answer)
    if at is not None:
        message.created_at = at
    message.save(update_fields=["identification", "code", "xml", *(["created_at"] if at is not None else [])])
    return message


@transaction.atomic
def outbox_send(*, region, folder: Path) -> list[Message]:
    """Write every queued message of `region` to `folder` (for upload to the GGK) and mark it sent.

    File names follow the message: `<code>_<sender>_<receiver>_<identification>.xml`.
    """
    folder.mkdir(parents=True, exist_ok=True)
    queued = list(Message.objects.select_for_update().filter(
        region=region, direction=Direction.OUT, status=MessageStatus.QUEUED).order_by("pk"))
    now = timezone.now()
    for message in queued:
        name = f"{message.code}_{message.sender}_{message.receiver}_{message.identification}.xml"
        (folder / name).write_bytes(bytes(message.xml))
        message.status, message.sent_at, message.filename = MessageStatus.SENT, now, name
    Message.objects.bulk_update(queued, ["status", "sent_at", "filename"])
    return queued


def message_sent(*, message: Message, at: dt.datetime | None = None) -> Message:
    """The provider downloaded an outgoing message in the portal: it counts as sent.

    `at`: when (default now; only the demo and tests pass another)."""
    if message.direction != Direction.OUT or message.status == MessageStatus.HELD:
        raise DomainError("message-not-sendable", _("This message cannot be sent."))
    if message.status == MessageStatus.QUEUED:
        message.status, message.sent_at = MessageStatus.SENT, at or timezone.now()
        message.save(update_fields=["status", "sent_at"])
    return message
