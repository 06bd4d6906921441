"""Open data over the worked-example region (tests/conftest.py `world`): every count there is below
10, so the files and the public page may show nothing but zeros and empty cells; with 20 more
clients in April (10 in each municipality) the counts of ten and more appear."""

import csv
import datetime as dt
import io
import json
from decimal import Decimal

import pytest
import time_machine
from django.core.management import CommandError, call_command
from django.urls import reverse

from regie.facts.services import facts_rebuild
from regie.monitoring.disclosure import SMALL_CELL
from regie.monitoring.figures import RegionReader, period_code
from regie.monitoring.indicators import ADDITIVE, REGISTRY, Dimension
from regie.monitoring.opendata import DICTIONARY_CSV, FILES, RECORDS_CSV, RECORDS_JSON
from regie.monitoring.values import indicator_values
from tests import factories as f

pytestmark = pytest.mark.django_db
TODAY = dt.date(2025, 4, 15)
APR = dt.date(2025, 4, 1)
RANGE = ["--from", "2025-01", "--to", "2025-06"]


@pytest.fixture
def facts(world, people, march):
    facts_rebuild(region=world.region, today=TODAY)
    return world


@pytest.fixture
def twenty(facts):
    """20 more clients from April, the odd ones in Aadorp (10), the even ones in Bedorp (10)."""
    for n in range(SMALL_CELL * 2):
        where = facts.a if n % 2 else facts.b
        client = f.ClientFactory(region=facts.region)
        f.ResidenceFactory(client=client, municipality=where, valid_from=dt.date(2000, 1, 1))
        f.AllocationFactory(client=client, municipality=where, provider=facts.p1, category=facts.b1,
                            reference=f"T{n}", start=APR)
    facts_rebuild(region=facts.region, today=TODAY)
    return facts


def export(out, *args) -> dict[str, bytes]:
    call_command("export-open-data", "--out", str(out), "--today", TODAY.isoformat(), *args, stdout=io.StringIO())
    return {name: (out / name).read_bytes() for name in FILES}


def csv_rows(content: bytes) -> list[list[str]]:
    assert content.startswith(b"\xef\xbb\xbf")  # the byte-order mark, as the figures' downloads
    return list(csv.reader(io.StringIO(content.decode("utf-8-sig")), delimiter=";"))


def bases(region, records) -> dict[tuple, int]:
    """The unsuppressed count each record rests on (its base), from the office's own reading."""
    reader, found = RegionReader(region.pk), {}
    for code in {r["indicator"] for r in records}:
        indicator = REGISTRY[code]
        period = next(p for p in ("quarter", "year") if p in indicator.periods)
        for by in (Dimension.REGION, Dimension.MUNICIPALITY):
            for v in indicator_values(actor=reader, code=code, by=by, period=period, first=dt.date(2025, 1, 1),
                                      last=dt.date(2025, 6, 1), today=TODAY):
                series = "region" if by == Dimension.REGION else f"municipality:{v.key}"
                found[(code, period_code(v.period, period), series)] = v.base
    return found


def shown_values(records) -> list[dict]:
    return [r for r in records if r["value"] not in (None, 0)]


def test_nothing_in_the_files_rests_on_fewer_than_ten(facts, tmp_path):
    files = export(tmp_path, *RANGE)
    document = json.loads(files[RECORDS_JSON])
    records = document["records"]
    # 25 indicators, each over the region and its 2 municipalities, per quarter (Q1, Q2) or per year
    assert {r["indicator"] for r in records} == set(REGISTRY)
    assert {r["series"] for r in records} == {"region", f"municipality:{facts.a.pk}", f"municipality:{facts.b.pk}"}
    assert shown_values(records) == []
    # the counts of January to March (4, 3 and 1 clients) are hidden as "<10", not shown as 0
    in_care = {(r["period"], r["series"]): r["mark"] for r in records if r["indicator"] == "clients_in_care"}
    assert in_care[("2025-Q1", "region")] == f"<{SMALL_CELL}"
    assert in_care[("2025-Q1", f"municipality:{facts.a.pk}")] == f"<{SMALL_CELL}"
    rows = csv_rows(files[RECORDS_CSV])
    assert rows[0] == ["indicator", "periode", "reeks", "naam", "waarde", "verborgen"]
    assert len(rows) == len(records) + 1
    assert all(row[4] in ("", "0") for row in rows[1:]), [row for row in rows[1:] if row[4] not in ("", "0")]
    assert {row[5] for row in rows[1:]} <= {"", f"<{SMALL_CELL}", "–"}


def test_counts_of_ten_and_more_appear_and_every_shown_value_rests_on_ten(twenty, tmp_path):
    files = export(tmp_path, "--from", "2025-04", "--to", "2025-04", "--period", "month")
    records = json.loads(files[RECORDS_JSON])["records"]
    in_care = {r["series"]: r["value"] for r in records if r["indicator"] == "clients_in_care"}
    assert in_care == {"region": 23, f"municipality:{twenty.a.pk}": 11, f"municipality:{twenty.b.pk}": 12}
    inflow = {r["series"]: r["value"] for r in records if r["indicator"] == "inflow"}
    assert inflow == {"region": 20, f"municipality:{twenty.a.pk}": 10, f"municipality:{twenty.b.pk}": 10}
    rows = {(row[0], row[2]): row[4] for row in csv_rows(files[RECORDS_CSV])[1:]}
    assert rows[("clients_in_care", "region")] == "23" and rows[("inflow", f"municipality:{twenty.a.pk}")] == "10"


def test_every_shown_value_over_a_range_rests_on_ten_or_more(twenty, tmp_path):
    """Per quarter over the first half of 2025: whatever the files show beside 0 has a base of at least 10."""
    records = json.loads(export(tmp_path, *RANGE)[RECORDS_JSON])["records"]
    shown = shown_values(records)
    assert {r["indicator"] for r in shown} >= {"clients_in_care", "inflow", "clients_per_1000"}, shown
    base = bases(twenty.region, records)
    for r in shown:
        assert base[(r["indicator"], r["period"], r["series"])] >= SMALL_CELL, r
    for r in records:
        if r["indicator"] in ADDITIVE and r["value"] is not None and r["value"] > 0:
            assert Decimal(r["value"]) == base[(r["indicator"], r["period"], r["series"])]


def test_the_json_describes_the_region_the_range_and_every_indicator(facts, tmp_path):
    document = json.loads(export(tmp_path, *RANGE)[RECORDS_JSON])
    assert document["metadata"] == {
        "region": "Regio Voorbeeld", "generated": "2025-04-15", "threshold": SMALL_CELL, "period": "quarter",
        "from": "2025-01", "to": "2025-06", "marks": document["metadata"]["marks"]}
    assert set(document["metadata"]["marks"]) == {f"<{SMALL_CELL}", "–"}
    assert [c["key"] for c in document["columns"]] == ["indicator", "period", "series", "label", "value", "hidden"]
    described = {i["code"]: i for i in document["indicators"]}
    assert set(described) == set(REGISTRY)
    assert described["clients_in_care"]["name"] == "Cliënten in zorg"  # Dutch, the command's language
    assert described["cost"]["formula"] == REGISTRY["cost"].formula
    dictionary = csv_rows(export(tmp_path, *RANGE)[DICTIONARY_CSV])
    assert dictionary[0] == ["soort", "code", "naam", "definitie", "formule", "eenheid", "bron"]
    assert len(dictionary) == 1 + 6 + len(REGISTRY)
    assert {row[1] for row in dictionary[7:]} == set(REGISTRY)


def test_the_same_data_gives_the_same_bytes(facts, tmp_path):
    first = export(tmp_path / "one", *RANGE)
    again = export(tmp_path / "two", *RANGE)
    assert first == again
    assert export(tmp_path / "one", *RANGE) == first  # written over: the same again


@pytest.mark.parametrize(("args", "code"), [
    (["--from", "2025-13"], "month-invalid"),
    (["--from", "januari"], "month-invalid"),
    (["--from", "2025-06", "--to", "2025-01"], "range-reversed"),
    (["--period", "week"], "period-unknown"),
    (["--today", "2025-02-30"], "date-invalid"),
    (["--region", "Elders"], "region-missing"),
])
def test_a_bad_argument_is_refused_with_its_code(facts, tmp_path, args, code):
    with pytest.raises(CommandError, match=rf"\[{code}\]"):
        export(tmp_path, *args)
    assert not (tmp_path / RECORDS_JSON).exists()


@time_machine.travel(dt.datetime(2025, 4, 15, 12, 0), tick=False)
def test_the_page_opens_logged_out_and_its_files_are_the_commands(facts, client, tmp_path):
    query = "period=quarter&from=2025-01&to=2025-06"
    page = client.get(f"{reverse('open-data:index')}?{query}")
    assert page.status_code == 200
    html = page.content.decode()
    for c in facts.clients:
        assert c.family_name not in html and c.bsn not in html
    assert "Cliënten in zorg" in html and f"&lt;{SMALL_CELL}" in html
    files = export(tmp_path, *RANGE)
    for name in FILES:
        download = client.get(reverse("open-data:file", args=[name]) + f"?{query}")
        assert download.status_code == 200, name
        assert download.content == files[name], name
        assert f'href="/open-data/{name}?{query.replace("&", "&amp;")}"' in html
    # the page's tables are the files' records (an indicator in two themes shows twice, the same)
    shown = {normal(r) for _theme, figures in page.context["data"].themes() for made in figures
             for r in made.records()}
    assert shown == {normal(r) for r in json.loads(files[RECORDS_JSON])["records"]}


def normal(record: dict) -> tuple:
    value = record["value"]
    return (record["indicator"], record["period"], record["series"], record["label"],
            None if value is None else Decimal(str(value)), record["hidden"])


@time_machine.travel(dt.datetime(2025, 4, 15, 12, 0), tick=False)
def test_the_page_is_in_english_by_the_language_cookie(facts, client, settings):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    html = client.get(reverse("open-data:index")).content.decode()
    assert "Clients in care" in html and "Cliënten in zorg" not in html
    assert client.get(reverse("open-data:file", args=[RECORDS_CSV])).content.decode("utf-8-sig").startswith(
        "indicator;period;series;name;value;hidden")


def test_a_bad_filter_on_the_page_is_named_and_a_file_refuses_it(facts, client):
    page = client.get(reverse("open-data:index") + "?from=2025-13")
    assert page.status_code == 200 and "[month-invalid]" in page.content.decode()
    assert client.get(reverse("open-data:file", args=[RECORDS_CSV]) + "?from=2025-13").status_code == 400
    assert client.get(reverse("open-data:file", args=["wachtwoorden.csv"])).status_code == 404


def test_the_login_page_links_to_the_open_data(db, client):
    assert reverse("open-data:index") in client.get(reverse("login")).content.decode()


def test_the_queries_do_not_grow_with_the_clients(facts, django_assert_max_num_queries):
    """Set-wise: every indicator is aggregated in the database, so 20 clients more ask nothing more."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from regie.monitoring.filters import Filters
    from regie.monitoring.indicators import Period
    from regie.monitoring.opendata import open_data

    filters = Filters(period=Period.QUARTER, first=dt.date(2025, 1, 1), last=dt.date(2025, 6, 1))
    with CaptureQueriesContext(connection) as before:
        open_data(region=facts.region, filters=filters, today=TODAY)
    for n in range(SMALL_CELL * 2):
        client = f.ClientFactory(region=facts.region)
        f.ResidenceFactory(client=client, municipality=facts.a, valid_from=dt.date(2000, 1, 1))
        f.AllocationFactory(client=client, municipality=facts.a, provider=facts.p1, category=facts.b1,
                            reference=f"Q{n}", start=APR)
    facts_rebuild(region=facts.region, today=TODAY)
    with django_assert_max_num_queries(len(before)):
        open_data(region=facts.region, filters=filters, today=TODAY)


def test_with_more_regions_the_page_is_for_the_one_named(facts, client):
    f.RegionFactory(name="Regio Elders")
    ambiguous = client.get(reverse("open-data:index"))
    assert ambiguous.status_code == 400 and "region-ambiguous" in ambiguous.content.decode()
    page = client.get(reverse("open-data:index") + "?regio=Regio+Voorbeeld")
    assert page.status_code == 200 and "Aadorp" in page.content.decode()
    assert "regio=Regio+Voorbeeld" in page.content.decode()  # the files are the same region's
    unknown = client.get(reverse("open-data:index") + "?regio=Nergens")
    assert unknown.status_code == 400 and "region-missing" in unknown.content.decode()
