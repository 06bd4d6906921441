"""De officiële iWmo 3.2-voorbeelden: lezen, valideren, ongewijzigd terugschrijven, tonen."""

from __future__ import annotations

from datetime import date

import pytest
from iwmo_testhulp import VOORBEELD_NAMEN, VOORBEELDEN, voorbeeld

import iwmo
from iwmo.cli import main
from iwmo.codelists import DebetCredit, Eenheid


def test_alle_zeven_voorbeelden_aanwezig():
    assert VOORBEELD_NAMEN == [f"WMO{n}.xml" for n in (301, 305, 307, 315, 317, 319, 323)]


@pytest.mark.parametrize("naam", VOORBEELD_NAMEN)
def test_voorbeeld_leest_valideert_en_roundtript(naam, xsd_dir):
    data = voorbeeld(naam)
    bericht = iwmo.read(data)
    assert bericht.NAAM == naam[:-4].lower()
    assert iwmo.validate_schema(data, xsd_dir) == []
    opnieuw = iwmo.write(bericht)
    assert iwmo.validate_schema(opnieuw, xsd_dir) == []
    assert iwmo.vergelijk(data, opnieuw) is None
    assert iwmo.canoniek(data) == iwmo.canoniek(opnieuw)
    assert iwmo.read(opnieuw) == bericht
    assert not opnieuw.startswith(b"\xef\xbb\xbf")


def test_waarden_uit_declaratievoorbeeld():
    b = iwmo.read(voorbeeld("WMO323.xml"))
    d = b.declaratie
    assert d.totaal_ingediend_bedrag.totaal_bedrag == 58000  # eurocenten
    p = d.clienten[0].prestaties[0]
    assert (p.geleverd_volume, p.eenheid, p.product_tarief) == (4, Eenheid.UUR, 1250)
    assert p.ingediend_bedrag.bedrag == 5000 and p.ingediend_bedrag.debet_credit is DebetCredit.DEBET
    assert p.product_periode.begindatum == date(2023, 4, 1)


@pytest.mark.parametrize("naam", VOORBEELD_NAMEN)
def test_controle_op_voorbeelden(naam, xsd_dir):
    resultaat = iwmo.check(voorbeeld(naam), xsd_dir, vandaag=date(2026, 1, 1))
    assert resultaat.schema_gecontroleerd
    if naam == "WMO317.xml":
        # Het officiële voorbeeld overtreedt TR380: GewensteIngangsdatum van het NieuwProduct is
        # gelijk aan de dagtekening (2023-04-02), terwijl die erna moet liggen.
        assert [(b.regel, b.retourcode) for b in resultaat.bevindingen] == [("TR380", "0001")]
    else:
        assert resultaat.geldig, [str(b) for b in resultaat.bevindingen]


def test_controle_zonder_schema_meldt_dat():
    resultaat = iwmo.check(voorbeeld("WMO301.xml"), None, vandaag=date(2026, 1, 1))
    assert resultaat.geldig and not resultaat.schema_gecontroleerd


def test_cli_validate(capsys, xsd_dir):
    assert main(["validate", "--schemas", str(xsd_dir), str(VOORBEELDEN / "WMO301.xml"), str(VOORBEELDEN / "WMO323.xml")]) == 0
    assert capsys.readouterr().out == ""
    assert main(["validate", "--schemas", str(xsd_dir), str(VOORBEELDEN / "WMO317.xml")]) == 1
    regel = capsys.readouterr().out.strip()
    assert regel.endswith("moet na de dagtekening 02-04-2023 liggen.")
    assert ": /Bericht/Client/Verzoek/NieuweProducten/NieuwProduct[1]/GewensteIngangsdatum: 0001 TR380: " in regel


def test_cli_validate_met_omgevingsvariabele(capsys, xsd_dir, monkeypatch, tmp_path):
    monkeypatch.setenv("IWMO_SCHEMA_DIR", str(xsd_dir))
    slecht = tmp_path / "slecht.xml"
    slecht.write_bytes(voorbeeld("WMO301.xml").replace(b"<wmo301:BerichtCode>414<", b"<wmo301:BerichtCode>999<"))
    assert main(["validate", str(slecht)]) == 1
    uit = capsys.readouterr().out
    assert f"{slecht}: /Bericht/Header/BerichtCode: IWMO-XSD: " in uit


def test_cli_show_en_roundtrip(capsys):
    assert main(["show", str(VOORBEELDEN / "WMO323.xml")]) == 0
    uit = capsys.readouterr().out
    assert "WMO323 – Declaratie Wmo-ondersteuning" in uit and "€ 580,00" in uit and "04 (Uur)" in uit
    assert main(["roundtrip", str(VOORBEELDEN / "WMO301.xml")]) == 0
    assert capsys.readouterr().out == "identical\n"


def test_cli_roundtrip_toont_eerste_verschil(capsys, tmp_path):
    # Een verwerkingsinstructie blijft niet behouden; een leidende nul in een getal ook niet.
    p = tmp_path / "a.xml"
    p.write_bytes(voorbeeld("WMO323.xml").replace(b"<wmo323:GeleverdVolume>4<", b"<wmo323:GeleverdVolume>04<", 1))
    assert main(["roundtrip", str(p)]) == 1
    assert capsys.readouterr().out.strip() == (
        "/Bericht/Declaratie/Clienten/Client/Prestaties/Prestatie/GeleverdVolume: tekst '04' tegenover '4'"
    )
