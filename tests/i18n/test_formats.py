"""Amounts, numbers, dates and months read the Dutch way in Dutch and the English way in English."""

import datetime as dt
import re
from decimal import Decimal

import pytest
from django.template import Context, Template
from django.urls import reverse
from django.utils import translation

from regie.core.formatting import euro, month_name, number, short_date
from regie.exchange.requests import _volume

NBSP = "\u00a0"


def render(text: str, **context) -> str:
    return Template("{% load regie_money %}" + text).render(Context(context))


@pytest.mark.parametrize(("language", "amount", "expected"), [
    ("nl", Decimal("1234.56"), f"€{NBSP}1.234,56"),
    ("nl", Decimal("-1234567.5"), f"−€{NBSP}1.234.567,50"),
    ("nl", Decimal("0"), f"€{NBSP}0,00"),
    ("en", Decimal("1234.56"), f"€{NBSP}1,234.56"),
    ("en", Decimal("-0.5"), f"−€{NBSP}0.50"),
])
def test_euro(language, amount, expected):
    with translation.override(language):
        assert euro(amount) == expected
        assert render("{{ a|euro }}", a=amount) == expected


def test_euro_of_nothing_is_a_dash():
    assert euro(None) == "—" and euro("") == "—"


@pytest.mark.parametrize(("language", "expected"), [("nl", "1.234"), ("en", "1,234")])
def test_numbers_are_grouped(language, expected):
    with translation.override(language):
        assert number(1234) == expected
        assert render("{{ n|number }}", n=1234) == expected


def test_numbers_with_decimals():
    with translation.override("nl"):
        assert number(Decimal("1234.5"), 2) == "1.234,50"
    with translation.override("en"):
        assert number(Decimal("1234.5"), 2) == "1,234.50"


@pytest.mark.parametrize(("language", "expected"), [("nl", "05-03-2026"), ("en", "5 Mar 2026")])
def test_short_dates(language, expected):
    day = dt.date(2026, 3, 5)
    with translation.override(language):
        assert short_date(day) == expected
        assert render('{{ d|date:"SHORT_DATE_FORMAT" }}', d=day) == expected


def test_dates_have_leading_zeros_in_dutch():
    with translation.override("nl"):
        assert short_date(dt.date(2026, 12, 31)) == "31-12-2026"
        assert short_date(dt.date(2026, 1, 2)) == "02-01-2026"


@pytest.mark.parametrize(("language", "expected"), [("nl", "maart 2025"), ("en", "March 2025")])
def test_months_come_from_djangos_locale(language, expected):
    with translation.override(language):
        assert month_name(dt.date(2025, 3, 1)) == expected
        assert render("{{ m|maand }}", m=dt.date(2025, 3, 1)) == expected
        assert render("{{ m|month }}", m=dt.date(2025, 3, 1)) == expected


@pytest.mark.django_db
def test_a_page_shows_amounts_and_dates_in_the_chosen_language(client, people, march):
    client.force_login(people.purchaser)
    dutch = client.get(reverse("billing:settlement-list")).content.decode()
    client.post(reverse("set_language"), {"language": "en"})
    english = client.get(reverse("billing:settlement-list")).content.decode()
    assert "maart 2025" in dutch and "March 2025" in english
    paid = march.run.paid_to_providers
    with translation.override("nl"):
        assert euro(paid) in dutch
    with translation.override("en"):
        assert euro(paid) in english
    assert re.search(r"€\u00a0[0-9.]+,[0-9]{2}<", dutch) and not re.search(r"€\u00a0[0-9,]+\.[0-9]{2}<", dutch)
    assert re.search(r"€\u00a0[0-9,]+\.[0-9]{2}<", english)


@pytest.mark.parametrize("language", ["nl", "en"])
def test_a_requested_budget_is_recorded_with_the_one_euro_formatter_in_dutch(language):
    with translation.override(language):
        assert _volume(None, 123456) == f"budget €{NBSP}1.234,56"
