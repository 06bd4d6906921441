"""Foutsoorten met stabiele codes.

De codes (``IWMO-…``) zijn bedoeld voor machines en logboeken en veranderen niet; de
meldingen zijn Nederlandse tekst voor mensen. Retourcodes uit de standaard (``0001``,
``9346`` …) staan apart in :class:`iwmo.codelists.RetourCode`.
"""

from __future__ import annotations

from enum import StrEnum


class Foutcode(StrEnum):
    # Inname: het bericht wordt in zijn geheel geweigerd, vóór elke inhoudelijke controle.
    TE_GROOT = "IWMO-TE-GROOT"
    LEEG = "IWMO-LEEG"
    BOM = "IWMO-BOM"
    GEEN_UTF8 = "IWMO-GEEN-UTF8"
    ENCODING = "IWMO-ENCODING"
    DOCTYPE = "IWMO-DOCTYPE"
    ENTITEIT = "IWMO-ENTITEIT"
    NIET_WELGEVORMD = "IWMO-NIET-WELGEVORMD"
    ONBEKEND_BERICHT = "IWMO-ONBEKEND-BERICHT"
    # Lezen: de boom past niet op het model (alleen relevant als er geen XSD-controle was).
    STRUCTUUR = "IWMO-STRUCTUUR"
    WAARDE = "IWMO-WAARDE"
    # XSD-validatie (controleniveau 1).
    SCHEMA = "IWMO-XSD"
    # Opdrachtregel: het bestand zelf is niet te lezen (bestaat niet, is een map, geen leesrechten).
    BESTAND = "IWMO-BESTAND"


class IwmoFout(Exception):
    """Basis van alle fouten van deze bibliotheek."""

    def __init__(self, code: Foutcode, melding: str, pad: str = "", regel: int | None = None) -> None:
        super().__init__(f"{code}: {melding}" + (f" ({pad})" if pad else ""))
        self.code = code
        self.melding = melding
        self.pad = pad
        self.regel = regel  # regelnummer in het document, als bekend


class InnameFout(IwmoFout):
    """Het bericht is bij inname geweigerd (te groot, geen UTF-8, DOCTYPE, geen XML …)."""


class LeesFout(IwmoFout):
    """De XML past niet op het model van het bericht (ontbrekend/onverwacht element, foute waarde)."""
