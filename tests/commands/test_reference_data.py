"""import-catalogue, index-tariffs, import-providers and import-contracts."""

import datetime as dt
from decimal import Decimal

import pytest

from regie.catalogue.models import Category, Product, Tariff
from regie.contracting.models import Contract
from regie.regions.models import Organisation

from .conftest import CATALOGUE, CONTRACTS, PROVIDERS, REGION, assert_refused, counts, refused, run


@pytest.fixture
def bare_region(db, files):
    run("setup-region", files.json("region.json", REGION))


def test_catalogue_products_categories_and_tariffs(bare_region, files):
    output = run("import-catalogue", files.csv("catalogue.csv", *CATALOGUE))
    assert list(Product.objects.values_list("code", "support_form__code", "variant")) == [
        ("02A01", "02", "inspanningsgericht"), ("07A01", "07", "outputgericht")]
    assert list(Category.objects.values_list("product__code", "number")) == [("02A01", 1), ("02A01", 2), ("07A01", 1)]
    assert list(Tariff.objects.order_by("amount").values_list("amount", "valid_from", "valid_to")) == [
        (Decimal("400.00"), dt.date(2024, 1, 1), None), (Decimal("650.00"), dt.date(2024, 1, 1), None),
        (Decimal("800.00"), dt.date(2024, 1, 1), None)]
    assert Product.objects.get(code="07A01").unit == "83"
    assert "3 tarieven toegevoegd" in output


def test_importing_the_same_catalogue_again_changes_nothing(bare_region, files):
    path = files.csv("catalogue.csv", *CATALOGUE)
    run("import-catalogue", path)
    before = counts()
    assert "3 al aanwezig" in run("import-catalogue", path)
    assert counts() == before


def test_a_next_tariff_period_and_indexation(bare_region, files):
    run("import-catalogue", files.csv("catalogue.csv", CATALOGUE[0], "02A01,02,1,inspanningsgericht,400.00,"
                                      "2024-01-01,2024-12-31", "02A01,02,1,inspanningsgericht,412.00,2025-01-01,"))
    output = run("index-tariffs", "--year", "2026", "--percentage", "2.5")
    assert list(Tariff.objects.order_by("valid_from").values_list("amount", "valid_from", "valid_to")) == [
        (Decimal("400.00"), dt.date(2024, 1, 1), dt.date(2024, 12, 31)),
        (Decimal("412.00"), dt.date(2025, 1, 1), dt.date(2025, 12, 31)),
        (Decimal("422.30"), dt.date(2026, 1, 1), None)]
    assert "1 tarieven geïndexeerd" in output
    assert refused("index-tariffs", "--year", "2026", "--percentage", "2.5").endswith("[already-indexed]")
    assert refused("index-tariffs", "--year", "2027", "--percentage", "x").endswith("[percentage-invalid]")


H = CATALOGUE[0]


@pytest.mark.parametrize("lines, line, field, code", [
    ((H, "02A01,02,1,inspanningsgericht,400.00,2024-01-01,", "02A01,02,1,inspanningsgericht,410.00,2024-01-01,"),
     3, "product_code", "row-duplicate"),
    ((H, "02A01,02,1,inspanningsgericht,400.00,2024-01-01,", "02B01,99,1,inspanningsgericht,400.00,2024-01-01,"),
     3, "support_form", "support-form-unknown"),
    ((H, "02A01,02,1,per uur,400.00,2024-01-01,"), 2, "variant", "choice-invalid"),
    ((H, "02A01,02,1,inspanningsgericht,400.00,01-01-2024,"), 2, "valid_from", "date-invalid"),
    ((H, "02A01,02,1,inspanningsgericht,vier,2024-01-01,"), 2, "tariff", "decimal-invalid"),
    ((H, "02A01,02,1,inspanningsgericht,0,2024-01-01,"), 2, "tariff", "tariff-not-positive"),
    ((H, "02A01,02,een,inspanningsgericht,400,2024-01-01,"), 2, "category", "integer-invalid"),
    ((H, "02A01,02,1,inspanningsgericht,400,2024-01-01,", "02A01,07,2,inspanningsgericht,400,2024-01-01,"),
     3, "product_code", "product-conflict"),
    ((H, "02A01,02,1,inspanningsgericht,400,2024-01-01,", "02A01,02,1,inspanningsgericht,400,2024-06-01,"),
     3, "valid_from", "tariff-overlap"),
    (("product_code,support_form,category,variant,tariff,valid_from", "02A01,02,1,inspanningsgericht,400,2024-01-01"),
     1, "valid_to", "column-missing"),
])
def test_a_malformed_catalogue_is_refused_whole(bare_region, files, lines, line, field, code):
    assert_refused("import-catalogue", files.csv("catalogue.csv", *lines), line=line, field=field, code=code)
    assert not Product.objects.exists()


def test_providers_with_a_cooperative_later_in_the_file(bare_region, files):
    run("import-providers", files.csv("providers.csv", "agb,name,kvk,cooperative_agb",
                                      "33330001,Klein Een,34567890,99990000", "33330002,Klein Twee,34567891,99990000",
                                      "99990000,Coöperatie Samen,45678901,", "11110001,Zorg Een,12345678,"))
    cooperative = Organisation.objects.get(agb_code="99990000")
    assert (cooperative.kind, cooperative.name, cooperative.kvk_number) == ("provider", "Coöperatie Samen", "45678901")
    assert sorted(cooperative.members.values_list("agb_code", flat=True)) == ["33330001", "33330002"]
    assert Organisation.objects.get(agb_code="11110001").cooperative is None


def test_providers_are_updated_by_agb_and_a_second_run_changes_nothing(bare_region, files):
    run("import-providers", files.csv("p.csv", *PROVIDERS, "33330001,Klein,34567890,11110001"))
    path = files.csv("p2.csv", "agb,name,kvk,cooperative_agb", "33330001,Klein BV,34567890,",
                     "11110001,Zorg Een,12345678,")
    assert "2 aanbieders gelezen, 1 nieuw of gewijzigd" in run("import-providers", path)
    member = Organisation.objects.get(agb_code="33330001")
    assert (member.name, member.cooperative) == ("Klein BV", None)
    assert Organisation.objects.filter(kind="provider").count() == 3
    assert "0 nieuw of gewijzigd" in run("import-providers", path)


@pytest.mark.parametrize("lines, line, field, code", [
    (("11110001,Zorg Een,12345678,", "1111000,Zorg,12345678,"), 3, "agb", "agb-invalid"),
    (("11110001,Zorg Een,1234567X,",), 2, "kvk", "kvk-invalid"),
    (("11110001,Zorg Een,12345678,", "11110001,Zorg Een,12345678,"), 3, "agb", "row-duplicate"),
    (("11110001,Zorg Een,12345678,55555555",), 2, "cooperative_agb", "cooperative-unknown"),
    (("11110001,Zorg Een,12345678,11110001",), 2, "cooperative_agb", "cooperative-self"),
    (("11110001,A,12345678,22220002", "22220002,B,12345678,33330003", "33330003,C,12345678,"),
     3, "cooperative_agb", "cooperative-nested"),
    (("11110001,,12345678,",), 2, "name", "value-missing"),
])
def test_malformed_providers_are_refused_whole(bare_region, files, lines, line, field, code):
    path = files.csv("providers.csv", "agb,name,kvk,cooperative_agb", *lines)
    assert_refused("import-providers", path, line=line, field=field, code=code)
    assert not Organisation.objects.filter(kind="provider").exists()


@pytest.fixture
def with_providers(bare_region, files):
    run("import-catalogue", files.csv("catalogue.csv", *CATALOGUE))
    run("import-providers", files.csv("providers.csv", *PROVIDERS))


def test_contract_lines_with_the_same_provider_and_term_form_one_contract(with_providers, files):
    path = files.csv("contracts.csv", *CONTRACTS, "22220002,07A01,2024-01-01,2025-12-31")
    run("import-contracts", path)
    contracts = {(c.provider.agb_code, c.start, c.end): sorted(c.products.values_list("code", flat=True))
                 for c in Contract.objects.all()}
    assert contracts == {
        ("11110001", dt.date(2024, 1, 1), None): ["02A01", "07A01"],
        ("22220002", dt.date(2024, 1, 1), None): ["02A01"],
        ("22220002", dt.date(2024, 1, 1), dt.date(2025, 12, 31)): ["07A01"],
    }
    assert Contract.objects.get(provider__agb_code="11110001").first_term_end == dt.date(2025, 12, 31)
    before = counts()
    assert "3 al aanwezig" in run("import-contracts", path)
    assert counts() == before


@pytest.mark.parametrize("row, field, code", [
    ("11110001,99X99,2024-01-01,", "product_code", "product-unknown"),
    ("55555555,02A01,2024-01-01,", "agb", "provider-unknown"),
    ("11110001,02A01,2024-01-01,2023-01-01", "end", "period-reversed"),
    ("11110001,02A01,2024-01-32,", "start", "date-invalid"),
    ("11110001,02A01,2024-01-01,", "agb", "row-duplicate"),
])
def test_malformed_contracts_are_refused_whole(with_providers, files, row, field, code):
    path = files.csv("contracts.csv", "agb,product_code,start,end", "22220002,02A01,2024-01-01,", row,
                     *(["11110001,02A01,2024-01-01,"] if code == "row-duplicate" else []))
    line = 4 if code == "row-duplicate" else 3
    assert_refused("import-contracts", path, line=line, field=field, code=code)
    assert not Contract.objects.exists()
