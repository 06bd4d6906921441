"""Retourberichten: de iJw-voorbeelden (omgezet naar iWmo) lezen en terugschrijven, en zelf gemaakte retouren valideren.

iWmo 3.2 heeft geen officiële voorbeelden van retourberichten; de iJw-tweeling wel, met
dezelfde structuur. Omzetten = namespaces, prefixen en BerichtCode vervangen (en bij 325
de Jeugdwet-productcategorie 45 door een Wmo-categorie).
"""

from __future__ import annotations

import re
from datetime import date

import pytest
from iwmo_testhulp import MATERIAAL, voorbeeld

import iwmo
from iwmo.modellen import BERICHTEN


def _naar_iwmo(data: bytes) -> bytes:
    data = data.replace(b"ijw/3_2/jw", b"iwmo/3_2/wmo").replace(b"ijw/3_2/basisschema", b"iwmo/3_2/basisschema")
    data = re.sub(rb"(</?)jw(\d{3}):", rb"\1wmo\2:", data).replace(b"xmlns:jw", b"xmlns:wmo")
    data = data.replace(b"<ijw:", b"<iwmo:").replace(b"</ijw:", b"</iwmo:").replace(b"xmlns:ijw", b"xmlns:iwmo")
    data = re.sub(
        rb"<wmo(\d{3}):BerichtCode>\d+<",
        lambda m: b"<wmo%s:BerichtCode>%s<" % (m[1], BERICHTEN["wmo" + m[1].decode()].BERICHTCODE.encode()),
        data,
    )
    return data.replace(b"Categorie>45<", b"Categorie>01<").replace(b"Code>45A", b"Code>01A")


@pytest.mark.parametrize("nummer", [302, 306, 308, 320, 325])
def test_ijw_retourvoorbeeld_als_iwmo(nummer, xsd_dir):
    data = _naar_iwmo((MATERIAAL / "ijw-3.2" / "examples" / f"JW{nummer}.xml").read_bytes())
    assert iwmo.validate_schema(data, xsd_dir) == []
    bericht = iwmo.read(data)
    assert bericht.NAAM == f"wmo{nummer}"
    _, verschil = iwmo.roundtrip(data)
    assert verschil is None


def test_ijw_voorbeeld_325_inhoud(xsd_dir):
    b = iwmo.read(_naar_iwmo((MATERIAAL / "ijw-3.2" / "examples" / "JW325.xml").read_bytes()))
    assert b.header.retour_codes == ["0200"]
    assert b.header.declaratie_identificatie.identificatie == "765432198"
    p = b.declaratie_antwoord.clienten[0].prestaties[0]
    assert p.retour_codes == ["0611"] and p.ingediend_bedrag.getekend == -5000


@pytest.mark.parametrize("naam", ["WMO301.xml", "WMO305.xml", "WMO307.xml", "WMO315.xml", "WMO319.xml", "WMO323.xml"])
def test_goedgekeurd_retourbericht(naam, xsd_dir):
    heen = voorbeeld(naam)
    resultaat = iwmo.check(heen, xsd_dir, vandaag=date(2026, 1, 1))
    retour = resultaat.retourbericht(identificatie_retour="RET-1", dagtekening_retour=date(2026, 1, 2), xslt_versie="1.0.0")
    data = iwmo.write(retour)
    assert iwmo.validate_schema(data, xsd_dir) == []
    assert iwmo.read(data) == retour
    if retour.NAAM == "wmo325":
        assert retour.header.retour_codes == ["0200"]
        assert retour.declaratie_antwoord.retour_codes == ["8001"]
        assert retour.declaratie_antwoord.totaal_toegekend_bedrag == retour.declaratie_antwoord.totaal_ingediend_bedrag
        assert (retour.header.afzender, retour.header.ontvanger) == ("0384", "65656055")
    else:
        assert retour.header.retour_codes == [] and retour.inhoud is None
        assert retour.header.berichtidentificatie == iwmo.read(heen).header.berichtidentificatie


def test_declaratie_afgekeurd_op_declaratieniveau(xsd_dir):
    from iwmo.modellen.declaratie import Declaratie
    from iwmo.regels import Afwijking, maak_regel

    regel = maak_regel(
        "TR333", "DeclaratieNummer uniek", berichten="323", op=Declaratie, retourcode="9333",
        functie=lambda d, ctx: [Afwijking("DeclaratieNummer", "al eerder ontvangen")] if d.declaratienummer in ctx.historie else [],
    )  # fmt: skip
    resultaat = iwmo.check(voorbeeld("WMO323.xml"), xsd_dir, vandaag=date(2026, 1, 1), extra_regels=[regel], historie={"DN001"})
    antwoord = resultaat.retourbericht(identificatie_retour="A2")
    assert iwmo.validate_schema(iwmo.write(antwoord), xsd_dir) == []
    da = antwoord.declaratie_antwoord
    assert da.retour_codes == ["9333"] and da.totaal_toegekend_bedrag.totaal_bedrag == 0 and da.clienten == []


def test_client_afgekeurd_maakt_prestaties_niet_beoordeeld(xsd_dir):
    from iwmo.modellen.declaratie import DeclaratieClient
    from iwmo.regels import Afwijking, maak_regel

    regel = maak_regel(
        "TR304", "Bsn hoort bij client", berichten="323", op=DeclaratieClient, retourcode="8187",
        functie=lambda c, ctx: [Afwijking("Bsn", "onbekende client")] if c.bsn == "999900018" else [],
    )  # fmt: skip
    resultaat = iwmo.check(voorbeeld("WMO323.xml"), xsd_dir, vandaag=date(2026, 1, 1), extra_regels=[regel])
    antwoord = resultaat.retourbericht(identificatie_retour="A3")
    assert iwmo.validate_schema(iwmo.write(antwoord), xsd_dir) == []
    (client,) = antwoord.declaratie_antwoord.clienten
    assert client.bsn == "999900018" and client.retour_codes == ["8187"]
    assert [p.retour_codes for p in client.prestaties] == [["0233"], ["0233"]]
    assert antwoord.declaratie_antwoord.totaal_toegekend_bedrag.totaal_bedrag == 58000 - 29000


def test_geen_retour_op_retour():
    data = _naar_iwmo((MATERIAAL / "ijw-3.2" / "examples" / "JW302.xml").read_bytes())
    assert iwmo.check(data).retourbericht(identificatie_retour="x") is None
