"""Verzoek om toewijzing (315/316), verzoek om wijziging (317/318) en antwoord (319/320)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from iwmo.codelists import (
    Geslacht,
    JaNee,
    RedenAfwijzingVerzoek,
    RedenVerzoek,
    RetourCode,
    VerzoekAntwoord,
)
from iwmo.mapping import Model, element, lijst, retourcodes
from iwmo.modellen.basis import Geboortedatum, Omvang, Product, VerkorteNaam, Verwijzer


@dataclass(kw_only=True)
class AangevraagdProduct(Model):
    """Product waarom de aanbieder vraagt (315). ``budget`` in eurocenten."""

    referentie_aanbieder: str = element("ReferentieAanbieder", "LDT_Referentie")
    beschikkingnummer: int | None = element("BeschikkingNummer", "LDT_Nummer", default=None)
    product: Product | None = element("Product", "CDT_Product", default=None)
    beschikking_ingangsdatum: date | None = element("BeschikkingIngangsdatum", "LDT_Datum", default=None)
    toewijzing_ingangsdatum: date = element("ToewijzingIngangsdatum", "LDT_Datum")
    toewijzing_einddatum: date | None = element("ToewijzingEinddatum", "LDT_Datum", default=None)
    omvang: Omvang | None = element("Omvang", "CDT_Omvang", default=None)
    budget: int | None = element("Budget", "LDT_Budget", default=None)
    verwijzer: Verwijzer = element("Verwijzer", "CDT_Verwijzer")
    raamcontract: JaNee | None = element("Raamcontract", "LDT_JaNee", default=None)
    commentaar: str | None = element("Commentaar", "LDT_Commentaar", default=None)
    retour_codes: list[RetourCode] = retourcodes()


@dataclass(kw_only=True)
class VerzoekToewijzingClient(Model):
    """Client in een verzoek om toewijzing."""

    bsn: str = element("Bsn", "LDT_BurgerServicenummer")
    geboortedatum: Geboortedatum = element("Geboortedatum", "CDT_Geboortedatum")
    geslacht: Geslacht = element("Geslacht", "LDT_Geslacht")
    naam: VerkorteNaam = element("Naam", "CDT_VerkorteNaam")
    commentaar: str | None = element("Commentaar", "LDT_Commentaar", default=None)
    aangevraagde_producten: list[AangevraagdProduct] = lijst("AangevraagdeProducten", "AangevraagdProduct")
    retour_codes: list[RetourCode] = retourcodes()


@dataclass(kw_only=True)
class OngewijzigdProduct(Model):
    toewijzingnummer: int = element("ToewijzingNummer", "LDT_Nummer")
    retour_codes: list[RetourCode] = retourcodes()


@dataclass(kw_only=True)
class TeWijzigenProduct(Model):
    toewijzingnummer: int = element("ToewijzingNummer", "LDT_Nummer")
    gewenste_ingangsdatum: date = element("GewensteIngangsdatum", "LDT_Datum")
    einddatum: date | None = element("Einddatum", "LDT_Datum", default=None)
    omvang: Omvang | None = element("Omvang", "CDT_Omvang", default=None)
    budget: int | None = element("Budget", "LDT_Budget", default=None)
    retour_codes: list[RetourCode] = retourcodes()


@dataclass(kw_only=True)
class NieuwProduct(Model):
    product: Product | None = element("Product", "CDT_Product", default=None)
    gewenste_ingangsdatum: date = element("GewensteIngangsdatum", "LDT_Datum")
    einddatum: date | None = element("Einddatum", "LDT_Datum", default=None)
    omvang: Omvang | None = element("Omvang", "CDT_Omvang", default=None)
    budget: int | None = element("Budget", "LDT_Budget", default=None)
    retour_codes: list[RetourCode] = retourcodes()


@dataclass(kw_only=True)
class Verzoek(Model):
    referentie_aanbieder: str = element("ReferentieAanbieder", "LDT_Referentie")
    reden_verzoek: RedenVerzoek = element("RedenVerzoek", "LDT_RedenVerzoek")
    ongewijzigde_producten: list[OngewijzigdProduct] = lijst(
        "OngewijzigdeProducten", "OngewijzigdProduct", verplicht=False
    )
    te_wijzigen_producten: list[TeWijzigenProduct] = lijst("TeWijzigenProducten", "TeWijzigenProduct", verplicht=False)
    nieuwe_producten: list[NieuwProduct] = lijst("NieuweProducten", "NieuwProduct", verplicht=False)
    retour_codes: list[RetourCode] = retourcodes()


@dataclass(kw_only=True)
class VerzoekWijzigingClient(Model):
    """Client in een verzoek om wijziging."""

    bsn: str = element("Bsn", "LDT_BurgerServicenummer")
    verzoek: Verzoek = element("Verzoek")
    retour_codes: list[RetourCode] = retourcodes()


@dataclass(kw_only=True)
class Antwoord(Model):
    """Antwoord van de gemeente op een verzoek (319)."""

    referentie_aanbieder: str = element("ReferentieAanbieder", "LDT_Referentie")
    verzoek_antwoord: VerzoekAntwoord = element("VerzoekAntwoord", "LDT_VerzoekAntwoord")
    reden_afwijzing_verzoek: RedenAfwijzingVerzoek | None = element(
        "RedenAfwijzingVerzoek", "LDT_RedenAfwijzingVerzoek", default=None
    )
    retour_codes: list[RetourCode] = retourcodes()
