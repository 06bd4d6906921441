"""De codelijsten in de code moeten exact gelijk zijn aan de bron, zodat ze niet uit elkaar lopen."""

from __future__ import annotations

import csv

import pytest
from iwmo_testhulp import MATERIAAL

from iwmo import codelists
from iwmo.codelists import CODELIJST_ID, PER_DATATYPE, Eenheid, RetourCode
from iwmo.tools.genereer_codelijsten import genereer

ENUMERATIES = MATERIAAL / "3.2" / "codelists" / "basisschema_enumeraties.csv"


def _bron() -> dict[str, dict[str, str]]:
    uit: dict[str, dict[str, str]] = {}
    with ENUMERATIES.open(encoding="utf-8", newline="") as f:
        for rij in csv.DictReader(f):
            uit.setdefault(rij["datatype"], {})[rij["code"]] = rij["omschrijving"]
    return uit


def test_elke_enumeratie_van_het_basisschema_is_een_codelijst():
    assert set(PER_DATATYPE) == set(_bron())


@pytest.mark.parametrize("datatype", sorted(_bron()))
def test_codes_en_omschrijvingen_gelijk_aan_bron(datatype):
    cls = PER_DATATYPE[datatype]
    assert {lid.value: lid.omschrijving for lid in cls} == _bron()[datatype]


def test_gegenereerde_module_is_actueel():
    # Wie de CSV of de generator wijzigt, moet codelists.py opnieuw genereren.
    assert (MATERIAAL / "3.2" / "codelists").is_dir()
    assert genereer(str(ENUMERATIES)) == open(codelists.__file__, encoding="utf-8").read()


# Losse codetabellen (uit Markdown omgezet) die gelijk moeten zijn aan de XSD-enumeratie.
# Bekende afwijkingen volgens SOURCES.md: WJ001 mist 9355 en bevat dubbele regels; WJ759 heeft twee rommelregels.
LOSSE_TABELLEN = {
    "WMO020_Productcategorie.csv": "LDT_ProductCategorie",
    "WJ756_Eenheid.csv": "LDT_Eenheid",
    "WMO757_Frequentie.csv": "LDT_Frequentie",
    "WMO588_Reden_beeindiging.csv": "LDT_RedenBeeindiging",
    "WMO002_Reden_wijziging_toewijzing.csv": "LDT_RedenWijziging",
    "WJ758_Reden_verzoek.csv": "LDT_RedenVerzoek",
    "WJ760_Verzoek_antwoord.csv": "LDT_VerzoekAntwoord",
    "COD467_Status_aanlevering.csv": "LDT_StatusAanlevering",
    "COD043_Indicatie_debet_credit.csv": "LDT_DebetCredit",
    "WJ759_Reden_afwijzing_verzoek.csv": "LDT_RedenAfwijzingVerzoek",
    "WJ001_Retourcode.csv": "LDT_RetourCode",
}


@pytest.mark.parametrize("bestand,datatype", sorted(LOSSE_TABELLEN.items()))
def test_codes_gelijk_aan_losse_codetabel(bestand, datatype):
    with (MATERIAAL / "3.2" / "codelists" / bestand).open(encoding="utf-8", newline="") as f:
        codes = {r["code"] for r in csv.DictReader(f) if r["sectie"] != "Technische synoniemen"}
    eigen = {lid.value for lid in PER_DATATYPE[datatype]}
    if datatype == "LDT_RetourCode":
        assert eigen - codes == {"9355"}  # ontbreekt in de Markdown-tabel, staat wel in het XSD
        assert codes <= eigen
    else:
        assert codes == eigen


def test_codelijst_gedrag():
    assert Eenheid.UUR == "04" and Eenheid("04") is Eenheid.UUR
    assert Eenheid.UUR.omschrijving == "Uur"
    assert RetourCode.omschrijving_van("0001") == "Bericht is afgekeurd om technische redenen."
    assert RetourCode.omschrijving_van("XXXX") is None
    assert CODELIJST_ID[Eenheid] == "WJ756"
