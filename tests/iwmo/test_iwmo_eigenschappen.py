"""Eigenschap: elk gegenereerd bericht schrijft naar geldige XML en leest terug tot hetzelfde model.

De generator wordt afgeleid uit de veldbeschrijving van het model (dezelfde die lezen en
schrijven gebruiken) plus de facetten van de LDT-typen uit het basisschema.
"""

from __future__ import annotations

import string
from datetime import date, time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import iwmo
from iwmo.mapping import Soort, velden
from iwmo.modellen import BERICHTEN
from iwmo.modellen.header import Header

# Tekens die in XML mogen en de escaping op de proef stellen; geen regeleinden
# (de XSD-patronen met '.' staan die niet toe).
TEKENS = string.ascii_letters + string.digits + " &<>'\"-./@éëïÀ€"
LETTERS = string.ascii_letters + "éëÀ"

# Facetten uit basisschema.xsd: (minLength, maxLength) of een vaste vorm.
TEKST = {
    "LDT_Naam": 200, "LDT_Voorvoegsel": 10, "LDT_Huisletter": 1, "LDT_HuisnummerToevoeging": 4, "LDT_Postcode": 8,
    "LDT_Straatnaam": 24, "LDT_Plaatsnaam": 80, "LDT_Organisatienaam": 35, "LDT_Emailadres": 80, "LDT_Taal": 25,
    "LDT_Landnummer": 4, "LDT_Persoonsid": 20, "LDT_Referentie": 36, "LDT_IdentificatieBericht": 12,
    "LDT_NaamVerwijzer": 64, "LDT_ProductCode": 5, "LDT_Commentaar": 60,
}  # fmt: skip
GETAL = {
    "LDT_Nummer": 999999999, "LDT_Volume": 99999999, "LDT_Bedrag": 99999999, "LDT_Budget": 99999999,
    "LDT_TotaalBedrag": 999999999999, "LDT_Huisnummer": 99999, "LDT_RelatieVolgorde": 99,
}  # fmt: skip


def _niet_leeg(n: int) -> st.SearchStrategy[str]:
    return st.text(TEKENS, min_size=1, max_size=n).filter(lambda s: s.strip())


def _tekst(ldt: str | None, naam: str) -> st.SearchStrategy[str]:
    if ldt in TEKST:
        return _niet_leeg(TEKST[ldt])
    if ldt == "LDT_BurgerServicenummer":
        return st.from_regex(r"[0-9]{9}", fullmatch=True)
    if ldt == "LDT_AgbCode":
        return st.from_regex(r"[0-9]{8}", fullmatch=True)
    if ldt == "LDT_Telefoonnummer":
        return st.from_regex(r"[0-9]{1,15}", fullmatch=True)
    if ldt == "LDT_Voorletters":
        return st.text(LETTERS, min_size=1, max_size=6)
    if ldt == "LDT_ReferentieNummer":
        return _niet_leeg(20)
    if ldt == "LDT_IdentificatieDeclaratie":
        return st.from_regex(r"[a-zA-Z0-9]{1,12}", fullmatch=True)
    if ldt == "LDT_Versie":
        return st.sampled_from(["1.0.0", "1.2.10", "0.1.0"])
    raise AssertionError(f"geen generator voor {ldt} ({naam})")


def _waarde(v, retour: bool) -> st.SearchStrategy:
    if v.soort is Soort.MODEL:
        return _model(v.type, retour)
    if v.soort is Soort.CODE:
        return st.sampled_from(list(v.type))
    if v.soort is Soort.DATUM:
        return st.dates(date(1900, 1, 1), date(2099, 12, 31))
    if v.soort is Soort.TIJD:
        return st.times().map(lambda t: t.replace(microsecond=t.microsecond // 1000 * 1000)) | st.just(time(12, 0))
    if v.soort is Soort.GETAL:
        return st.integers(0, GETAL[v.ldt])
    return _tekst(v.ldt, v.naam)


def _model(cls, retour: bool) -> st.SearchStrategy:
    velden_ = {}
    for v in velden(cls):
        if v.retour and not retour:
            continue
        s = _waarde(v, retour)
        if v.is_lijst:
            velden_[v.naam] = st.lists(s, min_size=1 if v.omhulsel_verplicht else 0, max_size=2)
        elif v.optioneel:
            velden_[v.naam] = st.none() | s
        else:
            velden_[v.naam] = s
    return st.builds(cls, **velden_)


def _bericht(cls) -> st.SearchStrategy:
    gemeente = st.from_regex(r"[0-9]{4}", fullmatch=True)
    agb = st.from_regex(r"[0-9]{8}", fullmatch=True)
    # Afzender/Ontvanger: de gemeente verstuurt 301, 319 en 325 (en hun retouren).
    van_gemeente = cls.NAAM in ("wmo301", "wmo302", "wmo319", "wmo320", "wmo325")
    header_cls = velden(cls)[0].type
    header_velden = {
        v.naam: _waarde(v, cls.RETOUR)
        for v in velden(header_cls)
        if v.naam not in ("berichtcode", "berichtversie", "berichtsubversie", "afzender", "ontvanger") and not v.is_lijst
    }
    codes = [v for v in velden(header_cls) if v.is_lijst]
    if codes:
        header_velden[codes[0].naam] = st.lists(
            _waarde(codes[0], True), min_size=1 if codes[0].omhulsel_verplicht else 0, max_size=2
        )
    header = st.builds(
        header_cls,
        afzender=gemeente if van_gemeente else agb,
        ontvanger=agb if van_gemeente else gemeente,
        **header_velden,
    )
    inhoud = velden(cls)[1]
    s = _model(inhoud.type, cls.RETOUR)
    return st.builds(cls, header=header, **{inhoud.naam: (st.none() | s) if inhoud.optioneel else s})


@pytest.mark.parametrize("naam", sorted(BERICHTEN))
def test_schrijven_valideert_en_leest_terug(naam, xsd_dir):
    @settings(max_examples=12, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
    @given(_bericht(BERICHTEN[naam]))
    def eigenschap(bericht):
        assert isinstance(bericht.header, Header)
        data = iwmo.write(bericht)
        assert iwmo.validate_schema(data, xsd_dir) == []
        terug = iwmo.read(data)
        assert terug == bericht
        assert iwmo.vergelijk(data, iwmo.write(terug)) is None
        iwmo.check(data, xsd_dir)  # de regels mogen op willekeurige geldige invoer niet vastlopen

    eigenschap()
