from datetime import date, time

import pytest

from iwmo.bedragen import bedrag_klopt, deel_afgerond, euro
from iwmo.bsn import controlecijfer, is_geldig_bsn
from iwmo.dates import (
    Periode,
    is_hele_kalendermaand,
    jaren_terug,
    laatste_dag_van_maand,
    maanden,
    parse_datum,
    parse_tijd,
    schrijf_tijd,
)


@pytest.mark.parametrize("bsn", ["999900006", "999900018", "111222333", "123456782"])
def test_geldige_bsn(bsn):
    assert is_geldig_bsn(bsn)


@pytest.mark.parametrize("bsn", ["999900007", "123456789", "000000000", "12345678", "1234567890", "12345678a", "１２３４５６７８２"])
def test_ongeldige_bsn(bsn):
    assert not is_geldig_bsn(bsn)


def test_controlecijfer():
    assert controlecijfer("99990000") == "6"
    assert is_geldig_bsn("12345678" + controlecijfer("12345678"))


def test_datums_strikt():
    assert parse_datum("2023-08-13") == date(2023, 8, 13)
    assert parse_datum(" 2023-08-13\n") == date(2023, 8, 13)
    for fout in ["20230813", "2023-08-13Z", "2023-08-13+01:00", "2023-02-30", "13-08-2023", "2023-W01-1"]:
        with pytest.raises(ValueError):
            parse_datum(fout)


def test_tijden():
    assert parse_tijd("12:34:56") == time(12, 34, 56)
    assert parse_tijd("12:34:56.5") == time(12, 34, 56, 500000)
    assert schrijf_tijd(time(12, 34, 56, 500000)) == "12:34:56.5"
    assert schrijf_tijd(time(1, 2, 3)) == "01:02:03"
    with pytest.raises(ValueError):
        parse_tijd("12:34:56Z")


def test_perioden():
    assert is_hele_kalendermaand(date(2024, 2, 1), date(2024, 2, 29))
    assert not is_hele_kalendermaand(date(2024, 2, 1), date(2024, 2, 28))
    assert laatste_dag_van_maand(date(2023, 2, 10)) == date(2023, 2, 28)
    assert jaren_terug(date(2024, 2, 29), 1) == date(2023, 2, 28)
    assert Periode(date(2023, 1, 1), date(2023, 1, 31)).overlapt(Periode(date(2023, 1, 31), None))
    assert not Periode(date(2023, 1, 1), date(2023, 1, 30)).overlapt(Periode(date(2023, 1, 31), None))
    assert [str(p) for p in maanden(date(2023, 1, 15), date(2023, 3, 10))] == [
        "2023-01-15 t/m 2023-01-31",
        "2023-02-01 t/m 2023-02-28",
        "2023-03-01 t/m 2023-03-10",
    ]
    with pytest.raises(ValueError):
        Periode(date(2023, 2, 1), date(2023, 1, 1))


def test_bedragen():
    assert deel_afgerond(5, 2) == 3 and deel_afgerond(4, 3) == 1
    assert euro(123456) == "€ 1.234,56"
    assert bedrag_klopt(4, 1250, 5000, "04")
    assert not bedrag_klopt(4, 1250, 5001, "04")
    # 7 minuten op een uurtarief van € 50,00: tarief per minuut 83 cent, bedrag 583 cent (IV081).
    assert bedrag_klopt(7, 83, 583, "01")
    assert bedrag_klopt(7, 83, 583, "01", uurtarief=5000)
    assert not bedrag_klopt(7, 83, 590, "01")
