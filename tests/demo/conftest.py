"""One small demo region per test module that asks for it, rolled back afterwards. Its iWmo messages are
checked against the official schemas when they are beside the clone (as `make demo` does); the determinism
test in test_fresh_database.py generates without them."""

import os
from decimal import Decimal
from pathlib import Path

import pytest
from django.db import transaction
from django.test import override_settings

SMALL = Decimal("0.05")
# the official schemas, where tests/exchange finds them (../shared/iwmo or IWMO_MATERIAL_DIR)
XSD_DIR = Path(os.environ.get("IWMO_MATERIAL_DIR") or Path(__file__).resolve().parents[2].parent / "shared" / "iwmo") \
    / "3.2" / "xsd"
SCHEMAS = str(XSD_DIR) if (XSD_DIR / "basisschema.xsd").is_file() else ""


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    """The demo region at a small scale (seed 1), built once for the module's tests."""
    from regie.demo.generator import demo_generate
    from regie.regions.models import Region

    with django_db_blocker.unblock(), override_settings(IWMO_SCHEMA_DIR=SCHEMAS):
        with transaction.atomic():
            summary = demo_generate(seed=1, scale=SMALL)
            yield summary, Region.objects.get()
            transaction.set_rollback(True)
