"""Who may open which screen: another organisation's object is 404, one's own without the role
403, the anonymous visitor goes to the log-in page; POSTs that change things refuse wrong roles.

Each case names a URL (built from the fixtures) and a person; `None` is the anonymous visitor.
"""

import datetime as dt

import pytest
from django.urls import reverse

from regie.billing.models import Declaration, SettlementRun
from regie.catalogue.models import Tariff
from regie.contracting.models import Contract

pytestmark = pytest.mark.django_db

URLS = {
    "home": lambda w, m, e: reverse("home"),
    "catalogue": lambda w, m, e: reverse("catalogue:product-list"),
    "product": lambda w, m, e: reverse("catalogue:product-detail", args=[w.begeleiding.pk]),
    "product-elsewhere": lambda w, m, e: reverse("catalogue:product-detail", args=[e.product.pk]),
    "tariff-add": lambda w, m, e: reverse("catalogue:tariff-add", args=[w.begeleiding.pk]),
    "tariff-add-elsewhere": lambda w, m, e: reverse("catalogue:tariff-add", args=[e.product.pk]),
    "tariff-index": lambda w, m, e: reverse("catalogue:tariff-index"),
    "providers": lambda w, m, e: reverse("contracting:provider-list"),
    "provider-p1": lambda w, m, e: reverse("contracting:provider-detail", args=[w.p1.pk]),
    "provider-elsewhere": lambda w, m, e: reverse("contracting:provider-detail", args=[e.provider.pk]),
    "terminate-p1": lambda w, m, e: reverse("contracting:contract-terminate",
                                            args=[Contract.objects.get(provider=w.p1).pk]),
    "terminate-elsewhere": lambda w, m, e: reverse("contracting:contract-terminate", args=[e.contract.pk]),
    "declarations": lambda w, m, e: reverse("billing:declaration-list"),
    "declaration-p1": lambda w, m, e: reverse("billing:declaration-detail", args=[m.p1.pk]),
    "declaration-elsewhere": lambda w, m, e: reverse("billing:declaration-detail", args=[e.declaration.pk]),
    "declare": lambda w, m, e: reverse("billing:declaration-create"),
    "upload": lambda w, m, e: reverse("billing:declaration-upload"),
    "settlements": lambda w, m, e: reverse("billing:settlement-list"),
    "settle": lambda w, m, e: reverse("billing:settlement-run"),
    "settlement-march": lambda w, m, e: reverse("billing:settlement-detail", kwargs={"month": "2025-03"}),
    "settlement-elsewhere": lambda w, m, e: reverse("billing:settlement-detail", kwargs={"month": "2025-06"}),
    "settlement-garbage": lambda w, m, e: reverse("billing:settlement-detail", kwargs={"month": "2025-13"}),
    "dashboard": lambda w, m, e: reverse("monitoring:dashboard"),
}

EVERYONE = ["purchaser", "finance", "contract_manager", "access_a", "policy_a", "staff_p1", "member"]

GET_CASES = [
    # everyone in the region reads the start page, catalogue, providers and dashboard
    *[(name, who, 200) for name in ("home", "catalogue", "product", "providers", "dashboard") for who in EVERYONE],
    ("product-elsewhere", "purchaser", 404),
    ("product-elsewhere", "staff_p1", 404),
    # tariffs: only the purchasing office's purchasers
    ("tariff-add", "purchaser", 200),
    ("tariff-add", "finance", 403),
    ("tariff-add", "policy_a", 403),
    ("tariff-add", "staff_p1", 403),
    ("tariff-add-elsewhere", "purchaser", 404),
    ("tariff-index", "purchaser", 200),
    ("tariff-index", "contract_manager", 403),
    ("tariff-index", "member", 403),
    # providers and contracts
    ("provider-p1", "contract_manager", 200),
    ("provider-p1", "policy_a", 200),
    ("provider-p1", "member", 200),
    ("provider-p1", "staff_p1", 200),
    ("provider-p1", "staff_p2", 404),
    ("provider-elsewhere", "contract_manager", 404),
    ("provider-elsewhere", "staff_p1", 404),
    ("terminate-p1", "contract_manager", 200),
    ("terminate-p1", "finance", 403),
    ("terminate-p1", "staff_p1", 403),
    ("terminate-elsewhere", "contract_manager", 404),
    # declarations: providers and the purchasing office
    ("declarations", "staff_p1", 200),
    ("declarations", "finance", 200),
    ("declarations", "norole_p1", 403),
    ("declarations", "policy_a", 403),
    ("declarations", "member", 403),
    ("declaration-p1", "staff_p1", 200),
    ("declaration-p1", "finance", 200),
    ("declaration-p1", "staff_p2", 404),
    ("declaration-p1", "norole_p1", 403),
    ("declaration-elsewhere", "finance", 404),
    ("declaration-elsewhere", "staff_p1", 404),
    ("declare", "staff_p1", 200),
    ("declare", "norole_p1", 403),
    ("declare", "finance", 403),
    ("upload", "staff_p1", 200),
    ("upload", "purchaser", 403),
    # settlement: the purchasing office, municipalities' finance and policy staff, providers
    ("settlements", "finance", 200),
    ("settlements", "policy_a", 200),
    ("settlements", "staff_p1", 200),
    ("settlements", "access_a", 403),
    ("settlements", "member", 403),
    ("settlement-march", "finance", 200),
    ("settlement-march", "policy_a", 200),
    ("settlement-march", "staff_p1", 200),
    ("settlement-march", "access_a", 403),
    ("settlement-march", "norole_p1", 403),
    ("settlement-march", "member", 403),
    ("settlement-elsewhere", "finance", 404),
    ("settlement-elsewhere", "policy_a", 404),
    ("settlement-garbage", "finance", 404),
]


@pytest.fixture
def resolve(world, people, march, elsewhere):
    def url(name):
        return URLS[name](world, march, elsewhere)
    return url


@pytest.mark.parametrize(("name", "who", "status"), GET_CASES, ids=[f"{n}-{w}-{s}" for n, w, s in GET_CASES])
def test_get(client, people, resolve, name, who, status):
    client.force_login(getattr(people, who))
    response = client.get(resolve(name))
    assert response.status_code == status


@pytest.mark.parametrize("name", sorted(set(URLS) - {"settlement-garbage"}))
def test_anonymous_goes_to_log_in(client, resolve, name):
    url = resolve(name)
    response = client.get(url)
    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))


def test_a_month_that_does_not_exist_is_no_page_even_before_log_in(client, resolve):
    """The URL converter refuses the month (regie.core.converters): there is no such page to log in for."""
    assert client.get(resolve("settlement-garbage")).status_code == 404


POST_REFUSED = [
    ("tariff-add", "finance", 403), ("tariff-add", "staff_p1", 403), ("tariff-add-elsewhere", "purchaser", 404),
    ("tariff-index", "finance", 403), ("tariff-index", "policy_a", 403),
    ("terminate-p1", "finance", 403), ("terminate-p1", "staff_p1", 403), ("terminate-p1", "member", 403),
    ("terminate-elsewhere", "contract_manager", 404),
    ("declare", "finance", 403), ("declare", "policy_a", 403), ("declare", "norole_p1", 403),
    ("upload", "purchaser", 403),
    ("settle", "purchaser", 403), ("settle", "policy_a", 403), ("settle", "staff_p1", 403),
]
POST_DATA = {
    "tariff-add": {"amount": "999.00", "valid_from": "2030-01-01"},
    "tariff-add-elsewhere": {"amount": "999.00", "valid_from": "2030-01-01"},
    "tariff-index": {"year": "2026", "percentage": "3"},
    "terminate-p1": {"notice_on": "2025-06-01"},
    "terminate-elsewhere": {"notice_on": "2025-06-01"},
    "declare": {"reference": "A1", "month": "2025-04", "debit_credit": "D"},
    "upload": {},
    "settle": {"month": "2025-04"},
}


@pytest.mark.parametrize(("name", "who", "status"), POST_REFUSED, ids=[f"{n}-{w}" for n, w, _ in POST_REFUSED])
def test_post_by_the_wrong_person_changes_nothing(client, world, people, resolve, elsewhere, name, who, status):
    before = (Tariff.objects.count(), Declaration.objects.count(), SettlementRun.objects.count(),
              list(Contract.objects.values_list("pk", "end")))
    client.force_login(getattr(people, who))
    data = dict(POST_DATA[name])
    if name.startswith("tariff-add"):
        product = elsewhere.product if name.endswith("elsewhere") else world.begeleiding
        data["category"] = product.categories.first().pk
    response = client.post(resolve(name), data)
    assert response.status_code == status
    after = (Tariff.objects.count(), Declaration.objects.count(), SettlementRun.objects.count(),
             list(Contract.objects.values_list("pk", "end")))
    assert after == before


@pytest.mark.parametrize("name", ["tariff-add", "tariff-index", "terminate-p1", "declare", "settle"])
def test_post_by_anonymous_changes_nothing(client, resolve, name):
    before = (Tariff.objects.count(), Declaration.objects.count(), SettlementRun.objects.count())
    response = client.post(resolve(name), POST_DATA[name])
    assert response.status_code == 302 and response.url.startswith(reverse("login"))
    assert (Tariff.objects.count(), Declaration.objects.count(), SettlementRun.objects.count()) == before


def test_the_contract_list_date_is_today(world):
    # guard for the cases above: the p1 contract is running, so a notice is possible
    assert Contract.objects.get(provider=world.p1).is_active_on(dt.date.today())
