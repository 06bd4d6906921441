"""De opdrachtregel bij bestanden die er niet zijn, niet te lezen zijn of geen XML zijn: één regel, exit 1, geen traceback."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from iwmo_testhulp import VOORBEELDEN, voorbeeld

from iwmo.cli import main

SRC = Path(__file__).resolve().parents[2] / "src"
OPDRACHTEN = ["show", "roundtrip", "validate"]


def _gevallen(tmp_path: Path) -> dict[str, tuple[Path, str]]:
    """naam -> (pad, verwachte code in de regel)."""
    geen_xml = tmp_path / "geen.xml"
    geen_xml.write_bytes(b"%PDF-1.7 \x00\x01\x02 dit is geen XML")
    tekst = tmp_path / "tekst.xml"
    tekst.write_text("gewoon tekst\nover twee regels\n")
    leeg = tmp_path / "leeg.xml"
    leeg.write_bytes(b"")
    ander = tmp_path / "ander.xml"
    ander.write_bytes(b'<?xml version="1.0" encoding="UTF-8"?><html><body/></html>')
    fifo = tmp_path / "fifo.xml"
    os.mkfifo(fifo)
    return {
        "ontbreekt": (tmp_path / "bestaat-niet.xml", "IWMO-BESTAND"),
        "map": (tmp_path, "IWMO-BESTAND"),
        "onder-een-bestand": (geen_xml / "x.xml", "IWMO-BESTAND"),
        "fifo": (fifo, "IWMO-BESTAND"),
        "geen-xml": (geen_xml, "IWMO-GEEN-UTF8"),
        "tekst": (tekst, "IWMO-NIET-WELGEVORMD"),
        "leeg": (leeg, "IWMO-LEEG"),
        "ander-xml": (ander, "IWMO-ONBEKEND-BERICHT"),
    }


def _uitvoer(opdracht: str, capsys) -> list[str]:
    uit = capsys.readouterr()
    # validate meldt problemen als resultaat op stdout (de schemamelding op stderr); show en roundtrip op stderr.
    regels = (uit.out if opdracht == "validate" else uit.err).splitlines()
    assert "Traceback" not in uit.out + uit.err
    if opdracht != "validate":
        assert uit.out == ""
    return regels


@pytest.mark.parametrize("opdracht", OPDRACHTEN)
@pytest.mark.parametrize("geval", ["ontbreekt", "map", "onder-een-bestand", "fifo", "geen-xml", "tekst", "leeg",
                                   "ander-xml"])
def test_onleesbaar_of_geen_bericht_geeft_een_regel_en_exit_1(opdracht, geval, tmp_path, capsys):
    pad, code = _gevallen(tmp_path)[geval]
    assert main([opdracht, str(pad)]) == 1
    (regel,) = _uitvoer(opdracht, capsys)
    assert regel.startswith(f"{pad}: ") and f": {code}: " in regel


@pytest.mark.parametrize("opdracht", OPDRACHTEN)
def test_geen_leesrechten(opdracht, tmp_path, capsys, monkeypatch):
    pad = tmp_path / "geheim.xml"
    pad.write_bytes(voorbeeld("WMO301.xml"))

    def weiger(self, *args, **kwargs):
        raise PermissionError(13, "Permission denied", str(self))

    monkeypatch.setattr(Path, "open", weiger)  # root mag alles lezen; zo toch een bestand zonder leesrechten
    assert main([opdracht, str(pad)]) == 1
    (regel,) = _uitvoer(opdracht, capsys)
    assert regel == f"{pad}: -: IWMO-BESTAND: bestand niet te lezen: geen leesrechten"


def test_validate_gaat_door_na_een_onleesbaar_bestand(tmp_path, capsys, xsd_dir):
    ok = VOORBEELDEN / "WMO305.xml"
    assert main(["validate", "--schemas", str(xsd_dir), str(tmp_path / "weg.xml"), str(ok)]) == 1
    assert capsys.readouterr().out.splitlines() == [f"{tmp_path / 'weg.xml'}: -: IWMO-BESTAND: bestand niet te lezen: bestaat niet"]


@pytest.mark.parametrize("opdracht", OPDRACHTEN)
def test_als_proces_geen_traceback(opdracht, tmp_path):
    env = {**os.environ, "PYTHONPATH": str(SRC)}
    for pad in (tmp_path / "bestaat-niet.xml", tmp_path):
        uit = subprocess.run([sys.executable, "-m", "iwmo", opdracht, str(pad)], capture_output=True, text=True,
                             env=env, timeout=60)
        assert uit.returncode == 1
        assert "Traceback" not in uit.stderr + uit.stdout
        assert len([r for r in (uit.stdout + uit.stderr).splitlines() if "IWMO-BESTAND" in r]) == 1


def test_validate_meldt_regels_zonder_bron_als_niet_gecontroleerd(capsys, xsd_dir):
    assert main(["validate", "--schemas", str(xsd_dir), str(VOORBEELDEN / "WMO323.xml")]) == 0
    uit = capsys.readouterr()
    assert uit.out == ""
    (regel,) = uit.err.splitlines()
    assert regel.startswith(f"{VOORBEELDEN / 'WMO323.xml'}: let op: niet gecontroleerd, bron ontbreekt: ")
    for code in ("TR378", "TR381", "TR418"):
        assert code in regel


def test_validate_zonder_schemamap_meldt_beide(capsys, monkeypatch):
    monkeypatch.delenv("IWMO_SCHEMA_DIR", raising=False)
    assert main(["validate", str(VOORBEELDEN / "WMO305.xml")]) == 0
    fouten = capsys.readouterr().err.splitlines()
    assert len(fouten) == 2 and "XSD-validatie is overgeslagen" in fouten[0]
    assert "TR378" in fouten[1] and "TR381" in fouten[1] and "TR418" not in fouten[1]
