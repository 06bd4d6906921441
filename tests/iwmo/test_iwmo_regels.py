"""Regels: registratie tegen het regelrapport, en het gedrag van de belangrijkste regels."""

from __future__ import annotations

import csv
from datetime import date

import pytest
from iwmo_testhulp import REGELS_CSV, REGELS_PER_BERICHT_CSV, voorbeeld

import iwmo
from iwmo.regels import BERICHTOVERSTIJGEND, REGELS, Afwijking, Niveau, maak_regel
from iwmo.modellen.declaratie import Prestatie

VANDAAG = date(2026, 1, 1)


def _rapport() -> dict[str, dict[str, str]]:
    with REGELS_CSV.open(encoding="utf-8", newline="") as f:
        return {r["Regelcode"]: r for r in csv.DictReader(f)}


def _berichten_per_regel() -> dict[str, set[str]]:
    uit: dict[str, set[str]] = {}
    with REGELS_PER_BERICHT_CSV.open(encoding="utf-8", newline="") as f:
        for r in csv.DictReader(f):
            if r["Bericht"].startswith("WMO3"):
                uit.setdefault(r["Regelcode"], set()).add(r["Bericht"].lower())
    return uit


def test_regels_kloppen_met_regelrapport():
    rapport, per_bericht = _rapport(), _berichten_per_regel()
    for r in REGELS:
        bron = rapport[r.code]
        assert r.retourcode == bron["Retourcode"], r.code
        assert r.niveau.value == bron["Controleniveau"], r.code
        assert r.berichten == per_bericht[r.code], r.code


def test_alle_binnen_bericht_controleerbare_regels_zijn_geimplementeerd():
    rapport = _rapport()
    eigen = {r.code for r in REGELS}
    inhoud = {c for c, r in rapport.items() if r["Controleniveau"] == "bericht inhoud (xslt)" and c[:2] in ("TR", "CS", "CD")}
    assert inhoud <= eigen
    # Alle regels van niveau 3 en 4 zijn óf zelf geïmplementeerd óf als haak gedocumenteerd.
    overig = {c for c, r in rapport.items() if r["Controleniveau"] in ("berichtoverstijgend", "externe bron")}
    assert overig == (eigen & overig) | {c for c, _, _ in BERICHTOVERSTIJGEND}
    for code, retourcode, berichten in BERICHTOVERSTIJGEND:
        assert rapport[code]["Retourcode"] == retourcode
        assert {"wmo" + b for b in berichten.split()} == _berichten_per_regel()[code]


def _check(data: bytes, **kw):
    return iwmo.check(data, vandaag=VANDAAG, **kw)


def _regels(resultaat) -> set[str]:
    return {b.regel for b in resultaat.bevindingen}


D323 = voorbeeld("WMO323.xml")


def _p(b, c=0, i=0):
    return b.declaratie.clienten[c].prestaties[i]


def _zet(b, **kw):
    for pad, waarde in kw.items():
        *route, veld = pad.split("__")
        obj = b
        for stap in route:
            obj = getattr(obj, stap)
        setattr(obj, veld, waarde)


MUTATIES = {
    # bedrag past niet bij volume × tarief (9346) én het totaal klopt niet meer (TR358)
    "bedrag": (lambda b: setattr(_p(b).ingediend_bedrag, "bedrag", 5001), {"TR346", "TR358"}),
    "totaal": (lambda b: setattr(b.declaratie.totaal_ingediend_bedrag, "totaal_bedrag", 58001), {"TR358"}),
    "periode-geen-maand": (lambda b: setattr(b.declaratie.declaratie_periode, "einddatum", date(2023, 4, 29)), {"CS340"}),
    "productperiode-twee-maanden": (lambda b: setattr(_p(b).product_periode, "einddatum", date(2023, 5, 31)), {"CS337", "TR137"}),
    "productperiode-omgekeerd": (lambda b: setattr(_p(b).product_periode, "einddatum", date(2023, 3, 31)), {"TR137", "CS337"}),
    "bsn": (lambda b: setattr(b.declaratie.clienten[1], "bsn", "999900019"), {"CS002"}),
    "credit-zonder-vorig": (lambda b: setattr(_p(b).ingediend_bedrag, "debet_credit", "C"), {"CD060", "TR358"}),
    "dubbele-prestatie": (lambda b: setattr(_p(b, 0, 1).product_referentie, "referentienummer", "RN001"), {"TR101"}),
    "dubbele-client": (lambda b: setattr(b.declaratie.clienten[1], "bsn", "999900006"), {"TR101"}),
    "voor-2021": (lambda b: setattr(b.declaratie.declaratie_periode, "begindatum", date(2020, 12, 1)), {"CS100", "CS340"}),
    "euro-met-tarief": (lambda b: setattr(_p(b), "eenheid", "83"), {"CD087", "CS339"}),
    "dubbel-debet": (
        lambda b: (setattr(_p(b, 0, 1), "product_code", "01A03"), setattr(_p(b, 0, 1), "toewijzingnummer", 20072)),
        {"TR416"},
    ),
}


@pytest.mark.parametrize("naam", sorted(MUTATIES))
def test_declaratieregels(naam, xsd_dir):
    mutatie, verwacht = MUTATIES[naam]
    b = iwmo.read(D323)
    mutatie(b)
    data = iwmo.write(b)
    assert iwmo.validate_schema(data, xsd_dir) == []
    assert _regels(_check(data)) == verwacht


def test_tr346_is_niveau_4_met_eigen_retourcode(xsd_dir):
    # Bedrag en totaal samen aangepast: alleen TR346 (9346) blijft over, bij de Prestatie.
    data = D323.replace(b"<iwmo:Bedrag>5000<", b"<iwmo:Bedrag>5100<", 1).replace(b">58000<", b">58100<")
    resultaat = _check(data)
    (b,) = resultaat.bevindingen
    assert (b.regel, b.retourcode, b.niveau) == ("TR346", "9346", Niveau.EXTERNE_BRON)
    assert b.pad == "/Bericht/Declaratie/Clienten/Client[1]/Prestaties/Prestatie[1]/IngediendBedrag"
    assert isinstance(b.klasse, Prestatie)
    antwoord = resultaat.retourbericht(identificatie_retour="A1", dagtekening_retour=date(2023, 5, 7))
    assert antwoord.NAAM == "wmo325"
    assert iwmo.validate_schema(iwmo.write(antwoord), xsd_dir) == []
    da = antwoord.declaratie_antwoord
    assert antwoord.header.retour_codes == ["0200"] and da.retour_codes == ["0200"]
    assert da.totaal_toegekend_bedrag.totaal_bedrag == 58100 - 5100
    (client,) = da.clienten
    assert client.retour_codes == ["0200"] and [p.retour_codes for p in client.prestaties] == [["9346"]]


def test_tr135_dagtekening_in_de_toekomst_geeft_header_retour(xsd_dir):
    resultaat = iwmo.check(voorbeeld("WMO305.xml"), xsd_dir, vandaag=date(2025, 1, 1))
    (b,) = resultaat.bevindingen
    assert (b.regel, b.retourcode) == ("TR135", "8848")
    retour = resultaat.retourbericht(identificatie_retour="R1", dagtekening_retour=date(2025, 1, 1))
    assert retour.NAAM == "wmo306" and retour.header.retour_codes == ["8848"] and retour.client is None
    assert iwmo.validate_schema(iwmo.write(retour), xsd_dir) == []


def test_extra_regel_van_ontvanger_geeft_retour_per_klasse(xsd_dir):
    """Een berichtoverstijgende regel van het ontvangende systeem (hier TR019 met een nep-opslag)."""
    bekend = {20060}

    def tr019(product, ctx):
        if product.toewijzingnummer not in ctx.historie:
            yield Afwijking("ToewijzingNummer", "Geen toewijzing met dit nummer.")

    from iwmo.modellen.regie import StartProduct

    regel = maak_regel("TR019", "Start gerelateerd aan toewijzing", berichten="305", op=StartProduct, retourcode="9019", functie=tr019)
    resultaat = iwmo.check(voorbeeld("WMO305.xml"), xsd_dir, vandaag=VANDAAG, extra_regels=[regel], historie=bekend)
    assert {b.retourcode for b in resultaat.bevindingen} == {"9019"}
    retour = resultaat.retourbericht(identificatie_retour="R1", dagtekening_retour=VANDAAG)
    assert iwmo.validate_schema(iwmo.write(retour), xsd_dir) == []
    assert retour.header.retour_codes == [] and retour.client.retour_codes == ["0200"]
    codes = [p.retour_codes for p in retour.client.start_producten]
    assert ["9019"] in codes


def test_externe_bronnen(xsd_dir):
    class Bronnen:
        def gemeentecode_bestaat(self, code, peildatum):
            return code != "0384"

        def productcode_bestaat(self, categorie, code, peildatum):
            return None  # onbekend: regel overslaan

        def contracttarief(self, aanbieder, categorie, code, eenheid, peildatum, *, toewijzingnummer):
            return 1300 if code == "01A04" else None

    resultaat = _check(D323, bronnen=Bronnen())
    assert sorted((b.regel, b.retourcode) for b in resultaat.bevindingen) == [("TR378", "S300")] + [("TR418", "0611")] * 2
    assert resultaat.niet_gecontroleerd == ()


class _AlleBronnen:
    """Een bron die alles afkeurt: elke regel met een bron die draait, geeft een bevinding."""

    def __init__(self):
        self.voorbereid = []

    def voorbereiden(self, bericht):
        self.voorbereid.append(bericht.NAAM)

    def gemeentecode_bestaat(self, code, peildatum):
        return False

    def productcode_bestaat(self, categorie, code, peildatum):
        return False

    def contracttarief(self, aanbieder, categorie, code, eenheid, peildatum, *, toewijzingnummer):
        assert isinstance(toewijzingnummer, int)
        return 1


BRONREGELS = {"TR378", "TR381", "TR418"}


@pytest.mark.parametrize(("bestand", "regels"), [
    ("WMO323.xml", ("TR378", "TR381", "TR418")),
    ("WMO305.xml", ("TR378", "TR381")),
    ("WMO307.xml", ("TR378", "TR381")),
    ("WMO301.xml", ("TR378", "TR381")),
    ("WMO319.xml", ("TR378",)),
])
def test_regels_zonder_bron_zijn_niet_gecontroleerd(bestand, regels):
    data = voorbeeld(bestand)
    kaal = _check(data)
    assert kaal.niet_gecontroleerd == regels
    assert not _regels(kaal) & BRONREGELS  # niet gecontroleerd is ook niet stilletjes goedgekeurd of afgekeurd
    bronnen = _AlleBronnen()
    volledig = _check(data, bronnen=bronnen)
    assert volledig.niet_gecontroleerd == ()
    assert _regels(volledig) & BRONREGELS == set(regels)  # met bron draait elke regel, en kan hij falen
    assert bronnen.voorbereid == [volledig.bericht.NAAM]  # één keer, vóór de regels


def test_een_gedeeltelijke_bron_laat_de_rest_niet_gecontroleerd():
    class AlleenGemeenten:
        def gemeentecode_bestaat(self, code, peildatum):
            return False

    resultaat = _check(D323, bronnen=AlleenGemeenten())
    assert resultaat.niet_gecontroleerd == ("TR381", "TR418")
    assert _regels(resultaat) & BRONREGELS == {"TR378"}


def test_eigen_regel_met_bron():
    class Geen:
        pass

    def nooit(obj, ctx):
        yield Afwijking("", "fout")

    regel = maak_regel("TR999", "eigen", berichten="323", op=Prestatie, retourcode="9999", functie=nooit, bron="register")
    resultaat = _check(D323, extra_regels=[regel], bronnen=Geen())
    assert "TR999" in resultaat.niet_gecontroleerd and "TR999" not in _regels(resultaat)


def test_zonder_leesbaar_bericht_is_er_niets_niet_gecontroleerd():
    resultaat = _check(b"geen xml")
    assert resultaat.bericht is None and resultaat.niet_gecontroleerd == ()


def test_regels_op_toewijzing_en_verzoeken(xsd_dir):
    t = voorbeeld("WMO301.xml")
    geval = {
        "CD007": t.replace(b"<iwmo:Taal>Deens</iwmo:Taal>", b""),
        "CS050": t.replace(b"<iwmo:NaamGebruik>4<", b"<iwmo:NaamGebruik>5<"),
        "CS089": t.replace(b"<iwmo:LandCode>AD<", b"<iwmo:LandCode>NL<").replace(b">9999XX<", b">9999 X<"),
        "CS336": t.replace(b"<wmo301:Einddatum>2023-12-31</wmo301:Einddatum>", b"<wmo301:Einddatum>2023-12-31</wmo301:Einddatum><wmo301:RedenWijziging>01</wmo301:RedenWijziging>"),
        "CD076": t.replace(b"<wmo301:Einddatum>2023-12-31</wmo301:Einddatum>", b"").replace(b"<iwmo:Frequentie>1<", b"<iwmo:Frequentie>2<"),
    }
    for regel, data in geval.items():
        assert iwmo.validate_schema(data, xsd_dir) == [], regel
        assert regel in _regels(_check(data)), regel
    v = voorbeeld("WMO319.xml")
    assert _regels(_check(v.replace(b"<wmo319:VerzoekAntwoord>1<", b"<wmo319:VerzoekAntwoord>2<"))) == {"CD086"}
    s = voorbeeld("WMO307.xml")
    assert "TR018" in _regels(_check(s.replace(b"<wmo307:Einddatum>2025-07-18<", b"<wmo307:Einddatum>2020-07-18<")))


# --- Het mechanisme: registratie, context, bevindingen --------------------------------------


def test_registreer_zet_de_regel_met_zijn_standaarden_in_regels(monkeypatch):
    from iwmo.modellen.basis import Adres, Geboortedatum
    from iwmo.regels import kern

    monkeypatch.setattr(kern, "REGELS", [])

    def functie(obj, ctx):
        return []

    inhoud = kern.registreer(functie, "TR900", "titel", berichten="301 315", op=Adres)
    bron = kern.registreer(
        functie, "TR901", "andere titel", berichten="323", op=(Adres, Geboortedatum), retourcode="9901",
        niveau=Niveau.EXTERNE_BRON, bron="register",
    )  # fmt: skip
    assert kern.REGELS == [inhoud, bron]
    assert (inhoud.code, inhoud.titel, inhoud.retourcode, inhoud.niveau, inhoud.berichten, inhoud.op, inhoud.functie, inhoud.bron) == (
        "TR900", "titel", "0001", Niveau.INHOUD, frozenset({"wmo301", "wmo315"}), (Adres,), functie, None
    )  # fmt: skip
    assert (bron.titel, bron.retourcode, bron.niveau, bron.op, bron.bron) == (
        "andere titel", "9901", Niveau.EXTERNE_BRON, (Adres, Geboortedatum), "register"
    )


def test_maak_regel_is_berichtoverstijgend_en_niet_geregistreerd():
    from iwmo.modellen.basis import Adres, Geboortedatum

    aantal = len(REGELS)
    r = maak_regel("TR019", "Start gerelateerd aan toewijzing", berichten="305 307", op=Adres, retourcode="9019", functie=print)
    assert (r.titel, r.niveau, r.op, r.berichten, r.bron) == (
        "Start gerelateerd aan toewijzing", Niveau.BERICHTOVERSTIJGEND, (Adres,), frozenset({"wmo305", "wmo307"}), None
    )
    assert maak_regel("TR999", "t", berichten="323", op=(Adres, Geboortedatum), retourcode="9999", functie=print).op == (Adres, Geboortedatum)
    assert len(REGELS) == aantal


def test_regels_voor_een_bericht():
    from iwmo.regels import regels_voor

    codes = [r.code for r in regels_voor("wmo319")]
    assert codes == [r.code for r in REGELS if "wmo319" in r.berichten] and "CD085" in codes and "CS002" not in codes


def test_bevinding_als_tekst():
    from iwmo.regels import Bevinding

    assert str(Bevinding("TR135", "8848", Niveau.EXTERNE_BRON, "/Bericht/Header", "te laat")) == "/Bericht/Header: 8848 TR135: te laat"
    assert str(Bevinding("X", None, Niveau.INNAME, "/Bericht", "kapot")) == "/Bericht: - X: kapot"


def test_context_kent_paden_ouders_en_berichtklassen():
    from iwmo.regels import maak_context

    b = iwmo.read(voorbeeld("WMO301.xml"))
    ctx = maak_context(b, vandaag=VANDAAG)
    client = b.client
    assert ctx.pad(client.geboortedatum) == "/Bericht/Client/Geboortedatum"
    assert ctx.pad(client.relaties[1]) == "/Bericht/Client/Relaties/Relatie[2]"
    assert ctx.pad(object()) == ""
    assert ctx.ouder(client.geboortedatum) is client and ctx.ouder(b) is None
    assert ctx.berichtklasse(client.geboortedatum) is client  # een datum krijgt geen retourcode, de client wel
    assert ctx.berichtklasse(client) is client and ctx.berichtklasse(b.header) is b.header
