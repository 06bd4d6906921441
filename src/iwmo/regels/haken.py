"""Haken voor regels die meer nodig hebben dan het bericht zelf.

Deze bibliotheek slaat niets op. Regels die eerdere berichten nodig hebben
(controleniveau 3, *berichtoverstijgend*) of een bron buiten het berichtenverkeer
(niveau 4, *externe bron*) zijn de taak van het ontvangende systeem. Dat kan op twee
manieren aanhaken:

1. Een object met (een deel van) de methoden van :class:`ExterneBronnen` meegeven als
   ``bronnen``; de bibliotheek voert dan TR378 (S300), TR381 (S329) en TR418 (0611) uit.
   Een regel waarvan de methode ontbreekt, draait niet en staat in
   ``Controleresultaat.niet_gecontroleerd`` (zoals ``schema_gecontroleerd`` zegt of het XSD
   gecontroleerd is); een methode die voor één waarde ``None`` teruggeeft (onbekend), slaat
   de regel voor die waarde over. Een optionele methode ``voorbereiden(bericht)`` wordt één keer
   aangeroepen vóór de regels, zodat de bron in één keer kan ophalen wat het bericht noemt.
2. Eigen regels maken met :func:`maak_regel` en meegeven als ``extra_regels``; ze krijgen
   dezelfde :class:`~iwmo.regels.kern.Context` (met ``ctx.historie``: wat u maar wilt
   meegeven, bijvoorbeeld een repository) en leveren :class:`~iwmo.regels.kern.Afwijking`
   op. Retourcode, controleniveau en elementpad regelt het mechanisme.

:data:`BERICHTOVERSTIJGEND` somt de regels op die zo moeten worden aangevuld.
"""

from __future__ import annotations

from datetime import date
from typing import Protocol

from iwmo.modellen.berichten import Bericht
from iwmo.regels.kern import Niveau, Regel, RegelFunctie


class ExterneBronnen(Protocol):
    """Optionele bronnen van het ontvangende systeem (controleniveau 4)."""

    def voorbereiden(self, bericht: Bericht) -> None:
        """Optioneel: haal vooraf op wat de regels voor dit bericht zullen vragen."""

    def gemeentecode_bestaat(self, code: str, peildatum: date) -> bool | None:
        """TR378: bestaat de gemeentecode in de CBS-lijst op ``peildatum``?"""

    def productcode_bestaat(self, categorie: str, code: str, peildatum: date) -> bool | None:
        """TR381: past de productcode bij de categorie volgens de gehanteerde productcodelijst?"""

    def contracttarief(
        self, aanbieder: str, categorie: str, code: str, eenheid: str, peildatum: date, *, toewijzingnummer: int | None
    ) -> int | None:
        """TR418: het contractuele tarief in eurocenten per eenheid, of ``None`` als onbekend.

        ``toewijzingnummer`` is dat van de Prestatie: het tarief hangt vaak af van de toewijzing
        (bijvoorbeeld van de zwaarte die de gemeente toewees).
        """


#: Welke bron elke regel met een bron vraagt, in woorden (voor meldingen).
BRONNEN: dict[str, str] = {
    "gemeentecode_bestaat": "gemeentecodes van CBS",
    "productcode_bestaat": "productcodelijst",
    "contracttarief": "contracttarieven",
}


def maak_regel(
    code: str,
    titel: str,
    *,
    berichten: str,
    op: type | tuple[type, ...],
    retourcode: str,
    niveau: Niveau = Niveau.BERICHTOVERSTIJGEND,
    functie: RegelFunctie,
    bron: str | None = None,
) -> Regel:
    """Een regel van het ontvangende systeem, voor ``extra_regels``; wordt niet globaal geregistreerd."""
    return Regel(
        code=code,
        titel=titel,
        retourcode=retourcode,
        niveau=niveau,
        berichten=frozenset("wmo" + b for b in berichten.split()),
        op=op if isinstance(op, tuple) else (op,),
        functie=functie,
        bron=bron,
    )


# Regels die eerdere berichten of eigen administratie vereisen: (code, retourcode, berichten).
# Bron: regelrapport iWmo 3.2, controleniveau 'berichtoverstijgend' (TR337, TR371 en TR376
# hebben geen retourcode).
BERICHTOVERSTIJGEND: tuple[tuple[str, str, str], ...] = (
    ("TR019", "9019", "305 307"),
    ("TR056", "9056", "301 305 307 315 317 319 323 325"),
    ("TR063", "9063", "305 307"),
    ("TR071", "9071", "305"),
    ("TR074", "9074", "305 307"),
    ("TR304", "8187", "317 323 325"),
    ("TR307", "9307", "323"),
    ("TR308", "9308", "323"),
    ("TR314", "8021", "323"),
    ("TR318", "8214", "323"),
    ("TR319", "9319", "323"),
    ("TR321", "9321", "323"),
    ("TR322", "9322", "323"),
    ("TR323", "8017", "323"),
    ("TR326", "9326", "305"),
    ("TR332", "9332", "301"),
    ("TR333", "9333", "323"),
    ("TR337", "", "325"),
    ("TR338", "9338", "323"),
    ("TR339", "9339", "323"),
    ("TR340", "9340", "323"),
    ("TR341", "9341", "323"),
    ("TR347", "9347", "315 317"),
    ("TR349", "9349", "317"),
    ("TR350", "9350", "317"),
    ("TR351", "9351", "317"),
    ("TR355", "9355", "319"),
    ("TR357", "9357", "317"),
    ("TR359", "9359", "319"),
    ("TR360", "9360", "319"),
    ("TR361", "9361", "317"),
    ("TR365", "9365", "319"),
    ("TR366", "9366", "325"),
    ("TR367", "9367", "325"),
    ("TR369", "9369", "323"),
    ("TR371", "", "325"),
    ("TR373", "9373", "317"),
    ("TR374", "9374", "315 317"),
    ("TR375", "9375", "317"),
    ("TR376", "", "325"),
    ("TR379", "9379", "301"),
    ("TR382", "9069", "307"),
    ("TR384", "9384", "323"),
    ("TR385", "9385", "301"),
    ("TR387", "9387", "323"),
    ("TR388", "9388", "323"),
    ("TR389", "9389", "323"),
    ("TR390", "9390", "323"),
    ("TR411", "9411", "317"),
    ("TR412", "9412", "317"),
    ("TR413", "9413", "307"),
    ("TR414", "9414", "307"),
    ("TR415", "9415", "307"),
)
