"""Declaratie (323) en declaratie-antwoord (325). Alle bedragen in eurocenten."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from iwmo.codelists import Eenheid, ProductCategorie, RetourCode
from iwmo.mapping import Model, element, lijst, retourcodes
from iwmo.modellen.basis import BedragMetDC, GeslotenPeriode, Referentie, TotaalBedragMetDC


@dataclass(kw_only=True)
class Prestatie(Model):
    """Een gedeclareerde prestatie. ``product_tarief`` en bedragen in eurocenten."""

    product_referentie: Referentie = element("ProductReferentie", "CDT_Referentie")
    toewijzingnummer: int = element("ToewijzingNummer", "LDT_Nummer")
    product_categorie: ProductCategorie = element("ProductCategorie", "LDT_ProductCategorie")
    product_code: str = element("ProductCode", "LDT_ProductCode")
    product_periode: GeslotenPeriode = element("ProductPeriode", "CDT_GeslotenPeriode")
    geleverd_volume: int = element("GeleverdVolume", "LDT_Volume")
    eenheid: Eenheid = element("Eenheid", "LDT_Eenheid")
    product_tarief: int | None = element("ProductTarief", "LDT_Bedrag", default=None)
    ingediend_bedrag: BedragMetDC = element("IngediendBedrag", "CDT_BedragMetDC")
    retour_codes: list[RetourCode] = retourcodes()


@dataclass(kw_only=True)
class DeclaratieClient(Model):
    bsn: str = element("Bsn", "LDT_BurgerServicenummer")
    prestaties: list[Prestatie] = lijst("Prestaties", "Prestatie")
    retour_codes: list[RetourCode] = retourcodes()


@dataclass(kw_only=True)
class Declaratie(Model):
    declaratienummer: str = element("DeclaratieNummer", "LDT_IdentificatieDeclaratie")
    declaratie_periode: GeslotenPeriode = element("DeclaratiePeriode", "CDT_GeslotenPeriode")
    declaratie_dagtekening: date = element("DeclaratieDagtekening", "LDT_Datum")
    totaal_ingediend_bedrag: TotaalBedragMetDC = element("TotaalIngediendBedrag", "CDT_TotaalBedragMetDC")
    clienten: list[DeclaratieClient] = lijst("Clienten", "Client")


@dataclass(kw_only=True)
class DeclaratieAntwoord(Model):
    declaratienummer: str = element("DeclaratieNummer", "LDT_IdentificatieDeclaratie")
    totaal_ingediend_bedrag: TotaalBedragMetDC = element("TotaalIngediendBedrag", "CDT_TotaalBedragMetDC")
    totaal_toegekend_bedrag: TotaalBedragMetDC = element("TotaalToegekendBedrag", "CDT_TotaalBedragMetDC")
    clienten: list[DeclaratieClient] = lijst("Clienten", "Client", verplicht=False)
    retour_codes: list[RetourCode] = retourcodes()
