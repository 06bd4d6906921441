"""Rekenen met bedragen in gehele eurocenten.

iWmo rekent in eurocenten (``LDT_Bedrag`` is een geheel getal). Afronden gebeurt
rekenkundig (half naar boven), zonder floats.
"""

from __future__ import annotations

from iwmo.codelists import Eenheid


def deel_afgerond(teller: int, noemer: int) -> int:
    """``teller / noemer`` rekenkundig afgerond (half naar boven) voor niet-negatieve getallen."""
    if noemer <= 0 or teller < 0:
        raise ValueError("alleen niet-negatieve teller en positieve noemer")
    return (2 * teller + noemer) // (2 * noemer)


def verwacht_bedrag(volume: int, tarief: int) -> int:
    """IngediendBedrag = GeleverdVolume × ProductTarief (TR346), in eurocenten."""
    return volume * tarief


def bedrag_klopt(volume: int, tarief: int, bedrag: int, eenheid: str, uurtarief: int | None = None) -> bool:
    """Klopt ``bedrag`` met ``volume`` × ``tarief`` (regel TR346)?

    Uitzondering uit de toelichting bij TR346 (zie IV081): bij declareren in minuten op
    een uurtarief dat niet deelbaar is door 60, is het tarief per minuut afgerond en wordt
    het bedrag berekend als uurtarief × volume / 60, afgerond op centen. Is het
    contractuele ``uurtarief`` bekend, dan rekenen we daarmee; anders accepteren we elk
    uurtarief dat afgerond dit minuuttarief geeft.
    """
    if bedrag == volume * tarief:
        return True
    if eenheid != Eenheid.MINUUT or volume <= 0:
        return False
    if uurtarief is not None:
        return bedrag == deel_afgerond(uurtarief * volume, 60)
    # Alle uurtarieven u met afgerond(u/60) == tarief: 60*tarief-30 <= u < 60*tarief+30.
    laag, hoog = max(0, 60 * tarief - 30), 60 * tarief + 29
    # afgerond(u*volume/60) == bedrag  <=>  (bedrag-0.5)*60/volume <= u < (bedrag+0.5)*60/volume
    u_min = -((-(120 * bedrag - 60)) // (2 * volume))  # plafond van (2*bedrag-1)*60/(2*volume)
    u_max = (120 * bedrag + 60 - 1) // (2 * volume)  # strikt kleiner dan (2*bedrag+1)*60/(2*volume)
    return max(laag, u_min) <= min(hoog, u_max)


def euro(centen: int) -> str:
    """Leesbaar bedrag: ``euro(123456)`` -> ``'€ 1.234,56'``."""
    teken = "-" if centen < 0 else ""
    euros, rest = divmod(abs(centen), 100)
    return f"{teken}€ {euros:,}".replace(",", ".") + f",{rest:02d}"
