"""Samengestelde datatypen (``CDT_*``) uit ``basisschema.xsd``.

Hun kindelementen staan in de basisschema-namespace (prefix ``iwmo``).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from iwmo.codelists import (
    AanduidingWoonadres,
    Communicatievorm,
    DatumGebruik,
    DebetCredit,
    Eenheid,
    Frequentie,
    LandCode,
    NaamGebruik,
    ProductCategorie,
    TypeVerwijzer,
)
from iwmo.mapping import Model, Ns, element


class BasisModel(Model):
    NAMESPACE = Ns.BASIS


@dataclass(kw_only=True)
class Achternaam(BasisModel):
    """CDT_Achternaam."""

    achternaam: str = element("Achternaam", "LDT_Naam")
    voorvoegsel: str | None = element("Voorvoegsel", "LDT_Voorvoegsel", default=None)


@dataclass(kw_only=True)
class Huis(BasisModel):
    """CDT_Huis."""

    huisnummer: int = element("Huisnummer", "LDT_Huisnummer")
    huisletter: str | None = element("Huisletter", "LDT_Huisletter", default=None)
    huisnummer_toevoeging: str | None = element("HuisnummerToevoeging", "LDT_HuisnummerToevoeging", default=None)
    aanduiding_woonadres: AanduidingWoonadres | None = element(
        "AanduidingWoonadres", "LDT_AanduidingWoonadres", default=None
    )


@dataclass(kw_only=True)
class Adres(BasisModel):
    """CDT_Adres."""

    huis: Huis | None = element("Huis", "CDT_Huis", default=None)
    postcode: str | None = element("Postcode", "LDT_Postcode", default=None)
    straatnaam: str | None = element("Straatnaam", "LDT_Straatnaam", default=None)
    plaatsnaam: str | None = element("Plaatsnaam", "LDT_Plaatsnaam", default=None)
    land_code: LandCode | None = element("LandCode", "LDT_LandCode", default=None)


@dataclass(kw_only=True)
class BedragMetDC(BasisModel):
    """CDT_BedragMetDC. ``bedrag`` in eurocenten, altijd >= 0; het teken zit in ``debet_credit``."""

    bedrag: int = element("Bedrag", "LDT_Bedrag")
    debet_credit: DebetCredit = element("DebetCredit", "LDT_DebetCredit")

    @property
    def getekend(self) -> int:
        """Bedrag in eurocenten met teken: debet positief, credit negatief."""
        return -self.bedrag if self.debet_credit == DebetCredit.CREDIT else self.bedrag


@dataclass(kw_only=True)
class TotaalBedragMetDC(BasisModel):
    """CDT_TotaalBedragMetDC. ``totaal_bedrag`` in eurocenten."""

    totaal_bedrag: int = element("TotaalBedrag", "LDT_TotaalBedrag")
    debet_credit: DebetCredit = element("DebetCredit", "LDT_DebetCredit")

    @property
    def getekend(self) -> int:
        return -self.totaal_bedrag if self.debet_credit == DebetCredit.CREDIT else self.totaal_bedrag

    @classmethod
    def uit_getekend(cls, centen: int) -> TotaalBedragMetDC:
        """Van een getekend bedrag; 0 wordt debet (regel CS325)."""
        return cls(totaal_bedrag=abs(centen), debet_credit=DebetCredit.CREDIT if centen < 0 else DebetCredit.DEBET)


@dataclass(kw_only=True)
class BerichtIdentificatie(BasisModel):
    """CDT_BerichtIdentificatie."""

    identificatie: str = element("Identificatie", "LDT_IdentificatieBericht")
    dagtekening: date = element("Dagtekening", "LDT_Datum")


@dataclass(kw_only=True)
class Communicatie(BasisModel):
    """CDT_Communicatie."""

    vorm: Communicatievorm = element("Vorm", "LDT_Communicatievorm")
    taal: str | None = element("Taal", "LDT_Taal", default=None)


@dataclass(kw_only=True)
class Geboortedatum(BasisModel):
    """CDT_Geboortedatum."""

    datum: date = element("Datum", "LDT_Datum")
    datum_gebruik: DatumGebruik | None = element("DatumGebruik", "LDT_DatumGebruik", default=None)


@dataclass(kw_only=True)
class GeslotenPeriode(BasisModel):
    """CDT_GeslotenPeriode (begin en einde verplicht, beide inclusief)."""

    begindatum: date = element("Begindatum", "LDT_Datum")
    einddatum: date = element("Einddatum", "LDT_Datum")


@dataclass(kw_only=True)
class OpenPeriode(BasisModel):
    """CDT_OpenPeriode."""

    begindatum: date | None = element("Begindatum", "LDT_Datum", default=None)
    einddatum: date | None = element("Einddatum", "LDT_Datum", default=None)


@dataclass(kw_only=True)
class Omvang(BasisModel):
    """CDT_Omvang."""

    volume: int = element("Volume", "LDT_Volume")
    eenheid: Eenheid = element("Eenheid", "LDT_Eenheid")
    frequentie: Frequentie = element("Frequentie", "LDT_Frequentie")


@dataclass(kw_only=True)
class Product(BasisModel):
    """CDT_Product."""

    categorie: ProductCategorie = element("Categorie", "LDT_ProductCategorie")
    code: str | None = element("Code", "LDT_ProductCode", default=None)


@dataclass(kw_only=True)
class Referentie(BasisModel):
    """CDT_Referentie."""

    referentienummer: str = element("ReferentieNummer", "LDT_ReferentieNummer")
    vorig_referentienummer: str | None = element("VorigReferentieNummer", "LDT_ReferentieNummer", default=None)


@dataclass(kw_only=True)
class Telefoon(BasisModel):
    """CDT_Telefoon."""

    telefoonnummer: str = element("Telefoonnummer", "LDT_Telefoonnummer")
    landnummer: str = element("Landnummer", "LDT_Landnummer")


@dataclass(kw_only=True)
class Telefoonnummers(BasisModel):
    """CDT_Telefoonnummers."""

    telefoon01: Telefoon = element("Telefoon01", "CDT_Telefoon")
    telefoon02: Telefoon | None = element("Telefoon02", "CDT_Telefoon", default=None)


@dataclass(kw_only=True)
class VerkorteNaam(BasisModel):
    """CDT_VerkorteNaam."""

    geslachtsnaam: Achternaam = element("Geslachtsnaam", "CDT_Achternaam")
    voornamen: str | None = element("Voornamen", "LDT_Naam", default=None)
    voorletters: str | None = element("Voorletters", "LDT_Voorletters", default=None)


@dataclass(kw_only=True)
class VolledigeNaam(BasisModel):
    """CDT_VolledigeNaam."""

    geslachtsnaam: Achternaam = element("Geslachtsnaam", "CDT_Achternaam")
    partnernaam: Achternaam | None = element("Partnernaam", "CDT_Achternaam", default=None)
    voornamen: str | None = element("Voornamen", "LDT_Naam", default=None)
    voorletters: str | None = element("Voorletters", "LDT_Voorletters", default=None)
    naam_gebruik: NaamGebruik = element("NaamGebruik", "LDT_NaamGebruik")


@dataclass(kw_only=True)
class Verwijzer(BasisModel):
    """CDT_Verwijzer."""

    type: TypeVerwijzer = element("Type", "LDT_TypeVerwijzer")
    naam: str | None = element("Naam", "LDT_NaamVerwijzer", default=None)
    zorgverlener_code: str | None = element("ZorgverlenerCode", "LDT_AgbCode", default=None)


@dataclass(kw_only=True)
class XsdVersie(BasisModel):
    """CDT_XsdVersie. Standaardwaarden: de versies van de iWmo 3.2-schema's (IV034)."""

    basisschema_xsd_versie: str = element("BasisschemaXsdVersie", "LDT_Versie", default="1.0.0")
    bericht_xsd_versie: str = element("BerichtXsdVersie", "LDT_Versie", default="1.0.0")
