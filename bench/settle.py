"""Benchmark: one month's settlement for a region of N clients with a year of declarations.

    .venv/bin/python bench/settle.py                      # 10 000 and 100 000 clients
    .venv/bin/python bench/settle.py --clients 20000      # choose the size (repeatable)
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/regie_bench .venv/bin/python bench/settle.py

This measures settlement, not intake: the region is generated set-wise (bulk inserts of
clients, residences and allocations, and one INSERT … SELECT per month that writes the
approved declaration lines as `declaration_submit` would store them). The first eleven
months are settled untimed; then `billing.services.settlement_run` for the twelfth month
is timed, and compared with the floor: the same aggregate as one SQL statement over the
same tables. Statistics are refreshed (ANALYZE) after the load. See bench/README.md.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import sys
import time
from decimal import Decimal
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DEFAULT_DB = REPO / "var" / "bench" / "settle.sqlite3"
YEAR = 2025
SEED = 2025

# The region: regio Meierij's municipalities (CBS 2020 populations) and a catalogue like the demo's.
MUNICIPALITIES = [("0796", "'s-Hertogenbosch", 155113), ("0757", "Boxtel", 30803),
                  ("0845", "Sint-Michielsgestel", 29203), ("0865", "Vught", 26554), ("1948", "Meierijstad", 81197)]
PRODUCTS = [("02A01", "02", "inspanningsgericht", ("372.81", "1118.42", "1789.47")),
            ("07A01", "07", "inspanningsgericht", ("619.84", "799.93", "1136.55")),
            ("04A01", "04", "outputgericht", ("177.98", "355.96", "533.94"))]
PROVIDERS = 25


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--clients", type=int, action="append",
                        help="number of clients (repeatable; default: 10000 and 100000)")
    args = parser.parse_args()
    sizes = args.clients or [10_000, 100_000]
    if any(n < 1 for n in sizes):
        parser.error("--clients must be at least 1")
    import common

    print(common.database_ready(DEFAULT_DB))
    print(f"{'clients':>9} {'lines':>10} {'month lines':>11} {'seconds':>8} {'lines/s':>10} "
          f"{'sql floor s':>11} {'ratio':>6}  (generated in, earlier months settled in)")
    for size in sizes:
        row = bench(size)
        print(f"{row['clients']:>9} {row['lines']:>10} {row['month_lines']:>11} {row['seconds']:>8.2f} "
              f"{row['month_lines'] / row['seconds']:>10.0f} {row['floor']:>11.3f} "
              f"{row['seconds'] / row['floor']:>6.1f}  ({row['generated']:.0f} s, {row['earlier']:.0f} s)",
              flush=True)
    return 0


def bench(size: int) -> dict:
    from django.db import transaction

    from regie.billing.models import DeclarationLine
    from regie.billing.services import settlement_run

    began = time.monotonic()
    with transaction.atomic():
        region = generate(size)
    analyze()
    generated = time.monotonic() - began
    months = [dt.date(YEAR, m, 1) for m in range(1, 13)]
    began = time.monotonic()
    for month in months[:-1]:
        settlement_run(actor=None, region=region, month=month)
    earlier = time.monotonic() - began
    last = months[-1]
    floor, floor_total = sql_floor(region.pk, last)
    month_lines = DeclarationLine.objects.filter(region=region, settlement__isnull=True, month__lte=last).count()
    began = time.monotonic()
    run = settlement_run(actor=None, region=region, month=last)
    seconds = time.monotonic() - began
    if run.paid_to_providers != floor_total or run.charged_for_care != floor_total:
        raise SystemExit(f"settlement {run.paid_to_providers} differs from the SQL floor {floor_total}")
    return {"clients": size, "lines": DeclarationLine.objects.filter(region=region).count(),
            "month_lines": month_lines, "seconds": seconds, "floor": floor, "generated": generated,
            "earlier": earlier}


def analyze() -> None:
    """Fresh planner statistics after the bulk load, as autovacuum would give a live database."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")


def sql_floor(region_id: int, month: dt.date) -> tuple[float, Decimal]:
    """The month's aggregate — per provider and municipality of residence: sum and line count,
    distinct clients — as one statement over the same unsettled lines the run will take."""
    from django.db import connection

    sql = """
        SELECT l.provider_id, l.municipality_id, SUM(l.amount), COUNT(*), COUNT(DISTINCT a.client_id)
          FROM billing_declarationline l JOIN care_allocation a ON a.id = l.allocation_id
         WHERE l.region_id = %s AND l.settlement_id IS NULL AND l.month <= %s AND l.status = 'approved'
         GROUP BY l.provider_id, l.municipality_id
    """
    with connection.cursor() as cursor:
        began = time.monotonic()
        cursor.execute(sql, [region_id, month])
        rows = cursor.fetchall()
        seconds = time.monotonic() - began
    total = sum((Decimal(str(r[2])) for r in rows), Decimal("0")).quantize(Decimal("0.01"))
    return seconds, total


def valid_bsns(count: int):
    """The first `count` nine-digit numbers from 100000000 up that pass the eleven test."""
    from regie.core.bsn import bsn_is_valid

    candidate = 100_000_000
    while count:
        text = str(candidate)
        if bsn_is_valid(text):
            yield text
            count -= 1
        candidate += 1


def generate(size: int, years: tuple[int, ...] = (YEAR,)):
    """A region of `size` clients, one allocation each (15 % also dagbesteding), starting over the three
    years up to `YEAR`, with approved declaration lines for each month of `years`: one per allocation
    per month in which care was delivered."""
    from django.db import connection

    from regie.billing.models import Declaration, Source
    from regie.care.models import Allocation, AllocationStatus, Client, Residence
    from regie.catalogue.services import category_ensure, product_ensure, support_form_get, tariff_add
    from regie.contracting.services import contract_create
    from regie.regions.models import Municipality, Organisation, OrganisationKind, Region, RegionalCost

    rng = random.Random(SEED + size)
    name = f"Bench {size}"
    if Region.objects.filter(name=name).exists():
        raise SystemExit(f"region '{name}' exists already: run the bench on a fresh database")
    region = Region.objects.create(name=name)
    municipalities = [Municipality.objects.create(region=region, code=code, name=mname, population=population,
                                                  valid_from=dt.date(2015, 1, 1))
                      for code, mname, population in MUNICIPALITIES]
    region.centre_municipality = municipalities[0]
    region.save(update_fields=["centre_municipality"])
    RegionalCost.objects.create(region=region, year=YEAR, amount=Decimal("1200000.00"))
    start = dt.date(YEAR - 2, 1, 1)
    categories = {}
    products = []
    for code, form, variant, amounts in PRODUCTS:
        product = product_ensure(region=region, code=code, support_form=support_form_get(code=form), variant=variant)
        products.append(product)
        for number, amount in enumerate(amounts, start=1):
            category = category_ensure(product=product, number=number)
            tariff_add(actor=None, category=category, amount=Decimal(amount), valid_from=start, valid_to=None)
            categories[(code, number)] = category
    providers = []
    for number in range(1, PROVIDERS + 1):
        provider = Organisation.objects.create(region=region, kind=OrganisationKind.PROVIDER,
                                               name=f"Bench-aanbieder {number}", agb_code=f"98{size % 1000:03d}{number:03d}")
        contract_create(region=region, provider=provider, products=products, start=start)
        providers.append(provider)

    weights = [m.population for m in municipalities]
    residence_of = [rng.choices(municipalities, weights=weights)[0] for _ in range(size)]
    Client.objects.bulk_create(
        (Client(region=region, bsn=bsn, family_name=f"Cliënt {i}", initials="X.", birth_date=dt.date(1960, 1, 1),
                pseudonym=f"b{size % 10**7:07d}{i:08x}") for i, bsn in enumerate(valid_bsns(size))),
        batch_size=5000)
    client_ids = list(Client.objects.filter(region=region).order_by("bsn").values_list("pk", flat=True))
    Residence.objects.bulk_create(
        (Residence(client_id=pk, municipality=residence_of[i], valid_from=dt.date(2000, 1, 1))
         for i, pk in enumerate(client_ids)), batch_size=5000)

    def allocations():
        number = 0
        for i, pk in enumerate(client_ids):
            for code in ("02A01", "07A01") if rng.random() < 0.15 else (rng.choice(("02A01", "02A01", "04A01")),):
                number += 1
                begins = start + dt.timedelta(days=rng.randint(0, 3 * 365 - 60))
                stopped = None
                if rng.random() < 0.3 and begins < dt.date(YEAR, 12, 1):
                    stopped = max(begins, dt.date(YEAR, 1, 1)) + dt.timedelta(days=rng.randint(20, 300))
                    stopped = min(stopped, dt.date(YEAR, 12, 31))
                category = categories[(code, rng.choice((1, 1, 2, 2, 3)))]
                yield Allocation(
                    region=region, reference=f"B{number:09d}", client_id=pk, municipality=residence_of[i],
                    provider=rng.choice(providers), product_id=category.product_id, category=category,
                    start=begins, status=AllocationStatus.STOPPED if stopped else AllocationStatus.STARTED,
                    started_on=begins, stopped_on=stopped, end_reason="19" if stopped else "")

    Allocation.objects.bulk_create(allocations(), batch_size=5000)
    # One declaration per provider per month, and one INSERT … SELECT per month for its lines.
    for month in [dt.date(year, number, 1) for year in years for number in range(1, 13)]:
        last_day = (month.replace(day=28) + dt.timedelta(days=4)).replace(day=1) - dt.timedelta(days=1)
        Declaration.objects.bulk_create(Declaration(region=region, provider=p, source=Source.CSV,
                                                    filename=f"bench-{month:%Y-%m}.csv") for p in providers)
        with connection.cursor() as cursor:
            cursor.execute("""
                INSERT INTO billing_declarationline
                    (region_id, declaration_id, provider_id, line_number, reference, month, debit_credit,
                     allocation_id, municipality_id, product_id, category_id, volume, unit_price, amount,
                     status, reason_code, is_reversed, settlement_id)
                SELECT a.region_id, d.id, a.provider_id, a.id, a.reference, %s, 'D',
                       a.id, r.municipality_id, a.product_id, a.category_id,
                       CASE WHEN p.variant = 'outputgericht' THEN t.amount ELSE 1 END,
                       CASE WHEN p.variant = 'outputgericht' THEN 1 ELSE t.amount END,
                       t.amount, 'approved', '', %s, NULL
                  FROM care_allocation a
                  JOIN catalogue_product p ON p.id = a.product_id
                  JOIN catalogue_tariff t ON t.category_id = a.category_id AND t.valid_from <= %s
                       AND (t.valid_to IS NULL OR t.valid_to >= %s)
                  JOIN care_residence r ON r.client_id = a.client_id
                  JOIN billing_declaration d ON d.provider_id = a.provider_id AND d.filename = %s
                 WHERE a.region_id = %s AND a.started_on <= %s AND (a.stopped_on IS NULL OR a.stopped_on >= %s)
            """, [month, False, month, month, f"bench-{month:%Y-%m}.csv", region.pk, last_day, month])
    return region


if __name__ == "__main__":
    sys.exit(main())
