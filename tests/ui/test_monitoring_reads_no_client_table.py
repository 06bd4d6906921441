"""Monitoring reads no client table: neither its code (what it imports) nor its queries (what the
database is asked, for every role) touch the tables that hold who a client is, where they live, what
they need, or the messages and requests about them. Its figures come from allocations' counts and
amounts and from the fact layer, where a client is a keyed pseudonym."""

import ast
import datetime as dt
from pathlib import Path

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from regie.care.models import Client, Goal, Residence, SupportPlan
from regie.exchange.models import AllocationRequest, ChangeRequest, Message
from regie.facts.models import ClientKey
from regie.facts.services import facts_rebuild
from regie.monitoring.figures import available, figure
from regie.monitoring.filters import default_filters
from regie.monitoring.indicators import REGISTRY
from regie.monitoring.selectors import home_figures
from regie.regions.actors import actor_for

CLIENT_TABLES = [Client, Residence, SupportPlan, Goal, Message, AllocationRequest, ChangeRequest, ClientKey]
MONITORING = Path(__file__).resolve().parents[2] / "src" / "regie" / "monitoring"


def imported_names(path: Path) -> set[str]:
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            names |= {alias.name for alias in node.names}
    return names


@pytest.mark.parametrize("path", sorted(MONITORING.rglob("*.py")), ids=lambda p: p.name)
def test_no_monitoring_module_imports_a_client_model(path):
    assert not imported_names(path) & {model.__name__ for model in CLIENT_TABLES}


@pytest.mark.parametrize("role", ["purchaser", "finance", "access_a", "policy_a", "staff_p1", "member"])
def test_no_monitoring_query_reads_a_client_table(world, people, march, role):
    actor = actor_for(getattr(people, role))
    facts_rebuild(region=world.region)  # the fact layer reads them; monitoring reads only the facts
    filters = default_filters(today=dt.date(2026, 1, 15))
    with CaptureQueriesContext(connection) as captured:
        for code, indicator in REGISTRY.items():
            if available(actor, indicator):
                figure(actor=actor, code=code, filters=filters)
        home_figures(actor=actor)
    tables = {model._meta.db_table for model in CLIENT_TABLES}
    read = [query["sql"] for query in captured if any(f'"{table}"' in query["sql"] for table in tables)]
    assert captured.captured_queries and read == []
