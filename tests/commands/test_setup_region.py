"""setup-region FILE.json: a region, its municipalities and organisations, idempotent."""

import copy
import datetime as dt
from decimal import Decimal

import pytest

from regie.regions.models import Municipality, Organisation, Region, RegionalCost

from .conftest import REGION, assert_refused, counts, run

SHARED = "/work/shared/data/regio-meierij.json"


def snapshot():
    return (
        list(Region.objects.values_list("name", "centre_municipality__code", "residence_rule", "partial_month_rule")),
        list(Municipality.objects.order_by("code").values_list("code", "name", "population", "valid_from", "valid_to")),
        list(Organisation.objects.order_by("pk").values_list("pk", "kind", "name", "municipality__code")),
        list(RegionalCost.objects.order_by("year").values_list("year", "amount")),
    )


def test_the_example_of_the_issue(db, files):
    output = run("setup-region", files.json("region.json", REGION))
    region = Region.objects.get()
    assert (region.name, region.centre_municipality.code, region.residence_rule) == (
        "Regio Test", "0001", "first_day_of_month")
    assert list(region.municipalities.order_by("code").values_list("code", "population")) == [
        ("0001", 30000), ("0002", 10000)]
    assert sorted(region.organisations.values_list("kind", "name")) == [
        ("municipality", "Gemeente Aadorp"), ("municipality", "Gemeente Bedorp"),
        ("purchasing_office", "Inkoopbureau Regio Test")]
    assert list(region.regional_costs.values_list("year", "amount")) == [(2025, Decimal("120000.00"))]
    assert "Regio Test ingericht" in output


def test_running_it_twice_changes_nothing_the_second_time(db, files):
    path = files.json("region.json", REGION)
    run("setup-region", path)
    before, rows = snapshot(), counts()
    output = run("setup-region", path)
    assert snapshot() == before
    assert counts() == rows
    assert "ongewijzigd" in output and "0 wijzigingen" in output


def test_a_changed_description_updates_the_region(db, files):
    run("setup-region", files.json("region.json", REGION))
    changed = copy.deepcopy(REGION)
    changed["municipalities"][1]["population"] = 12000
    changed["municipalities"][1]["name"] = "Bedorp-Oost"
    changed["centre_municipality"] = "0002"
    changed["regional_costs"] = [{"year": 2025, "amount": "130000.00"}, {"year": 2026, "amount": 140000.5}]
    output = run("setup-region", files.json("changed.json", changed))
    region = Region.objects.get()
    assert region.centre_municipality.code == "0002"
    assert Municipality.objects.get(code="0002").population == 12000
    assert Organisation.objects.get(municipality__code="0002").name == "Gemeente Bedorp-Oost"
    assert list(region.regional_costs.order_by("year").values_list("amount", flat=True)) == [
        Decimal("130000.00"), Decimal("140000.50")]
    assert Organisation.objects.filter(kind="purchasing_office").count() == 1
    assert "gewijzigd" in output


def test_the_shared_meierij_file_is_accepted_as_it_is(db):
    output = run("setup-region", SHARED)
    region = Region.objects.get(name="Regio Meierij")
    assert region.centre_municipality.code == "0796"
    haaren = region.municipalities.get(code="0788")
    assert haaren.valid_to == dt.date(2020, 12, 31)
    assert not haaren.exists_on(dt.date(2021, 1, 1))
    assert region.municipalities.count() == 6
    assert not region.municipalities.filter(code__in=["0263", "0297"]).exists()
    assert "beschermd_wonen_and_opvang_also" in output


def broken(**changes):
    data = copy.deepcopy(REGION)
    for key, value in changes.items():
        data[key] = value
    return data


def municipality(index, **changes):
    items = copy.deepcopy(REGION["municipalities"])
    items[index].update(changes)
    return items


# Line numbers follow json.dumps(indent=2): municipalities[0] opens on line 6, [1] on line 13,
# regional_costs[0] on line 22.
@pytest.mark.parametrize("data, line, field, code", [
    (broken(centre_municipality="0009"), 1, "centre_municipality", "centre-unknown"),
    (broken(residence_rule="somewhere"), 1, "residence_rule", "residence-rule-unknown"),
    (broken(extra=1), 1, "extra", "key-unknown"),
    (broken(name=""), 1, "name", "value-missing"),
    (broken(municipalities=municipality(1, valid_from="2015-02-30")), 13, "municipalities[1].valid_from",
     "date-invalid"),
    (broken(municipalities=municipality(1, code="00A2")), 13, "municipalities[1].code", "municipality-code-invalid"),
    (broken(municipalities=municipality(1, code="0001")), 13, "municipalities[1].code", "row-duplicate"),
    (broken(municipalities=municipality(0, population=0)), 6, "municipalities[0].population", "population-invalid"),
    (broken(municipalities=municipality(0, population="veel")), 6, "municipalities[0].population", "integer-invalid"),
    (broken(regional_costs=[{"year": 2025, "amount": "12x"}]), 22, "regional_costs[0].amount", "amount-invalid"),
])
def test_a_malformed_description_is_refused_whole(db, files, data, line, field, code):
    assert_refused("setup-region", files.json("region.json", data), line=line, field=field, code=code)
    assert not Region.objects.exists()


def test_a_refused_update_leaves_the_region_as_it_was(db, files):
    run("setup-region", files.json("region.json", REGION))
    before = snapshot()
    data = broken(municipalities=municipality(0, population=99999) + [
        {"code": "0003", "name": "Cedorp", "population": 5000, "valid_from": "2015-01-01", "valid_to": "2014-01-01"}])
    assert_refused("setup-region", files.json("bad.json", data), line=20, field="municipalities[2].valid_to",
                   code="period-reversed")
    assert snapshot() == before


def test_invalid_json(db, files):
    path = files.folder / "r.json"
    path.write_text('{"name": "x",\n "municipalities": [}\n', encoding="utf-8")
    assert_refused("setup-region", path, line=2, field="bestand", code="json-invalid")
