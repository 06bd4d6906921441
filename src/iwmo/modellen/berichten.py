"""De veertien iWmo 3.2-berichten als dataclasses, en het register ervan.

Een bericht is een ``Header`` plus één inhoudsdeel (Client, Antwoord, Declaratie of
DeclaratieAntwoord). Retourberichten hergebruiken de berichtklassen van het heenbericht:
die hebben elk een veld ``retour_codes`` dat alleen in retourberichten wordt geschreven,
precies zoals de retour-XSD's de heen-typen herhalen met ``RetourCodes`` erachter.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from iwmo.mapping import Model, bericht_ns, element
from iwmo.modellen.declaratie import Declaratie, DeclaratieAntwoord
from iwmo.modellen.header import DeclaratieAntwoordHeader, Header, RetourHeader
from iwmo.modellen.regie import StartClient, StopClient
from iwmo.modellen.toewijzing import Client
from iwmo.modellen.verzoek import Antwoord, VerzoekToewijzingClient, VerzoekWijzigingClient


class Bericht(Model):
    """Basisklasse van alle berichten."""

    NAAM: ClassVar[str]  # 'wmo301'
    BERICHTCODE: ClassVar[str]  # waarde van Header/BerichtCode, bijv. '414'
    OMSCHRIJVING: ClassVar[str]
    RETOUR: ClassVar[bool] = False  # berichtklassen dragen RetourCodes
    header: Header

    def __post_init__(self) -> None:
        # BerichtCode ligt per bericht vast; wie hem leeg laat, krijgt de juiste.
        if not self.header.berichtcode:
            self.header.berichtcode = self.BERICHTCODE

    @classmethod
    def namespace(cls) -> str:
        return bericht_ns(cls.NAAM)

    @property
    def inhoud(self) -> Model | None:
        """Het deel na de Header (Client, Antwoord, Declaratie of DeclaratieAntwoord)."""
        from iwmo.mapping import velden

        return getattr(self, velden(type(self))[1].naam)


@dataclass(kw_only=True)
class Wmo301(Bericht):
    NAAM = "wmo301"
    BERICHTCODE = "414"
    OMSCHRIJVING = "Toewijzing Wmo-ondersteuning"
    header: Header = element("Header")
    client: Client = element("Client")


@dataclass(kw_only=True)
class Wmo302(Bericht):
    NAAM = "wmo302"
    BERICHTCODE = "415"
    OMSCHRIJVING = "Retourbericht toewijzing"
    RETOUR = True
    header: RetourHeader = element("Header")
    client: Client | None = element("Client", default=None)


@dataclass(kw_only=True)
class Wmo305(Bericht):
    NAAM = "wmo305"
    BERICHTCODE = "418"
    OMSCHRIJVING = "Start Wmo-ondersteuning"
    header: Header = element("Header")
    client: StartClient = element("Client")


@dataclass(kw_only=True)
class Wmo306(Bericht):
    NAAM = "wmo306"
    BERICHTCODE = "419"
    OMSCHRIJVING = "Retourbericht start Wmo-ondersteuning"
    RETOUR = True
    header: RetourHeader = element("Header")
    client: StartClient | None = element("Client", default=None)


@dataclass(kw_only=True)
class Wmo307(Bericht):
    NAAM = "wmo307"
    BERICHTCODE = "420"
    OMSCHRIJVING = "Stop Wmo-ondersteuning"
    header: Header = element("Header")
    client: StopClient = element("Client")


@dataclass(kw_only=True)
class Wmo308(Bericht):
    NAAM = "wmo308"
    BERICHTCODE = "421"
    OMSCHRIJVING = "Retourbericht stop Wmo-ondersteuning"
    RETOUR = True
    header: RetourHeader = element("Header")
    client: StopClient | None = element("Client", default=None)


@dataclass(kw_only=True)
class Wmo315(Bericht):
    NAAM = "wmo315"
    BERICHTCODE = "444"
    OMSCHRIJVING = "Verzoek om toewijzing Wmo-ondersteuning"
    header: Header = element("Header")
    client: VerzoekToewijzingClient = element("Client")


@dataclass(kw_only=True)
class Wmo316(Bericht):
    NAAM = "wmo316"
    BERICHTCODE = "445"
    OMSCHRIJVING = "Retourbericht verzoek om toewijzing"
    RETOUR = True
    header: RetourHeader = element("Header")
    client: VerzoekToewijzingClient | None = element("Client", default=None)


@dataclass(kw_only=True)
class Wmo317(Bericht):
    NAAM = "wmo317"
    BERICHTCODE = "480"
    OMSCHRIJVING = "Verzoek om wijziging Wmo-ondersteuning"
    header: Header = element("Header")
    client: VerzoekWijzigingClient = element("Client")


@dataclass(kw_only=True)
class Wmo318(Bericht):
    NAAM = "wmo318"
    BERICHTCODE = "481"
    OMSCHRIJVING = "Retourbericht verzoek om wijziging"
    RETOUR = True
    header: RetourHeader = element("Header")
    client: VerzoekWijzigingClient | None = element("Client", default=None)


@dataclass(kw_only=True)
class Wmo319(Bericht):
    NAAM = "wmo319"
    BERICHTCODE = "482"
    OMSCHRIJVING = "Antwoordbericht op verzoek"
    header: Header = element("Header")
    antwoord: Antwoord = element("Antwoord")


@dataclass(kw_only=True)
class Wmo320(Bericht):
    NAAM = "wmo320"
    BERICHTCODE = "483"
    OMSCHRIJVING = "Retourbericht antwoordbericht"
    RETOUR = True
    header: RetourHeader = element("Header")
    antwoord: Antwoord | None = element("Antwoord", default=None)


@dataclass(kw_only=True)
class Wmo323(Bericht):
    NAAM = "wmo323"
    BERICHTCODE = "484"
    OMSCHRIJVING = "Declaratie Wmo-ondersteuning"
    header: Header = element("Header")
    declaratie: Declaratie = element("Declaratie")


@dataclass(kw_only=True)
class Wmo325(Bericht):
    NAAM = "wmo325"
    BERICHTCODE = "485"
    OMSCHRIJVING = "Declaratie-antwoord Wmo-ondersteuning"
    RETOUR = True
    header: DeclaratieAntwoordHeader = element("Header")
    declaratie_antwoord: DeclaratieAntwoord | None = element("DeclaratieAntwoord", default=None)


#: Alle berichttypen, op naam ('wmo301').
BERICHTEN: dict[str, type[Bericht]] = {
    cls.NAAM: cls
    for cls in (
        Wmo301, Wmo302, Wmo305, Wmo306, Wmo307, Wmo308, Wmo315,
        Wmo316, Wmo317, Wmo318, Wmo319, Wmo320, Wmo323, Wmo325,
    )
}  # fmt: skip

#: Heenbericht -> bijbehorend retour- of antwoordbericht.
RETOUR_VAN: dict[type[Bericht], type[Bericht]] = {
    Wmo301: Wmo302,
    Wmo305: Wmo306,
    Wmo307: Wmo308,
    Wmo315: Wmo316,
    Wmo317: Wmo318,
    Wmo319: Wmo320,
    Wmo323: Wmo325,
}

_OP_NAMESPACE = {cls.namespace(): cls for cls in BERICHTEN.values()}


def berichttype(sleutel: str) -> type[Bericht] | None:
    """Berichtklasse bij een namespace, naam ('wmo301'/'301') of BerichtCode ('414')."""
    if sleutel in _OP_NAMESPACE:
        return _OP_NAMESPACE[sleutel]
    s = sleutel.lower()
    if s in BERICHTEN:
        return BERICHTEN[s]
    if "wmo" + s in BERICHTEN:
        return BERICHTEN["wmo" + s]
    for cls in BERICHTEN.values():
        if cls.BERICHTCODE == sleutel:
            return cls
    return None
