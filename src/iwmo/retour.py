"""Retourberichten en declaratie-antwoorden maken uit een heenbericht en de bevindingen.

Volgt IV028 (retourberichten) en IV087 (declaratie-antwoord):

* fout op controleniveau 2 (inhoud): alleen de Header, met retourcode 0001;
* fout in de Header op niveau 3/4: alleen de Header, met de retourcode(s) van de regel;
* fout in een berichtklasse op niveau 3/4: de berichtklassen van de client met per klasse
  de eigen retourcode(s), of 0200 als die klasse in orde is;
* geen fouten: alleen de Header, zonder retourcodes (325: DeclaratieAntwoord met 8001).
"""

from __future__ import annotations

import copy
from collections.abc import Iterable
from datetime import date

from iwmo.codelists import DebetCredit, RetourCode
from iwmo.mapping import doorloop, velden
from iwmo.modellen.basis import BerichtIdentificatie, TotaalBedragMetDC, XsdVersie
from iwmo.modellen.berichten import RETOUR_VAN, Bericht, Wmo323, Wmo325
from iwmo.modellen.declaratie import Declaratie, DeclaratieAntwoord, DeclaratieClient
from iwmo.modellen.header import DeclaratieAntwoordHeader, RetourHeader
from iwmo.regels.kern import Bevinding, Niveau

GOED = RetourCode.R0200
NIET_BEOORDEELD = RetourCode.R0233
TECHNISCH = RetourCode.R0001


def _codes(bevindingen: Iterable[Bevinding]) -> list[RetourCode]:
    """Unieke retourcodes in volgorde van optreden."""
    uit: list[RetourCode] = []
    for b in bevindingen:
        if b.retourcode and RetourCode(b.retourcode) not in uit:
            uit.append(RetourCode(b.retourcode))
    return uit


def _per_klasse(bevindingen: list[Bevinding]) -> dict[int, list[Bevinding]]:
    uit: dict[int, list[Bevinding]] = {}
    for b in bevindingen:
        if b.klasse is not None:
            uit.setdefault(id(b.klasse), []).append(b)
    return uit


def maak_retourbericht(
    heen: Bericht,
    bevindingen: list[Bevinding],
    *,
    identificatie_retour: str,
    dagtekening_retour: date,
    xslt_versie: str | None = None,
) -> Bericht:
    """Het retourbericht (302/306/308/316/318/320) of declaratie-antwoord (325) op ``heen``."""
    if isinstance(heen, Wmo323):
        return maak_declaratie_antwoord(
            heen, bevindingen, identificatie=identificatie_retour, dagtekening=dagtekening_retour, xslt_versie=xslt_versie
        )
    retour_cls = RETOUR_VAN.get(type(heen))
    if retour_cls is None:
        raise ValueError(f"op een {heen.NAAM} volgt geen retourbericht")
    h = heen.header
    header = RetourHeader(
        berichtcode=retour_cls.BERICHTCODE,
        berichtversie=h.berichtversie,
        berichtsubversie=h.berichtsubversie,
        afzender=h.afzender,
        ontvanger=h.ontvanger,
        berichtidentificatie=copy.deepcopy(h.berichtidentificatie),
        xsd_versie=copy.deepcopy(h.xsd_versie),
        identificatie_retour=identificatie_retour,
        dagtekening_retour=dagtekening_retour,
        xslt_versie=xslt_versie,
        xsd_versie_retour=XsdVersie(),
    )
    inhoud_veld = velden(retour_cls)[1].naam
    if any(b.niveau is Niveau.INHOUD for b in bevindingen):
        header.retour_codes = [TECHNISCH]
        return retour_cls(header=header)
    per_klasse = _per_klasse(bevindingen)
    if id(h) in per_klasse:
        header.retour_codes = _codes(per_klasse[id(h)])
        return retour_cls(header=header)
    if not bevindingen:
        return retour_cls(header=header)
    inhoud = copy.deepcopy(heen.inhoud)
    for (_, origineel), (_, kopie) in zip(doorloop(heen.inhoud), doorloop(inhoud)):
        if any(v.naam == "retour_codes" for v in velden(type(kopie))):
            eigen = per_klasse.get(id(origineel))
            kopie.retour_codes = _codes(eigen) if eigen else [GOED]  # type: ignore[attr-defined]
    return retour_cls(header=header, **{inhoud_veld: inhoud})


def maak_declaratie_antwoord(
    declaratie: Wmo323,
    bevindingen: list[Bevinding],
    *,
    identificatie: str,
    dagtekening: date,
    xslt_versie: str | None = None,
) -> Wmo325:
    """Het declaratie-antwoord (325) op een declaratie (323), volgens IV087."""
    h = declaratie.header
    header = DeclaratieAntwoordHeader(
        berichtcode=Wmo325.BERICHTCODE,
        berichtversie=h.berichtversie,
        berichtsubversie=h.berichtsubversie,
        afzender=h.ontvanger,  # de gemeente antwoordt
        ontvanger=h.afzender,
        berichtidentificatie=BerichtIdentificatie(identificatie=identificatie, dagtekening=dagtekening),
        declaratie_identificatie=copy.deepcopy(h.berichtidentificatie),
        xslt_versie=xslt_versie,
        xsd_versie_declaratie=copy.deepcopy(h.xsd_versie),
    )
    if any(b.niveau is Niveau.INHOUD for b in bevindingen):
        header.retour_codes = [TECHNISCH]
        return Wmo325(header=header)
    per_klasse = _per_klasse(bevindingen)
    if id(h) in per_klasse:
        header.retour_codes = _codes(per_klasse[id(h)])
        return Wmo325(header=header)
    header.retour_codes = [GOED]
    d: Declaratie = declaratie.declaratie
    antwoord = DeclaratieAntwoord(
        declaratienummer=d.declaratienummer,
        totaal_ingediend_bedrag=copy.deepcopy(d.totaal_ingediend_bedrag),
        totaal_toegekend_bedrag=copy.deepcopy(d.totaal_ingediend_bedrag),
    )
    if id(d) in per_klasse:
        antwoord.totaal_toegekend_bedrag = TotaalBedragMetDC(totaal_bedrag=0, debet_credit=DebetCredit.DEBET)
        antwoord.retour_codes = _codes(per_klasse[id(d)])
        return Wmo325(header=header, declaratie_antwoord=antwoord)
    afgewezen = 0
    for client in d.clienten:
        client_fout = per_klasse.get(id(client))
        fout_prestaties = [p for p in client.prestaties if id(p) in per_klasse]
        if not client_fout and not fout_prestaties:
            continue
        kopie = DeclaratieClient(bsn=client.bsn, retour_codes=_codes(client_fout) if client_fout else [GOED])
        # Fout in de Client: alle prestaties zijn afgewezen en niet beoordeeld (0233).
        for p in client.prestaties if client_fout else fout_prestaties:
            pk = copy.deepcopy(p)
            pk.retour_codes = [NIET_BEOORDEELD] if client_fout else _codes(per_klasse[id(p)])
            kopie.prestaties.append(pk)
            afgewezen += p.ingediend_bedrag.getekend
        antwoord.clienten.append(kopie)
    if antwoord.clienten:
        antwoord.retour_codes = [GOED]
        antwoord.totaal_toegekend_bedrag = TotaalBedragMetDC.uit_getekend(d.totaal_ingediend_bedrag.getekend - afgewezen)
    else:
        antwoord.retour_codes = [RetourCode.R8001]
    return Wmo325(header=header, declaratie_antwoord=antwoord)


__all__ = ["maak_declaratie_antwoord", "maak_retourbericht"]
