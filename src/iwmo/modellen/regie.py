"""Start zorg (305/306) en stop zorg (307/308): de regieberichten."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from iwmo.codelists import Geslacht, RedenBeeindiging, RetourCode, StatusAanlevering
from iwmo.mapping import Model, element, lijst, retourcodes
from iwmo.modellen.basis import Geboortedatum, Product, VerkorteNaam


@dataclass(kw_only=True)
class StartProduct(Model):
    toewijzingnummer: int | None = element("ToewijzingNummer", "LDT_Nummer", default=None)
    product: Product | None = element("Product", "CDT_Product", default=None)
    toewijzing_ingangsdatum: date | None = element("ToewijzingIngangsdatum", "LDT_Datum", default=None)
    begindatum: date = element("Begindatum", "LDT_Datum")
    status_aanlevering: StatusAanlevering = element("StatusAanlevering", "LDT_StatusAanlevering")
    retour_codes: list[RetourCode] = retourcodes()


@dataclass(kw_only=True)
class StopProduct(Model):
    toewijzingnummer: int | None = element("ToewijzingNummer", "LDT_Nummer", default=None)
    product: Product | None = element("Product", "CDT_Product", default=None)
    toewijzing_ingangsdatum: date | None = element("ToewijzingIngangsdatum", "LDT_Datum", default=None)
    begindatum: date = element("Begindatum", "LDT_Datum")
    reden_beeindiging: RedenBeeindiging = element("RedenBeeindiging", "LDT_RedenBeeindiging")
    einddatum: date = element("Einddatum", "LDT_Datum")
    status_aanlevering: StatusAanlevering = element("StatusAanlevering", "LDT_StatusAanlevering")
    retour_codes: list[RetourCode] = retourcodes()


@dataclass(kw_only=True)
class StartClient(Model):
    """Client in een startbericht."""

    bsn: str = element("Bsn", "LDT_BurgerServicenummer")
    geboortedatum: Geboortedatum = element("Geboortedatum", "CDT_Geboortedatum")
    geslacht: Geslacht = element("Geslacht", "LDT_Geslacht")
    naam: VerkorteNaam = element("Naam", "CDT_VerkorteNaam")
    start_producten: list[StartProduct] = lijst("StartProducten", "StartProduct")
    retour_codes: list[RetourCode] = retourcodes()


@dataclass(kw_only=True)
class StopClient(Model):
    """Client in een stopbericht."""

    bsn: str = element("Bsn", "LDT_BurgerServicenummer")
    geboortedatum: Geboortedatum = element("Geboortedatum", "CDT_Geboortedatum")
    geslacht: Geslacht = element("Geslacht", "LDT_Geslacht")
    naam: VerkorteNaam = element("Naam", "CDT_VerkorteNaam")
    stop_producten: list[StopProduct] = lijst("StopProducten", "StopProduct")
    retour_codes: list[RetourCode] = retourcodes()
