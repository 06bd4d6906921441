"""Getypeerde modellen (dataclasses) van de iWmo 3.2-berichten.

Bedragen zijn gehele eurocenten (``int``), zoals ``LDT_Bedrag`` in de standaard;
datums zijn ``datetime.date``, tijden ``datetime.time``; codes zijn leden van de
codelijsten in :mod:`iwmo.codelists` (een ``str``-subklasse).
"""

from iwmo.modellen.berichten import (
    BERICHTEN,
    RETOUR_VAN,
    Bericht,
    Wmo301,
    Wmo302,
    Wmo305,
    Wmo306,
    Wmo307,
    Wmo308,
    Wmo315,
    Wmo316,
    Wmo317,
    Wmo318,
    Wmo319,
    Wmo320,
    Wmo323,
    Wmo325,
    berichttype,
)

__all__ = [
    "BERICHTEN",
    "RETOUR_VAN",
    "Bericht",
    "Wmo301",
    "Wmo302",
    "Wmo305",
    "Wmo306",
    "Wmo307",
    "Wmo308",
    "Wmo315",
    "Wmo316",
    "Wmo317",
    "Wmo318",
    "Wmo319",
    "Wmo320",
    "Wmo323",
    "Wmo325",
    "berichttype",
]
