"""On an empty database: the same seed gives the same demo region to the cent, another seed
another one; the commands' answers when there is no region."""

from decimal import Decimal

import pytest
from io import StringIO

from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import transaction

from regie.demo.generator import demo_generate, demo_statements
from regie.exchange.models import Message
from regie.regions.models import Region

pytestmark = pytest.mark.django_db
TINY = Decimal("0.03")


class _Undo(Exception):
    pass


def figures(seed: int) -> tuple[list[dict], list]:
    """Generate, read every month's statement and the clients, and roll it all back."""
    try:
        with transaction.atomic():
            demo_generate(seed=seed, scale=TINY)
            region = Region.objects.get()
            clients = list(region.clients.order_by("bsn").values_list("bsn", "family_name", "birth_date"))
            received = Message.objects.filter(region=region, direction="in")
            messages = list(received.order_by("code", "sender", "identification").values_list(
                "code", "sender", "receiver", "identification", "status", "problems"))
            received = sorted(received.values_list("created_at", flat=True))
            result = (demo_statements(region=region), clients, messages, received)
            raise _Undo
    except _Undo:
        return result


def test_the_same_seed_gives_the_same_figures_and_another_seed_others():
    first, again, other = figures(3), figures(3), figures(4)
    assert len(first[0]) == 36
    assert first == again
    assert first[0] != other[0]
    assert first[1] != other[1]
    assert first[2] and first[3] and first[2] != other[2]  # the same iWmo traffic, received at the same moments
    assert not Region.objects.exists()


@pytest.mark.parametrize("scale", ["0", "-1", "veel"])
def test_demo_rejects_a_bad_scale(scale):
    with pytest.raises(CommandError, match="--scale"):
        call_command("demo", "--scale", scale, stdout=StringIO())


def test_demo_accounts_without_a_demo_says_so():
    out = StringIO()
    call_command("demo-accounts", stdout=out)
    assert "geen demo-accounts" in out.getvalue()
