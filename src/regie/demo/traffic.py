"""The providers' side of the demo region's iWmo traffic.

Each message is written as a provider's system would write it (`iwmo.write`) and received through
the real inbox, `exchange.inbox.message_receive` — the function the portal, the API and `manage.py
receive` call — at a plausible moment of the history (`received_at`): a 305 some working days after
care began (now and then late), a 307 after care stopped, a 323 per provider, municipality and month
early in the next month. The inbox checks, applies and answers them (306, 308, 325), so what the
screens show is what the inbox made. Requests (315/317) are answered through the access team's
services (`exchange.requests`), and the provider fetches our 301 and sends its retour (302).

A message the plan means to be sound that the inbox refuses or rejects stops the generator: the
demo then has a bug, and it should not hide it.
"""

from __future__ import annotations

import datetime as dt
import random
from collections import Counter, defaultdict
from dataclasses import dataclass

from django.utils import timezone
from django.utils.translation import gettext as _

import iwmo
from iwmo.codelists import (
    DebetCredit, Eenheid, Frequentie, Geslacht, ProductCategorie, RedenBeeindiging, RedenVerzoek, StatusAanlevering,
    TypeVerwijzer,
)
from iwmo.modellen import Wmo305, Wmo307, Wmo315, Wmo317, Wmo323
from iwmo.modellen.basis import (
    Achternaam, BedragMetDC, BerichtIdentificatie, Geboortedatum, GeslotenPeriode, Omvang, Product, Referentie,
    TotaalBedragMetDC, VerkorteNaam, Verwijzer,
)
from iwmo.modellen.declaratie import Declaratie, DeclaratieClient, Prestatie
from iwmo.modellen.header import Header
from iwmo.modellen.regie import StartClient, StartProduct, StopClient, StopProduct
from iwmo.modellen.verzoek import (
    AangevraagdProduct, OngewijzigdProduct, TeWijzigenProduct, Verzoek, VerzoekToewijzingClient,
    VerzoekWijzigingClient,
)
from regie.core.errors import DomainError
from regie.core.months import month_end
from regie.core.workdays import add_workdays
from regie.exchange.inbox import message_receive
from regie.exchange.models import Message, MessageStatus

from . import data

# The last day of the demo's history of traffic: the reference day (docs/demo.md).
REFERENCE_DAY = data.REFERENCE_DAY
PER_MONTH = Omvang(volume=1, eenheid=Eenheid.STUKS_INSPANNING, frequentie=Frequentie.PER_MAAND)


@dataclass(frozen=True)
class Line:
    """One Prestatie of a 323, in the provider's terms."""

    number: int
    bsn: str
    support_form: str
    product_code: str
    output: bool  # outputgericht: Eenheid 83, the amount in eurocent as the volume
    begin: dt.date
    end: dt.date
    amount: int  # eurocent
    tariff: int  # eurocent (inspanningsgericht)
    reference: str
    previous: str | None = None  # a credit's VorigReferentieNummer
    credit: bool = False


def _letters(initials: str) -> str | None:
    return "".join(c for c in initials if c.isalpha())[:6] or None


def _person(client) -> dict:
    return {"bsn": client.bsn, "geboortedatum": Geboortedatum(datum=client.birth_date),
            "geslacht": Geslacht(client.gender or "0"),
            "naam": VerkorteNaam(geslachtsnaam=Achternaam(achternaam=client.family_name),
                                 voorletters=_letters(client.initials))}


class Traffic:
    """Writes and receives the providers' messages; counts what the inbox made of them."""

    def __init__(self, *, region, seed: int):
        self.region = region
        self.rng = random.Random(f"{seed}:traffic")
        self.serial = 0
        self.reports = 0
        self.received: Counter = Counter()  # (code, status) → messages

    # -- helpers ------------------------------------------------------------------------------

    def _identification(self) -> str:
        self.serial += 1
        return f"{self.serial:08d}"

    def moment(self, day: dt.date) -> dt.datetime:
        """A moment in office hours on `day` (never after the reference day)."""
        day = min(day, REFERENCE_DAY)
        return timezone.make_aware(dt.datetime.combine(day, dt.time(self.rng.randint(8, 16), self.rng.randrange(60))))

    def report_day(self, day: dt.date) -> dt.date:
        """When the provider reports a start or stop of `day`: mostly within the 5 working days, about 1 in 12 late
        (every twelfth report, so that even a small demo has late ones, and a few more at random)."""
        self.reports += 1
        if self.reports % 12 == 3 or self.rng.random() < 0.03:
            return min(add_workdays(day, self.rng.randint(6, 20)), REFERENCE_DAY)
        return min(add_workdays(day, self.rng.choice((0, 1, 1, 2, 2, 3, 4))), REFERENCE_DAY)

    @staticmethod
    def _header(sender: str, receiver: str, identification: str, dated: dt.date) -> Header:
        return Header(afzender=sender, ontvanger=receiver,
                      berichtidentificatie=BerichtIdentificatie(identificatie=identification, dagtekening=dated))

    def receive(self, xml: bytes, *, code: str, sender: str, receiver: str, identification: str, day: dt.date,
                expect: tuple[str, ...] = (MessageStatus.ACCEPTED,)) -> Message:
        assert day <= REFERENCE_DAY, day  # the Dagtekening is the day of receipt, never after the history
        message = message_receive(actor=None, region=self.region, data=xml, received_at=self.moment(day),
                                  filename=f"{code}_{sender}_{receiver}_{identification}.xml")
        self.received[(code, message.status)] += 1
        if message.status not in expect:
            raise DomainError("demo-message-rejected", _(
                "The demo's message %(code)s %(identification)s was %(status)s by the inbox: %(problems)s") % {
                "code": code, "identification": identification, "status": message.status,
                "problems": message.problems})
        return message

    # -- 305 and 307 --------------------------------------------------------------------------

    def start(self, *, client, allocation, support_form: str, sender: str, receiver: str, day: dt.date,
              started_on: dt.date, again: bool = False) -> Message:
        """A 305 for `allocation`'s start, received on `day`; `again`: sent a second time (TR074, 9074)."""
        identification = self._identification()
        product = StartProduct(toewijzingnummer=int(allocation.reference),
                               product=Product(categorie=ProductCategorie(support_form), code=allocation.product.code),
                               toewijzing_ingangsdatum=allocation.start, begindatum=started_on,
                               status_aanlevering=StatusAanlevering.EERSTE_AANLEVERING)
        xml = iwmo.write(Wmo305(header=self._header(sender, receiver, identification, day),
                                client=StartClient(**_person(client), start_producten=[product])))
        return self.receive(xml, code="305", sender=sender, receiver=receiver, identification=identification, day=day,
                            expect=(MessageStatus.REJECTED,) if again else (MessageStatus.ACCEPTED,))

    def stop(self, *, client, allocation, support_form: str, sender: str, receiver: str, day: dt.date,
             started_on: dt.date, stopped_on: dt.date, reason: str) -> Message:
        identification = self._identification()
        product = StopProduct(toewijzingnummer=int(allocation.reference),
                              product=Product(categorie=ProductCategorie(support_form), code=allocation.product.code),
                              toewijzing_ingangsdatum=allocation.start, begindatum=started_on,
                              reden_beeindiging=RedenBeeindiging(reason), einddatum=stopped_on,
                              status_aanlevering=StatusAanlevering.EERSTE_AANLEVERING)
        xml = iwmo.write(Wmo307(header=self._header(sender, receiver, identification, day),
                                client=StopClient(**_person(client), stop_producten=[product])))
        return self.receive(xml, code="307", sender=sender, receiver=receiver, identification=identification, day=day)

    # -- 323 ----------------------------------------------------------------------------------

    def declaration(self, *, sender: str, receiver: str, month: dt.date, lines: list[Line], day: dt.date) -> Message:
        """One 323 for `month` to one municipality; the inbox answers it with a 325."""
        identification = self._identification()
        last = month_end(month)
        by_bsn: dict[str, list[Prestatie]] = defaultdict(list)
        for line in lines:
            by_bsn[line.bsn].append(Prestatie(
                product_referentie=Referentie(referentienummer=line.reference, vorig_referentienummer=line.previous),
                toewijzingnummer=line.number, product_categorie=ProductCategorie(line.support_form),
                product_code=line.product_code,
                product_periode=GeslotenPeriode(begindatum=line.begin, einddatum=line.end),
                geleverd_volume=line.amount if line.output else 1,
                eenheid=Eenheid.EURO if line.output else Eenheid.STUKS_INSPANNING,
                product_tarief=None if line.output else line.tariff,
                ingediend_bedrag=BedragMetDC(bedrag=line.amount,
                                             debet_credit=DebetCredit.CREDIT if line.credit else DebetCredit.DEBET),
            ))
        clients = [DeclaratieClient(bsn=bsn, prestaties=prestaties) for bsn, prestaties in by_bsn.items()]
        total = sum(p.ingediend_bedrag.getekend for c in clients for p in c.prestaties)
        xml = iwmo.write(Wmo323(header=self._header(sender, receiver, identification, day), declaratie=Declaratie(
            declaratienummer=f"{month:%y%m}{receiver}", declaratie_periode=GeslotenPeriode(begindatum=month,
                                                                                          einddatum=last),
            declaratie_dagtekening=day, totaal_ingediend_bedrag=TotaalBedragMetDC.uit_getekend(total),
            clienten=clients)))
        return self.receive(xml, code="323", sender=sender, receiver=receiver, identification=identification, day=day,
                            expect=(MessageStatus.ACCEPTED, MessageStatus.PARTLY))

    # -- 315 and 317 --------------------------------------------------------------------------

    def allocation_request(self, *, client, sender: str, receiver: str, day: dt.date, reference: str,
                           support_form: str, product_code: str, start: dt.date, end: dt.date | None,
                           comment: str) -> Message:
        identification = self._identification()
        product = AangevraagdProduct(
            referentie_aanbieder=reference,
            product=Product(categorie=ProductCategorie(support_form), code=product_code),
            toewijzing_ingangsdatum=start, toewijzing_einddatum=end, omvang=PER_MONTH,
            verwijzer=self.rng.choice((Verwijzer(type=TypeVerwijzer.ZELFVERWIJZER),
                                       Verwijzer(type=TypeVerwijzer.HUISARTS, naam="Huisartsenpraktijk De Linde"))),
            commentaar=comment,
        )
        xml = iwmo.write(Wmo315(header=self._header(sender, receiver, identification, day),
                                client=VerzoekToewijzingClient(**_person(client), aangevraagde_producten=[product])))
        return self.receive(xml, code="315", sender=sender, receiver=receiver, identification=identification, day=day)

    def change_request(self, *, bsn: str, sender: str, receiver: str, day: dt.date, reference: str,
                       unchanged: list[int], change: list[tuple[int, dt.date, dt.date | None]]) -> Message:
        identification = self._identification()
        verzoek = Verzoek(
            referentie_aanbieder=reference, reden_verzoek=RedenVerzoek.VERANDERING_CLIENTSITUATIE,
            ongewijzigde_producten=[OngewijzigdProduct(toewijzingnummer=n) for n in unchanged],
            te_wijzigen_producten=[TeWijzigenProduct(toewijzingnummer=n, gewenste_ingangsdatum=s, einddatum=e,
                                                     omvang=PER_MONTH) for n, s, e in change],
        )
        xml = iwmo.write(Wmo317(header=self._header(sender, receiver, identification, day),
                                client=VerzoekWijzigingClient(bsn=bsn, verzoek=verzoek)))
        return self.receive(xml, code="317", sender=sender, receiver=receiver, identification=identification, day=day)

    # -- 302 ------------------------------------------------------------------------------------

    def retour_302(self, *, heen: Message, day: dt.date, codes: dict[int, str] | None = None) -> Message:
        """The provider's retour on our 301 `heen`: every product taken (0200), or `codes` per product index."""
        from iwmo.regels import Bevinding, Niveau

        toewijzing = iwmo.read(bytes(heen.xml))
        findings = [Bevinding(regel="TR332", retourcode=code, niveau=Niveau.BERICHTOVERSTIJGEND, pad="", melding="",
                              klasse=toewijzing.client.toegewezen_producten[index])
                    for index, code in (codes or {}).items()]
        identification = self._identification()
        xml = iwmo.write(iwmo.maak_retourbericht(toewijzing, findings, identificatie_retour=identification,
                                                 dagtekening_retour=day))
        return self.receive(xml, code="302", sender=heen.receiver, receiver=heen.sender, identification=identification,
                            day=day, expect=(MessageStatus.PARTLY, MessageStatus.REJECTED) if codes
                            else (MessageStatus.ACCEPTED,))

