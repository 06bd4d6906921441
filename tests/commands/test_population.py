"""import-population: inhabitants per municipality per year, for the figures per 1,000 inhabitants."""

import pytest

from regie.regions.models import Population
from tests.commands.conftest import REGION, assert_refused, run

HEADER = "municipality_code,year,inhabitants"


@pytest.fixture
def bare_region(db, files):
    run("setup-region", files.json("region.json", REGION))


def test_years_are_created_and_then_updated(bare_region, files):
    assert "2 " in run("import-population", files.csv("p.csv", HEADER, "0001,2025,30100", "2,2025,10050"))
    assert sorted(Population.objects.values_list("municipality__code", "year", "inhabitants")) == [
        ("0001", 2025, 30100), ("0002", 2025, 10050)]
    out = run("import-population", files.csv("p2.csv", HEADER, "0001,2025,30200", "0002,2025,10050"))
    assert out.startswith("2 ") and " 1 " in out  # two read, one changed
    assert Population.objects.get(municipality__code="0001").inhabitants == 30200


@pytest.mark.parametrize("lines, line, field, code", [
    (("0009,2025,100",), 2, "municipality_code", "municipality-unknown"),
    (("0001,2025,0",), 2, "inhabitants", "integer-out-of-range"),
    (("0001,2025,10000001",), 2, "inhabitants", "integer-out-of-range"),
    (("0001,twintig,100",), 2, "year", "integer-invalid"),
    (("0001,2014,100",), 2, "year", "population-year-out-of-window"),
    (("0001,2025,100", "0001,2025,200"), 3, "municipality_code", "row-duplicate"),
])
def test_a_malformed_file_is_refused_whole(bare_region, files, lines, line, field, code):
    assert_refused("import-population", files.csv("p.csv", HEADER, *lines), line=line, field=field, code=code)
    assert not Population.objects.exists()
