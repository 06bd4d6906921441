"""docs/openapi.yaml is the API's OpenAPI 3 description as drf-spectacular makes it from the code
(`manage.py spectacular --file docs/openapi.yaml`): a test fails when the committed file is stale,
when the generator warns or errs about any endpoint, and when /api/schema/ serves anything else."""

from pathlib import Path

import pytest
import yaml
from django.core.management import call_command

DOCUMENT = Path(__file__).resolve().parents[1] / "docs" / "openapi.yaml"
PATHS = {"/api/berichten/", "/api/berichten/{id}/", "/api/indicatoren/", "/api/indicatoren/{code}/waarden/"}


@pytest.mark.parametrize("language", ["nl", "en"])
def test_the_committed_description_is_the_generated_one(tmp_path, language):
    """In either language: the description has no translated text, so it does not depend on one."""
    made = tmp_path / "openapi.yaml"
    call_command("spectacular", file=str(made), lang=language, validate=True, fail_on_warn=True)
    assert made.read_text(encoding="utf-8") == DOCUMENT.read_text(encoding="utf-8"), \
        "run `manage.py spectacular --file docs/openapi.yaml`"


def test_it_describes_every_endpoint_with_its_answers():
    schema = yaml.safe_load(DOCUMENT.read_text(encoding="utf-8"))
    assert set(schema["paths"]) == PATHS
    values = schema["paths"]["/api/indicatoren/{code}/waarden/"]["get"]
    assert {p["name"] for p in values["parameters"]} == {"code", "period", "from", "to", "by", "municipality",
                                                          "provider", "product", "category"}
    assert set(values["responses"]) == {"200", "400", "401", "403", "404"}
    record = schema["components"]["schemas"]["Record"]["properties"]
    assert record["value"]["type"] == "string" and record["value"]["nullable"] is True
    for operation in (op for item in schema["paths"].values() for op in item.values()):
        assert operation["responses"]["200" if "200" in operation["responses"] else "201"]["content"]


@pytest.mark.django_db
def test_the_schema_is_served_as_committed(client):
    answer = client.get("/api/schema/")
    assert answer.status_code == 200
    assert yaml.safe_load(answer.content) == yaml.safe_load(DOCUMENT.read_text(encoding="utf-8"))
