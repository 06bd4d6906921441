"""Regels uit het regelrapport iWmo 3.2.

``kern``: het mechanisme; ``inhoud``: de regels die binnen één bericht te controleren
zijn; ``haken``: aansluiting voor regels die eerdere berichten of externe bronnen vragen.
"""

from iwmo.regels import inhoud as _inhoud  # noqa: F401  (registreert de regels)
from iwmo.regels.haken import BERICHTOVERSTIJGEND, BRONNEN, ExterneBronnen, maak_regel
from iwmo.regels.kern import (
    REGELS,
    Afwijking,
    Bevinding,
    Context,
    Niveau,
    Regel,
    maak_context,
    niet_gecontroleerd,
    regels_voor,
    voer_uit,
)

__all__ = [
    "BERICHTOVERSTIJGEND",
    "BRONNEN",
    "REGELS",
    "Afwijking",
    "Bevinding",
    "Context",
    "ExterneBronnen",
    "Niveau",
    "Regel",
    "maak_context",
    "maak_regel",
    "niet_gecontroleerd",
    "regels_voor",
    "voer_uit",
]
