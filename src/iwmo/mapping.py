"""Declaratieve koppeling tussen dataclasses en iWmo-XML.

Eén mechanisme voor alle berichten: elk modelveld zegt met ``element(...)`` of
``lijst(...)`` welk XML-element het is; het Python-type (uit de annotatie) bepaalt de
conversie. Lezen (``lezen.py``) en schrijven (``schrijven.py``) lopen beide generiek over
deze beschrijving, zodat er geen code per bericht nodig is en lezen en schrijven niet
uit elkaar kunnen lopen. De volgorde van de velden in de dataclass is de volgorde van
de ``xs:sequence`` in het XSD; een test vergelijkt dit met de officiële schema's.

Namespaces: in iWmo staan de kinderen van een complexType in de namespace van het schema
waarin dat type is gedefinieerd. Typen uit het basisschema (``CDT_*``) hebben dus
kinderen in de basisschema-namespace; berichtspecifieke typen in de berichtnamespace.
Elke modelklasse zegt daarom met ``NAMESPACE`` welke van de twee geldt.
"""

from __future__ import annotations

import dataclasses
import enum
import functools
import types
import typing
from dataclasses import dataclass
from datetime import date, time
from typing import Any, ClassVar

BASIS_NS = "http://www.istandaarden.nl/iwmo/3_2/basisschema/schema"
BASIS_PREFIX = "iwmo"


def bericht_ns(naam: str) -> str:
    """Namespace van een berichtschema, bijv. ``bericht_ns('wmo301')``."""
    return f"http://www.istandaarden.nl/iwmo/3_2/{naam}/schema"


class Ns(enum.Enum):
    """In welke namespace staan de kinderen van een modelklasse."""

    BASIS = "basis"  # CDT-typen uit basisschema.xsd
    BERICHT = "bericht"  # typen uit het berichtschema zelf


class Model:
    """Basisklasse voor alle modelklassen (markering + namespace)."""

    NAMESPACE: ClassVar[Ns] = Ns.BERICHT


def element(xml: str, ldt: str | None = None, **kwargs: Any) -> Any:
    """Een enkelvoudig element. Optioneel als de annotatie ``X | None`` is."""
    return dataclasses.field(metadata={"xml": xml, "ldt": ldt}, **kwargs)


def lijst(omhulsel: str, xml: str, ldt: str | None = None, *, verplicht: bool = True, retour: bool = False) -> Any:
    """Een herhalend element ``xml`` binnen een omhullend element ``omhulsel``.

    ``verplicht``: het omhulsel zelf is verplicht (minOccurs=1); zo niet, dan wordt het
    weggelaten als de lijst leeg is. ``retour``: het veld bestaat alleen in
    retourberichten (de ``RetourCodes`` die elk berichtklasse daar krijgt).
    """
    meta = {"xml": xml, "ldt": ldt, "omhulsel": omhulsel, "verplicht": verplicht, "retour": retour}
    return dataclasses.field(default_factory=list, metadata=meta)


def retourcodes(*, verplicht: bool = True) -> Any:
    """De ``RetourCodes`` van een berichtklasse; alleen geschreven in retourberichten."""
    return lijst("RetourCodes", "RetourCode", "LDT_RetourCode", verplicht=verplicht, retour=True)


class Soort(enum.Enum):
    TEKST = "tekst"
    GETAL = "getal"
    DATUM = "datum"
    TIJD = "tijd"
    CODE = "code"
    MODEL = "model"


@dataclass(frozen=True, slots=True)
class Veld:
    """Beschrijving van één veld, afgeleid uit de dataclass."""

    naam: str  # Python-attribuut
    xml: str  # elementnaam
    soort: Soort
    type: type  # str/int/date/time, codelijstklasse of modelklasse
    ldt: str | None
    optioneel: bool  # enkelvoudig: minOccurs=0
    is_lijst: bool
    omhulsel: str | None
    omhulsel_verplicht: bool
    retour: bool


def _soort(tp: type) -> Soort:
    if isinstance(tp, type):
        if issubclass(tp, Model):
            return Soort.MODEL
        if issubclass(tp, enum.Enum):
            return Soort.CODE
        if tp is bool:
            raise TypeError("bool wordt niet gebruikt in iWmo")
        if issubclass(tp, int):
            return Soort.GETAL
        if issubclass(tp, str):
            return Soort.TEKST
        if tp is date:
            return Soort.DATUM
        if tp is time:
            return Soort.TIJD
    raise TypeError(f"niet ondersteund veldtype: {tp!r}")


@functools.cache
def velden(cls: type) -> tuple[Veld, ...]:
    """De velden van een modelklasse in XSD-volgorde."""
    hints = typing.get_type_hints(cls)
    uit: list[Veld] = []
    for f in dataclasses.fields(cls):
        if "xml" not in f.metadata:
            continue
        tp = hints[f.name]
        optioneel = False
        is_lijst = False
        if typing.get_origin(tp) in (typing.Union, types.UnionType):
            args = [a for a in typing.get_args(tp) if a is not type(None)]
            if len(args) != 1:
                raise TypeError(f"{cls.__name__}.{f.name}: alleen 'X | None' wordt ondersteund")
            tp, optioneel = args[0], True
        if typing.get_origin(tp) is list:
            (tp,) = typing.get_args(tp)
            is_lijst = True
        uit.append(
            Veld(
                naam=f.name,
                xml=f.metadata["xml"],
                soort=_soort(tp),
                type=tp,
                ldt=f.metadata.get("ldt"),
                optioneel=optioneel,
                is_lijst=is_lijst,
                omhulsel=f.metadata.get("omhulsel"),
                omhulsel_verplicht=f.metadata.get("verplicht", True),
                retour=f.metadata.get("retour", False),
            )
        )
    return tuple(uit)


def kinderen(obj: Model) -> typing.Iterator[tuple[Veld, int | None, Model]]:
    """Directe kind-modellen van ``obj``: (veld, index in lijst of None, kind)."""
    for v in velden(type(obj)):
        if v.soort is not Soort.MODEL:
            continue
        waarde = getattr(obj, v.naam)
        if v.is_lijst:
            for i, kind in enumerate(waarde):
                yield v, i, kind
        elif waarde is not None:
            yield v, None, waarde


def kind_pad(pad: str, v: Veld, index: int | None) -> str:
    """Elementpad van een kind, met 1-gebaseerde index bij herhalende elementen."""
    if v.is_lijst:
        return f"{pad}/{v.omhulsel}/{v.xml}[{(index or 0) + 1}]"
    return f"{pad}/{v.xml}"


def doorloop(obj: Model, pad: str = "/Bericht") -> typing.Iterator[tuple[str, Model]]:
    """Alle modelobjecten in een boom (diepte-eerst), met hun elementpad."""
    yield pad, obj
    for v, i, kind in kinderen(obj):
        yield from doorloop(kind, kind_pad(pad, v, i))
