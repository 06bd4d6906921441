"""A crawl of the demo for every demo account, in Dutch and English (issue 6 point 1).

Every same-origin link reachable from the start page is followed (GET, a few instances of each
route); a server error, a template variable that does not resolve (tests/conftest.py makes it
raise) or a page that mixes languages fails. The crawl runs on the demo region as generated,
again after the importers have added to it, and again after the inbox has processed provider
messages, so that it shows data made by every path.
"""

from __future__ import annotations

import pytest
from django.conf import settings
from django.test import Client

from regie.demo.accounts import ACCOUNTS, PASSWORD
from regie.regions.models import OrganisationKind

from .conftest import PAGES
from .crawler import crawl
from .data import data_phrases

pytestmark = pytest.mark.django_db

LANGUAGES = [
    pytest.param("nl", id="nl"),
    pytest.param("en", id="en"),
]


def crawl_all(request, phase: str, language: str, *, must=frozenset()):
    """Crawl as every demo account; fail with every failure found, name by name."""
    data = data_phrases()
    crawls = []
    for account in ACCOUNTS:
        client = Client(HTTP_ACCEPT_LANGUAGE=language)
        client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
        assert client.login(username=account.username, password=PASSWORD), account.username
        crawls.append(crawl(client, account=account.username, language=language,
                            provider=account.kind == OrganisationKind.PROVIDER, data=data, must=must))
    anonymous = Client(HTTP_ACCEPT_LANGUAGE=language)
    anonymous.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    crawls.append(crawl(anonymous, account="(not logged in)", language=language, provider=False, data=data,
                        start="/inloggen/"))
    request.config.stash[PAGES][(phase, language)] = {c.account: len(c.visited) for c in crawls}
    failures = [f"{c.account}: {failure}" for c in crawls for failure in c.failures]
    assert not failures, f"{len(failures)} failures:\n" + "\n".join(failures)
    return crawls


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_page_of_the_demo_opens_for_every_account(request, demo_region, language):
    crawls = crawl_all(request, "demo", language)
    routes = {name for c in crawls for name in c.per_route}
    assert {"home", "care:allocation-detail", "care:client-detail", "billing:declaration-detail",
            "billing:settlement-detail", "exchange:message-detail", "contracting:provider-detail",
            "catalogue:product-detail", "monitoring:dashboard", "timeliness:overview"} <= routes, routes


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_form_refuses_nonsense_in_the_chosen_language(demo_region, language):
    """Each POST form the crawl finds (one per action), sent with nonsense in every field, answers with
    its errors in the chosen language: never a server error. Each submission is rolled back."""
    from django.db import transaction

    from .forms import SKIPPED_ACTIONS
    from .language import foreign_context, foreign_words, read_page

    data = data_phrases()
    failures, sent = [], 0
    for account in ACCOUNTS:
        client = Client()
        client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
        assert client.login(username=account.username, password=PASSWORD), account.username
        found = crawl(client, account=account.username, language=language,
                      provider=account.kind == OrganisationKind.PROVIDER, data=data)
        for name, (page, form) in sorted(found.forms.items()):
            if name in SKIPPED_ACTIONS:
                continue
            sent += 1
            where = f"{account.username}: {form.action} (form on {page})"
            try:
                with transaction.atomic():
                    response = client.post(form.action, form.nonsense())
                    transaction.set_rollback(True)
            except Exception as error:  # the test client re-raises what the view raised
                failures.append(f"{where}: {type(error).__name__}: {error}")
                continue
            if response.status_code >= 500:
                failures.append(f"{where}: status {response.status_code}")
            elif response.status_code == 200 and response["Content-Type"].startswith("text/html"):
                answer = read_page(response.content.decode(), language)
                if mixed := foreign_words(answer, language, data):
                    failures.append(f"{where}: words of the other language {mixed} in "
                                    f"{foreign_context(answer, language, data)}")
    assert sent >= 15, sent  # the demo's roles have forms on many screens
    assert not failures, f"{len(failures)} of {sent} forms:\n" + "\n".join(failures)


@pytest.fixture(scope="module")
def imported(demo_region, django_db_blocker, tmp_path_factory):
    """The importers add a provider, a contract, clients, allocations and declarations to the demo region."""
    from . import paths

    with django_db_blocker.unblock():
        return paths.import_files(tmp_path_factory.mktemp("files"))


@pytest.fixture(scope="module")
def received(imported, django_db_blocker):
    """The inbox then receives the provider's 305, 307, 323, 302, 315 and 317."""
    from django.utils import timezone

    from . import paths

    with django_db_blocker.unblock():
        return paths.provider_traffic(timezone.localdate())


def detail_urls(*objects) -> set[str]:
    from django.urls import reverse

    names = {"Allocation": "care:allocation-detail", "Client": "care:client-detail",
             "Declaration": "billing:declaration-detail", "Organisation": "contracting:provider-detail",
             "Message": "exchange:message-detail", "AllocationRequest": "requests:allocation-request",
             "ChangeRequest": "requests:change-request", "Product": "catalogue:product-detail"}
    return {reverse(names[type(o).__name__], args=[o.pk]) for o in objects}


def visited(crawls) -> set[str]:
    return {url for c in crawls for url, status in c.visited.items() if status == 200}


@pytest.mark.parametrize("language", LANGUAGES)
def test_what_the_importers_made_is_shown(request, imported, language):
    from regie.billing.models import Declaration
    from regie.care.models import Allocation, Client
    from regie.catalogue.models import Tariff

    assert Tariff.objects.filter(valid_from__year=2027, category__product=imported["product"]).exists()
    made = [*Allocation.objects.filter(reference__startswith="9000000"),
            *Client.objects.filter(bsn__in=imported["bsns"]),
            *Declaration.objects.filter(origin="declare"), imported["new_provider"],
            imported["product"]]  # with its tariffs of 2027 (index-tariffs)
    must = detail_urls(*made)
    crawls = crawl_all(request, "after the importers", language, must=must)
    assert must <= visited(crawls), sorted(must - visited(crawls))


@pytest.mark.parametrize("language", LANGUAGES)
def test_what_the_inbox_received_is_shown(request, received, language):
    from regie.billing.models import Declaration
    from regie.care.models import Allocation
    from regie.exchange.models import AllocationRequest, ChangeRequest

    messages = {m.code: m for m in received}
    assert set(messages) == {"305", "307", "323", "302", "315", "317"}
    assert all(not m.duplicate for m in received)
    assert {code: m.status for code, m in messages.items()} == dict.fromkeys(messages, "accepted"), \
        {code: m.problems for code, m in messages.items()}
    made = [*received, *[m.answer for m in received if m.answer is not None],
            *Allocation.objects.filter(messages__in=received).distinct(),
            *Declaration.objects.filter(messages__in=received),
            *AllocationRequest.objects.filter(message__in=received),
            *ChangeRequest.objects.filter(message__in=received)]
    assert {type(o).__name__ for o in made} >= {"Message", "Allocation", "Declaration", "AllocationRequest",
                                                 "ChangeRequest"}, made
    must = detail_urls(*made)
    crawls = crawl_all(request, "after the inbox", language, must=must)
    assert must <= visited(crawls), sorted(must - visited(crawls))
    # With data made by every path, every page of the site is reached by some account.
    assert {name for c in crawls for name in c.per_route} == route_names() - NOT_LINKED


# Routes no link leads to: POST-only actions (their forms are on pages the crawl visits), the
# logout, the language switch (a POST form in the header), and the REST API (docs/api.md). The login page is where the crawl starts without an account.
NOT_LINKED = {
    "logout", "set_language", "billing:settlement-run", "catalogue:tariff-add", "contracting:contract-terminate",
    "requests:allocation-request-grant", "requests:allocation-request-refuse", "requests:change-request-grant",
    "requests:change-request-refuse", "monitoring:note-add", "monitoring:note-remove", "exchange-api:message-list", "exchange-api:message-detail",
    "monitoring-api:indicator-list", "monitoring-api:indicator-values", "api-schema",
}


def route_names() -> set[str]:
    """Every named route of the site but the admin's."""
    from django.urls import URLResolver, get_resolver

    def names(patterns, namespaces):
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                if pattern.namespace != "admin":
                    yield from names(pattern.url_patterns, namespaces + [pattern.namespace] * bool(pattern.namespace))
            elif pattern.name:
                yield ":".join([*namespaces, pattern.name])

    return set(names(get_resolver().url_patterns, []))
