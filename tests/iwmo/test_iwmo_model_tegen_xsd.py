"""Het declaratieve model moet exact de officiële XSD's volgen: namen, volgorde, aantallen, typen.

Zo kan de koppeling niet stilletjes afwijken van de standaard: elke modelklasse wordt
element voor element vergeleken met het bijbehorende complexType.
"""

from __future__ import annotations

import pytest
from iwmo_testhulp import XSD_DIR
from lxml import etree

from iwmo.mapping import Ns, Soort, velden
from iwmo.modellen import BERICHTEN

XS = "{http://www.w3.org/2001/XMLSchema}"


def _typen(pad) -> dict[str, etree._Element]:
    wortel = etree.parse(str(pad)).getroot()
    return {ct.get("name"): ct for ct in wortel.iter(f"{XS}complexType") if ct.get("name")}


BASIS = _typen(XSD_DIR / "basisschema.xsd")


def _elementen(ct: etree._Element) -> list[tuple[str, str | None, str, str]]:
    return [
        (e.get("name"), e.get("type"), e.get("minOccurs", "1"), e.get("maxOccurs", "1"))
        for e in ct.find(f"{XS}sequence").findall(f"{XS}element")
    ]


def _vergelijk(cls, ct, berichttypen, retour, pad, gezien):
    xsd = _elementen(ct)
    model = [v for v in velden(cls) if retour or not v.retour]
    assert [e[0] for e in xsd] == [v.omhulsel or v.xml for v in model], pad
    for (naam, typ, mn, mx), v in zip(xsd, model):
        waar = f"{pad}/{naam}"
        if v.is_lijst:
            assert mx == "1" and mn == ("1" if v.omhulsel_verplicht else "0"), waar
            binnen = _elementen(berichttypen[typ.split(":")[1]])
            assert len(binnen) == 1, waar
            naam_i, typ, mn_i, mx_i = binnen[0]
            assert (naam_i, mn_i, mx_i) == (v.xml, "1", "unbounded"), waar
        else:
            assert mx == "1", waar
            assert mn == ("0" if v.optioneel else "1"), waar
        if v.soort is Soort.MODEL:
            prefix, typenaam = typ.split(":")
            if prefix == "iwmo":
                assert v.type.NAMESPACE is Ns.BASIS and v.ldt == typenaam, waar
                _vergelijk(v.type, BASIS[typenaam], BASIS, retour, waar, gezien)
            else:
                assert v.type.NAMESPACE is Ns.BERICHT, waar
                _vergelijk(v.type, berichttypen[typenaam], berichttypen, retour, waar, gezien)
        elif typ is not None and v.ldt is not None:
            assert typ == f"iwmo:{v.ldt}", waar
        gezien.add(waar)


@pytest.mark.parametrize("naam", sorted(BERICHTEN))
def test_model_volgt_xsd(naam):
    cls = BERICHTEN[naam]
    typen = _typen(XSD_DIR / f"{naam}.xsd")
    gezien: set[str] = set()
    _vergelijk(cls, typen["Root"], typen, cls.RETOUR, "/Bericht", gezien)
    assert len(gezien) > 10


def test_bericht_metadata_volgt_xsd():
    for naam, cls in BERICHTEN.items():
        wortel = etree.parse(str(XSD_DIR / f"{naam}.xsd")).getroot()
        assert wortel.get("targetNamespace") == cls.namespace()
        code = wortel.find(f".//{XS}complexType[@name='Header']//{XS}element[@name='BerichtCode']//{XS}pattern")
        assert code.get("value") == cls.BERICHTCODE
