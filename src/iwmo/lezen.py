"""XML -> model, generiek over de veldbeschrijving in :mod:`iwmo.mapping`.

De lezer controleert de structuur streng (volgorde, verplichte en onbekende elementen,
waarden), zodat ook zonder XSD-validatie niets ongemerkt verloren gaat: wat niet in het
model past, geeft een :class:`LeesFout` met het elementpad.
"""

from __future__ import annotations

import re
from typing import Any

from lxml import etree

from iwmo.dates import parse_datum, parse_tijd
from iwmo.fouten import Foutcode, LeesFout
from iwmo.inname import MAX_GROOTTE, bepaal_berichttype, parse_veilig
from iwmo.mapping import BASIS_NS, Model, Ns, Soort, Veld, velden
from iwmo.modellen.berichten import Bericht

_GETAL = re.compile(r"[+-]?\d+")


def read(data: bytes, max_grootte: int = MAX_GROOTTE) -> Bericht:
    """Lees een iWmo 3.2-bericht uit bytes (veilige inname + structuur).

    Gooit :class:`~iwmo.fouten.InnameFout` of :class:`~iwmo.fouten.LeesFout`.
    Doet géén XSD-validatie; zie :func:`iwmo.schema.validate_schema` of :func:`iwmo.check`.
    """
    return lees_element(parse_veilig(data, max_grootte))


def lees_element(wortel: etree._Element) -> Bericht:
    """Model uit een al (veilig) geparst wortelelement."""
    cls = bepaal_berichttype(wortel)
    return _lees_model(wortel, cls, cls.namespace(), "/Bericht", cls.RETOUR)  # type: ignore[return-value]


def _elementen(el: etree._Element, pad: str) -> list[etree._Element]:
    """Kindelementen; commentaar en verwerkingsinstructies tellen niet mee."""
    if el.text and el.text.strip():
        raise LeesFout(Foutcode.STRUCTUUR, f"Onverwachte tekst {el.text.strip()[:40]!r}.", pad, el.sourceline)
    kinderen = []
    for kind in el:
        if isinstance(kind.tag, str):
            kinderen.append(kind)
        if kind.tail and kind.tail.strip():
            raise LeesFout(Foutcode.STRUCTUUR, f"Onverwachte tekst {kind.tail.strip()[:40]!r}.", pad, kind.sourceline)
    return kinderen


def _naam(el: etree._Element) -> str:
    qn = etree.QName(el)
    return qn.localname if qn.namespace is None else f"{{{qn.namespace}}}{qn.localname}"


def _lees_model(el: etree._Element, cls: type[Model], ns_bericht: str, pad: str, retour: bool) -> Model:
    ns = ns_bericht if cls.NAMESPACE is Ns.BERICHT else BASIS_NS
    kinderen = _elementen(el, pad)
    i = 0
    waarden: dict[str, Any] = {}
    for v in velden(cls):
        if v.retour and not retour:
            continue
        if v.is_lijst:
            items: list[Any] = []
            if i < len(kinderen) and kinderen[i].tag == f"{{{ns}}}{v.omhulsel}":
                omhulsel = kinderen[i]
                i += 1
                omhulsel_pad = f"{pad}/{v.omhulsel}"
                for j, kind in enumerate(_elementen(omhulsel, omhulsel_pad), start=1):
                    kind_pad = f"{omhulsel_pad}/{v.xml}[{j}]"
                    if kind.tag != f"{{{ns}}}{v.xml}":
                        raise LeesFout(
                            Foutcode.STRUCTUUR, f"Onverwacht element {_naam(kind)}; verwacht {v.xml}.", kind_pad, kind.sourceline
                        )
                    items.append(_lees_waarde(kind, v, ns_bericht, kind_pad, retour))
                if not items:
                    raise LeesFout(Foutcode.STRUCTUUR, f"{v.omhulsel} bevat geen {v.xml}.", omhulsel_pad, omhulsel.sourceline)
            elif v.omhulsel_verplicht:
                raise LeesFout(Foutcode.STRUCTUUR, f"Verplicht element {v.omhulsel} ontbreekt.", pad, el.sourceline)
            waarden[v.naam] = items
            continue
        if i < len(kinderen) and kinderen[i].tag == f"{{{ns}}}{v.xml}":
            waarden[v.naam] = _lees_waarde(kinderen[i], v, ns_bericht, f"{pad}/{v.xml}", retour)
            i += 1
        elif v.optioneel:
            waarden[v.naam] = None
        else:
            raise LeesFout(Foutcode.STRUCTUUR, f"Verplicht element {v.xml} ontbreekt.", pad, el.sourceline)
    if i < len(kinderen):
        kind = kinderen[i]
        raise LeesFout(
            Foutcode.STRUCTUUR, f"Onverwacht element {_naam(kind)}.", f"{pad}/{etree.QName(kind).localname}", kind.sourceline
        )
    return cls(**waarden)


def _lees_waarde(el: etree._Element, v: Veld, ns_bericht: str, pad: str, retour: bool) -> Any:
    if v.soort is Soort.MODEL:
        return _lees_model(el, v.type, ns_bericht, pad, retour)
    if len(el):
        if any(isinstance(k.tag, str) for k in el):
            raise LeesFout(Foutcode.STRUCTUUR, f"{v.xml} mag geen elementen bevatten.", pad, el.sourceline)
    tekst = "".join(el.itertext())
    try:
        if v.soort is Soort.TEKST:
            return tekst
        if v.soort is Soort.GETAL:
            if not _GETAL.fullmatch(tekst.strip()):
                raise ValueError(f"geen geheel getal: {tekst!r}")
            return int(tekst.strip())
        if v.soort is Soort.DATUM:
            return parse_datum(tekst)
        if v.soort is Soort.TIJD:
            return parse_tijd(tekst)
        # Codes zijn xs:string-enumeraties: witruimte telt mee, net als in het XSD.
        try:
            return v.type(tekst)
        except ValueError:
            raise ValueError(f"code {tekst!r} komt niet voor in codelijst {v.type.__name__}") from None
    except ValueError as e:
        raise LeesFout(Foutcode.WAARDE, f"Ongeldige waarde in {v.xml}: {e}.", pad, el.sourceline) from None
