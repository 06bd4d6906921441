"""Every list page runs as many queries over many rows as over a few: no N+1.

Each page is opened as a person who may see it, once after `grow` added a few rows of every kind and
again after it added twice as many more; the number of queries must be the same both times.
"""

import datetime as dt
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from regie.billing.services import declaration_submit, settlement_run
from regie.care.services import allocation_create
from regie.exchange.models import AllocationRequest, ChangeRequest, Direction, Message, MessageStatus
from tests import factories as f

FEW, MORE = 4, 8


def ask(world, client, allocation) -> None:
    """A received request for allocation (315) and for change (317) of the client, both open."""
    for code, model in (("315", AllocationRequest), ("317", ChangeRequest)):
        received = Message.objects.create(
            region=world.region, direction=Direction.IN, code=code, sender=world.p1.agb_code, receiver=world.a.code,
            identification=f"V{code}-{client.pk}", dated=dt.date(2025, 4, 1), status=MessageStatus.ACCEPTED,
            provider=world.p1, municipality=world.a)
        extra = ({"start": dt.date(2025, 5, 1), "product": world.begeleiding, "product_code": "02A01"}
                 if model is AllocationRequest else {"reason": "1"})
        request = model.objects.create(
            region=world.region, municipality=world.a, provider=world.p1, message=received, client=client,
            bsn=client.bsn, reference=f"R{client.pk}", received_on=dt.date(2025, 4, 1), due_on=dt.date(2025, 4, 8),
            **extra)
        if model is ChangeRequest:
            request.allocations.add(allocation)


def grow(world, n: int, round_: int) -> None:
    """n more clients with an allocation each (and its 301 message), one declaration of n lines per
    provider, n products and n providers with a contract, and one more settled month."""
    references = []
    for _ in range(n):
        client = f.ClientFactory(region=world.region)
        f.ResidenceFactory(client=client, municipality=world.a, valid_from=dt.date(2000, 1, 1))
        for provider in (world.p1, world.p2):
            allocation = allocation_create(actor=None, client=client, product=world.begeleiding, category=world.b1,
                                           provider=provider, start=dt.date(2025, 1, 1))
            references.append((provider, allocation.reference))
        ask(world, client, allocation)
    month = f"2025-{3 + round_:02d}"
    for provider in (world.p1, world.p2):
        declaration_submit(actor=None, provider=provider, source="csv",
                           lines=[f.debit(reference, month) for owner, reference in references if owner == provider])
    for _ in range(n):
        product = f.ProductFactory(region=world.region)
        category = f.CategoryFactory(product=product, number=1)
        f.TariffFactory(category=category, amount=Decimal("100.00"), valid_from=dt.date(2024, 1, 1))
        provider = f.ProviderFactory(region=world.region)
        f.ContractFactory(region=world.region, provider=provider, start=dt.date(2024, 1, 1), products=[product])
    settlement_run(actor=None, region=world.region, month=dt.date(2025, 3 + round_, 1))


PAGES = [
    ("care:client-list", "access_a"),
    ("care:allocation-list", "access_a"),
    ("care:allocation-list", "staff_p1"),
    ("billing:declaration-list", "staff_p1"),
    ("billing:declaration-list", "finance"),
    ("billing:declaration-detail", "finance"),
    ("billing:settlement-list", "finance"),
    ("billing:settlement-detail", "finance"),
    ("catalogue:product-list", "purchaser"),
    ("contracting:provider-list", "contract_manager"),
    ("contracting:provider-detail", "contract_manager"),
    ("exchange:message-list", "access_a"),
    ("exchange:message-list", "staff_p1"),
    ("requests:request-list", "access_a"),
    ("requests:request-list", "staff_p1"),
    ("timeliness:overview", "policy_a"),
    ("monitoring:dashboard", "policy_a"),
]


def url_for(name: str, world) -> str:
    from regie.billing.models import Declaration
    if name == "billing:declaration-detail":
        return reverse(name, args=[Declaration.objects.filter(provider=world.p1).latest("pk").pk])
    if name == "billing:settlement-detail":
        return reverse(name, args=[dt.date(2025, 3, 1)])
    if name == "contracting:provider-detail":
        return reverse(name, args=[world.p1.pk])
    return reverse(name)


def queries(client, url) -> tuple[int, list[str]]:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    return len(captured), [q["sql"] for q in captured.captured_queries]


@pytest.mark.parametrize(("name", "who"), PAGES, ids=[f"{n}-{w}" for n, w in PAGES])
def test_a_list_page_runs_as_many_queries_over_many_rows_as_over_a_few(as_user, world, people, name, who):
    client = as_user(getattr(people, who))
    grow(world, FEW, 0)
    few, _ = queries(client, url_for(name, world))
    grow(world, MORE, 1)
    more, sql = queries(client, url_for(name, world))
    assert more == few, f"{name}: {few} queries over the few rows, {more} over more:\n" + "\n".join(sql)
