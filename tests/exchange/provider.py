"""What a provider's system does: read our 301 and write 305, 307 and 323 from its data with iwmo.write."""

from __future__ import annotations

import calendar
import datetime as dt

import iwmo
from iwmo.codelists import DebetCredit, Eenheid, RedenBeeindiging, StatusAanlevering
from iwmo.modellen import Wmo301, Wmo305, Wmo307, Wmo323
from iwmo.modellen.basis import (
    BedragMetDC, BerichtIdentificatie, GeslotenPeriode, Referentie, TotaalBedragMetDC, VerkorteNaam,
)
from iwmo.modellen.declaratie import Declaratie, DeclaratieClient, Prestatie
from iwmo.modellen.header import Header
from iwmo.modellen.regie import StartClient, StartProduct, StopClient, StopProduct


def read_301(message) -> Wmo301:
    return iwmo.read(bytes(message.xml))


def _header(toewijzing: Wmo301, identification: str, dated: dt.date) -> Header:
    return Header(afzender=toewijzing.header.ontvanger, ontvanger=toewijzing.header.afzender,
                  berichtidentificatie=BerichtIdentificatie(identificatie=identification, dagtekening=dated))


def _naam(toewijzing: Wmo301) -> VerkorteNaam:
    naam = toewijzing.client.naam
    return VerkorteNaam(geslachtsnaam=naam.geslachtsnaam, voorletters=naam.voorletters)


def start_305(toewijzing: Wmo301, *, identification: str, dated: dt.date, begindatum: dt.date,
              number: int | None = None, status=StatusAanlevering.EERSTE_AANLEVERING) -> bytes:
    c = toewijzing.client
    products = [StartProduct(toewijzingnummer=number if number is not None else p.toewijzingnummer, product=p.product,
                             toewijzing_ingangsdatum=p.ingangsdatum, begindatum=begindatum, status_aanlevering=status)
                for p in c.toegewezen_producten]
    return iwmo.write(Wmo305(header=_header(toewijzing, identification, dated), client=StartClient(
        bsn=c.bsn, geboortedatum=c.geboortedatum, geslacht=c.geslacht, naam=_naam(toewijzing),
        start_producten=products)))


def stop_307(toewijzing: Wmo301, *, identification: str, dated: dt.date, begindatum: dt.date,
             einddatum: dt.date, reden=RedenBeeindiging.VOLGENS_PLAN) -> bytes:
    c = toewijzing.client
    products = [StopProduct(toewijzingnummer=p.toewijzingnummer, product=p.product,
                            toewijzing_ingangsdatum=p.ingangsdatum, begindatum=begindatum, reden_beeindiging=reden,
                            einddatum=einddatum, status_aanlevering=StatusAanlevering.EERSTE_AANLEVERING)
                for p in c.toegewezen_producten]
    return iwmo.write(Wmo307(header=_header(toewijzing, identification, dated), client=StopClient(
        bsn=c.bsn, geboortedatum=c.geboortedatum, geslacht=c.geslacht, naam=_naam(toewijzing),
        stop_producten=products)))


def declaration_323(toewijzing: Wmo301, *, identification: str, dated: dt.date, month: dt.date,
                    tariff_cents: int, number: str = "D1", reference: str = "P1") -> bytes:
    """One Prestatie per allocated product for `month`, inspanningsgericht (84) or outputgericht (83)."""
    last = month.replace(day=calendar.monthrange(month.year, month.month)[1])
    prestaties = []
    for i, p in enumerate(toewijzing.client.toegewezen_producten, start=1):
        euro = p.omvang.eenheid == Eenheid.EURO
        prestaties.append(Prestatie(
            product_referentie=Referentie(referentienummer=f"{reference}-{i}"), toewijzingnummer=p.toewijzingnummer,
            product_categorie=p.product.categorie, product_code=p.product.code,
            product_periode=GeslotenPeriode(begindatum=max(month, p.ingangsdatum), einddatum=last),
            geleverd_volume=tariff_cents if euro else 1, eenheid=p.omvang.eenheid,
            product_tarief=None if euro else tariff_cents,
            ingediend_bedrag=BedragMetDC(bedrag=tariff_cents, debet_credit=DebetCredit.DEBET),
        ))
    total = sum(p.ingediend_bedrag.getekend for p in prestaties)
    return iwmo.write(Wmo323(header=_header(toewijzing, identification, dated), declaratie=Declaratie(
        declaratienummer=number, declaratie_periode=GeslotenPeriode(begindatum=month, einddatum=last),
        declaratie_dagtekening=dated, totaal_ingediend_bedrag=TotaalBedragMetDC.uit_getekend(total),
        clienten=[DeclaratieClient(bsn=toewijzing.client.bsn, prestaties=prestaties)])))
