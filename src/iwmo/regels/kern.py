"""Het regelmechanisme: registratie, context en bevindingen.

Een regel is een functie die voor elk object van een bepaalde modelklasse wordt
aangeroepen (in de berichten waarvoor de regel geldt) en per overtreding een
:class:`Afwijking` oplevert. Het mechanisme maakt daar een :class:`Bevinding` van, met
elementpad, retourcode en de berichtklasse die de retourcode krijgt.

Controleniveaus en retourcodes volgen de standaard (IV028/IV032):

* ``INHOUD`` (controleniveau 2, "bericht inhoud (xslt)"): regels binnen één bericht. Eén
  fout keurt het hele bericht af; het retourbericht bevat alleen de Header met 0001.
* ``BERICHTOVERSTIJGEND`` (3) en ``EXTERNE_BRON`` (4): eigen retourcode bij de berichtklasse
  waarin de fout zit; de goedgekeurde berichtklassen van die client krijgen 0200.
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from iwmo.mapping import Model, doorloop, kind_pad, kinderen, velden
from iwmo.modellen.berichten import Bericht


class Niveau(enum.StrEnum):
    """Controleniveau, met de benaming uit het regelrapport."""

    INNAME = "inname"
    XSD = "berichtformaat (xsd)"
    INHOUD = "bericht inhoud (xslt)"
    BERICHTOVERSTIJGEND = "berichtoverstijgend"
    EXTERNE_BRON = "externe bron"


@dataclass(frozen=True, slots=True)
class Afwijking:
    """Wat een regelfunctie oplevert: welk element, welke melding.

    ``element`` is relatief aan het object waarop de regel draait (bijv. ``Einddatum`` of
    ``ProductPeriode/Einddatum``); leeg betekent het object zelf. ``object`` is optioneel
    een ander modelobject waar de afwijking over gaat (bijv. een kind).
    """

    element: str
    melding: str
    object: Model | None = None


@dataclass(frozen=True, slots=True)
class Bevinding:
    """Eén overtreden regel in een bericht."""

    regel: str  # regelcode uit het regelrapport, 'XSD' of een IWMO-foutcode
    retourcode: str | None  # retourcode uit WJ001; None als er geen retourbericht volgt
    niveau: Niveau
    pad: str  # elementpad, bijv. /Bericht/Client/Contactgegevens/Contact[1]/Adres/Postcode
    melding: str
    klasse: Model | None = field(default=None, compare=False, repr=False)  # krijgt de retourcode

    def __str__(self) -> str:
        code = self.retourcode or "-"
        return f"{self.pad}: {code} {self.regel}: {self.melding}"


RegelFunctie = Callable[[Any, "Context"], Iterable[Afwijking]]


@dataclass(frozen=True)
class Regel:
    """Een geregistreerde regel."""

    code: str
    titel: str
    retourcode: str
    niveau: Niveau
    berichten: frozenset[str]  # {'wmo301', ...}
    op: tuple[type, ...]  # modelklassen waarop de functie draait
    functie: RegelFunctie = field(repr=False)
    bron: str | None = None  # methode van ``bronnen`` die de regel nodig heeft (iwmo.regels.haken)


#: Alle regels die deze bibliotheek zelf controleert, op volgorde van registratie.
REGELS: list[Regel] = []


def registreer(
    functie: RegelFunctie,
    code: str,
    titel: str,
    *,
    berichten: str,
    op: type | tuple[type, ...],
    retourcode: str = "0001",
    niveau: Niveau = Niveau.INHOUD,
    bron: str | None = None,
) -> Regel:
    """Registreer ``functie`` als regel ``code`` in :data:`REGELS`. ``berichten`` bijv. ``"301 315 317"``.

    ``bron``: de methode van ``bronnen`` die de regel nodig heeft; zonder die methode draait de
    regel niet en staat hij in :attr:`Controleresultaat.niet_gecontroleerd`.

    Een aanroep na de functie en geen decorator: mutmut 3 muteert geen gedecoreerde functies, en
    zo blijven de regelfuncties onder mutatietesten (docs/development.md, "Mutation testing").
    """
    nieuw = Regel(
        code=code,
        titel=titel,
        retourcode=retourcode,
        niveau=niveau,
        berichten=frozenset("wmo" + b for b in berichten.split()),
        op=op if isinstance(op, tuple) else (op,),
        functie=functie,
        bron=bron,
    )
    REGELS.append(nieuw)
    return nieuw


def is_berichtklasse(obj: object) -> bool:
    """Een berichtklasse is een modelobject dat retourcodes kan krijgen (of de Header).

    De Declaratie (323) telt mee: in het declaratie-antwoord is zij de DeclaratieAntwoord.
    """
    from iwmo.modellen.declaratie import Declaratie
    from iwmo.modellen.header import Header

    return isinstance(obj, (Header, Declaratie)) or any(v.naam == "retour_codes" for v in velden(type(obj)))


@dataclass
class Context:
    """Wat een regel over het bericht als geheel mag weten.

    ``vandaag`` is de systeemdatum van de ontvanger (TR135); ``bronnen`` en ``historie``
    zijn de haken voor controles tegen externe bronnen en eerdere berichten (zie
    :mod:`iwmo.regels.haken`); ze zijn ``None`` als de aanroeper ze niet levert.
    """

    bericht: Bericht
    vandaag: date
    bronnen: Any = None
    historie: Any = None
    paden: dict[int, str] = field(default_factory=dict)
    ouders: dict[int, Model] = field(default_factory=dict)

    @property
    def dagtekening(self) -> date:
        return self.bericht.header.berichtidentificatie.dagtekening

    def pad(self, obj: Model) -> str:
        return self.paden.get(id(obj), "")

    def ouder(self, obj: Model) -> Model | None:
        return self.ouders.get(id(obj))

    def berichtklasse(self, obj: Model) -> Model | None:
        """Dichtstbijzijnde berichtklasse (zelf of voorouder) die de retourcode krijgt."""
        huidig: Model | None = obj
        while huidig is not None and not is_berichtklasse(huidig):
            huidig = self.ouder(huidig)
        return huidig


def maak_context(bericht: Bericht, *, vandaag: date | None = None, bronnen: Any = None, historie: Any = None) -> Context:
    """Context met paden en ouders van alle modelobjecten in ``bericht``."""
    ctx = Context(bericht=bericht, vandaag=vandaag or date.today(), bronnen=bronnen, historie=historie)

    def bezoek(obj: Model, pad: str, ouder: Model | None) -> None:
        ctx.paden[id(obj)] = pad
        if ouder is not None:
            ctx.ouders[id(obj)] = ouder
        for v, i, kind in kinderen(obj):
            bezoek(kind, kind_pad(pad, v, i), obj)

    bezoek(bericht, "/Bericht", None)
    return ctx


def heeft_bron(regel: Regel, bronnen: Any) -> bool:
    """Kan ``regel`` draaien: vraagt hij geen bron, of levert ``bronnen`` de methode die hij vraagt?"""
    return regel.bron is None or callable(getattr(bronnen, regel.bron, None))


def niet_gecontroleerd(regels: Iterable[Regel], bericht_naam: str, bronnen: Any) -> tuple[str, ...]:
    """De codes (gesorteerd) van de regels voor dit bericht die niet draaien omdat hun bron ontbreekt."""
    return tuple(sorted({r.code for r in regels if bericht_naam in r.berichten and not heeft_bron(r, bronnen)}))


def voer_uit(regels: Iterable[Regel], ctx: Context) -> Iterator[Bevinding]:
    """Draai ``regels`` op het bericht in ``ctx``; een regel waarvan de bron ontbreekt, draait niet."""
    naam = ctx.bericht.NAAM
    objecten = [obj for _, obj in doorloop(ctx.bericht)]
    for r in regels:
        if naam not in r.berichten or not heeft_bron(r, ctx.bronnen):
            continue
        for obj in objecten:
            if not isinstance(obj, r.op):
                continue
            for afwijking in r.functie(obj, ctx):
                doel = afwijking.object or obj
                pad = ctx.pad(doel)
                if afwijking.element:
                    pad = f"{pad}/{afwijking.element}"
                yield Bevinding(
                    regel=r.code,
                    retourcode=r.retourcode,
                    niveau=r.niveau,
                    pad=pad,
                    melding=afwijking.melding,
                    klasse=ctx.berichtklasse(doel),
                )


def regels_voor(bericht_naam: str) -> list[Regel]:
    """De eigen regels die voor een bericht gelden (bijv. ``'wmo323'``)."""
    return [r for r in REGELS if bericht_naam in r.berichten]


__all__ = [
    "REGELS",
    "Afwijking",
    "Bevinding",
    "Context",
    "Niveau",
    "Regel",
    "heeft_bron",
    "is_berichtklasse",
    "maak_context",
    "niet_gecontroleerd",
    "regels_voor",
    "registreer",
    "voer_uit",
]
