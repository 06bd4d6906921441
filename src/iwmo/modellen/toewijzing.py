"""Toewijzing (301) en toewijzing-retour (302)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, time

from iwmo.codelists import (
    AdresSoort,
    Geslacht,
    JuridischeStatus,
    RedenWijziging,
    RetourCode,
    SoortRelatie,
    WettelijkeVertegenwoordiging,
)
from iwmo.mapping import Model, element, lijst, retourcodes
from iwmo.modellen.basis import (
    Adres,
    Communicatie,
    Geboortedatum,
    Omvang,
    OpenPeriode,
    Product,
    Telefoonnummers,
    VolledigeNaam,
)


@dataclass(kw_only=True)
class Contact(Model):
    """Adres- en contactgegevens van client of relatie."""

    soort: AdresSoort = element("Soort", "LDT_AdresSoort")
    adres: Adres | None = element("Adres", "CDT_Adres", default=None)
    organisatie: str | None = element("Organisatie", "LDT_Organisatienaam", default=None)
    telefoon: Telefoonnummers | None = element("Telefoon", "CDT_Telefoonnummers", default=None)
    emailadres: str | None = element("Emailadres", "LDT_Emailadres", default=None)
    periode: OpenPeriode | None = element("Periode", "CDT_OpenPeriode", default=None)
    retour_codes: list[RetourCode] = retourcodes()


@dataclass(kw_only=True)
class Relatie(Model):
    """Relatie (contactpersoon) van de client."""

    nummer: str = element("Nummer", "LDT_Persoonsid")
    volgorde: int | None = element("Volgorde", "LDT_RelatieVolgorde", default=None)
    soort: SoortRelatie = element("Soort", "LDT_SoortRelatie")
    geboortedatum: Geboortedatum | None = element("Geboortedatum", "CDT_Geboortedatum", default=None)
    geslacht: Geslacht | None = element("Geslacht", "LDT_Geslacht", default=None)
    naam: VolledigeNaam = element("Naam", "CDT_VolledigeNaam")
    contact: Contact = element("Contact")
    retour_codes: list[RetourCode] = retourcodes()


@dataclass(kw_only=True)
class ToegewezenProduct(Model):
    """Een product dat de gemeente aan de aanbieder toewijst. ``budget`` in eurocenten."""

    toewijzingnummer: int = element("ToewijzingNummer", "LDT_Nummer")
    referentie_aanbieder: str | None = element("ReferentieAanbieder", "LDT_Referentie", default=None)
    product: Product | None = element("Product", "CDT_Product", default=None)
    toewijzingsdatum: date = element("Toewijzingsdatum", "LDT_Datum")
    toewijzingstijd: time = element("Toewijzingstijd", "LDT_Tijd")
    ingangsdatum: date = element("Ingangsdatum", "LDT_Datum")
    einddatum: date | None = element("Einddatum", "LDT_Datum", default=None)
    reden_wijziging: RedenWijziging | None = element("RedenWijziging", "LDT_RedenWijziging", default=None)
    omvang: Omvang | None = element("Omvang", "CDT_Omvang", default=None)
    budget: int | None = element("Budget", "LDT_Budget", default=None)
    commentaar: str | None = element("Commentaar", "LDT_Commentaar", default=None)
    retour_codes: list[RetourCode] = retourcodes()


@dataclass(kw_only=True)
class Client(Model):
    """Client in een toewijzingsbericht."""

    bsn: str = element("Bsn", "LDT_BurgerServicenummer")
    geboortedatum: Geboortedatum = element("Geboortedatum", "CDT_Geboortedatum")
    geslacht: Geslacht = element("Geslacht", "LDT_Geslacht")
    naam: VolledigeNaam = element("Naam", "CDT_VolledigeNaam")
    communicatie: Communicatie | None = element("Communicatie", "CDT_Communicatie", default=None)
    juridische_status: JuridischeStatus | None = element("JuridischeStatus", "LDT_JuridischeStatus", default=None)
    wettelijke_vertegenwoordiging: WettelijkeVertegenwoordiging | None = element(
        "WettelijkeVertegenwoordiging", "LDT_WettelijkeVertegenwoordiging", default=None
    )
    commentaar: str | None = element("Commentaar", "LDT_Commentaar", default=None)
    relaties: list[Relatie] = lijst("Relaties", "Relatie", verplicht=False)
    contactgegevens: list[Contact] = lijst("Contactgegevens", "Contact")
    toegewezen_producten: list[ToegewezenProduct] = lijst("ToegewezenProducten", "ToegewezenProduct")
    retour_codes: list[RetourCode] = retourcodes()
