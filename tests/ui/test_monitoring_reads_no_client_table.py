"""Monitoring reads no client table: neither its code (what it imports) nor its queries (what the
database is asked, for every role) touch the tables that hold who a client is, where they live, what
they need, or the messages and requests about them. Its figures come from allocations' counts and
amounts and from the fact layer, where a client is a keyed pseudonym."""

import ast
from pathlib import Path

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from regie.care.models import Client, Goal, Residence, SupportPlan
from regie.exchange.models import AllocationRequest, ChangeRequest, Message
from regie.facts.models import ClientKey
from regie.monitoring.selectors import dashboard_figures, home_figures
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
def test_no_monitoring_query_reads_a_client_table(people, march, role):
    actor = actor_for(getattr(people, role))
    with CaptureQueriesContext(connection) as captured:
        dashboard_figures(actor=actor)
        home_figures(actor=actor)
    tables = {model._meta.db_table for model in CLIENT_TABLES}
    read = [query["sql"] for query in captured if any(f'"{table}"' in query["sql"] for table in tables)]
    assert captured.captured_queries and read == []
