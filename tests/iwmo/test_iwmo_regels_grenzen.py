"""De regels één voor één, op de grens: elke tak van elke regel, met element en volledige melding.

Een regelfunctie wordt rechtstreeks aangeroepen op een modelobject met alleen de velden die zij
leest, zodat een geval precies één regel en één tak raakt. De meldingen worden volledig vergeleken:
ze bereiken gebruikers (in de controle-uitvoer en bij het bericht in Regie), met de waarden en datums
waar de melding over gaat. Datums liggen op de grens: de dagtekening zelf en de dag erna, 31-12-2020
en 01-01-2021, precies 120 of 5 jaar terug, de eerste en laatste dag van een maand.
"""

from __future__ import annotations

from datetime import date
from types import SimpleNamespace

import pytest

from iwmo.codelists import ProductCategorie
from iwmo.modellen.basis import (
    Adres,
    BedragMetDC,
    Communicatie,
    Geboortedatum,
    OpenPeriode,
    Product,
    TotaalBedragMetDC,
    Verwijzer,
    VolledigeNaam,
)
from iwmo.modellen.declaratie import Declaratie, DeclaratieAntwoord, DeclaratieClient, Prestatie
from iwmo.modellen.header import Header
from iwmo.modellen.regie import StartClient, StartProduct, StopClient, StopProduct
from iwmo.modellen.toewijzing import Client, Contact, Relatie, ToegewezenProduct
from iwmo.modellen.verzoek import (
    AangevraagdProduct,
    Antwoord,
    NieuwProduct,
    OngewijzigdProduct,
    TeWijzigenProduct,
    Verzoek,
    VerzoekToewijzingClient,
)
from iwmo.regels import inhoud
from iwmo.regels.kern import Context

DAG = date(2023, 4, 2)  # dagtekening van het bericht
NA = date(2023, 4, 3)  # de dag na de dagtekening
VANDAAG = date(2026, 1, 1)
GRENS, NA_GRENS = date(2020, 12, 31), date(2021, 1, 1)


def _obj(cls, **velden):
    """Een modelobject van ``cls`` met alleen ``velden``: de regel leest niets anders (anders faalt de test)."""
    obj = object.__new__(cls)
    obj.__dict__.update(velden)
    return obj


def _ctx(*, naam="wmo301", dagtekening=DAG, vandaag=VANDAAG, bronnen=None, declaratie_dagtekening=DAG) -> Context:
    header = SimpleNamespace(
        berichtidentificatie=SimpleNamespace(dagtekening=dagtekening), afzender="0384", ontvanger="65656055"
    )
    bericht = SimpleNamespace(
        NAAM=naam, header=header, declaratie=SimpleNamespace(declaratie_dagtekening=declaratie_dagtekening)
    )
    return Context(bericht=bericht, vandaag=vandaag, bronnen=bronnen)


def _uit(functie, obj, **ctx) -> list[tuple[str, str]]:
    return [(a.element, a.melding) for a in functie(obj, _ctx(**ctx))]


def _product(categorie="01", code="01A01"):
    return _obj(Product, categorie=categorie, code=code)


def _omvang(eenheid="04", frequentie="1"):
    return SimpleNamespace(volume=1, eenheid=eenheid, frequentie=frequentie)


def _toegewezen(**velden):
    basis = dict(product=_product(), budget=None, omvang=_omvang(), einddatum=date(2023, 12, 31), ingangsdatum=date(2023, 1, 1))
    return _obj(ToegewezenProduct, **{**basis, **velden})


def _aangevraagd(**velden):
    basis = dict(product=_product(), budget=None, omvang=_omvang(), toewijzing_einddatum=date(2023, 12, 31))
    return _obj(AangevraagdProduct, **{**basis, **velden})


def _nieuw(**velden):
    basis = dict(product=_product(), budget=None, omvang=_omvang(), einddatum=date(2023, 12, 31))
    return _obj(NieuwProduct, **{**basis, **velden})


def _te_wijzigen(**velden):
    return _obj(TeWijzigenProduct, **{**dict(budget=None, omvang=_omvang(), einddatum=date(2023, 12, 31)), **velden})


def _gesloten(begin, eind):
    return SimpleNamespace(begindatum=begin, einddatum=eind)


def _prestatie(**velden):
    basis = dict(
        product_referentie=SimpleNamespace(referentienummer="RN1", vorig_referentienummer=None),
        toewijzingnummer=1,
        product_categorie=ProductCategorie("01"),
        product_code="01A01",
        product_periode=_gesloten(date(2023, 4, 1), date(2023, 4, 30)),
        geleverd_volume=4,
        eenheid="04",
        product_tarief=1250,
        ingediend_bedrag=BedragMetDC(bedrag=5000, debet_credit="D"),
    )
    return _obj(Prestatie, **{**basis, **velden})


def _header(dag):
    return _obj(Header, berichtidentificatie=SimpleNamespace(dagtekening=dag), afzender="0384", ontvanger="65656055")


def _geboorte(datum, gebruik=None):
    return _obj(Geboortedatum, datum=datum, datum_gebruik=gebruik)


def _contact(**velden):
    return _obj(Contact, **{**dict(soort="01", adres=None, telefoon=None, periode=None), **velden})


def _adres(**velden):
    return _obj(Adres, **{**dict(huis=None, postcode=None, land_code=None), **velden})


def _verwijzer(type, code=None, naam=None):
    return _obj(Verwijzer, type=type, zorgverlener_code=code, naam=naam)


def _verzoek(ongewijzigd=(), te_wijzigen=(), nieuw=()):
    return _obj(Verzoek, ongewijzigde_producten=list(ongewijzigd), te_wijzigen_producten=list(te_wijzigen), nieuwe_producten=list(nieuw))


def _antwoord(antwoord, reden=None):
    return _obj(Antwoord, verzoek_antwoord=antwoord, reden_afwijzing_verzoek=reden)


def _declaratie(begin=date(2023, 4, 1), eind=date(2023, 4, 30)):
    return _obj(Declaratie, declaratie_periode=_gesloten(begin, eind))


def _na(element: str, d: str) -> tuple[str, str]:
    return element, f"{element.split('/')[-1]} {d} ligt na de dagtekening 02-04-2023."


def _voor(element: str, eind: str, begin: str) -> tuple[str, str]:
    return element, f"{element.split('/')[-1]} {eind} ligt voor de begindatum {begin}."


_PER_WEEK_ZONDER_EINDE = ("Einddatum", "Frequentie is 2 (per week): Einddatum is verplicht.")
_OMVANG_LEEG = ("Omvang", "Code in Product is leeg en Einddatum na 31-12-2020 of leeg: Omvang moet leeg zijn.")
_OMVANG_LEEG_AANGEVRAAGD = (
    "Omvang",
    "Code in Product is leeg en ToewijzingEinddatum na 31-12-2020 of leeg: Omvang moet leeg zijn.",
)


def _frequentie(eenheid: str, element="Einddatum", frequentie="1") -> tuple[str, str]:
    return (
        "Omvang/Frequentie",
        f"Eenheid {eenheid} met {element} na 31-12-2020 of leeg: Frequentie moet 2, 4 of 6 zijn (is {frequentie}).",
    )


# (functie, object, context, verwachte afwijkingen); elk geval één tak van één regel.
GEVALLEN = {
    # TR135: de dagtekening mag vandaag zijn, niet morgen.
    "tr135-vandaag": (inhoud.tr135, _header(VANDAAG), {}, []),
    "tr135-morgen": (
        inhoud.tr135,
        _header(date(2026, 1, 2)),
        {},
        [("BerichtIdentificatie/Dagtekening", "Dagtekening 02-01-2026 ligt na vandaag (01-01-2026).")],
    ),
    # CS002
    "cs002-geldig": (inhoud.cs002, _obj(Client, bsn="999900006"), {}, []),
    "cs002-ongeldig": (
        inhoud.cs002,
        _obj(Client, bsn="999900007"),
        {},
        [("Bsn", "Bsn 999900007 voldoet niet aan de 11-proef.")],
    ),
    # TR002: precies 120 jaar voor de dagtekening mag, een dag eerder niet; onbekend (3 en 1-1-1900) altijd.
    "tr002-precies-120-jaar": (inhoud.tr002, _geboorte(date(1903, 4, 2)), {}, []),
    "tr002-dag-te-vroeg": (
        inhoud.tr002,
        _geboorte(date(1903, 4, 1)),
        {},
        [("Datum", "Geboortedatum 01-04-1903 ligt meer dan 120 jaar voor de dagtekening.")],
    ),
    "tr002-onbekend": (inhoud.tr002, _geboorte(date(1900, 1, 1), "3"), {}, []),
    "tr002-onbekend-andere-datum": (
        inhoud.tr002,
        _geboorte(date(1900, 1, 2), "3"),
        {},
        [("Datum", "Geboortedatum 02-01-1900 ligt meer dan 120 jaar voor de dagtekening.")],
    ),
    "tr002-1900-niet-onbekend": (
        inhoud.tr002,
        _geboorte(date(1900, 1, 1), "1"),
        {},
        [("Datum", "Geboortedatum 01-01-1900 ligt meer dan 120 jaar voor de dagtekening.")],
    ),
    # CS139: DatumGebruik 1 (dag onbekend), 2 (dag en maand), 3 (alles) tegen de datum.
    "cs139-geen-gebruik": (inhoud.cs139, _geboorte(date(1980, 5, 17)), {}, []),
    "cs139-3-goed": (inhoud.cs139, _geboorte(date(1900, 1, 1), "3"), {}, []),
    "cs139-3-fout": (
        inhoud.cs139,
        _geboorte(date(1900, 1, 2), "3"),
        {},
        [("DatumGebruik", "DatumGebruik 3 past niet bij Datum 02-01-1900.")],
    ),
    "cs139-2-goed": (inhoud.cs139, _geboorte(date(1980, 1, 1), "2"), {}, []),
    "cs139-2-dag-fout": (
        inhoud.cs139,
        _geboorte(date(1980, 1, 2), "2"),
        {},
        [("DatumGebruik", "DatumGebruik 2 past niet bij Datum 02-01-1980.")],
    ),
    "cs139-2-maand-fout": (
        inhoud.cs139,
        _geboorte(date(1980, 2, 1), "2"),
        {},
        [("DatumGebruik", "DatumGebruik 2 past niet bij Datum 01-02-1980.")],
    ),
    "cs139-1-goed": (inhoud.cs139, _geboorte(date(1980, 2, 1), "1"), {}, []),
    "cs139-1-fout": (
        inhoud.cs139,
        _geboorte(date(1980, 2, 2), "1"),
        {},
        [("DatumGebruik", "DatumGebruik 1 past niet bij Datum 02-02-1980.")],
    ),
    # CS050
    **{
        f"cs050-partner-{g}": (inhoud.cs050, _obj(VolledigeNaam, partnernaam="x", naam_gebruik=g), {}, [])
        for g in ("1", "2", "3", "4")
    },
    "cs050-partner-5": (
        inhoud.cs050,
        _obj(VolledigeNaam, partnernaam="x", naam_gebruik="5"),
        {},
        [("NaamGebruik", "Partnernaam is gevuld, NaamGebruik moet 1-4 zijn (is 5).")],
    ),
    "cs050-geen-partner-1": (inhoud.cs050, _obj(VolledigeNaam, partnernaam=None, naam_gebruik="1"), {}, []),
    "cs050-geen-partner-2": (
        inhoud.cs050,
        _obj(VolledigeNaam, partnernaam=None, naam_gebruik="2"),
        {},
        [("NaamGebruik", "Geen Partnernaam, dan NaamGebruik 1 (is 2).")],
    ),
    # CD007
    "cd007-tolk-zonder-taal": (
        inhoud.cd007,
        _obj(Communicatie, vorm="1", taal=None),
        {},
        [("Taal", "Vorm is 1 (tolk taal): Taal is verplicht.")],
    ),
    "cd007-tolk-met-taal": (inhoud.cd007, _obj(Communicatie, vorm="1", taal="Deens"), {}, []),
    "cd007-anders-met-taal": (
        inhoud.cd007,
        _obj(Communicatie, vorm="2", taal="Deens"),
        {},
        [("Taal", "Vorm is 2: Taal moet leeg zijn.")],
    ),
    "cd007-anders-zonder-taal": (inhoud.cd007, _obj(Communicatie, vorm="2", taal=None), {}, []),
    # TR061: minstens één contact met soort 01, 02 of 03.
    **{
        f"tr061-{s}": (inhoud.tr061, _obj(Client, contactgegevens=[_contact(soort="04"), _contact(soort=s)]), {}, [])
        for s in ("01", "02", "03")
    },
    "tr061-alleen-04": (
        inhoud.tr061,
        _obj(Client, contactgegevens=[_contact(soort="04")]),
        {},
        [("Contactgegevens", "Geen contact met Soort 01 (BRP), 02 (correspondentie) of 03 (verblijf).")],
    ),
    # TR006
    "tr006-niets": (
        inhoud.tr006,
        _contact(),
        {},
        [("", "Contact bevat geen Telefoon en ook niet de combinatie Huis en Postcode.")],
    ),
    "tr006-telefoon": (inhoud.tr006, _contact(telefoon="0101234567"), {}, []),
    "tr006-huis-en-postcode": (inhoud.tr006, _contact(adres=_adres(huis=1, postcode="1234AB")), {}, []),
    "tr006-alleen-huis": (
        inhoud.tr006,
        _contact(adres=_adres(huis=1)),
        {},
        [("", "Contact bevat geen Telefoon en ook niet de combinatie Huis en Postcode.")],
    ),
    "tr006-alleen-postcode": (
        inhoud.tr006,
        _contact(adres=_adres(postcode="1234AB")),
        {},
        [("", "Contact bevat geen Telefoon en ook niet de combinatie Huis en Postcode.")],
    ),
    # CD034
    "cd034-brp-zonder-adres": (
        inhoud.cd034,
        _contact(soort="01"),
        {},
        [("Adres/Postcode", "Soort adres is 01: Postcode is verplicht.")],
    ),
    "cd034-verblijf-zonder-postcode": (
        inhoud.cd034,
        _contact(soort="03", adres=_adres(huis=1)),
        {},
        [("Adres/Postcode", "Soort adres is 03: Postcode is verplicht.")],
    ),
    "cd034-brp-met-postcode": (inhoud.cd034, _contact(soort="01", adres=_adres(postcode="1234AB")), {}, []),
    "cd034-correspondentie": (inhoud.cd034, _contact(soort="02"), {}, []),
    # CD009
    "cd009-periode-bij-01": (
        inhoud.cd009,
        _contact(soort="01", periode=object()),
        {},
        [("Periode", "Periode is alleen toegestaan bij Soort 04 (is 01).")],
    ),
    "cd009-periode-bij-04": (inhoud.cd009, _contact(soort="04", periode=object()), {}, []),
    "cd009-geen-periode": (inhoud.cd009, _contact(soort="01"), {}, []),
    # CD005
    "cd005-postcode-zonder-land": (
        inhoud.cd005,
        _adres(postcode="1234AB"),
        {},
        [("LandCode", "Postcode is gevuld: LandCode is verplicht.")],
    ),
    "cd005-land-zonder-postcode": (
        inhoud.cd005,
        _adres(land_code="NL"),
        {},
        [("LandCode", "Postcode is leeg: LandCode moet leeg zijn.")],
    ),
    "cd005-beide": (inhoud.cd005, _adres(postcode="1234AB", land_code="NL"), {}, []),
    "cd005-geen": (inhoud.cd005, _adres(), {}, []),
    # CD025
    "cd025-nl-zonder-huis": (inhoud.cd025, _adres(land_code="NL"), {}, [("Huis", "LandCode is NL: Huis is verplicht.")]),
    "cd025-nl-met-huis": (inhoud.cd025, _adres(land_code="NL", huis=1), {}, []),
    "cd025-buitenland": (inhoud.cd025, _adres(land_code="BE"), {}, []),
    # CS089
    "cs089-goed": (inhoud.cs089, _adres(land_code="NL", postcode="1234AB"), {}, []),
    "cs089-spatie": (
        inhoud.cs089,
        _adres(land_code="NL", postcode="1234 AB"),
        {},
        [("Postcode", "Postcode '1234 AB' is geen Nederlandse postcode (1234AB).")],
    ),
    "cs089-te-lang": (
        inhoud.cs089,
        _adres(land_code="NL", postcode="1234ABC"),
        {},
        [("Postcode", "Postcode '1234ABC' is geen Nederlandse postcode (1234AB).")],
    ),
    "cs089-nl-zonder-postcode": (inhoud.cs089, _adres(land_code="NL"), {}, []),
    "cs089-buitenland": (inhoud.cs089, _adres(land_code="BE", postcode="1234 AB"), {}, []),
    # TR134: elk datumelement mag op de dagtekening liggen, niet erna.
    "tr134-geboortedatum-op": (inhoud.tr134, _geboorte(DAG), {}, []),
    "tr134-geboortedatum-na": (inhoud.tr134, _geboorte(NA), {}, [_na("Datum", "03-04-2023")]),
    "tr134-toewijzingsdatum-op": (inhoud.tr134, _obj(ToegewezenProduct, toewijzingsdatum=DAG), {}, []),
    "tr134-toewijzingsdatum-na": (
        inhoud.tr134,
        _obj(ToegewezenProduct, toewijzingsdatum=NA),
        {},
        [_na("Toewijzingsdatum", "03-04-2023")],
    ),
    "tr134-start-op": (inhoud.tr134, _obj(StartProduct, begindatum=DAG), {}, []),
    "tr134-start-na": (inhoud.tr134, _obj(StartProduct, begindatum=NA), {}, [_na("Begindatum", "03-04-2023")]),
    "tr134-stop-op": (inhoud.tr134, _obj(StopProduct, einddatum=DAG), {}, []),
    "tr134-stop-na": (inhoud.tr134, _obj(StopProduct, einddatum=NA), {}, [_na("Einddatum", "03-04-2023")]),
    "tr134-declaratie-op": (inhoud.tr134, _declaratie(begin=DAG), {}, []),
    "tr134-declaratie-na": (
        inhoud.tr134,
        _declaratie(begin=NA),
        {},
        [_na("DeclaratiePeriode/Begindatum", "03-04-2023")],
    ),
    "tr134-prestatie-op": (inhoud.tr134, _prestatie(product_periode=_gesloten(DAG, DAG)), {}, []),
    "tr134-prestatie-na": (
        inhoud.tr134,
        _prestatie(product_periode=_gesloten(NA, NA)),
        {},
        [_na("ProductPeriode/Begindatum", "03-04-2023")],
    ),
    # TR137: einde niet voor begin en niet na de dagtekening.
    "tr137-declaratie-goed": (inhoud.tr137, _declaratie(date(2023, 3, 1), date(2023, 3, 31)), {}, []),
    "tr137-declaratie-een-dag": (inhoud.tr137, _declaratie(DAG, DAG), {}, []),
    "tr137-declaratie-omgekeerd": (
        inhoud.tr137,
        _declaratie(date(2023, 3, 2), date(2023, 3, 1)),
        {},
        [("DeclaratiePeriode/Einddatum", "Einddatum 01-03-2023 ligt voor Begindatum 02-03-2023.")],
    ),
    "tr137-declaratie-na-dagtekening": (
        inhoud.tr137,
        _declaratie(date(2023, 4, 1), NA),
        {},
        [_na("DeclaratiePeriode/Einddatum", "03-04-2023")],
    ),
    "tr137-prestatie-omgekeerd-en-na": (
        inhoud.tr137,
        _prestatie(product_periode=_gesloten(date(2023, 4, 4), NA)),
        {},
        [
            ("ProductPeriode/Einddatum", "Einddatum 03-04-2023 ligt voor Begindatum 04-04-2023."),
            _na("ProductPeriode/Einddatum", "03-04-2023"),
        ],
    ),
    # CS003: einde op de begindatum mag, een dag ervoor niet; zonder begin of einde niets.
    "cs003-contact-goed": (inhoud.cs003, _contact(periode=_obj(OpenPeriode, begindatum=DAG, einddatum=DAG)), {}, []),
    "cs003-contact-fout": (
        inhoud.cs003,
        _contact(periode=_obj(OpenPeriode, begindatum=DAG, einddatum=date(2023, 4, 1))),
        {},
        [_voor("Periode/Einddatum", "01-04-2023", "02-04-2023")],
    ),
    "cs003-contact-geen-periode": (inhoud.cs003, _contact(), {}, []),
    "cs003-contact-open-begin": (
        inhoud.cs003,
        _contact(periode=_obj(OpenPeriode, begindatum=None, einddatum=DAG)),
        {},
        [],
    ),
    "cs003-contact-open-einde": (
        inhoud.cs003,
        _contact(periode=_obj(OpenPeriode, begindatum=DAG, einddatum=None)),
        {},
        [],
    ),
    "cs003-toegewezen": (
        inhoud.cs003,
        _toegewezen(ingangsdatum=date(2023, 1, 1), einddatum=date(2022, 12, 31)),
        {},
        [_voor("Einddatum", "31-12-2022", "01-01-2023")],
    ),
    "cs003-toegewezen-goed": (inhoud.cs003, _toegewezen(ingangsdatum=DAG, einddatum=DAG), {}, []),
    "cs003-aangevraagd": (
        inhoud.cs003,
        _aangevraagd(toewijzing_ingangsdatum=date(2023, 1, 1), toewijzing_einddatum=date(2022, 12, 31)),
        {},
        [_voor("ToewijzingEinddatum", "31-12-2022", "01-01-2023")],
    ),
    "cs003-nieuw": (
        inhoud.cs003,
        _nieuw(gewenste_ingangsdatum=date(2023, 1, 1), einddatum=date(2022, 12, 31)),
        {},
        [_voor("Einddatum", "31-12-2022", "01-01-2023")],
    ),
    "cs003-te-wijzigen": (
        inhoud.cs003,
        _te_wijzigen(gewenste_ingangsdatum=date(2023, 1, 1), einddatum=date(2022, 12, 31)),
        {},
        [_voor("Einddatum", "31-12-2022", "01-01-2023")],
    ),
    # TR018
    "tr018-goed": (inhoud.tr018, _obj(StopProduct, begindatum=DAG, einddatum=DAG), {}, []),
    "tr018-fout": (
        inhoud.tr018,
        _obj(StopProduct, begindatum=DAG, einddatum=date(2023, 4, 1)),
        {},
        [_voor("Einddatum", "01-04-2023", "02-04-2023")],
    ),
    # CD079
    "cd079-niets": (
        inhoud.cd079,
        _toegewezen(product=None),
        {},
        [("Product", "Budget is leeg: Product is verplicht.")],
    ),
    "cd079-budget": (inhoud.cd079, _toegewezen(product=None, budget=100), {}, []),
    "cd079-product": (inhoud.cd079, _toegewezen(), {}, []),
    # CD075
    "cd075-budget-zonder-einde": (
        inhoud.cd075,
        _toegewezen(budget=100, einddatum=None),
        {},
        [("Einddatum", "Budget is gevuld: Einddatum is verplicht.")],
    ),
    "cd075-aangevraagd": (
        inhoud.cd075,
        _aangevraagd(budget=100, toewijzing_einddatum=None),
        {},
        [("ToewijzingEinddatum", "Budget is gevuld: ToewijzingEinddatum is verplicht.")],
    ),
    "cd075-budget-met-einde": (inhoud.cd075, _toegewezen(budget=100), {}, []),
    "cd075-geen-budget": (inhoud.cd075, _toegewezen(einddatum=None), {}, []),
    # CD076
    "cd076-per-week-zonder-einde": (
        inhoud.cd076,
        _toegewezen(omvang=_omvang(frequentie="2"), einddatum=None),
        {},
        [_PER_WEEK_ZONDER_EINDE],
    ),
    "cd076-aangevraagd": (
        inhoud.cd076,
        _aangevraagd(omvang=_omvang(frequentie="2"), toewijzing_einddatum=None),
        {},
        [("ToewijzingEinddatum", "Frequentie is 2 (per week): ToewijzingEinddatum is verplicht.")],
    ),
    "cd076-per-week-met-einde": (inhoud.cd076, _toegewezen(omvang=_omvang(frequentie="2")), {}, []),
    "cd076-per-dag": (inhoud.cd076, _toegewezen(omvang=_omvang(frequentie="1"), einddatum=None), {}, []),
    "cd076-geen-omvang": (inhoud.cd076, _toegewezen(omvang=None, einddatum=None), {}, []),
    # CD041
    "cd041-code-zonder-omvang": (
        inhoud.cd041,
        _toegewezen(omvang=None),
        {},
        [("Omvang", "Code in Product is gevuld: Omvang is verplicht.")],
    ),
    "cd041-code-met-omvang": (inhoud.cd041, _toegewezen(), {}, []),
    "cd041-geen-code": (inhoud.cd041, _toegewezen(product=_product(code=None), omvang=None), {}, []),
    "cd041-geen-product": (inhoud.cd041, _toegewezen(product=None, omvang=None), {}, []),
    # CD077 en CD078
    "cd077-beide": (inhoud.cd077, _toegewezen(budget=100), {}, [("Omvang", "Budget is gevuld: Omvang moet leeg zijn.")]),
    "cd077-alleen-omvang": (inhoud.cd077, _toegewezen(), {}, []),
    "cd077-alleen-budget": (inhoud.cd077, _toegewezen(budget=100, omvang=None), {}, []),
    "cd078-beide": (inhoud.cd078, _toegewezen(budget=100), {}, [("Budget", "Omvang is gevuld: Budget moet leeg zijn.")]),
    "cd078-alleen-omvang": (inhoud.cd078, _toegewezen(), {}, []),
    "cd078-alleen-budget": (inhoud.cd078, _toegewezen(budget=100, omvang=None), {}, []),
    # CD080, CD095, CD096: zonder code geen omvang, tenzij het product op of voor 31-12-2020 eindigt.
    "cd080-einde-op-grens": (inhoud.cd080, _toegewezen(product=_product(code=None), einddatum=GRENS), {}, []),
    "cd080-einde-na-grens": (
        inhoud.cd080,
        _toegewezen(product=_product(code=None), einddatum=NA_GRENS),
        {},
        [_OMVANG_LEEG],
    ),
    "cd080-geen-einde": (inhoud.cd080, _toegewezen(product=_product(code=None), einddatum=None), {}, [_OMVANG_LEEG]),
    "cd080-geen-product": (inhoud.cd080, _toegewezen(product=None, einddatum=None), {}, [_OMVANG_LEEG]),
    "cd080-met-code": (inhoud.cd080, _toegewezen(einddatum=None), {}, []),
    "cd080-geen-omvang": (inhoud.cd080, _toegewezen(product=None, omvang=None, einddatum=None), {}, []),
    "cd095-na-grens": (
        inhoud.cd095,
        _aangevraagd(product=None, toewijzing_einddatum=NA_GRENS),
        {},
        [_OMVANG_LEEG_AANGEVRAAGD],
    ),
    "cd095-op-grens": (inhoud.cd095, _aangevraagd(product=None, toewijzing_einddatum=GRENS), {}, []),
    "cd096-na-grens": (inhoud.cd096, _nieuw(product=None, einddatum=NA_GRENS), {}, [_OMVANG_LEEG]),
    "cd096-op-grens": (inhoud.cd096, _nieuw(product=None, einddatum=GRENS), {}, []),
    # CS338, CS343: eenheid 14, 16, 83, 84 na 2020 vraagt frequentie 2, 4 of 6.
    **{
        f"cs338-eenheid-{e}": (
            inhoud.cs338,
            _toegewezen(omvang=_omvang(eenheid=e), einddatum=NA_GRENS),
            {},
            [_frequentie(e)],
        )
        for e in ("14", "16", "83", "84")
    },
    **{
        f"cs338-frequentie-{f}": (
            inhoud.cs338,
            _toegewezen(omvang=_omvang(eenheid="14", frequentie=f), einddatum=None),
            {},
            [],
        )
        for f in ("2", "4", "6")
    },
    "cs338-eenheid-uur": (inhoud.cs338, _toegewezen(omvang=_omvang(eenheid="04"), einddatum=None), {}, []),
    "cs338-einde-op-grens": (inhoud.cs338, _toegewezen(omvang=_omvang(eenheid="14"), einddatum=GRENS), {}, []),
    "cs338-geen-einde": (
        inhoud.cs338,
        _te_wijzigen(omvang=_omvang(eenheid="16", frequentie="1"), einddatum=None),
        {},
        [_frequentie("16")],
    ),
    "cs338-geen-omvang": (inhoud.cs338, _nieuw(omvang=None, einddatum=None), {}, []),
    "cs343-aangevraagd": (
        inhoud.cs343,
        _aangevraagd(omvang=_omvang(eenheid="83"), toewijzing_einddatum=None),
        {},
        [_frequentie("83", "ToewijzingEinddatum")],
    ),
    # CS335, CS336
    "cs335-verwijderd-ongelijk": (
        inhoud.cs335,
        _toegewezen(reden_wijziging="13", ingangsdatum=DAG, einddatum=NA),
        {},
        [("RedenWijziging", "RedenWijziging 13 (verwijderd) vereist Einddatum gelijk aan Ingangsdatum.")],
    ),
    "cs335-verwijderd-gelijk": (inhoud.cs335, _toegewezen(reden_wijziging="13", ingangsdatum=DAG, einddatum=DAG), {}, []),
    "cs335-andere-reden": (inhoud.cs335, _toegewezen(reden_wijziging="02", ingangsdatum=DAG, einddatum=NA), {}, []),
    "cs336-01": (
        inhoud.cs336,
        _toegewezen(reden_wijziging="01"),
        {},
        [("RedenWijziging", "RedenWijziging 01 (administratieve correctie, vervallen) mag niet worden gebruikt.")],
    ),
    "cs336-02": (inhoud.cs336, _toegewezen(reden_wijziging="02"), {}, []),
    # CS058
    "cs058-1": (inhoud.cs058, _obj(StartProduct, status_aanlevering="1"), {}, []),
    "cs058-3": (inhoud.cs058, _obj(StopProduct, status_aanlevering="3"), {}, []),
    "cs058-2": (
        inhoud.cs058,
        _obj(StartProduct, status_aanlevering="2"),
        {},
        [("StatusAanlevering", "StatusAanlevering moet 1 of 3 zijn (is 2).")],
    ),
    # CD043
    "cd043-nummer-zonder-datum": (
        inhoud.cd043,
        _aangevraagd(beschikkingnummer=1, beschikking_ingangsdatum=None),
        {},
        [("BeschikkingIngangsdatum", "BeschikkingNummer is gevuld: BeschikkingIngangsdatum is verplicht.")],
    ),
    "cd043-datum-zonder-nummer": (
        inhoud.cd043,
        _aangevraagd(beschikkingnummer=None, beschikking_ingangsdatum=DAG),
        {},
        [("BeschikkingIngangsdatum", "BeschikkingNummer is leeg: BeschikkingIngangsdatum moet leeg zijn.")],
    ),
    "cd043-beide": (inhoud.cd043, _aangevraagd(beschikkingnummer=1, beschikking_ingangsdatum=DAG), {}, []),
    "cd043-geen": (inhoud.cd043, _aangevraagd(beschikkingnummer=None, beschikking_ingangsdatum=None), {}, []),
    # CD066, CD067, CD068: artsen (02-05) met of zonder ZorgverlenerCode.
    **{
        f"cd066-arts-{t}": (
            inhoud.cd066,
            _verwijzer(t, code="01234567", naam="Dr. X"),
            {},
            [("Naam", "ZorgverlenerCode is gevuld: Naam verwijzer moet leeg zijn.")],
        )
        for t in ("02", "03", "04", "05")
    },
    "cd066-gemeente": (inhoud.cd066, _verwijzer("01", code="01234567", naam="Dr. X"), {}, []),
    "cd066-zonder-naam": (inhoud.cd066, _verwijzer("02", code="01234567"), {}, []),
    "cd066-zonder-code": (inhoud.cd066, _verwijzer("02", naam="Dr. X"), {}, []),
    **{
        f"cd067-arts-{t}": (
            inhoud.cd067,
            _verwijzer(t),
            {},
            [("Naam", "ZorgverlenerCode is leeg: Naam verwijzer is verplicht.")],
        )
        for t in ("02", "03", "04", "05")
    },
    "cd067-met-naam": (inhoud.cd067, _verwijzer("02", naam="Dr. X"), {}, []),
    "cd067-met-code": (inhoud.cd067, _verwijzer("02", code="01234567"), {}, []),
    "cd067-zelfverwijzer": (inhoud.cd067, _verwijzer("06"), {}, []),
    "cd068-gemeente-met-code": (
        inhoud.cd068,
        _verwijzer("01", code="01234567"),
        {},
        [("ZorgverlenerCode", "Type verwijzer is 01: ZorgverlenerCode moet leeg zijn.")],
    ),
    "cd068-arts-met-code": (inhoud.cd068, _verwijzer("05", code="01234567"), {}, []),
    "cd068-gemeente-zonder-code": (inhoud.cd068, _verwijzer("01"), {}, []),
    # TR352, TR353
    "tr352-leeg": (
        inhoud.tr352,
        _verzoek(nieuw=[1]),
        {},
        [("", "Verzoek bevat geen OngewijzigdProduct en geen TeWijzigenProduct.")],
    ),
    "tr352-ongewijzigd": (inhoud.tr352, _verzoek(ongewijzigd=[1]), {}, []),
    "tr352-te-wijzigen": (inhoud.tr352, _verzoek(te_wijzigen=[1]), {}, []),
    "tr353-leeg": (
        inhoud.tr353,
        _verzoek(ongewijzigd=[1]),
        {},
        [("", "Verzoek bevat geen TeWijzigenProduct en geen NieuwProduct.")],
    ),
    "tr353-te-wijzigen": (inhoud.tr353, _verzoek(te_wijzigen=[1]), {}, []),
    "tr353-nieuw": (inhoud.tr353, _verzoek(nieuw=[1]), {}, []),
    # TR380: de gewenste ingangsdatum ligt na de dagtekening, dus de dagtekening zelf is te vroeg.
    "tr380-op-dagtekening": (
        inhoud.tr380,
        _nieuw(gewenste_ingangsdatum=DAG),
        {},
        [("GewensteIngangsdatum", "GewensteIngangsdatum 02-04-2023 moet na de dagtekening 02-04-2023 liggen.")],
    ),
    "tr380-dag-erna": (inhoud.tr380, _nieuw(gewenste_ingangsdatum=NA), {}, []),
    # CD085, CD086
    "cd085-afgewezen-zonder-reden": (
        inhoud.cd085,
        _antwoord("1"),
        {},
        [("RedenAfwijzingVerzoek", "Verzoek is afgewezen: RedenAfwijzingVerzoek is verplicht.")],
    ),
    "cd085-afgewezen-met-reden": (inhoud.cd085, _antwoord("1", "01"), {}, []),
    "cd085-onderzoek": (inhoud.cd085, _antwoord("2"), {}, []),
    "cd086-onderzoek-met-reden": (
        inhoud.cd086,
        _antwoord("2", "01"),
        {},
        [("RedenAfwijzingVerzoek", "Aanvraag in onderzoek: RedenAfwijzingVerzoek moet leeg zijn.")],
    ),
    "cd086-onderzoek-zonder-reden": (inhoud.cd086, _antwoord("2"), {}, []),
    "cd086-afgewezen-met-reden": (inhoud.cd086, _antwoord("1", "01"), {}, []),
    # CS100: vanaf 01-01-2021.
    "cs100-declaratie-2021": (inhoud.cs100, _declaratie(NA_GRENS, date(2021, 1, 31)), {}, []),
    "cs100-declaratie-2020": (
        inhoud.cs100,
        _declaratie(GRENS, date(2021, 1, 31)),
        {},
        [("DeclaratiePeriode/Begindatum", "DeclaratiePeriode begint voor 01-01-2021 (31-12-2020).")],
    ),
    "cs100-prestatie-2020": (
        inhoud.cs100,
        _prestatie(product_periode=_gesloten(GRENS, GRENS)),
        {},
        [("ProductPeriode/Begindatum", "ProductPeriode begint voor 01-01-2021 (31-12-2020).")],
    ),
    "cs100-prestatie-2021": (inhoud.cs100, _prestatie(product_periode=_gesloten(NA_GRENS, NA_GRENS)), {}, []),
    # CS340, CS337
    "cs340-hele-maand": (inhoud.cs340, _declaratie(date(2024, 2, 1), date(2024, 2, 29)), {}, []),
    "cs340-een-dag-te-kort": (
        inhoud.cs340,
        _declaratie(date(2023, 4, 1), date(2023, 4, 29)),
        {},
        [("DeclaratiePeriode", "DeclaratiePeriode 01-04-2023 t/m 29-04-2023 is geen hele kalendermaand.")],
    ),
    "cs337-binnen-maand": (inhoud.cs337, _prestatie(product_periode=_gesloten(date(2023, 4, 1), date(2023, 4, 30))), {}, []),
    "cs337-over-de-maand": (
        inhoud.cs337,
        _prestatie(product_periode=_gesloten(date(2023, 4, 30), date(2023, 5, 1))),
        {},
        [("ProductPeriode/Einddatum", "ProductPeriode 30-04-2023 t/m 01-05-2023 loopt over meer dan één kalendermaand.")],
    ),
    # TR335: precies 5 jaar voor de DeclaratieDagtekening mag, een dag eerder niet.
    "tr335-precies-5-jaar": (
        inhoud.tr335,
        _prestatie(product_periode=_gesloten(date(2018, 5, 1), date(2018, 5, 7))),
        {"declaratie_dagtekening": date(2023, 5, 7)},
        [],
    ),
    "tr335-dag-te-vroeg": (
        inhoud.tr335,
        _prestatie(product_periode=_gesloten(date(2018, 5, 1), date(2018, 5, 6))),
        {"declaratie_dagtekening": date(2023, 5, 7)},
        [("ProductPeriode/Einddatum", "Einddatum 06-05-2018 ligt meer dan 5 jaar voor de DeclaratieDagtekening.")],
    ),
    # CS325
    "cs325-nul-credit": (
        inhoud.cs325,
        BedragMetDC(bedrag=0, debet_credit="C"),
        {},
        [("DebetCredit", "Bedrag is 0: DebetCredit moet D zijn.")],
    ),
    "cs325-nul-debet": (inhoud.cs325, BedragMetDC(bedrag=0, debet_credit="D"), {}, []),
    "cs325-een-credit": (inhoud.cs325, BedragMetDC(bedrag=1, debet_credit="C"), {}, []),
    "cs325-totaal-nul-credit": (
        inhoud.cs325,
        _obj(TotaalBedragMetDC, totaal_bedrag=0, debet_credit="C"),
        {},
        [("DebetCredit", "Bedrag is 0: DebetCredit moet D zijn.")],
    ),
    "cs325-totaal-een-credit": (inhoud.cs325, _obj(TotaalBedragMetDC, totaal_bedrag=1, debet_credit="C"), {}, []),
    # CD060
    "cd060-credit-zonder-vorig": (
        inhoud.cd060,
        _prestatie(ingediend_bedrag=BedragMetDC(bedrag=5000, debet_credit="C")),
        {},
        [("ProductReferentie/VorigReferentieNummer", "Creditprestatie: VorigReferentieNummer is verplicht.")],
    ),
    "cd060-debet-met-vorig": (
        inhoud.cd060,
        _prestatie(product_referentie=SimpleNamespace(referentienummer="RN2", vorig_referentienummer="RN1")),
        {},
        [("ProductReferentie/VorigReferentieNummer", "Debetprestatie: VorigReferentieNummer moet leeg zijn.")],
    ),
    "cd060-credit-met-vorig": (
        inhoud.cd060,
        _prestatie(
            ingediend_bedrag=BedragMetDC(bedrag=5000, debet_credit="C"),
            product_referentie=SimpleNamespace(referentienummer="RN2", vorig_referentienummer="RN1"),
        ),
        {},
        [],
    ),
    "cd060-debet-zonder-vorig": (inhoud.cd060, _prestatie(), {}, []),
    # CD087
    "cd087-uur-zonder-tarief": (
        inhoud.cd087,
        _prestatie(product_tarief=None),
        {},
        [("ProductTarief", "Eenheid is 04: ProductTarief is verplicht.")],
    ),
    "cd087-euro-met-tarief": (
        inhoud.cd087,
        _prestatie(eenheid="83"),
        {},
        [("ProductTarief", "Eenheid is 83 (euro's): ProductTarief moet leeg zijn.")],
    ),
    "cd087-uur-met-tarief": (inhoud.cd087, _prestatie(), {}, []),
    "cd087-euro-zonder-tarief": (inhoud.cd087, _prestatie(eenheid="83", product_tarief=None), {}, []),
    # CS339
    "cs339-euro-ongelijk": (
        inhoud.cs339,
        _prestatie(eenheid="83", geleverd_volume=5000, ingediend_bedrag=BedragMetDC(bedrag=5001, debet_credit="D")),
        {},
        [("IngediendBedrag", "Eenheid is euro's: IngediendBedrag 5001 moet gelijk zijn aan GeleverdVolume 5000.")],
    ),
    "cs339-euro-gelijk": (
        inhoud.cs339,
        _prestatie(eenheid="83", geleverd_volume=5000, ingediend_bedrag=BedragMetDC(bedrag=5000, debet_credit="D")),
        {},
        [],
    ),
    "cs339-uur-ongelijk": (inhoud.cs339, _prestatie(geleverd_volume=5000), {}, []),
    # TR346 (zonder bron; met bron zie test_tr346_minuten_met_contracttarief)
    "tr346-klopt": (inhoud.tr346, _prestatie(), {}, []),
    "tr346-een-cent-te-veel": (
        inhoud.tr346,
        _prestatie(ingediend_bedrag=BedragMetDC(bedrag=5001, debet_credit="D")),
        {},
        [("IngediendBedrag", "IngediendBedrag 5001 is niet GeleverdVolume 4 × ProductTarief 1250 = 5000 (eurocent).")],
    ),
    "tr346-euro": (inhoud.tr346, _prestatie(eenheid="83", ingediend_bedrag=BedragMetDC(bedrag=1, debet_credit="D")), {}, []),
    "tr346-geen-tarief": (inhoud.tr346, _prestatie(product_tarief=None), {}, []),
    "tr346-minuten-zonder-bron": (
        inhoud.tr346,
        _prestatie(eenheid="01", geleverd_volume=60, product_tarief=21, ingediend_bedrag=BedragMetDC(bedrag=1270, debet_credit="D")),
        {},
        [],
    ),
}


@pytest.mark.parametrize("naam", sorted(GEVALLEN))
def test_regel(naam):
    functie, obj, ctx, verwacht = GEVALLEN[naam]
    assert _uit(functie, obj, **ctx) == verwacht


# --- Regels met een bron: wat de bron krijgt, en wat haar antwoord (ja, nee, onbekend) oplevert ---


class _Bron:
    """Een bron die elke vraag noteert en een vast antwoord geeft."""

    def __init__(self, antwoord):
        self.antwoord, self.vragen = antwoord, []

    def gemeentecode_bestaat(self, *args):
        self.vragen.append(args)
        return self.antwoord

    def productcode_bestaat(self, *args):
        self.vragen.append(args)
        return self.antwoord

    def contracttarief(self, *args, **kw):
        self.vragen.append((*args, kw))
        return self.antwoord


@pytest.mark.parametrize(
    ("naam", "element", "code"),
    [("wmo301", "Afzender", "0384"), ("wmo319", "Afzender", "0384"), ("wmo325", "Afzender", "0384"), ("wmo305", "Ontvanger", "65656055")],
)
def test_tr378_de_gemeente_is_afzender_of_ontvanger(naam, element, code):
    bron = _Bron(False)
    assert _uit(inhoud.tr378, _header(DAG), naam=naam, bronnen=bron) == [
        (element, f"Gemeentecode {code} komt niet voor in de lijst van CBS.")
    ]
    assert bron.vragen == [(code, DAG)]


@pytest.mark.parametrize("antwoord", [True, None])
def test_tr378_bekend_of_onbekend_is_geen_fout(antwoord):
    assert _uit(inhoud.tr378, _header(DAG), bronnen=_Bron(antwoord)) == []


def test_tr378_zonder_bron_geen_controle():
    assert _uit(inhoud.tr378, _header(DAG), bronnen=object()) == []


def test_tr381_prestatie_en_product():
    bron = _Bron(False)
    assert _uit(inhoud.tr381, _prestatie(product_code="01A04"), bronnen=bron) == [
        ("ProductCode", "ProductCode 01A04 hoort niet bij ProductCategorie 01.")
    ]
    assert _uit(inhoud.tr381, _product("02", "02A01"), bronnen=bron) == [
        ("Code", "ProductCode 02A01 hoort niet bij ProductCategorie 02.")
    ]
    assert bron.vragen == [(ProductCategorie("01"), "01A04", DAG), ("02", "02A01", DAG)]
    assert _uit(inhoud.tr381, _product("02", None), bronnen=bron) == []  # zonder code niets te vragen
    assert len(bron.vragen) == 2
    for antwoord in (True, None):
        assert _uit(inhoud.tr381, _prestatie(), bronnen=_Bron(antwoord)) == []
    assert _uit(inhoud.tr381, _prestatie(), bronnen=object()) == []


def test_tr418_contracttarief():
    bron = _Bron(1300)
    p = _prestatie(toewijzingnummer=7)
    assert _uit(inhoud.tr418, p, bronnen=bron) == [
        ("ProductTarief", "ProductTarief 1250 wijkt af van het contracttarief 1300 (eurocent).")
    ]
    assert bron.vragen == [("0384", ProductCategorie("01"), "01A01", "04", date(2023, 4, 1), {"toewijzingnummer": 7})]
    assert _uit(inhoud.tr418, p, bronnen=_Bron(1250)) == []
    assert _uit(inhoud.tr418, p, bronnen=_Bron(None)) == []  # onbekend tarief
    assert _uit(inhoud.tr418, p, bronnen=object()) == []
    zonder = _Bron(1300)
    assert _uit(inhoud.tr418, _prestatie(product_tarief=None), bronnen=zonder) == [] and zonder.vragen == []


def test_tr346_minuten_met_contracttarief():
    """Bij minuten rekent TR346 met het contractuele uurtarief als de bron het kent: 1250 × 60 / 60 = 1250, niet 1270."""
    p = _prestatie(
        eenheid="01", geleverd_volume=60, product_tarief=21, toewijzingnummer=7,
        ingediend_bedrag=BedragMetDC(bedrag=1270, debet_credit="D"),
    )  # fmt: skip
    bron = _Bron(1250)
    assert _uit(inhoud.tr346, p, bronnen=bron) == [
        ("IngediendBedrag", "IngediendBedrag 1270 is niet GeleverdVolume 60 × ProductTarief 21 = 1260 (eurocent).")
    ]
    assert bron.vragen == [("0384", ProductCategorie("01"), "01A01", "04", date(2023, 4, 1), {"toewijzingnummer": 7})]
    assert _uit(inhoud.tr346, p, bronnen=_Bron(None)) == []  # onbekend uurtarief: elk passend uurtarief
    uren = _Bron(1250)
    assert _uit(inhoud.tr346, _prestatie(), bronnen=uren) == [] and uren.vragen == []  # alleen bij minuten


# --- Overlap (TR302, TR386, TR410) ---------------------------------------------------------


def _index(lijst, obj) -> int | None:
    """De plaats van precies dit object (``is``, niet ``==``: de modelobjecten zijn maar half gevuld)."""
    return next((i for i, x in enumerate(lijst) if x is obj), None)


def _periode_product(begin, eind, categorie="01", code="01A01", reden=None):
    product = None if categorie is None else _product(categorie, code)
    return _toegewezen(product=product, ingangsdatum=begin, einddatum=eind, reden_wijziging=reden)


JAN, FEB = (date(2023, 1, 1), date(2023, 1, 31)), (date(2023, 2, 1), date(2023, 2, 28))
OVERLAPPEND = [(0, 1)]
OVERLAP = {
    "aansluitend": ([JAN, FEB], {}, []),
    "aansluitend-omgekeerd": ([FEB, JAN], {}, []),
    "een-dag-samen": ([JAN, (date(2023, 1, 31), date(2023, 2, 28))], {}, OVERLAPPEND),
    "een-dag-samen-omgekeerd": ([(date(2023, 1, 31), date(2023, 2, 28)), JAN], {}, OVERLAPPEND),
    "open-einde-eerst": ([(date(2023, 1, 1), None), FEB], {}, OVERLAPPEND),
    "open-einde-later": ([FEB, (date(2023, 1, 1), None)], {}, OVERLAPPEND),
    "open-einde-voor-begin": ([FEB, (date(2023, 3, 1), None)], {}, []),
    "andere-categorie": ([JAN, JAN], {1: dict(categorie="02", code="02A01")}, []),
    "andere-code": ([JAN, JAN], {1: dict(code="01A02")}, []),
    "een-zonder-code": ([JAN, JAN], {1: dict(code=None)}, OVERLAPPEND),
    "eerste-zonder-code": ([JAN, JAN], {0: dict(code=None)}, OVERLAPPEND),
    "beide-zonder-code": ([JAN, JAN], {0: dict(code=None), 1: dict(code=None)}, OVERLAPPEND),
    "zonder-product": ([JAN, JAN], {0: dict(categorie=None)}, OVERLAPPEND),
    "later-zonder-product": ([JAN, JAN], {1: dict(categorie=None)}, OVERLAPPEND),
    **{f"hulpmiddel-{c}": ([JAN, JAN], {0: dict(categorie=c, code=None), 1: dict(categorie=c, code=None)}, []) for c in ("11", "12", "13", "14")},
    "hulpmiddel-en-geen-product": ([JAN, JAN], {0: dict(categorie=None), 1: dict(categorie="12", code=None)}, []),
    "geen-product-en-hulpmiddel": ([JAN, JAN], {0: dict(categorie="12", code=None), 1: dict(categorie=None)}, []),
    "verwijderd-13": ([JAN, (date(2023, 1, 5), date(2023, 1, 5))], {1: dict(reden="13")}, []),
    "verwijderd-01": ([(date(2023, 1, 5), date(2023, 1, 5)), JAN], {0: dict(reden="01")}, []),
    "13-niet-verwijderd": ([JAN, (date(2023, 1, 5), date(2023, 1, 6))], {1: dict(reden="13")}, OVERLAPPEND),
    "andere-reden-een-dag": ([JAN, (date(2023, 1, 5), date(2023, 1, 5))], {1: dict(reden="02")}, OVERLAPPEND),
    # Een eerder product dat niet meetelt, houdt de vergelijking met de volgende niet tegen.
    "eerst-een-hulpmiddel": ([JAN, JAN, JAN], {0: dict(categorie="11", code=None)}, [(1, 2)]),
    "eerst-een-andere-categorie": ([JAN, JAN, JAN], {0: dict(categorie="02", code="02A01")}, [(1, 2)]),
    "eerst-een-andere-code": ([JAN, JAN, JAN], {0: dict(code="01A02")}, [(1, 2)]),
    "drie-de-laatste-overlapt-de-eerste": ([JAN, FEB, (date(2023, 1, 20), date(2023, 1, 25))], {}, [(0, 2)]),
    "drie-de-laatste-overlapt-beide": ([JAN, FEB, (date(2023, 1, 20), date(2023, 2, 5))], {}, [(0, 2), (1, 2)]),
}


@pytest.mark.parametrize("naam", sorted(OVERLAP))
def test_tr302_overlap(naam):
    perioden, anders, verwacht = OVERLAP[naam]
    producten = [_periode_product(b, e, **anders.get(i, {})) for i, (b, e) in enumerate(perioden)]
    afwijkingen = list(inhoud.tr302(_obj(Client, toegewezen_producten=producten), _ctx()))
    assert {(a.element, a.melding) for a in afwijkingen} <= {("", "Product overlapt met een ander product in hetzelfde bericht.")}
    # Per overlappend paar één afwijking, bij het latere product.
    assert [_index(producten, a.object) for a in afwijkingen] == [later for _, later in verwacht]


def test_tr386_en_tr410_lezen_hun_eigen_perioden():
    melding = [("", "Product overlapt met een ander product in hetzelfde bericht.")]
    aangevraagd = [_aangevraagd(toewijzing_ingangsdatum=b, toewijzing_einddatum=e) for b, e in (JAN, (date(2023, 1, 31), None))]
    assert _uit(inhoud.tr386, _obj(VerzoekToewijzingClient, aangevraagde_producten=aangevraagd)) == melding
    aangevraagd[1].toewijzing_ingangsdatum = FEB[0]
    assert _uit(inhoud.tr386, _obj(VerzoekToewijzingClient, aangevraagde_producten=aangevraagd)) == []
    nieuw = [_nieuw(gewenste_ingangsdatum=b, einddatum=e) for b, e in (JAN, (date(2023, 1, 31), None))]
    assert _uit(inhoud.tr410, _verzoek(nieuw=nieuw)) == melding
    nieuw[1].gewenste_ingangsdatum = FEB[0]
    assert _uit(inhoud.tr410, _verzoek(nieuw=nieuw)) == []


# --- Dubbele regels (TR101, TR383, TR315, TR416) en creditering (TR316) --------------------


def _dubbel(omschrijving, sleutel):
    return "", f"Dubbele {omschrijving} in het bericht: {sleutel}."


def _start(nummer=1, product=("01", "01A01"), begin=JAN[0]):
    return _obj(StartProduct, toewijzingnummer=nummer, product=product and _product(*product), begindatum=begin)


def _stop(nummer=1, product=("01", "01A01"), begin=JAN[0], reden="01", eind=JAN[1]):
    return _obj(StopProduct, toewijzingnummer=nummer, product=product and _product(*product), begindatum=begin,
                reden_beeindiging=reden, einddatum=eind)  # fmt: skip


def _client301(contacten=("01", "02"), relaties=("R1", "R2"), producten=(1, 2)):
    return _obj(
        Client,
        contactgegevens=[_contact(soort=s) for s in contacten],
        relaties=[_obj(Relatie, nummer=n) for n in relaties],
        toegewezen_producten=[_toegewezen(toewijzingnummer=n) for n in producten],
    )


def _ref(nummer, vorig=None):
    return SimpleNamespace(referentienummer=nummer, vorig_referentienummer=vorig)


_START = "StartProduct (ToewijzingNummer, Product, Begindatum)"
_STOP = "StopProduct (ToewijzingNummer, Product, Begindatum, RedenBeeindiging, Einddatum)"
_D1 = "datetime.date(2023, 1, 1)"
_D31 = "datetime.date(2023, 1, 31)"

DUBBEL = {
    "client-uniek": (_client301(), []),
    "client-contact": (_client301(contacten=("01", "02", "01")), [(_dubbel("Contact (Soort)", "01"), 2)]),
    "client-relatie": (_client301(relaties=("R1", "R1")), [(_dubbel("Relatie (Nummer)", "R1"), 1)]),
    "client-product": (
        _client301(producten=(1, 2, 2, 2)),
        [(_dubbel("ToegewezenProduct (ToewijzingNummer)", "2"), 2), (_dubbel("ToegewezenProduct (ToewijzingNummer)", "2"), 3)],
    ),
    "relatie": (_obj(Relatie), []),
    "start-dubbel": (
        _obj(StartClient, start_producten=[_start(), _start()]),
        [(_dubbel(_START, f"(1, ('01', '01A01'), {_D1})"), 1)],
    ),
    "start-zonder-product": (
        _obj(StartClient, start_producten=[_start(product=None), _start(product=None)]),
        [(_dubbel(_START, f"(1, (None, None), {_D1})"), 1)],
    ),
    "start-ander-nummer": (_obj(StartClient, start_producten=[_start(), _start(nummer=2)]), []),
    "start-ander-product": (_obj(StartClient, start_producten=[_start(), _start(product=("01", "01A02"))]), []),
    "start-andere-begindatum": (_obj(StartClient, start_producten=[_start(), _start(begin=JAN[1])]), []),
    "stop-dubbel": (
        _obj(StopClient, stop_producten=[_stop(), _stop()]),
        [(_dubbel(_STOP, f"(1, ('01', '01A01'), {_D1}, '01', {_D31})"), 1)],
    ),
    "stop-andere-reden": (_obj(StopClient, stop_producten=[_stop(), _stop(reden="02")]), []),
    "stop-andere-einddatum": (_obj(StopClient, stop_producten=[_stop(), _stop(eind=JAN[0])]), []),
    "stop-ander-nummer": (_obj(StopClient, stop_producten=[_stop(), _stop(nummer=2)]), []),
    "verzoek-toewijzing": (
        _obj(VerzoekToewijzingClient, aangevraagde_producten=[_aangevraagd(referentie_aanbieder=r) for r in ("A", "B", "A")]),
        [(_dubbel("AangevraagdProduct (ReferentieAanbieder)", "A"), 2)],
    ),
    "verzoek-ongewijzigd": (
        _verzoek(ongewijzigd=[_obj(OngewijzigdProduct, toewijzingnummer=n) for n in (1, 1)]),
        [(_dubbel("OngewijzigdProduct (ToewijzingNummer)", "1"), 1)],
    ),
    "verzoek-te-wijzigen": (
        _verzoek(te_wijzigen=[_te_wijzigen(toewijzingnummer=n) for n in (1, 1)]),
        [(_dubbel("TeWijzigenProduct (ToewijzingNummer)", "1"), 1)],
    ),
    "verzoek-nieuw": (
        _verzoek(nieuw=[_nieuw(gewenste_ingangsdatum=JAN[0]) for _ in range(2)]),
        [(_dubbel("NieuwProduct (Product, GewensteIngangsdatum)", f"(('01', '01A01'), {_D1})"), 1)],
    ),
    "verzoek-nieuw-andere-datum": (_verzoek(nieuw=[_nieuw(gewenste_ingangsdatum=d) for d in JAN]), []),
    "verzoek-nieuw-ander-product": (
        _verzoek(nieuw=[_nieuw(gewenste_ingangsdatum=JAN[0], product=p) for p in (_product(), None)]),
        [],
    ),
    "declaratie-client": (
        _obj(Declaratie, clienten=[_obj(DeclaratieClient, bsn=b) for b in ("999900006", "999900006")]),
        [(_dubbel("Client (Bsn)", "999900006"), 1)],
    ),
    "antwoord-client": (
        _obj(DeclaratieAntwoord, clienten=[_obj(DeclaratieClient, bsn=b) for b in ("999900006", "999900006")]),
        [(_dubbel("Client (Bsn)", "999900006"), 1)],
    ),
    "prestatie": (
        _obj(DeclaratieClient, prestaties=[_prestatie(product_referentie=_ref("RN1", "V1")) for _ in range(2)]),
        [(_dubbel("Prestatie (ProductReferentie)", "('RN1', 'V1')"), 1)],
    ),
    "prestatie-andere-vorige": (
        _obj(DeclaratieClient, prestaties=[_prestatie(product_referentie=_ref("RN1", v)) for v in ("V1", None)]),
        [],
    ),
}


@pytest.mark.parametrize("naam", sorted(DUBBEL))
def test_tr101_dubbele_regels(naam):
    obj, verwacht = DUBBEL[naam]
    afwijkingen = list(inhoud.tr101(obj, _ctx()))
    assert [(a.element, a.melding) for a in afwijkingen] == [m for m, _ in verwacht]
    # Het object van de afwijking is het tweede (derde, ...) voorkomen in zijn lijst.
    lijsten = [v for v in obj.__dict__.values() if isinstance(v, list)]
    plaatsen = [next(i for lst in lijsten if (i := _index(lst, a.object)) is not None) for a in afwijkingen]
    assert plaatsen == [index for _, index in verwacht]


def test_tr383_referentie_aanbieder_uniek():
    producten = [_aangevraagd(referentie_aanbieder=r) for r in ("A", "A")]
    afwijkingen = list(inhoud.tr383(_obj(VerzoekToewijzingClient, aangevraagde_producten=producten), _ctx()))
    assert [(a.element, a.melding, a.object) for a in afwijkingen] == [
        ("", "Dubbele ReferentieAanbieder in het bericht: A.", producten[1])
    ]


def _declaratie_met(*clienten, totaal=None):
    clienten = [_obj(DeclaratieClient, prestaties=list(p)) for p in clienten]
    return _obj(Declaratie, clienten=clienten, totaal_ingediend_bedrag=totaal)


def test_tr315_vorig_referentienummer_uniek_over_clienten():
    a, b, c = (_prestatie(product_referentie=_ref(n, v)) for n, v in (("RN2", "V1"), ("RN3", "V1"), ("RN4", None)))
    afwijkingen = list(inhoud.tr315(_declaratie_met([a, c], [b, _prestatie(product_referentie=_ref("RN5", None))]), _ctx()))
    assert [(x.element, x.melding, x.object) for x in afwijkingen] == [
        ("ProductReferentie/VorigReferentieNummer", "Dubbele VorigReferentieNummer in het bericht: V1.", b)
    ]


def test_tr316_crediteren_in_hetzelfde_bericht():
    debet = _prestatie(product_referentie=_ref("RN1"))
    credit = _prestatie(product_referentie=_ref("RN2", "RN1"))
    ander = _prestatie(product_referentie=_ref("RN3", "RN9"))
    afwijkingen = list(inhoud.tr316(_declaratie_met([debet], [ander, credit]), _ctx()))
    assert [(x.element, x.melding, x.object) for x in afwijkingen] == [
        ("ProductReferentie/VorigReferentieNummer", "Prestatie RN1 wordt in hetzelfde bericht gecrediteerd.", credit)
    ]
    assert list(inhoud.tr316(_declaratie_met([ander, debet]), _ctx())) == []


_TR416 = "debetprestatie (ToewijzingNummer, ProductCategorie, ProductCode, ProductPeriode)"


@pytest.mark.parametrize(
    ("tweede", "dubbel"),
    [
        ({}, True),
        ({"ingediend_bedrag": BedragMetDC(bedrag=5000, debet_credit="C")}, False),
        ({"toewijzingnummer": 2}, False),
        ({"product_categorie": ProductCategorie("02")}, False),
        ({"product_code": "01A02"}, False),
        ({"product_periode": _gesloten(date(2023, 4, 2), date(2023, 4, 30))}, False),
        ({"product_periode": _gesloten(date(2023, 4, 1), date(2023, 4, 29))}, False),
    ],
)
def test_tr416_een_debetprestatie_per_toewijzing_product_en_periode(tweede, dubbel):
    eerste, later = _prestatie(), _prestatie(**tweede)
    afwijkingen = list(inhoud.tr416(_declaratie_met([eerste], [later]), _ctx()))
    sleutel = "(1, '01', '01A01', datetime.date(2023, 4, 1), datetime.date(2023, 4, 30))"
    assert [(x.element, x.melding, x.object) for x in afwijkingen] == (
        [("", f"Dubbele {_TR416} in het bericht: {sleutel}.", later)] if dubbel else []
    )


def _bedrag(centen):
    return BedragMetDC(bedrag=abs(centen), debet_credit="C" if centen < 0 else "D")


def _totaal(centen):
    return TotaalBedragMetDC.uit_getekend(centen)


def test_tr358_totaal_is_de_som_met_teken():
    prestaties = ([_prestatie(ingediend_bedrag=_bedrag(5000)), _prestatie(ingediend_bedrag=_bedrag(-1000))], [_prestatie(ingediend_bedrag=_bedrag(300))])
    assert _uit(inhoud.tr358, _declaratie_met(*prestaties, totaal=_totaal(4300))) == []
    assert _uit(inhoud.tr358, _declaratie_met(*prestaties, totaal=_totaal(4301))) == [
        ("TotaalIngediendBedrag", "TotaalIngediendBedrag 4301 is niet de som van de prestaties (4300) in eurocent.")
    ]
    assert _uit(inhoud.tr358, _declaratie_met(*prestaties, totaal=_totaal(-4300))) == [
        ("TotaalIngediendBedrag", "TotaalIngediendBedrag -4300 is niet de som van de prestaties (4300) in eurocent.")
    ]


def _antwoord325(ingediend, toegekend, *afgewezen):
    clienten = [_obj(DeclaratieClient, prestaties=[_prestatie(ingediend_bedrag=_bedrag(c)) for c in afgewezen])] if afgewezen else []
    return _obj(DeclaratieAntwoord, clienten=clienten, totaal_ingediend_bedrag=_totaal(ingediend), totaal_toegekend_bedrag=_totaal(toegekend))


_TR342_ZONDER = ("TotaalToegekendBedrag", "Zonder afgewezen prestaties moet TotaalToegekendBedrag 0 of het ingediende totaal zijn.")


@pytest.mark.parametrize(
    ("antwoord", "verwacht"),
    [
        (_antwoord325(58000, 53000, 5000), []),
        (_antwoord325(58000, 53000, 6000, -1000), []),
        (
            _antwoord325(58000, 54000, 5000),
            [("TotaalToegekendBedrag", "Som afgewezen prestaties (5000) is niet TotaalIngediendBedrag - TotaalToegekendBedrag (4000) in eurocent.")],
        ),
        (
            _antwoord325(58000, 0, 5000),
            [("TotaalToegekendBedrag", "Som afgewezen prestaties (5000) is niet TotaalIngediendBedrag - TotaalToegekendBedrag (58000) in eurocent.")],
        ),
        (_antwoord325(58000, 0), []),
        (_antwoord325(58000, 58000), []),
        (_antwoord325(58000, 1), [_TR342_ZONDER]),
        (_antwoord325(58000, 57999), [_TR342_ZONDER]),
    ],
)
def test_tr342_alleen_afgewezen_prestaties(antwoord, verwacht):
    assert _uit(inhoud.tr342, antwoord) == verwacht


def test_datum_in_een_melding():
    assert inhoud._d(date(2023, 1, 9)) == "09-01-2023"
    assert inhoud._d(None) == "leeg"
