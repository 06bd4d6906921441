"""Rules of the house that a reviewer would otherwise have to remember.

Personal data is read only through the selectors (scoped by actor through
`regions.scoping.scoped`, audited) or inside the services that apply rules to it. A view, form
or API module that queries those models directly, or through a related manager
(`client.allocations.all()`), could show another organisation's clients, so this test fails
loudly on it. Which models are personal is derived from their fields, not listed by hand: a model
that carries a BSN, a name or an address of a person, and every model that points to one (a
goal of a plan of a client, a message about allocations).
"""

import ast
from pathlib import Path

import pytest
from django.apps import apps
from django.db import models

SRC = Path(__file__).resolve().parents[1] / "src" / "regie"
PRESENTATION = ("views.py", "forms.py", "api.py", "urls.py", "serializers.py")
# Fields that hold who a person is or where they live (organisations' and products' `name` are not).
PERSONAL_FIELDS = {"bsn", "family_name", "initials", "client_name", "birth_date", "street", "house_number",
                   "postcode", "town"}
MANAGERS = {"objects", "_default_manager", "_base_manager"}
QUERIES = {"all", "filter", "exclude", "get", "first", "last", "count", "exists", "values", "values_list",
           "select_related", "prefetch_related", "order_by", "annotate", "aggregate", "iterator", "in_bulk"}


def _regie_models() -> list[type[models.Model]]:
    return [m for m in apps.get_models() if m.__module__.startswith("regie.")]


def personal_models() -> set[type[models.Model]]:
    """Models with a personal field, and (repeatedly) every model with a relation to one."""
    found = {m for m in _regie_models() if PERSONAL_FIELDS & {f.name for f in m._meta.get_fields()}}
    while True:
        more = {m for m in _regie_models() if m not in found and any(
            f.is_relation and not f.auto_created and f.related_model in found for f in m._meta.get_fields())}
        if not more:
            return found
        found |= more


def personal_accessors() -> set[str]:
    """The names under which a personal model is reached from another row: reverse accessors
    (`client.allocations`) and many-to-many fields (`message.allocations`)."""
    names = set()
    for model in _regie_models():
        for f in model._meta.get_fields():
            if not f.is_relation or f.related_model not in PERSONAL:
                continue
            if f.auto_created and (f.one_to_many or f.many_to_many):  # reverse side
                names.add(f.get_accessor_name())
            elif f.many_to_many:
                names.add(f.name)
    return {n for n in names if n and not n.endswith("+")}


PERSONAL = personal_models()
ACCESSORS = personal_accessors()


def presentation_modules():
    return sorted(p for p in SRC.rglob("*.py") if p.name in PRESENTATION or p.parent.name in {"views", "api"})


def direct_queries(path: Path) -> list[str]:
    names = {m.__name__ for m in PERSONAL}
    found = []
    for node in ast.walk(ast.parse(path.read_text(), filename=str(path))):
        if not isinstance(node, ast.Attribute):
            continue
        if node.attr in MANAGERS and isinstance(node.value, ast.Name) and node.value.id in names:
            found.append(f"{path.name}:{node.lineno}: {node.value.id}.{node.attr}")
        elif node.attr in QUERIES and isinstance(node.value, ast.Attribute) and node.value.attr in ACCESSORS:
            found.append(f"{path.name}:{node.lineno}: .{node.value.attr}.{node.attr}")
    return found


def test_every_model_with_a_bsn_a_name_or_an_address_is_personal():
    labels = {m._meta.label for m in PERSONAL}
    assert {"care.Client", "care.Residence", "care.SupportPlan", "care.Goal", "care.Allocation",
            "care.AllocationVersion", "exchange.Message", "exchange.AllocationRequest",
            "exchange.ChangeRequest"} <= labels
    assert not {"regions.Organisation", "regions.Municipality", "catalogue.Product"} & labels
    assert {"allocations", "residences", "plans", "goals"} <= ACCESSORS


@pytest.mark.parametrize("path", presentation_modules(), ids=lambda p: str(p.relative_to(SRC)))
def test_presentation_code_reads_personal_data_only_through_selectors(path):
    assert direct_queries(path) == []


@pytest.mark.parametrize("line", ["rows = Client.objects.all()", "rows = AllocationRequest.objects.filter(bsn=b)",
                                  "rows = client.allocations.all()", "rows = self.client.residences.select_related()",
                                  "rows = message.allocations.count()"])
def test_the_rule_recognises_a_direct_query(tmp_path, line):
    sample = tmp_path / "views.py"
    sample.write_text(f"from regie.care.models import Client\n{line}\n")
    assert len(direct_queries(sample)) == 1


def test_the_rule_leaves_selectors_and_organisations_alone(tmp_path):
    sample = tmp_path / "views.py"
    sample.write_text("rows = selectors.allocations_for(actor=actor).all()\nrows = Organisation.objects.all()\n")
    assert direct_queries(sample) == []
