"""De Header van heen- en retourberichten.

Elk berichtschema definieert zijn eigen ``Header``-type, maar de vorm is voor alle
heenberichten gelijk, en voor alle retourberichten ook (heen-header + retourgegevens).
``BerichtCode`` ligt per bericht vast; laat ``berichtcode`` leeg en de schrijver vult
de juiste code in.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from iwmo.codelists import RetourCode
from iwmo.mapping import Model, element, lijst
from iwmo.modellen.basis import BerichtIdentificatie, XsdVersie


@dataclass(kw_only=True)
class Header(Model):
    """Header van een heenbericht."""

    berichtcode: str = element("BerichtCode", "LDT_BerichtCode", default="")
    berichtversie: int = element("BerichtVersie", "LDT_BerichtVersie", default=3)
    berichtsubversie: int = element("BerichtSubversie", "LDT_BerichtSubversie", default=2)
    afzender: str = element("Afzender")  # LDT_Gemeente of LDT_AgbCode, afhankelijk van het bericht
    ontvanger: str = element("Ontvanger")
    berichtidentificatie: BerichtIdentificatie = element("BerichtIdentificatie", "CDT_BerichtIdentificatie")
    xsd_versie: XsdVersie = element("XsdVersie", "CDT_XsdVersie", default_factory=XsdVersie)


@dataclass(kw_only=True)
class RetourHeader(Header):
    """Header van een retourbericht (302, 306, 308, 316, 318, 320).

    De heen-velden worden ongewijzigd overgenomen (IV028); ``retour_codes`` is alleen
    gevuld als de header zelf is afgekeurd (bijv. 0001 bij afkeur op berichtinhoud).
    """

    identificatie_retour: str = element("IdentificatieRetour", "LDT_IdentificatieBericht")
    dagtekening_retour: date = element("DagtekeningRetour", "LDT_Datum")
    xslt_versie: str | None = element("XsltVersie", "LDT_Versie", default=None)
    xsd_versie_retour: XsdVersie = element("XsdVersieRetour", "CDT_XsdVersie", default_factory=XsdVersie)
    retour_codes: list[RetourCode] = lijst("RetourCodes", "RetourCode", "LDT_RetourCode", verplicht=False)


@dataclass(kw_only=True)
class DeclaratieAntwoordHeader(Header):
    """Header van het declaratie-antwoordbericht (325)."""

    declaratie_identificatie: BerichtIdentificatie = element("DeclaratieIdentificatie", "CDT_BerichtIdentificatie")
    xslt_versie: str | None = element("XsltVersie", "LDT_Versie", default=None)
    xsd_versie_declaratie: XsdVersie = element("XsdVersieDeclaratie", "CDT_XsdVersie", default_factory=XsdVersie)
    retour_codes: list[RetourCode] = lijst("RetourCodes", "RetourCode", "LDT_RetourCode")

