"""De volledige controle van een ontvangen bericht, in de volgorde van de standaard.

1. veilige inname (:mod:`iwmo.inname`);
2. XSD-validatie, als er een schemamap is (controleniveau 1);
3. lezen naar het model (structuur en waarden);
4. de regels binnen het bericht (niveau 2) en, via haken, niveau 3 en 4.

Stopt na de eerste stap die faalt: wat niet door inname, XSD of lezen komt, heeft geen
zinvol model om regels op te draaien. Regels worden wél allemaal gedraaid, zodat de
afzender alle inhoudelijke fouten in één keer ziet.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from iwmo.fouten import Foutcode, IwmoFout
from iwmo.inname import MAX_GROOTTE, bepaal_berichttype, parse_veilig
from iwmo.lezen import lees_element
from iwmo.modellen.berichten import Bericht
from iwmo.regels import REGELS, Bevinding, Niveau, Regel, maak_context, niet_gecontroleerd, voer_uit
from iwmo.schema import validate_schema


@dataclass
class Controleresultaat:
    """Uitkomst van :func:`check`."""

    bericht: Bericht | None  # None als inname, XSD of lezen faalde
    bevindingen: list[Bevinding] = field(default_factory=list)
    schema_gecontroleerd: bool = False  # False: er was geen schemamap, alleen eigen controles
    # De regels voor dit bericht die niet zijn gecontroleerd omdat hun bron ontbrak (TR378, TR381,
    # TR418 zonder ``bronnen``); leeg als het bericht niet gelezen kon worden (dan draaide geen regel).
    niet_gecontroleerd: tuple[str, ...] = ()

    @property
    def geldig(self) -> bool:
        return not self.bevindingen

    @property
    def afgekeurd_op(self) -> Niveau | None:
        """Het laagste controleniveau met een bevinding (bepaalt de vorm van het retourbericht)."""
        volgorde = list(Niveau)
        return min((b.niveau for b in self.bevindingen), key=volgorde.index, default=None)

    def retourbericht(
        self, *, identificatie_retour: str, dagtekening_retour: date | None = None, xslt_versie: str | None = None
    ) -> Bericht | None:
        """Het retourbericht (of declaratie-antwoord) volgens IV028/IV087.

        ``None`` als er geen retourbericht hoort: bij afkeur op inname of XSD krijgt de
        afzender een foutmelding in plaats van een retourbericht, en op retourberichten
        zelf wordt niet gereageerd.
        """
        from iwmo.retour import maak_retourbericht

        if self.bericht is None or self.bericht.RETOUR:
            return None
        return maak_retourbericht(
            self.bericht,
            self.bevindingen,
            identificatie_retour=identificatie_retour,
            dagtekening_retour=dagtekening_retour or date.today(),
            xslt_versie=xslt_versie,
        )


def _uit_fout(fout: IwmoFout, niveau: Niveau) -> Bevinding:
    return Bevinding(regel=str(fout.code), retourcode=None, niveau=niveau, pad=fout.pad, melding=fout.melding)


def check(
    data: bytes,
    schema_dir: str | os.PathLike[str] | None = None,
    *,
    vandaag: date | None = None,
    bronnen: Any = None,
    historie: Any = None,
    extra_regels: Iterable[Regel] = (),
    max_grootte: int = MAX_GROOTTE,
) -> Controleresultaat:
    """Controleer een ontvangen bericht volledig. Gooit geen fouten voor slechte invoer.

    ``schema_dir``: map met de officiële XSD's; ``None`` slaat XSD-validatie over
    (``schema_gecontroleerd`` is dan ``False``). ``vandaag``: systeemdatum voor TR135.
    ``bronnen``/``historie``/``extra_regels``: zie :mod:`iwmo.regels.haken`; regels waarvan de
    bron ontbreekt, staan in ``niet_gecontroleerd``.
    """
    try:
        wortel = parse_veilig(data, max_grootte)
        bepaal_berichttype(wortel)
    except IwmoFout as e:
        return Controleresultaat(None, [_uit_fout(e, Niveau.INNAME)], schema_gecontroleerd=False)
    if schema_dir is not None:
        fouten = validate_schema(wortel, schema_dir)
        if fouten:
            return Controleresultaat(
                None,
                [
                    Bevinding(regel=str(Foutcode.SCHEMA), retourcode=None, niveau=Niveau.XSD, pad=f.pad, melding=f"regel {f.regel}: {f.melding}")
                    for f in fouten
                ],
                schema_gecontroleerd=True,
            )
    try:
        bericht = lees_element(wortel)
    except IwmoFout as e:
        return Controleresultaat(None, [_uit_fout(e, Niveau.XSD)], schema_gecontroleerd=schema_dir is not None)
    regels = [*REGELS, *extra_regels]
    voorbereiden = getattr(bronnen, "voorbereiden", None)
    if callable(voorbereiden):
        voorbereiden(bericht)
    ctx = maak_context(bericht, vandaag=vandaag, bronnen=bronnen, historie=historie)
    bevindingen = list(voer_uit(regels, ctx))
    return Controleresultaat(bericht, bevindingen, schema_gecontroleerd=schema_dir is not None,
                             niet_gecontroleerd=niet_gecontroleerd(regels, bericht.NAAM, bronnen))
