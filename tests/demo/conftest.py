"""One small demo region per test module that asks for it, rolled back afterwards."""

from decimal import Decimal

import pytest
from django.db import transaction

SMALL = Decimal("0.05")


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    """The demo region at a small scale (seed 1), built once for the module's tests."""
    from regie.demo.generator import demo_generate
    from regie.regions.models import Region

    with django_db_blocker.unblock():
        with transaction.atomic():
            summary = demo_generate(seed=1, scale=SMALL)
            yield summary, Region.objects.get()
            transaction.set_rollback(True)
