"""A region set up only through the command line settles to figures an independent calculation confirms.

The expectation is computed here from the input files themselves, with plain Python (csv, json,
Fraction), not with the services: the residence rule decides the payer, the tariff in force in
the month sets the amount, each line is approved or rejected by the checks of the issue, a
credit reverses its debit, a late line lands in the next run, and the regional costs of the
year are shared monthly by population with the largest-remainder method.
"""

from __future__ import annotations

import calendar
import csv
import datetime as dt
import json
from collections import defaultdict
from decimal import Decimal
from fractions import Fraction

import pytest

from tests.factories import valid_bsn

from .conftest import run

BSN = {n: valid_bsn(100 + n) for n in range(1, 7)}

REGION = {
    "name": "Regio Proef",
    "centre_municipality": "0101",
    "residence_rule": None,  # set per test
    "municipalities": [
        {"code": "0101", "name": "Aastad", "population": 31001, "valid_from": "2015-01-01", "valid_to": None},
        {"code": "0102", "name": "Beedorp", "population": 12347, "valid_from": "2015-01-01", "valid_to": None},
        {"code": "0103", "name": "Ceeveen", "population": 7919, "valid_from": "2015-01-01", "valid_to": None},
        {"code": "0104", "name": "Oudgem", "population": 5000, "valid_from": "2015-01-01", "valid_to": "2024-12-31"},
    ],
    "regional_costs": [{"year": 2024, "amount": "90000.00"}, {"year": 2025, "amount": "98765.43"}],
}

CATALOGUE = """product_code,support_form,category,variant,tariff,valid_from,valid_to
02A01,02,1,inspanningsgericht,410.50,2024-01-01,2024-12-31
02A01,02,1,inspanningsgericht,423.85,2025-01-01,
02A01,02,2,inspanningsgericht,812.40,2024-01-01,
07A01,07,1,outputgericht,655.10,2024-01-01,
04A01,04,1,inspanningsgericht,301.99,2024-01-01,
"""

PROVIDERS = """agb,name,kvk,cooperative_agb
11110001,Zorg Een,10000001,
22220002,Zorg Twee,10000002,
33330001,Klein Een,10000003,99990000
33330002,Klein Twee,10000004,99990000
99990000,Coöperatie Samen,10000005,
"""

CONTRACTS = """agb,product_code,start,end
11110001,02A01,2024-01-01,
11110001,07A01,2024-01-01,
22220002,02A01,2024-01-01,
22220002,04A01,2024-01-01,
99990000,02A01,2024-01-01,
99990000,07A01,2024-01-01,
"""

CLIENTS = f"""bsn,birth_date,family_name,initials,municipality_code,resident_from,resident_to
{BSN[1]},1950-01-01,Een,A.,0101,2000-01-01,
{BSN[2]},1960-02-02,Twee,B.,0101,2000-01-01,2025-02-14
{BSN[2]},1960-02-02,Twee,B.,0102,2025-02-15,
{BSN[3]},1970-03-03,Drie,C.,0103,2010-01-01,
{BSN[4]},1980-04-04,Vier,D.,0102,2005-01-01,2025-01-31
{BSN[4]},1980-04-04,Vier,D.,0103,2025-02-01,
{BSN[5]},1990-05-05,Vijf,E.,0104,2015-01-01,2020-12-31
{BSN[5]},1990-05-05,Vijf,E.,0101,2021-01-01,
{BSN[6]},2000-06-06,Zes,F.,0101,2001-01-01,2025-03-31
"""

ALLOCATIONS = f"""reference,bsn,product_code,category,provider_agb,start,end,started_on,stopped_on,end_reason
R01,{BSN[1]},02A01,1,11110001,2024-11-05,,2024-11-10,,
R02,{BSN[2]},02A01,2,22220002,2025-01-01,,2025-01-06,,
R03,{BSN[3]},07A01,1,33330001,2025-01-15,,2025-01-20,,
R04,{BSN[4]},04A01,1,22220002,2025-01-01,,2025-01-02,2025-02-20,23
R05,{BSN[5]},07A01,1,11110001,2025-02-01,,2025-03-03,,
R06,{BSN[6]},02A01,1,99990000,2025-01-01,2025-04-30,2025-01-01,,
R07,{BSN[1]},07A01,1,33330002,2025-01-01,,,,
R08,{BSN[3]},02A01,2,22220002,2025-01-01,2025-02-01,2025-01-01,,
R09,{BSN[2]},04A01,1,22220002,2025-01-01,,2025-01-01,2025-03-01,23
"""

# Declared before January is settled.
FIRST_BATCH = """provider_agb,reference,month,debit_credit,amount
11110001,R01,2024-12,D,
11110001,R01,2025-01,D,
22220002,R02,2025-01,D,
99990000,R03,2025-01,D,
22220002,R04,2025-01,D,
99990000,R06,2025-01,D,
33330002,R07,2025-01,D,
11110001,R02,2025-01,D,
11110001,R01,2025-01,D,
11110001,R99,2025-01,D,
11110001,R01,2025-02,D,
22220002,R02,2025-02,D,
33330001,R03,2025-02,D,
22220002,R04,2025-02,D,
11110001,R05,2025-02,D,
99990000,R06,2025-02,D,
11110001,R01,2025-03,D,400.00
22220002,R02,2025-03,D,
99990000,R03,2025-03,D,
22220002,R04,2025-03,D,
11110001,R05,2025-03,D,655.10
99990000,R06,2025-03,D,
22220002,R08,2025-02,D,
22220002,R08,2025-03,D,
22220002,R09,2025-03,D,
"""

# Declared after January is closed: a correction of January lands in February's run.
SECOND_BATCH = """provider_agb,reference,month,debit_credit
11110001,R01,2025-01,C
11110001,R01,2025-01,D
99990000,R06,2024-12,D
11110001,R01,2025-04,D
99990000,R06,2025-04,D
22220002,R02,2025-04,D
22220002,R09,2025-04,D
"""

SETTLE_BEFORE_SECOND_BATCH = ["2025-01"]
SETTLE_AFTER_SECOND_BATCH = ["2025-02", "2025-03", "2025-04"]


# -- the independent calculation ---------------------------------------------------------------


def rows(text: str) -> list[dict]:
    return list(csv.DictReader(text.strip().splitlines()))


def date(text: str) -> dt.date | None:
    return dt.date.fromisoformat(text) if text else None


def month_of(text: str) -> dt.date:
    return dt.date(int(text[:4]), int(text[5:7]), 1)


def last_day(month: dt.date) -> dt.date:
    return month.replace(day=calendar.monthrange(month.year, month.month)[1])


class Expectation:
    def __init__(self, residence_rule: str):
        self.rule = residence_rule
        self.municipalities = {m["code"]: m for m in REGION["municipalities"]}
        self.costs = {c["year"]: Decimal(c["amount"]) for c in REGION["regional_costs"]}
        self.tariffs = defaultdict(list)
        for row in rows(CATALOGUE):
            self.tariffs[(row["product_code"], int(row["category"]))].append(
                (date(row["valid_from"]), date(row["valid_to"]), Decimal(row["tariff"])))
        self.cooperative = {row["agb"]: row["cooperative_agb"] for row in rows(PROVIDERS)}
        self.residences = defaultdict(list)
        for row in rows(CLIENTS):
            self.residences[row["bsn"]].append((row["municipality_code"], date(row["resident_from"]),
                                                date(row["resident_to"])))
        self.allocations = {row["reference"]: row for row in rows(ALLOCATIONS)}
        self.lines: list[dict] = []  # in the order they are stored
        self.open_debits: dict[tuple[str, dt.date], dict] = {}

    def declare(self, text: str) -> None:
        """One declaration per provider, in the order the providers first appear; its lines in file order."""
        by_provider = defaultdict(list)
        for row in rows(text):
            by_provider[row["provider_agb"]].append(row)
        for provider, lines in by_provider.items():
            for row in lines:
                self.lines.append(self.check(provider, row))

    def payer(self, bsn: str, month: dt.date) -> str | None:
        day = month if self.rule == "first_day_of_month" else last_day(month)
        return next((code for code, start, end in self.residences[bsn] if start <= day and (end is None or day <= end)),
                    None)

    def tariff(self, allocation: dict, month: dt.date) -> Decimal | None:
        day = max(month, date(allocation["start"]))
        key = (allocation["product_code"], int(allocation["category"]))
        return next((amount for start, end, amount in self.tariffs[key] if start <= day and (end is None or day <= end)),
                    None)

    def check(self, provider: str, row: dict) -> dict:
        month, reference = month_of(row["month"]), row["reference"]
        line = {"provider": provider, "reference": reference, "month": month, "status": "rejected", "code": "",
                "amount": None, "payer": None, "settled": None}
        allocation = self.allocations.get(reference)
        declared_amount = Decimal(row["amount"]) if row.get("amount") else None
        if allocation is None:
            return {**line, "code": "allocation-unknown"}
        line["bsn"] = allocation["bsn"]
        own = {provider} | {agb for agb, cooperative in self.cooperative.items() if cooperative == provider}
        if allocation["provider_agb"] not in own:
            return {**line, "code": "allocation-other-provider"}
        if row["debit_credit"] == "C":
            debit = self.open_debits.pop((reference, month), None)
            if debit is None:
                return {**line, "code": "credit-without-debit"}
            return {**line, "status": "approved", "amount": -debit["amount"], "payer": debit["payer"]}
        # The rule texts of docs/settlement.md, read day by day over the calendar of the month.
        start, end = date(allocation["start"]), date(allocation["end"])
        started, stopped = date(allocation["started_on"]), date(allocation["stopped_on"])
        days = [day for day in calendar.Calendar().itermonthdates(month.year, month.month) if day.month == month.month]
        if not any(start <= day and (end is None or day <= end) for day in days):  # no day within start..end
            return {**line, "code": "month-outside-allocation"}
        if started is None or all(day < started for day in days):  # never started, or started after the month
            return {**line, "code": "allocation-not-started"}
        if stopped is not None and all(day > stopped for day in days):  # wholly after the stop
            return {**line, "code": "month-after-stop"}
        tariff = self.tariff(allocation, month)
        if tariff is None:
            return {**line, "code": "tariff-missing"}
        if declared_amount is not None and declared_amount != tariff:
            return {**line, "code": "amount-mismatch"}
        payer = self.payer(allocation["bsn"], month)
        if payer is None:
            return {**line, "code": "no-residence"}
        if (reference, month) in self.open_debits:
            return {**line, "code": "duplicate"}
        approved = {**line, "status": "approved", "amount": tariff, "payer": payer}
        self.open_debits[(reference, month)] = approved
        return approved

    def regional_share(self, month: dt.date) -> dict[str, Decimal]:
        total = int(self.costs.get(month.year, Decimal(0)) * 100)
        part = total * month.month // 12 - total * (month.month - 1) // 12
        existing = {code: m["population"] for code, m in self.municipalities.items()
                    if date(m["valid_from"]) <= last_day(month) and (m["valid_to"] is None or date(m["valid_to"]) >= month)}
        population = sum(existing.values())
        exact = {code: Fraction(part * people, population) for code, people in existing.items()}
        cents = {code: int(value) for code, value in exact.items()}
        remainders = sorted(existing, key=lambda code: exact[code] - cents[code], reverse=True)
        fractions = [exact[code] - cents[code] for code in remainders]
        assert len(set(fractions)) == len(fractions), "choose figures without equal remainders"
        for code in remainders[:part - sum(cents.values())]:
            cents[code] += 1
        assert sum(cents.values()) == part
        return {code: Decimal(value) / 100 for code, value in cents.items()}

    def settle(self, text_month: str) -> dict:
        month = month_of(text_month)
        due = [line for line in self.lines if line["settled"] is None and line["month"] <= month]
        for line in due:
            line["settled"] = month
        approved = [line for line in due if line["status"] == "approved"]
        providers, lines_per_provider = defaultdict(Decimal), defaultdict(int)
        care, clients = defaultdict(Decimal), defaultdict(set)
        for line in approved:
            providers[line["provider"]] += line["amount"]
            lines_per_provider[line["provider"]] += 1
            care[line["payer"]] += line["amount"]
            clients[line["payer"]].add(line["bsn"])
        shares = self.regional_share(month)
        money = "{:.2f}".format
        rejected = sorted((line for line in due if line["status"] == "rejected"),
                          key=lambda line: (line["reference"], line["month"]))
        return {
            "month": text_month,
            "providers": [(agb, money(providers[agb]), lines_per_provider[agb]) for agb in sorted(providers)],
            "municipalities": [
                (code, money(care[code]), money(shares.get(code, 0)), money(care[code] + shares.get(code, 0)),
                 len(clients[code]))
                for code in sorted(set(shares) | set(care))
            ],
            "paid_to_providers": money(sum(providers.values(), Decimal(0))),
            "charged_for_care": money(sum(care.values(), Decimal(0))),
            "regional_costs": money(sum(shares.values(), Decimal(0))),
            "rejected": [{"reference": line["reference"], "month": f"{line['month']:%Y-%m}", "code": line["code"]}
                         for line in rejected],
        }


def shape(statement: dict) -> dict:
    """The statement printed by `settle`, in the form of the expectation."""
    return {
        "month": statement["month"],
        "providers": [(p["agb"], p["amount"], p["lines"]) for p in statement["providers"]],
        "municipalities": [(m["code"], m["care"], m["regional_costs"], m["total"], m["clients"])
                           for m in statement["municipalities"]],
        "paid_to_providers": statement["paid_to_providers"],
        "charged_for_care": statement["charged_for_care"],
        "regional_costs": statement["regional_costs"],
        "rejected": statement["rejected"],
    }


# -- the test ----------------------------------------------------------------------------------


@pytest.mark.parametrize("residence_rule", ["first_day_of_month", "last_day_of_month"])
def test_a_region_set_up_through_the_commands_settles_to_the_independent_figures(db, tmp_path, residence_rule):
    def file(name: str, text: str):
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        return path

    run("setup-region", file("region.json", json.dumps({**REGION, "residence_rule": residence_rule})))
    run("import-catalogue", file("catalogue.csv", CATALOGUE))
    run("import-providers", file("providers.csv", PROVIDERS))
    run("import-contracts", file("contracts.csv", CONTRACTS))
    run("import-clients", file("clients.csv", CLIENTS))
    run("import-allocations", file("allocations.csv", ALLOCATIONS))

    expectation = Expectation(residence_rule)
    run("declare", file("declare-1.csv", FIRST_BATCH))
    expectation.declare(FIRST_BATCH)
    printed = {}
    for month in SETTLE_BEFORE_SECOND_BATCH:
        printed[month] = json.loads(run("settle", "--month", month))
        assert shape(printed[month]) == expectation.settle(month), month
    run("declare", file("declare-2.csv", SECOND_BATCH))
    expectation.declare(SECOND_BATCH)
    for month in SETTLE_AFTER_SECOND_BATCH:
        printed[month] = json.loads(run("settle", "--month", month))
        assert shape(printed[month]) == expectation.settle(month), month

    # A closed month reads back the same, and every month reconciles to the cent.
    assert json.loads(run("settle", "--month", "2025-01")) == printed["2025-01"]
    for statement in printed.values():
        # Paid and charged are each the sum of their own rows (equal to each other by construction,
        # and to the expectation through `shape` above).
        assert sum(Decimal(p["amount"]) for p in statement["providers"]) == Decimal(statement["paid_to_providers"])
        assert sum(Decimal(m["care"]) for m in statement["municipalities"]) == Decimal(statement["charged_for_care"])
        assert sum(Decimal(m["regional_costs"]) for m in statement["municipalities"]) == Decimal(
            statement["regional_costs"])
    assert sum(Decimal(s["regional_costs"]) for s in printed.values()) == Decimal("32921.81")  # 4/12 of 98765.43

    # The rules the data was chosen to exercise really happened (the expectation is not empty).
    january, february = shape(printed["2025-01"]), shape(printed["2025-02"])
    assert {r["code"] for r in printed["2025-01"]["rejected"]} == {
        "allocation-not-started", "allocation-other-provider", "duplicate", "allocation-unknown"}
    assert ("99990000", "1078.95", 2) in january["providers"]  # the cooperative, for members' clients
    assert {r["code"] for r in printed["2025-03"]["rejected"]} == {
        "month-after-stop", "amount-mismatch", "month-outside-allocation"}  # R08 ended on 1 February
    assert {"reference": "R09", "month": "2025-04", "code": "month-after-stop"} in printed["2025-04"]["rejected"]
    assert "R08" not in [r["reference"] for r in printed["2025-02"]["rejected"]]  # its one day in February
    assert "R09" not in [r["reference"] for r in printed["2025-03"]["rejected"]]  # stopped on 1 March
    assert "0104" not in [m[0] for m in january["municipalities"]]  # Oudgem ceased before 2025
    assert ("11110001", "423.85", 3) in february["providers"]  # -423.85 credit, +423.85 again, +423.85 February
