"""Leesbare Nederlandse samenvatting van een bericht (voor ``python -m iwmo show``)."""

from __future__ import annotations

import enum
from datetime import date, time

from iwmo.bedragen import euro
from iwmo.mapping import Model, Soort, velden
from iwmo.modellen.berichten import Bericht

# Velden in eurocenten: die tonen we als bedrag.
_BEDRAGEN = {"bedrag", "totaal_bedrag", "budget", "product_tarief"}


def _waarde(naam: str, w: object) -> str:
    if isinstance(w, enum.Enum):
        omschrijving = getattr(w, "omschrijving", "")
        return f"{w.value} ({omschrijving})" if omschrijving else str(w.value)
    if isinstance(w, date):
        return w.strftime("%d-%m-%Y")
    if isinstance(w, time):
        return w.isoformat()
    if isinstance(w, int) and naam in _BEDRAGEN:
        return euro(w)
    return str(w)


def _regels(obj: Model, inspringen: int) -> list[str]:
    uit: list[str] = []
    ruimte = "  " * inspringen
    for v in velden(type(obj)):
        w = getattr(obj, v.naam)
        if w is None or w == [] or w == "":
            continue
        if v.soort is Soort.MODEL:
            items = w if v.is_lijst else [w]
            for i, item in enumerate(items, start=1):
                uit.append(f"{ruimte}{v.xml}" + (f" {i}" if v.is_lijst else "") + ":")
                uit.extend(_regels(item, inspringen + 1))
        elif v.is_lijst:
            uit.append(f"{ruimte}{v.xml}: " + ", ".join(_waarde(v.naam, x) for x in w))
        else:
            uit.append(f"{ruimte}{v.xml}: {_waarde(v.naam, w)}")
    return uit


def samenvatting(bericht: Bericht) -> str:
    """Alle gevulde gegevens van het bericht, met omschrijvingen van codes en bedragen in euro."""
    h = bericht.header
    kop = [
        f"{bericht.NAAM.upper()} – {bericht.OMSCHRIJVING} (BerichtCode {h.berichtcode}, iWmo {h.berichtversie}.{h.berichtsubversie})",
        f"Van {h.afzender} aan {h.ontvanger}, identificatie {h.berichtidentificatie.identificatie}, "
        f"dagtekening {_waarde('', h.berichtidentificatie.dagtekening)}",
        "",
    ]
    return "\n".join(kop + _regels(bericht, 0)) + "\n"
