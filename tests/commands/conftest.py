"""Helpers for the command-line tests: write an input file, run a command, count what is stored."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from django.apps import apps
from django.core.management import call_command
from django.core.management.base import CommandError

# Every table an import can write to: a refused file must leave each of them as it was.
STORED = [
    "regions.Region", "regions.Municipality", "regions.Organisation", "regions.RegionalCost", "regions.Population",
    "monitoring.SurveyResult", "monitoring.GeneralProvisionUsers",
    "catalogue.SupportForm", "catalogue.Product", "catalogue.Category", "catalogue.Tariff",
    "contracting.Contract", "care.Client", "care.Residence", "care.Allocation", "care.AllocationVersion",
    "billing.Declaration", "billing.DeclarationLine", "billing.SettlementRun", "audit.AuditRecord",
]


def counts() -> dict[str, int]:
    return {label: apps.get_model(label).objects.count() for label in STORED}


class Files:
    def __init__(self, folder: Path):
        self.folder = folder

    def csv(self, name: str, *lines: str, encoding: str = "utf-8", bom: bool = False) -> Path:
        path = self.folder / name
        data = ("\n".join(lines) + "\n").encode(encoding)
        path.write_bytes((b"\xef\xbb\xbf" if bom else b"") + data)
        return path

    def json(self, name: str, data) -> Path:
        path = self.folder / name
        path.write_text(json.dumps(data, indent=2, ensure_ascii=False), encoding="utf-8")
        return path


@pytest.fixture
def files(tmp_path) -> Files:
    return Files(tmp_path)


def run(command: str, *args) -> str:
    out = io.StringIO()
    call_command(command, *[str(a) for a in args], stdout=out, stderr=io.StringIO())
    return out.getvalue()


def refused(command: str, *args) -> str:
    """Run a command that must fail; give back its one-line error."""
    with pytest.raises(CommandError) as error:
        run(command, *args)
    return str(error.value)


def assert_refused(command: str, path: Path, *, line: int | None, field: str, code: str, extra=()) -> str:
    """The command refuses the file with `FILE:LINE: field: message [code]` and stores nothing."""
    before = counts()
    message = refused(command, path, *extra)
    where = f"{path}:{line}" if line is not None else str(path)
    assert message.startswith(f"{where}: {field}: "), message
    assert message.endswith(f"[{code}]"), message
    assert counts() == before
    return message


REGION = {
    "name": "Regio Test",
    "centre_municipality": "0001",
    "residence_rule": "first_day_of_month",
    "municipalities": [
        {"code": "0001", "name": "Aadorp", "population": 30000, "valid_from": "2015-01-01", "valid_to": None},
        {"code": "0002", "name": "Bedorp", "population": 10000, "valid_from": "2015-01-01", "valid_to": None},
    ],
    "regional_costs": [{"year": 2025, "amount": "120000.00"}],
}

CATALOGUE = (
    "product_code,support_form,category,variant,tariff,valid_from,valid_to",
    "02A01,02,1,inspanningsgericht,400.00,2024-01-01,",
    "02A01,02,2,inspanningsgericht,800.00,2024-01-01,",
    "07A01,07,1,outputgericht,650.00,2024-01-01,",
)
PROVIDERS = (
    "agb,name,kvk,cooperative_agb",
    "11110001,Zorg Een,12345678,",
    "22220002,Zorg Twee,23456789,",
)
CONTRACTS = (
    "agb,product_code,start,end",
    "11110001,02A01,2024-01-01,",
    "11110001,07A01,2024-01-01,",
    "22220002,02A01,2024-01-01,",
)
CLIENTS = (
    "bsn,birth_date,family_name,initials,municipality_code,resident_from,resident_to",
    "111222333,1960-05-01,Jansen,J.,0001,2000-01-01,",
    "123456782,1970-02-03,De Vries,A.B.,0001,2000-01-01,2025-02-20",
    "123456782,1970-02-03,De Vries,A.B.,0002,2025-02-21,",
)


@pytest.fixture
def region(db, files):
    """A region set up through the commands themselves: two municipalities, a catalogue, two providers."""
    run("setup-region", files.json("region.json", REGION))
    run("import-catalogue", files.csv("catalogue.csv", *CATALOGUE))
    run("import-providers", files.csv("providers.csv", *PROVIDERS))
    run("import-contracts", files.csv("contracts.csv", *CONTRACTS))
    from regie.regions.models import Region

    return Region.objects.get(name="Regio Test")


@pytest.fixture
def clients(region, files):
    run("import-clients", files.csv("clients.csv", *CLIENTS))
    return region
