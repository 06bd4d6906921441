"""Vijandige en kapotte invoer, door de test zelf gemaakt: elk geval wordt snel en volledig geweigerd."""

from __future__ import annotations

import time
from datetime import date

import pytest
from iwmo_testhulp import voorbeeld

import iwmo
from iwmo import Foutcode, InnameFout, LeesFout

GOED = voorbeeld("WMO301.xml")
KOP = b'<?xml version="1.0" encoding="UTF-8"?>\n'

XXE = KOP + b"""<!DOCTYPE b [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<wmo301:Bericht xmlns:wmo301="http://www.istandaarden.nl/iwmo/3_2/wmo301/schema">&xxe;</wmo301:Bericht>"""
XXE_NETWERK = KOP + b"""<!DOCTYPE b SYSTEM "http://example.invalid/x.dtd"><b/>"""
LAUGHS = KOP + b"<!DOCTYPE lolz [<!ENTITY lol \"lol\">" + b"".join(
    b'<!ENTITY lol%d "%s">' % (i, (b"&lol%d;" % (i - 1) if i > 1 else b"&lol;") * 10) for i in range(1, 10)
) + b"]><lolz>&lol9;</lolz>"
ONBEKENDE_ENTITEIT = GOED.replace(b"<wmo301:Commentaar>Client commentaar<", b"<wmo301:Commentaar>&xxe;<")
PARAMETER_ENTITEIT = KOP + b'<!DOCTYPE x [<!ENTITY % p SYSTEM "file:///etc/passwd"> %p;]><x/>'


GEVALLEN = {
    "xxe": (XXE, Foutcode.DOCTYPE),
    "externe-dtd": (XXE_NETWERK, Foutcode.DOCTYPE),
    "billion-laughs": (LAUGHS, Foutcode.DOCTYPE),
    "parameter-entiteit": (PARAMETER_ENTITEIT, Foutcode.DOCTYPE),
    "onbekende-entiteit": (ONBEKENDE_ENTITEIT, Foutcode.ENTITEIT),
    "bom": (b"\xef\xbb\xbf" + GOED, Foutcode.BOM),
    "utf16": (GOED.decode().replace('encoding="UTF-8"', 'encoding="UTF-16"').encode("utf-16"), Foutcode.GEEN_UTF8),
    "utf16-zonder-bom": (GOED.decode().encode("utf-16-le"), Foutcode.GEEN_UTF8),
    "latin1-verklaard": (GOED.replace(b'encoding="UTF-8"', b'encoding="ISO-8859-1"'), Foutcode.ENCODING),
    "latin1-bytes": (GOED.replace(b"Client commentaar", "Cliënt".encode("latin-1")), Foutcode.GEEN_UTF8),
    "afgekapt": (GOED[: len(GOED) // 2], Foutcode.NIET_WELGEVORMD),
    "leeg": (b"", Foutcode.LEEG),
    "alleen-witruimte": (b"  \n\t ", Foutcode.LEEG),
    "geen-xml": (b"Dit is geen XML", Foutcode.NIET_WELGEVORMD),
    "diep-genest": (KOP + b"<a>" * 5000 + b"</a>" * 5000, Foutcode.NIET_WELGEVORMD),
    "ander-bericht": (
        GOED.replace(b"iwmo/3_2/wmo301", b"ijw/3_2/jw301"),
        Foutcode.ONBEKEND_BERICHT,
    ),
    "iwmo-oude-release": (GOED.replace(b"iwmo/3_2/wmo301", b"iwmo/3_1/wmo301"), Foutcode.ONBEKEND_BERICHT),
    "ander-wortelelement": (
        GOED.replace(b"wmo301:Bericht", b"wmo301:Berichten"),
        Foutcode.ONBEKEND_BERICHT,
    ),
}


@pytest.mark.parametrize("naam", sorted(GEVALLEN))
def test_inname_weigert(naam):
    data, code = GEVALLEN[naam]
    with pytest.raises(InnameFout) as fout:
        iwmo.read(data)
    assert fout.value.code is code
    assert fout.value.melding  # Nederlandse uitleg
    resultaat = iwmo.check(data)
    assert resultaat.bericht is None
    assert [b.regel for b in resultaat.bevindingen] == [str(code)]
    assert resultaat.retourbericht(identificatie_retour="x") is None  # geen retourbericht, maar een foutmelding


def test_te_groot_wordt_direct_geweigerd():
    data = GOED + b" " * (iwmo.MAX_GROOTTE - len(GOED) + 1)
    begin = time.perf_counter()
    with pytest.raises(InnameFout) as fout:
        iwmo.read(data)
    assert fout.value.code is Foutcode.TE_GROOT
    assert time.perf_counter() - begin < 0.5


def test_precies_op_de_grens_is_toegestaan():
    assert iwmo.read(GOED, max_grootte=len(GOED)).NAAM == "wmo301"
    with pytest.raises(InnameFout):
        iwmo.read(GOED, max_grootte=len(GOED) - 1)


def test_lange_tekstknoop_wordt_door_libxml2_begrensd():
    # Zonder huge_tree weigert libxml2 één tekstknoop van meer dan 10 MB; echte berichten hebben die nooit.
    with pytest.raises(InnameFout) as fout:
        iwmo.read(GOED + b" " * (11 * 1024 * 1024))
    assert fout.value.code is Foutcode.NIET_WELGEVORMD


def test_tekst_in_plaats_van_bytes():
    with pytest.raises(TypeError):
        iwmo.read(GOED.decode())


def _zonder(data: bytes, element: bytes) -> bytes:
    begin = data.index(b"<" + element)
    eind = data.index(b"</" + element, begin)
    return data[:begin] + data[data.index(b">", eind) + 1 :]


SCHENDINGEN = {
    "verplicht-element-weg": (_zonder(GOED, b"wmo301:Geslacht>"), Foutcode.STRUCTUUR),
    "onbekend-element": (GOED.replace(b"<wmo301:Geslacht>", b"<wmo301:Extra>1</wmo301:Extra><wmo301:Geslacht>"), Foutcode.STRUCTUUR),
    "volgorde": (
        GOED.replace(b"<wmo301:Geslacht>1</wmo301:Geslacht>", b"").replace(
            b"<wmo301:Bsn>999900006</wmo301:Bsn>", b"<wmo301:Geslacht>1</wmo301:Geslacht><wmo301:Bsn>999900006</wmo301:Bsn>"
        ),
        Foutcode.STRUCTUUR,
    ),
    "geen-datum": (GOED.replace(b"<wmo301:Ingangsdatum>2023-01-01<", b"<wmo301:Ingangsdatum>2023-02-30<"), Foutcode.WAARDE),
    "datum-met-tijdzone": (GOED.replace(b"<wmo301:Ingangsdatum>2023-01-01<", b"<wmo301:Ingangsdatum>2023-01-01Z<"), Foutcode.WAARDE),
    "onbekende-code": (GOED.replace(b"<iwmo:Eenheid>01<", b"<iwmo:Eenheid>99<"), Foutcode.WAARDE),
    "geen-getal": (GOED.replace(b"<wmo301:ToewijzingNummer>101<", b"<wmo301:ToewijzingNummer>1O1<"), Foutcode.WAARDE),
    "verkeerde-namespace": (GOED.replace(b"<wmo301:Bsn>999900006</wmo301:Bsn>", b"<iwmo:Bsn>999900006</iwmo:Bsn>"), Foutcode.STRUCTUUR),
}


@pytest.mark.parametrize("naam", sorted(SCHENDINGEN))
def test_schemaschendingen(naam, xsd_dir):
    data, code = SCHENDINGEN[naam]
    # Met XSD: de officiële validatie vindt het.
    fouten = iwmo.validate_schema(data, xsd_dir)
    assert fouten and all(f.regel > 0 and f.melding for f in fouten)
    resultaat = iwmo.check(data, xsd_dir)
    assert resultaat.bericht is None and {b.regel for b in resultaat.bevindingen} == {"IWMO-XSD"}
    # Zonder XSD: de lezer vindt het ook, met een stabiele code en het elementpad.
    with pytest.raises(LeesFout) as fout:
        iwmo.read(data)
    assert fout.value.code is code and fout.value.pad.startswith("/Bericht")
    assert [b.regel for b in iwmo.check(data).bevindingen] == [str(code)]


def test_schemafout_noemt_pad(xsd_dir):
    data = GOED.replace(b"<wmo301:BerichtCode>414<", b"<wmo301:BerichtCode>415<")
    (fout,) = iwmo.validate_schema(data, xsd_dir)
    assert fout.pad == "/Bericht/Header/BerichtCode" and fout.regel == 4


def test_ontbrekende_schemamap(tmp_path):
    with pytest.raises(FileNotFoundError):
        iwmo.validate_schema(GOED, tmp_path)


@pytest.mark.parametrize(
    "vervang,regel",
    [
        ((b">999900006<", b">999900007<"), "CS002"),  # BSN haalt de 11-proef niet
        ((b"<wmo301:Einddatum>2023-12-31<", b"<wmo301:Einddatum>2022-12-31<"), "CS003"),  # einde voor begin
        ((b"<wmo301:Toewijzingsdatum>2023-08-13<", b"<wmo301:Toewijzingsdatum>2023-08-14<"), "TR134"),
        ((b"<iwmo:Datum>1967-08-13<", b"<iwmo:Datum>1867-08-13<"), "TR002"),
    ],
)
def test_inhoudelijke_fouten_301(vervang, regel, xsd_dir):
    data = GOED.replace(*vervang, 1)
    assert iwmo.validate_schema(data, xsd_dir) == []
    resultaat = iwmo.check(data, xsd_dir, vandaag=date(2026, 1, 1))
    assert regel in {b.regel for b in resultaat.bevindingen}
    assert {b.retourcode for b in resultaat.bevindingen} == {"0001"}
    retour = resultaat.retourbericht(identificatie_retour="R1", dagtekening_retour=date(2026, 1, 1))
    assert retour.header.retour_codes == ["0001"] and retour.client is None
    assert iwmo.validate_schema(iwmo.write(retour), xsd_dir) == []
