"""Genereert ``iwmo/codelists.py`` uit ``basisschema_enumeraties.csv``.

Waarom een generator: de codelijsten zijn feiten van de standaard. Ze worden één keer
uit de gezaghebbende bron (de enumeraties van het basisschema) overgenomen en als
Python-code meegeleverd, zodat de bibliotheek tijdens gebruik geen bronbestanden nodig
heeft. Een test vergelijkt de gegenereerde code met de CSV, zodat ze niet uit elkaar lopen.

Gebruik::

    python -m iwmo.tools.genereer_codelijsten /pad/naar/3.2/codelists/basisschema_enumeraties.csv \
        > src/iwmo/codelists.py
"""

from __future__ import annotations

import csv
import re
import sys
import unicodedata

# Codelijst-identificatie volgens de standaard, per datatype.
CODELIJST_ID = {
    "LDT_AanduidingWoonadres": "NUM061",
    "LDT_AdresSoort": "COD757",
    "LDT_Communicatievorm": "COD747",
    "LDT_DatumGebruik": "COD170",
    "LDT_DebetCredit": "COD043",
    "LDT_Eenheid": "WJ756",
    "LDT_Frequentie": "WMO757",
    "LDT_Geslacht": "COD046",
    "LDT_JaNee": "COD260",
    "LDT_JuridischeStatus": "WJ232",
    "LDT_LandCode": "COD036",
    "LDT_NaamGebruik": "COD700",
    "LDT_ProductCategorie": "WMO020",
    "LDT_RedenAfwijzingVerzoek": "WJ759",
    "LDT_RedenBeeindiging": "WMO588",
    "LDT_RedenVerzoek": "WJ758",
    "LDT_RedenWijziging": "WMO002",
    "LDT_RetourCode": "WJ001",
    "LDT_SoortRelatie": "COD472",
    "LDT_StatusAanlevering": "COD467",
    "LDT_TypeVerwijzer": "COD327",
    "LDT_VerzoekAntwoord": "WJ760",
    "LDT_WettelijkeVertegenwoordiging": "WJ003",
}

# Leesbare namen waar de automatische afleiding uit de omschrijving te lang of onduidelijk is.
NAMEN = {
    ("LDT_DatumGebruik", "1"): "DAG_ONBEKEND",
    ("LDT_DatumGebruik", "2"): "DAG_EN_MAAND_ONBEKEND",
    ("LDT_DatumGebruik", "3"): "DATUM_ONBEKEND",
    ("LDT_DebetCredit", "C"): "CREDIT",
    ("LDT_DebetCredit", "D"): "DEBET",
    ("LDT_Eenheid", "16"): "DAGDEEL",
    ("LDT_Eenheid", "82"): "STUKS_OUTPUT",
    ("LDT_Eenheid", "83"): "EURO",
    ("LDT_Eenheid", "84"): "STUKS_INSPANNING",
    ("LDT_Frequentie", "6"): "TOTAAL_BINNEN_GELDIGHEIDSDUUR",
    ("LDT_JuridischeStatus", "01"): "RM_VOORLOPIG_VOORTGEZET",
    ("LDT_JuridischeStatus", "02"): "RM_EIGEN_VERZOEK",
    ("LDT_JuridischeStatus", "03"): "RM_VOORWAARDELIJK_ONTSLAG",
    ("LDT_JuridischeStatus", "04"): "ONDERTOEZICHTSTELLING",
    ("LDT_JuridischeStatus", "05"): "INBEWARINGSTELLING",
    ("LDT_JuridischeStatus", "11"): "STRAFRECHTELIJK_TBS",
    ("LDT_JuridischeStatus", "12"): "STRAFRECHTELIJK_OVERIG",
    ("LDT_NaamGebruik", "2"): "NAAM_PARTNER",
    ("LDT_NaamGebruik", "3"): "NAAM_PARTNER_EIGEN_NAAM",
    ("LDT_NaamGebruik", "4"): "EIGEN_NAAM_NAAM_PARTNER",
    ("LDT_ProductCategorie", "06"): "OVERIGE_ONDERSTEUNING_INDIVIDU",
    ("LDT_ProductCategorie", "09"): "OVERIGE_GROEPSGERICHTE_ONDERSTEUNING",
    ("LDT_RedenAfwijzingVerzoek", "1"): "NIEUWE_AANVRAAG",
    ("LDT_RedenBeeindiging", "19"): "VOLGENS_PLAN",
    ("LDT_RedenBeeindiging", "20"): "TIJDELIJK",
    ("LDT_RedenBeeindiging", "21"): "EENZIJDIG_DOOR_CLIENT",
    ("LDT_RedenBeeindiging", "22"): "EENZIJDIG_DOOR_AANBIEDER",
    ("LDT_RedenBeeindiging", "23"): "VOORTIJDIG_IN_OVERLEG",
    ("LDT_RedenBeeindiging", "31"): "VERHUIZING_ANDERE_GEMEENTE",
    ("LDT_RedenBeeindiging", "36"): "DOOR_GEMEENTE",
    ("LDT_RedenBeeindiging", "37"): "WIJZIGINGSVERZOEK",
    ("LDT_RedenBeeindiging", "38"): "OVERSTAP_ANDERE_AANBIEDER",
    ("LDT_RedenBeeindiging", "39"): "UITSTROOM_ANDER_DOMEIN",
    ("LDT_RedenWijziging", "01"): "ADMINISTRATIEVE_CORRECTIE_VERVALLEN",
    ("LDT_RedenWijziging", "04"): "HERBEOORDELING_VERLENGING",
    ("LDT_RedenWijziging", "05"): "HERBEOORDELING_VERKORTING",
    ("LDT_RedenWijziging", "07"): "VERHUIZING_ANDERE_GEMEENTE",
    ("LDT_RedenWijziging", "09"): "OVERSTAP_ANDERE_AANBIEDER",
    ("LDT_RedenWijziging", "10"): "NIEUWE_BEKOSTIGINGSSYSTEMATIEK",
    ("LDT_RedenWijziging", "12"): "DOOR_AANBIEDER",
    ("LDT_SoortRelatie", "12"): "PARTNER",
    ("LDT_SoortRelatie", "16"): "KIND",
    ("LDT_SoortRelatie", "20"): "VRIEND_KENNIS",
    ("LDT_TypeVerwijzer", "06"): "ZELFVERWIJZER",
    ("LDT_TypeVerwijzer", "08"): "JUSTITIE",
    ("LDT_StatusAanlevering", "9"): "NIET_VAN_TOEPASSING",
}

DOCSTRINGS = {
    "LDT_RetourCode": "Retourcodes (WJ001). Ledennaam = 'R' + code, omdat de omschrijvingen zinnen zijn.",
    "LDT_LandCode": "Landcodes (ISO 3166-1 alfa-2, zoals opgenomen in het basisschema).",
}


def _slug(tekst: str) -> str:
    tekst = unicodedata.normalize("NFKD", tekst).encode("ascii", "ignore").decode()
    woorden = re.findall(r"[A-Za-z0-9]+", tekst)
    return "_".join(woorden).upper()


def lidnaam(datatype: str, code: str, omschrijving: str) -> str:
    if (datatype, code) in NAMEN:
        return NAMEN[(datatype, code)]
    if datatype == "LDT_RetourCode":
        return "R" + code
    if datatype == "LDT_LandCode":
        return code
    naam = _slug(omschrijving)
    if not naam or naam[0].isdigit():
        naam = "C" + code
    return naam


def genereer(pad: str) -> str:
    per_type: dict[str, list[tuple[str, str]]] = {}
    with open(pad, encoding="utf-8", newline="") as f:
        for rij in csv.DictReader(f):
            per_type.setdefault(rij["datatype"], []).append((rij["code"], rij["omschrijving"]))
    regels = [
        '"""Codelijsten van iWmo 3.2, als ``StrEnum``.',
        "",
        "GEGENEREERD door ``python -m iwmo.tools.genereer_codelijsten`` uit de enumeraties van",
        "``basisschema.xsd`` (release 3.2, XSD-versie 1.0.0). Niet met de hand wijzigen; een test",
        "vergelijkt deze module met de bron-CSV.",
        "",
        "Elk lid is een ``str`` met de code als waarde (``Eenheid.UUR == '04'``) en heeft",
        "``.omschrijving`` met de Nederlandse tekst uit de standaard.",
        '"""',
        "",
        "from __future__ import annotations",
        "",
        "from enum import StrEnum",
        "",
        "",
        "class Codelijst(StrEnum):",
        '    """Basis: waarde is de code, ``omschrijving`` de tekst uit de standaard."""',
        "",
        "    omschrijving: str",
        "",
        "    def __new__(cls, code: str, omschrijving: str) -> Codelijst:",
        "        lid = str.__new__(cls, code)",
        "        lid._value_ = code",
        "        lid.omschrijving = omschrijving",
        "        return lid",
        "",
        "    @classmethod",
        "    def omschrijving_van(cls, code: str) -> str | None:",
        '        """Omschrijving bij een code, of ``None`` als de code niet in de lijst staat."""',
        "        try:",
        "            return cls(code).omschrijving",
        "        except ValueError:",
        "            return None",
        "",
    ]
    for datatype in sorted(per_type):
        klasse = datatype.removeprefix("LDT_")
        doc = DOCSTRINGS.get(datatype, f"{klasse} ({CODELIJST_ID.get(datatype, datatype)}).")
        regels += ["", f"class {klasse}(Codelijst):", f'    """{doc}"""', ""]
        gezien: set[str] = set()
        for code, omschrijving in per_type[datatype]:
            naam = lidnaam(datatype, code, omschrijving)
            if naam in gezien:
                raise SystemExit(f"dubbele ledennaam {klasse}.{naam}")
            gezien.add(naam)
            regels.append(f"    {naam} = {code!r}, {omschrijving!r}")
        regels.append("")
    regels += [
        "",
        "# Datatype in het basisschema -> codelijst-klasse.",
        "PER_DATATYPE: dict[str, type[Codelijst]] = {",
    ]
    for datatype in sorted(per_type):
        regels.append(f"    {datatype!r}: {datatype.removeprefix('LDT_')},")
    regels += ["}", "", "# Codelijst-klasse -> identificatie van de codelijst in de standaard.", "CODELIJST_ID: dict[type[Codelijst], str] = {"]
    for datatype in sorted(per_type):
        if datatype in CODELIJST_ID:
            regels.append(f"    {datatype.removeprefix('LDT_')}: {CODELIJST_ID[datatype]!r},")
    regels += ["}", ""]
    return "\n".join(regels)


if __name__ == "__main__":  # pragma: no cover
    sys.stdout.write(genereer(sys.argv[1]))
