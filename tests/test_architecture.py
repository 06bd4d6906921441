"""Rules of the house that a reviewer would otherwise have to remember.

Client data is read only through `care.selectors` (scoped by actor, audited) or inside the
services that apply rules to it. A view, form or API module that queries those models
directly could show another organisation's clients, so this test fails loudly on it.
"""

import ast
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src" / "regie"
PERSONAL_MODELS = {"Client", "Residence", "SupportPlan", "Goal", "Allocation", "AllocationVersion"}
PRESENTATION = ("views.py", "forms.py", "api.py", "urls.py", "serializers.py")


def presentation_modules():
    return sorted(p for p in SRC.rglob("*.py") if p.name in PRESENTATION or p.parent.name in {"views", "api"})


def direct_queries(path: Path) -> list[str]:
    found = []
    for node in ast.walk(ast.parse(path.read_text(), filename=str(path))):
        if (isinstance(node, ast.Attribute) and node.attr in {"objects", "_default_manager", "_base_manager"}
                and isinstance(node.value, ast.Name) and node.value.id in PERSONAL_MODELS):
            found.append(f"{path.name}:{node.lineno}: {node.value.id}.{node.attr}")
    return found


@pytest.mark.parametrize("path", presentation_modules(), ids=lambda p: str(p.relative_to(SRC)))
def test_presentation_code_reads_client_data_only_through_selectors(path):
    assert direct_queries(path) == []


def test_the_rule_recognises_a_direct_query(tmp_path):
    sample = tmp_path / "views.py"
    sample.write_text("from regie.care.models import Client\nrows = Client.objects.all()\n")
    assert len(direct_queries(sample)) == 1
