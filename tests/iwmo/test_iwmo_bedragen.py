"""TR346 and its rounding at the edges: half up, never floor or half even (iwmo/bedragen.py)."""

import pytest

from iwmo.bedragen import bedrag_klopt, deel_afgerond, euro, verwacht_bedrag

MINUUT, UUR, STUK = "01", "04", "82"


@pytest.mark.parametrize(("teller", "noemer", "uitkomst"), [
    (0, 1, 0), (29, 60, 0), (30, 60, 1), (89, 60, 1), (90, 60, 2), (150, 60, 3), (149, 60, 2),
    (7, 7, 1), (1, 2, 1), (3, 2, 2), (5, 2, 3),
])
def test_deel_afgerond_rounds_half_up(teller, noemer, uitkomst):
    assert deel_afgerond(teller, noemer) == uitkomst


@pytest.mark.parametrize(("teller", "noemer"), [(-1, 2), (1, 0), (1, -1)])
def test_deel_afgerond_refuses_negatives_and_zero(teller, noemer):
    with pytest.raises(ValueError):
        deel_afgerond(teller, noemer)


def test_deel_afgerond_accepts_zero_numerator():
    assert deel_afgerond(0, 5) == 0


def test_verwacht_bedrag_is_volume_times_tariff():
    assert verwacht_bedrag(3, 1250) == 3750 and verwacht_bedrag(0, 1250) == 0


def test_exact_product_passes_in_any_unit():
    assert bedrag_klopt(4, 1250, 5000, UUR) and bedrag_klopt(0, 1250, 0, STUK)
    assert not bedrag_klopt(4, 1250, 5001, UUR) and not bedrag_klopt(4, 1250, 4999, UUR)


def test_per_minute_exception_only_for_minutes_and_positive_volume():
    # € 60,50 an hour: 100,83 cents a minute, rounded half up to 101. 60 minutes bill 6050, not 6060.
    assert bedrag_klopt(60, 101, 6050, MINUUT)
    assert not bedrag_klopt(60, 101, 6050, UUR)
    assert not bedrag_klopt(0, 101, 1, MINUUT)
    assert not bedrag_klopt(-1, 101, -101 + 1, MINUUT)


@pytest.mark.parametrize(("uurtarief", "minuuttarief"), [
    (6050, 101),  # 100.833 rounds up: a floored minute rate would be 100
    (6030, 101),  # exactly 100.5: half up
    (6029, 100),  # 100.483 rounds down
    (5970, 100),  # 99.5 rounds up to 100
    (5969, 99),
])
def test_minute_rate_is_the_hourly_rate_rounded_half_up(uurtarief, minuuttarief):
    for volume in (1, 7, 60, 61, 90):
        bedrag = deel_afgerond(uurtarief * volume, 60)
        assert bedrag_klopt(volume, minuuttarief, bedrag, MINUUT), (uurtarief, volume)
        assert bedrag_klopt(volume, minuuttarief, bedrag, MINUUT, uurtarief=uurtarief)


def test_minute_rate_rejects_hourly_rates_that_do_not_round_to_it():
    # 60 minutes at a minute rate of 101 may cost 6030..6089 (hourly rates 6030..6089), nothing else.
    assert bedrag_klopt(60, 101, 6030, MINUUT) and bedrag_klopt(60, 101, 6089, MINUUT)
    assert not bedrag_klopt(60, 101, 6029, MINUUT) and not bedrag_klopt(60, 101, 6090, MINUUT)
    # One minute: the amount is the hourly rate / 60 rounded, so only the minute rate itself fits.
    assert bedrag_klopt(1, 101, 101, MINUUT)
    assert not bedrag_klopt(1, 101, 100, MINUUT) and not bedrag_klopt(1, 101, 102, MINUUT)
    # Two minutes at 6030..6089 an hour: 201..203 cents.
    assert bedrag_klopt(2, 101, 201, MINUUT) and bedrag_klopt(2, 101, 203, MINUUT)
    assert not bedrag_klopt(2, 101, 200, MINUUT) and not bedrag_klopt(2, 101, 204, MINUUT)
    # A minute rate of 0 comes from hourly rates 0..29.
    assert bedrag_klopt(60, 0, 29, MINUUT) and not bedrag_klopt(60, 0, 30, MINUUT)


def test_known_hourly_rate_is_used_exactly():
    assert bedrag_klopt(7, 83, 583, MINUUT, uurtarief=5000)
    assert not bedrag_klopt(7, 83, 584, MINUUT, uurtarief=5000)
    assert not bedrag_klopt(7, 83, 582, MINUUT, uurtarief=5000)
    # 90 minutes at € 60,50: 9075 cents exactly; at € 60,51 (100,85/minute): 9076,5 → 9077.
    assert bedrag_klopt(90, 101, 9077, MINUUT, uurtarief=6051)
    assert not bedrag_klopt(90, 101, 9076, MINUUT, uurtarief=6051)
    # A single minute: the known hourly rate decides, even when the stated minute rate is off by one.
    assert bedrag_klopt(1, 100, 101, MINUUT, uurtarief=6060)


@pytest.mark.parametrize(("centen", "tekst"), [
    (0, "€ 0,00"), (5, "€ 0,05"), (100, "€ 1,00"), (123456, "€ 1.234,56"), (-5, "-€ 0,05"),
    (-123456, "-€ 1.234,56"), (100000000, "€ 1.000.000,00"),
])
def test_euro(centen, tekst):
    assert euro(centen) == tekst
