"""Model -> XML, generiek over de veldbeschrijving in :mod:`iwmo.mapping`.

Prefixen volgen de officiële voorbeeldberichten: ``iwmo`` voor het basisschema en de
berichtnaam (``wmo301``) voor het bericht, beide gedeclareerd op het wortelelement.
"""

from __future__ import annotations

import enum
from datetime import date, time
from typing import Any

from lxml import etree

from iwmo.dates import schrijf_datum, schrijf_tijd
from iwmo.mapping import BASIS_NS, BASIS_PREFIX, Model, Ns, Soort, Veld, velden
from iwmo.modellen.berichten import Bericht


def write(bericht: Bericht, *, pretty: bool = True) -> bytes:
    """Schrijf een bericht als UTF-8 XML (met XML-declaratie, zonder BOM)."""
    return etree.tostring(
        naar_element(bericht), xml_declaration=True, encoding="UTF-8", pretty_print=pretty
    )


def naar_element(bericht: Bericht) -> etree._Element:
    cls = type(bericht)
    ns = cls.namespace()
    wortel = etree.Element(f"{{{ns}}}Bericht", nsmap={BASIS_PREFIX: BASIS_NS, cls.NAAM: ns})
    _vul(wortel, bericht, ns, cls.RETOUR)
    return wortel


def _vul(el: etree._Element, obj: Model, ns_bericht: str, retour: bool) -> None:
    ns = ns_bericht if obj.NAMESPACE is Ns.BERICHT else BASIS_NS
    for v in velden(type(obj)):
        if v.retour and not retour:
            continue
        waarde = getattr(obj, v.naam)
        if v.is_lijst:
            if not waarde and not v.omhulsel_verplicht:
                continue
            omhulsel = etree.SubElement(el, f"{{{ns}}}{v.omhulsel}")
            for item in waarde:
                _schrijf_waarde(etree.SubElement(omhulsel, f"{{{ns}}}{v.xml}"), v, item, ns_bericht, retour)
        elif waarde is not None:
            _schrijf_waarde(etree.SubElement(el, f"{{{ns}}}{v.xml}"), v, waarde, ns_bericht, retour)


def _schrijf_waarde(el: etree._Element, v: Veld, waarde: Any, ns_bericht: str, retour: bool) -> None:
    if v.soort is Soort.MODEL:
        _vul(el, waarde, ns_bericht, retour)
    else:
        el.text = tekst_van(waarde)


def tekst_van(waarde: Any) -> str:
    """De XML-tekst van een enkelvoudige waarde."""
    if isinstance(waarde, enum.Enum):
        return str(waarde.value)
    if isinstance(waarde, bool):
        raise TypeError("bool is geen iWmo-waarde")
    if isinstance(waarde, int):
        return str(waarde)
    if isinstance(waarde, date):
        return schrijf_datum(waarde)
    if isinstance(waarde, time):
        return schrijf_tijd(waarde)
    return str(waarde)
