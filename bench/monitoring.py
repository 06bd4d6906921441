"""Benchmark: the monitoring facts and dashboards for a region of N clients with three years of history.

    .venv/bin/python bench/monitoring.py                        # 100 000 clients, 20 calls per dashboard
    .venv/bin/python bench/monitoring.py --clients 10000 --calls 5
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/regie_bench_monitoring .venv/bin/python bench/monitoring.py

The region is bench/settle.py's (set-wise: clients, residences, allocations starting over 2023–2025,
approved declaration lines for every month of care in those three years). Timed: the fact layer's
full rebuild (`facts_rebuild`) and the refresh of one month (`facts_refresh` of every allocation
in care in December 2025, from that month); then each dashboard — one theme's figures for one
audience, what `monitoring.views.DashboardView` computes — p50 and p95 over `--calls` calls. The
floor: the volume and cost aggregates (clients in care, inflow, outflow, cost; the region and per
municipality, per quarter) done by DuckDB over the same care-month rows, loaded into it untimed;
the bench stops when DuckDB's numbers differ from the dashboard's. See bench/README.md.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import sys
import tempfile
import time
from decimal import Decimal
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "bench"))
DEFAULT_DB = REPO / "var" / "bench" / "monitoring.sqlite3"
TODAY = dt.date(2026, 1, 15)
FIRST, LAST = dt.date(2023, 1, 1), dt.date(2025, 12, 1)
FLOORED = ("clients_in_care", "inflow", "outflow", "cost")  # the figures DuckDB recomputes
TARGET_MS = 200


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--clients", type=int, default=100_000, help="number of clients (default 100000)")
    parser.add_argument("--calls", type=int, default=20, help="calls per dashboard (default 20)")
    args = parser.parse_args()
    if args.clients < 1 or args.calls < 1:
        parser.error("--clients and --calls must be at least 1")
    import common

    print(f"{common.database_ready(DEFAULT_DB)}; {args.clients} clients, {args.calls} calls per dashboard")
    from django.db import transaction

    import settle
    from regie.facts.models import CareMonth
    from regie.facts.services import facts_rebuild, facts_refresh

    began = time.monotonic()
    with transaction.atomic():
        region = settle.generate(args.clients, years=(2023, 2024, 2025))
    settle.analyze()
    print(f"generated in {time.monotonic() - began:.0f} s")

    began = time.monotonic()
    built = facts_rebuild(region=region, today=TODAY)
    rebuild = time.monotonic() - began
    settle.analyze()
    december = list(CareMonth.objects.filter(region=region, month=LAST, in_care=True)
                    .values_list("allocation_id", flat=True))
    began = time.monotonic()
    facts_refresh(allocation_ids=december, since=LAST, today=TODAY)
    refresh = time.monotonic() - began
    print(f"facts: rebuild of the whole history {rebuild:.1f} s ({built.care_months} months of care, "
          f"{built.events} events); refresh of one month {refresh:.1f} s ({len(december)} allocations)")

    readers = audiences(region)
    floor_ms, floor_values = duckdb_floor(region.pk, calls=args.calls)
    print(f"\n{'dashboard':<38} {'p50 ms':>8} {'p95 ms':>8} {'floor p50':>10} {'ratio':>6}  (target p95 < "
          f"{TARGET_MS} ms)")
    for audience, actor in readers.items():
        for theme, codes in dashboards(actor):
            times = timed(lambda: [figure_of(actor, code) for code in codes], calls=args.calls)
            p50, p95 = percentile(times, 50), percentile(times, 95)
            floor = ""
            if audience == "office" and theme == "volume+cost":
                check(actor, floor_values)
                floor = f"{floor_ms:>10.1f} {p50 / floor_ms:>6.1f}"
            print(f"{audience + ' · ' + theme:<38} {p50:>8.1f} {p95:>8.1f} {floor}", flush=True)
    return 0


def audiences(region) -> dict:
    """One reader of each kind: the office's finance officer, 's-Hertogenbosch's policy adviser, the
    first provider, and the advisory council."""
    from django.contrib.auth import get_user_model

    from regie.regions.actors import Actor
    from regie.regions.models import Membership, Organisation, OrganisationKind

    def reader(organisation, role, username):
        user = get_user_model().objects.create(username=username)
        Membership.objects.create(user=user, organisation=organisation, role=role)
        return Actor(user=user, organisation=organisation, roles=frozenset({role}))

    office = Organisation.objects.create(region=region, kind=OrganisationKind.PURCHASING_OFFICE, name="Bench office")
    municipality = Organisation.objects.create(region=region, kind=OrganisationKind.MUNICIPALITY, name="Bench gemeente",
                                               municipality=region.centre_municipality)
    council = Organisation.objects.create(region=region, kind=OrganisationKind.ADVISORY_COUNCIL, name="Bench raad")
    provider = Organisation.objects.filter(region=region, kind=OrganisationKind.PROVIDER).order_by("pk").first()
    return {"office": reader(office, "finance", "bench-office"),
            "municipality": reader(municipality, "policy_adviser", "bench-municipality"),
            "provider": reader(provider, "provider_staff", "bench-provider"),
            "council": reader(council, "council_member", "bench-council")}


def dashboards(actor) -> list[tuple[str, list[str]]]:
    """Each theme page the reader sees, with its figures; first the floored figures together."""
    from regie.monitoring.figures import available
    from regie.monitoring.indicators import REGISTRY, THEMES

    pages = [("volume+cost", list(FLOORED))]
    for theme, codes in THEMES.items():
        shown = [code for code in codes if available(actor, REGISTRY[code])]
        if shown:
            pages.append((theme.value, shown))
    return pages


def figure_of(actor, code: str):
    from regie.monitoring.figures import figure
    from regie.monitoring.filters import Filters
    from regie.monitoring.indicators import Period

    return figure(actor=actor, code=code, filters=Filters(period=Period.QUARTER, first=FIRST, last=LAST), today=TODAY)


def timed(call, *, calls: int) -> list[float]:
    call()  # warm: the first call compiles the queries and fills the caches, as a live server has
    times = []
    for _ in range(calls):
        began = time.perf_counter()
        call()
        times.append((time.perf_counter() - began) * 1000)
    return times


def percentile(times: list[float], p: int) -> float:
    ordered = sorted(times)
    return ordered[min(len(ordered) - 1, max(0, round(p / 100 * len(ordered) + 0.5) - 1))]


FLOOR_SQL = {
    "clients_in_care": "COUNT(DISTINCT client_key) FILTER (WHERE in_care)",
    "inflow": "COUNT(DISTINCT client_key) FILTER (WHERE entered)",
    "outflow": "COUNT(DISTINCT client_key) FILTER (WHERE exited)",
    "cost": "SUM(approved_amount)",
}


def duckdb_floor(region_id: int, *, calls: int) -> tuple[float, dict]:
    """The floored figures' aggregates in DuckDB over the region's care months: p50 in ms over the same
    number of calls, and the values (per figure: {(quarter, municipality or None): value})."""
    import duckdb
    from django.db import connection

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "care_months.csv"
        with connection.cursor() as cursor, path.open("w", newline="") as out:
            cursor.execute("SELECT month, municipality_id, client_key, in_care, entered, exited, approved_amount "
                           "FROM facts_caremonth WHERE region_id = %s AND month BETWEEN %s AND %s",
                           [region_id, FIRST, LAST])
            writer = csv.writer(out)
            writer.writerow(["month", "municipality_id", "client_key", "in_care", "entered", "exited", "amount"])
            while rows := cursor.fetchmany(50_000):
                writer.writerows(rows)
        db = duckdb.connect()
        db.execute(f"CREATE TABLE care AS SELECT month::DATE AS month, municipality_id::BIGINT AS municipality_id, "
                   f"client_key, in_care::BOOLEAN AS in_care, entered::BOOLEAN AS entered, exited::BOOLEAN AS exited, "
                   f"amount::DECIMAL(12, 2) AS approved_amount FROM read_csv('{path}', header = true, all_varchar = true)")

    def aggregates() -> dict:
        found = {}
        for code, expression in FLOOR_SQL.items():
            region = db.execute(f"SELECT date_trunc('quarter', month)::DATE, {expression} FROM care GROUP BY 1").fetchall()
            members = db.execute(f"SELECT date_trunc('quarter', month)::DATE, municipality_id, {expression} "
                                 f"FROM care GROUP BY 1, 2").fetchall()
            found[code] = {**{(q, None): v for q, v in region}, **{(q, m): v for q, m, v in members}}
        return found

    values = aggregates()
    return percentile(timed(aggregates, calls=calls), 50), values


def check(actor, floor: dict) -> None:
    """The office's figures equal DuckDB's aggregates, cell by cell (a 0 where DuckDB has no group)."""
    for code in FLOORED:
        made = figure_of(actor, code)
        for series in made.series:
            member = None if series.key == "region" else int(series.key.split(":")[1])
            for quarter, cell in zip(made.periods, series.cells):
                expected = Decimal(str(floor[code].get((quarter, member)) or 0))
                if cell.value is not None and Decimal(cell.value) != expected.quantize(Decimal(cell.value)):
                    raise SystemExit(f"{code} {series.key} {quarter}: dashboard {cell.value}, DuckDB {expected}")


if __name__ == "__main__":
    sys.exit(main())
