"""What the screens do for the people allowed to use them: they call the services and show
the outcome, or the rule that refused, in Dutch."""

import datetime as dt
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from regie.billing.models import Declaration, DeclarationLine, SettlementRun
from regie.catalogue.models import Tariff
from regie.contracting.models import Contract
from tests import factories as f

pytestmark = pytest.mark.django_db


def text(response) -> str:
    return response.content.decode()


# -- catalogue ------------------------------------------------------------------------------


def test_catalogue_shows_products_by_support_form_with_todays_tariff(as_user, world, people):
    page = text(as_user(people.member).get(reverse("catalogue:product-list")))
    assert "02A01" in page and "07A01" in page
    assert "€\xa0400,00" in page and "€\xa0800,00" in page and "€\xa0650,00" in page
    assert "Eenheid <strong>84</strong>" in page and "Eenheid <strong>83</strong>" in page
    assert "Jaarlijkse indexatie" not in page  # the council reads, does not edit


def test_purchaser_adds_a_tariff_period(as_user, world, people):
    b3 = f.CategoryFactory(product=world.begeleiding, number=3)
    client = as_user(people.purchaser)
    response = client.post(reverse("catalogue:tariff-add", args=[world.begeleiding.pk]),
                           {"category": b3.pk, "amount": "1210.50", "valid_from": "2025-01-01", "valid_to": "2025-12-31"})
    assert response.status_code == 302
    tariff = Tariff.objects.get(category=b3)
    assert (tariff.amount, tariff.valid_from, tariff.valid_to) == (Decimal("1210.50"), dt.date(2025, 1, 1),
                                                                   dt.date(2025, 12, 31))
    assert "€\xa01.210,50" in text(client.get(response.url))


def test_an_overlapping_tariff_is_refused_on_the_form(as_user, world, people):
    client = as_user(people.purchaser)
    before = Tariff.objects.count()
    response = client.post(reverse("catalogue:tariff-add", args=[world.begeleiding.pk]),
                           {"category": world.b1.pk, "amount": "410.00", "valid_from": "2025-01-01"})
    assert response.status_code == 200
    assert "Er is al een tarief voor" in text(response)
    assert Tariff.objects.count() == before


def test_purchaser_runs_the_yearly_indexation_once(as_user, world, people):
    client = as_user(people.purchaser)
    response = client.post(reverse("catalogue:tariff-index"), {"year": "2026", "percentage": "2,5"})
    assert response.status_code == 302
    assert Tariff.objects.get(category=world.b1, valid_from=dt.date(2026, 1, 1)).amount == Decimal("410.00")
    again = client.post(reverse("catalogue:tariff-index"), {"year": "2026", "percentage": "2,5"})
    assert again.status_code == 200
    assert "Voor 2026 zijn al tarieven vastgesteld." in text(again)
    assert Tariff.objects.filter(valid_from=dt.date(2026, 1, 1)).count() == 3


# -- providers and contracts ----------------------------------------------------------------


def test_provider_list_links_only_what_a_provider_may_open(as_user, world, people):
    page = text(as_user(people.staff_p2).get(reverse("contracting:provider-list")))
    assert reverse("contracting:provider-detail", args=[world.p2.pk]) in page
    assert reverse("contracting:provider-detail", args=[world.p1.pk]) not in page
    assert "11110001" in page  # the list itself (AGB codes) is public within the region


def test_provider_detail_shows_contract_terms(as_user, world, people):
    page = text(as_user(people.policy_a).get(reverse("contracting:provider-detail", args=[world.p1.pk])))
    assert "01-01-2024" in page and "31-12-2025" in page  # start and end of the two-year first term
    assert "02A01" in page and "07A01" in page
    assert "Contract opzeggen" not in page


def test_contract_manager_gives_notice(as_user, world, people):
    contract = Contract.objects.get(provider=world.p1)
    client = as_user(people.contract_manager)
    response = client.post(reverse("contracting:contract-terminate", args=[contract.pk]), {"notice_on": "2025-06-01"})
    assert response.status_code == 302
    contract.refresh_from_db()
    assert contract.end == dt.date(2025, 12, 31)  # notice 1 June + 3 months falls in the first term
    again = client.post(reverse("contracting:contract-terminate", args=[contract.pk]), {"notice_on": "2025-07-01"})
    assert again.status_code == 200 and "Dit contract is al beëindigd." in text(again)


# -- declarations ---------------------------------------------------------------------------


def test_provider_declares_one_line_in_the_form(as_user, world, people):
    client = as_user(people.staff_p1)
    response = client.post(reverse("billing:declaration-create"), {"reference": "A1", "month": "2025-04",
                                                                   "debit_credit": "D"})
    declaration = Declaration.objects.get(provider=world.p1)
    assert response.status_code == 302 and response.url == reverse("billing:declaration-detail", args=[declaration.pk])
    line = declaration.lines.get()
    assert (line.status, line.amount, line.submitted_by if hasattr(line, "submitted_by") else None) == (
        "approved", Decimal("400.00"), None)
    assert declaration.submitted_by == people.staff_p1 and declaration.source == "portal"
    page = text(client.get(response.url))
    assert "1 goedgekeurd, 0 afgekeurd" in page


def test_a_rejected_line_shows_its_reason_in_dutch(as_user, world, people):
    client = as_user(people.staff_p1)
    response = client.post(reverse("billing:declaration-create"), {"reference": "A3", "month": "2025-04",
                                                                   "debit_credit": "D"}, follow=True)
    page = text(response)
    assert "De toewijzing is van een andere aanbieder." in page and "allocation-other-provider" in page
    assert DeclarationLine.objects.get(reference="A3").status == "rejected"


def test_a_malformed_month_in_the_form_is_a_field_error(as_user, world, people):
    response = as_user(people.staff_p1).post(reverse("billing:declaration-create"),
                                             {"reference": "A1", "month": "april", "debit_credit": "D"})
    assert response.status_code == 200
    assert response.context["form"].errors.as_data()["month"][0].code == "month-invalid"
    assert not Declaration.objects.exists()


def test_provider_uploads_a_csv(as_user, world, people):
    upload = SimpleUploadedFile("maart.csv", b"reference,month,debit_credit\nA1,2025-03,D\nA2,2025-03,D\nA3,2025-03,D\n")
    response = as_user(people.staff_p1).post(reverse("billing:declaration-upload"), {"file": upload})
    declaration = Declaration.objects.get()
    assert response.status_code == 302
    assert (declaration.source, declaration.filename, declaration.provider) == ("csv", "maart.csv", world.p1)
    assert [(line.reference, line.status, line.reason_code) for line in declaration.lines.order_by("line_number")] == [
        ("A1", "approved", ""), ("A2", "approved", ""), ("A3", "rejected", "allocation-other-provider")]


def test_a_malformed_csv_names_file_line_and_field_and_stores_nothing(as_user, world, people):
    upload = SimpleUploadedFile("fout.csv", b"reference,month,debit_credit\nA1,2025-03,D\nA2,2025-13,D\n")
    response = as_user(people.staff_p1).post(reverse("billing:declaration-upload"), {"file": upload})
    assert response.status_code == 200
    assert "fout.csv:3: month:" in text(response)
    assert not Declaration.objects.exists() and not DeclarationLine.objects.exists()


def test_a_csv_with_a_wrong_header_is_refused(as_user, world, people):
    upload = SimpleUploadedFile("kop.csv", b"provider_agb,reference,month,debit_credit\n11110001,A1,2025-03,D\n")
    response = as_user(people.staff_p1).post(reverse("billing:declaration-upload"), {"file": upload})
    assert "kop.csv:1: provider_agb: Onbekende kolom" in text(response)
    assert not Declaration.objects.exists()


def test_declaration_list_per_month_is_scoped_to_the_provider(as_user, world, people, march):
    page = text(as_user(people.staff_p1).get(reverse("billing:declaration-list") + "?maand=2025-03"))
    assert ">A1<" in page and ">A2<" in page
    assert ">A3<" not in page and ">A4<" not in page
    assert "Deze maand van deze toewijzing is al gedeclareerd." in page
    office = text(as_user(people.finance).get(reverse("billing:declaration-list") + "?maand=2025-03"))
    assert ">A3<" in office and ">A4<" in office and "De maand ligt na de stop van de zorg." in office


def test_declaration_list_filters_rejected_lines(as_user, world, people, march):
    page = text(as_user(people.finance).get(reverse("billing:declaration-list") + "?maand=2025-03&status=rejected"))
    assert ">A4<" in page and ">A3<" not in page


# -- settlement -----------------------------------------------------------------------------


def test_finance_settles_the_next_month(as_user, world, people, march):
    client = as_user(people.finance)
    page = text(client.get(reverse("billing:settlement-list")))
    assert 'value="2025-04"' in page  # the month after the last closed one is proposed
    response = client.post(reverse("billing:settlement-run"), {"month": "2025-04"})
    assert response.status_code == 302
    assert response.url == reverse("billing:settlement-detail", kwargs={"month": "2025-04"})
    assert SettlementRun.objects.filter(region=world.region, month=dt.date(2025, 4, 1)).exists()


def test_a_refused_settlement_shows_the_rule_in_dutch(as_user, world, people, march):
    response = as_user(people.finance).post(reverse("billing:settlement-run"), {"month": "2025-02"})
    assert response.status_code == 200
    assert "2025-02 kan niet meer worden verrekend" in text(response)
    assert not SettlementRun.objects.filter(month=dt.date(2025, 2, 1)).exists()


def test_office_sees_the_whole_statement_and_the_reconciliation(as_user, world, people, march):
    page = text(as_user(people.finance).get(reverse("billing:settlement-detail", kwargs={"month": "2025-03"})))
    assert "Aadorp" in page and "Bedorp" in page
    assert "€\xa07.900,00" in page and "€\xa03.950,00" in page  # totals of the worked example
    assert "Zorg Een" in page and "Zorg Twee" in page
    assert "sluit tot op de cent" in page
    assert "De maand ligt na de stop van de zorg." in page
    assert 'id="chart-settlement"' in page


def test_a_municipality_sees_only_its_own_row(as_user, world, people, march):
    page = text(as_user(people.policy_a).get(reverse("billing:settlement-detail", kwargs={"month": "2025-03"})))
    assert "Aadorp" in page and "€\xa07.900,00" in page
    assert "Bedorp" not in page and "€\xa03.950,00" not in page
    assert "Betalingen aan aanbieders" not in page and "sluit tot op de cent" not in page
    assert "month-after-stop" in page  # the rejected line of its own allocation A4


def test_a_provider_sees_only_its_own_payment(as_user, world, people, march):
    page = text(as_user(people.staff_p1).get(reverse("billing:settlement-detail", kwargs={"month": "2025-03"})))
    assert "Zorg Een" in page and "€\xa01.200,00" in page
    assert "Zorg Twee" not in page and "Aadorp" not in page and "month-after-stop" not in page
    assert "duplicate" in page  # its own rejected line


def test_settlement_list_shows_each_their_own_figure(as_user, world, people, march):
    assert "€\xa07.900,00" in text(as_user(people.policy_a).get(reverse("billing:settlement-list")))
    assert "€\xa03.950,00" in text(as_user(people.policy_b).get(reverse("billing:settlement-list")))
    assert "€\xa01.200,00" in text(as_user(people.staff_p1).get(reverse("billing:settlement-list")))


# -- start page -----------------------------------------------------------------------------


@pytest.mark.parametrize(("who", "expected", "absent"), [
    ("finance", ["Maand verrekenen", "aanbieders", "lopende contracten"], ["Cliënten</strong>"]),
    ("purchaser", ["Catalogus en tarieven", "Tariefperiodes toevoegen"], ["Maand verrekenen"]),
    ("access_a", ["Cliënten</strong>", "lopende toewijzingen"], ["Maand verrekenen", "Verrekening</strong>"]),
    ("policy_a", ["Verrekening</strong>", "€\xa07.900,00"], ["Cliënten</strong>"]),
    ("staff_p1", ["Declareren", "€\xa01.200,00", "cliënten in zorg"], ["Maand verrekenen"]),
    ("member", ["Dashboard", "kosten van zorg in de regio"], ["Declareren", "Cliënten</strong>"]),
])
def test_start_page_per_role(as_user, people, march, who, expected, absent):
    page = text(as_user(getattr(people, who)).get(reverse("home")))
    for snippet in expected:
        assert snippet in page, snippet
    for snippet in absent:
        assert snippet not in page, snippet
