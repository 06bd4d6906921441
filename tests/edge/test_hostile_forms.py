"""Absurd and hostile values typed into the screens: each is a field error with its stable code, the
page answers 200 (never 5xx, never a traceback), and nothing is stored."""

import datetime as dt

import pytest
from django.urls import reverse

from regie.care.services import plan_create
from regie.regions.actors import actor_for
from tests import factories as f

from .conftest import stored

LONG = "A" * 100_000


@pytest.fixture
def screens(world, people):
    """The forms under attack: the URL, who posts, and a valid submission to spoil one field of."""
    b3 = f.CategoryFactory(product=world.begeleiding, number=3)  # no tariff yet: a valid one may be added
    plan = plan_create(actor=actor_for(people.access_a), client=world.clients[0], drawn_up_on=dt.date(2025, 1, 5),
                       goals=[{"life_domain": "housing", "description": "Wonen", "baseline_score": 2}])
    contract = world.p1.contracts.get()
    waiting = f.AllocationFactory(client=world.clients[0], municipality=world.a, provider=world.p1, category=world.b1,
                                  reference="A5", start=dt.date(2025, 1, 10), status="allocated", started_on=None)
    return {
        "declaration": (people.staff_p1, reverse("billing:declaration-create"),
                        {"reference": "A1", "month": "2025-03", "debit_credit": "D"}),
        "settle": (people.finance, reverse("billing:settlement-run"), {"month": "2025-03"}),
        "client": (people.access_a, reverse("care:client-create"),
                   {"bsn": f.valid_bsn(500), "initials": "K.", "family_name": "Klaassen", "birth_date": "1970-02-03",
                    "resident_from": "2019-05-01", "house_number": "", "postcode": "", "street": "", "town": ""}),
        "allocate": (people.access_a, reverse("care:allocation-create", args=[world.clients[0].pk]),
                     {"product": world.begeleiding.pk, "category": "2", "provider": world.p2.pk,
                      "start": "2025-06-01", "end": ""}),
        "start": (people.staff_p1, reverse("care:allocation-start", args=[waiting.pk]),
                  {"started_on": "2025-01-15"}),
        "goal": (people.access_a, reverse("care:goal-close", args=[world.clients[0].pk, plan.goals.get().pk]),
                 {"followup_score": "4", "result": "partly", "closed_on": "2025-06-30"}),
        "tariff": (people.purchaser, reverse("catalogue:tariff-add", args=[world.begeleiding.pk]),
                   {"category": b3.pk, "amount": "1210.50", "valid_from": "2025-01-01", "valid_to": ""}),
        "index": (people.purchaser, reverse("catalogue:tariff-index"), {"year": "2026", "percentage": "2,5"}),
        "notice": (people.contract_manager, reverse("contracting:contract-terminate", args=[contract.pk]),
                   {"notice_on": "2025-06-01"}),
    }


# (screen, field, value, code of the field error)
CASES = [
    # months
    ("declaration", "month", "0000-01", "month-invalid"),
    ("declaration", "month", "9999-12", "month-out-of-window"),
    ("declaration", "month", "2025-13", "month-invalid"),
    ("declaration", "month", "2025-00", "month-invalid"),
    ("declaration", "month", "2025-1-1x", "month-invalid"),
    ("declaration", "month", "２０２５-03", "month-invalid"),
    ("declaration", "month", "٢٠٢٥-٠٣", "month-invalid"),
    ("declaration", "month", "2025-03\x00", "text-control-character"),
    ("declaration", "month", "", "required"),
    ("declaration", "month", "   ", "required"),
    ("declaration", "month", LONG, "month-invalid"),
    ("declaration", "reference", "A1\x00", "text-control-character"),
    ("declaration", "reference", "\u202eA1", "text-control-character"),
    ("declaration", "reference", "A\x1b[2J", "text-control-character"),
    ("declaration", "reference", LONG, "max_length"),
    ("settle", "month", "0000-01", "month-invalid"),
    ("settle", "month", "9999-12", "month-out-of-window"),
    ("settle", "month", "1900-01", "month-out-of-window"),  # before the region's start (care_from)
    ("settle", "month", "2025-13", "month-invalid"),
    # dates
    ("client", "birth_date", "0000-01-01", "date-invalid"),
    ("client", "birth_date", "9999-12-31", "date-out-of-window"),
    ("client", "birth_date", "1850-01-01", "date-out-of-window"),
    ("client", "birth_date", "1970-02-30", "date-invalid"),
    ("client", "birth_date", "١٩٧٠-٠٢-٠٣", "date-invalid"),
    ("client", "birth_date", "1970-02-03\x00", "date-invalid"),
    ("client", "resident_from", "2100-01-01", "date-out-of-window"),  # the region's window (the service)
    ("allocate", "start", "9999-12-31", "date-out-of-window"),
    ("allocate", "start", "2100-01-01", "date-out-of-window"),
    ("allocate", "start", "2010-01-01", "date-out-of-window"),  # before the region's start
    ("allocate", "start", "0000-01-01", "date-invalid"),
    ("allocate", "end", "2100-01-01", "date-out-of-window"),
    ("start", "started_on", "2100-01-01", "date-out-of-window"),
    ("start", "started_on", "9999-12-31", "date-out-of-window"),
    ("goal", "closed_on", "2100-01-01", "date-out-of-window"),
    ("tariff", "valid_from", "0000-01-01", "date-invalid"),
    ("tariff", "valid_from", "9999-12-31", "date-out-of-window"),
    ("notice", "notice_on", "0000-01-01", "date-invalid"),
    ("notice", "notice_on", "9999-12-31", "date-out-of-window"),
    # numbers
    ("client", "house_number", "٣", "number-not-ascii"),
    ("client", "house_number", "²", "number-not-ascii"),
    ("client", "house_number", "１２", "number-not-ascii"),
    ("client", "house_number", "99999999999999999999", "integer-out-of-range"),
    ("client", "house_number", "1e2", "integer-invalid"),
    ("client", "house_number", "-0", "integer-out-of-range"),
    ("client", "house_number", "12\x00", "integer-invalid"),
    ("client", "bsn", "١٢٣٤٥٦٧٨٢", "bsn-invalid"),
    ("tariff", "amount", "1E+30", "amount-exponent"),
    ("tariff", "amount", "1e2", "amount-exponent"),
    ("tariff", "amount", "NaN", "amount-not-finite"),
    ("tariff", "amount", "Infinity", "amount-not-finite"),
    ("tariff", "amount", "-Infinity", "amount-not-finite"),
    ("tariff", "amount", "12.345", "amount-too-precise"),
    ("tariff", "amount", "12345678901234567890", "amount-too-large"),
    ("tariff", "amount", "١٢", "number-not-ascii"),
    ("tariff", "amount", "12\x00", "amount-invalid"),
    ("tariff", "amount", "1.000,50", "amount-invalid"),
    ("index", "year", "٢٠٢٦", "number-not-ascii"),
    ("index", "year", "99999999999999999999", "integer-out-of-range"),
    ("index", "percentage", "NaN", "amount-not-finite"),
    ("index", "percentage", "1E+30", "amount-exponent"),
    # text
    ("client", "family_name", "Klaas\x00sen", "text-control-character"),
    ("client", "family_name", "\u202eKlaassen", "text-control-character"),
    ("client", "family_name", "x" * 300, "max_length"),
    ("client", "town", "\x1b[31mUtrecht", "text-control-character"),
    ("client", "postcode", "1234\x00AB", "text-control-character"),
]


def field_codes(response) -> dict[str, list[str]]:
    return {name: [e.code for e in errors] for name, errors in response.context["form"].errors.as_data().items()}


@pytest.mark.parametrize(("screen", "field", "value", "code"), CASES,
                         ids=[f"{s}-{fl}-{v[:20]!r}" for s, fl, v, _ in CASES])
def test_a_hostile_value_is_a_field_error_and_nothing_is_stored(client, screens, screen, field, value, code):
    user, url, valid = screens[screen]
    client.force_login(user)
    before = stored()
    response = client.post(url, {**valid, field: value})
    assert response.status_code == 200, response.status_code
    assert b"Traceback" not in response.content
    assert code in field_codes(response).get(field, []), field_codes(response)
    assert stored() == before


def test_the_valid_submissions_are_accepted(client, screens):
    """The cases above fail for their one field only: the same form, unspoilt, goes through."""
    for screen, (user, url, valid) in screens.items():
        client.force_login(user)
        response = client.post(url, valid)
        assert response.status_code == 302, (screen, field_codes(response))


def test_a_far_month_on_a_declaration_screen_is_stored_as_a_rejected_line(client, people, world):
    """2100-01 is a month (within what a date holds), but not one the region accepts: the line is refused."""
    from regie.billing.models import DeclarationLine

    client.force_login(people.staff_p1)
    response = client.post(reverse("billing:declaration-create"),
                           {"reference": "A1", "month": "2100-01", "debit_credit": "D"})
    assert response.status_code == 302
    line = DeclarationLine.objects.get()
    assert (line.status, line.reason_code, line.amount) == ("rejected", "month-out-of-window", None)

