"""The navigation shows a page exactly when that page would open for the person."""

import re

import pytest
from django.urls import reverse

from regie.regions.models import OrganisationKind, Role
from tests import factories as f

NAV = ["care:client-list", "care:allocation-list", "billing:declaration-list", "billing:settlement-list",
       "catalogue:product-list", "contracting:provider-list", "monitoring:dashboard"]


def organisation(world, kind):
    if kind == OrganisationKind.PROVIDER:
        return world.p1
    if kind == OrganisationKind.MUNICIPALITY:
        return f.OrganisationFactory(region=world.region, kind=kind, municipality=world.a)
    return f.OrganisationFactory(region=world.region, kind=kind)


@pytest.mark.parametrize("kind", OrganisationKind.values)
@pytest.mark.parametrize("role", Role.values)
def test_each_link_opens_and_each_missing_link_would_not(client, world, kind, role):
    person = f.actor(organisation(world, kind), role)
    client.force_login(person.user)
    home = client.get(reverse("home"))
    assert home.status_code == 200
    nav = home.content.decode().split('class="regie-nav__list"', 1)[1].split("</ul>", 1)[0]
    shown = set(re.findall(r'href="([^"]+)"', nav))
    for name in NAV:
        url = reverse(name)
        status = client.get(url).status_code
        assert status == (200 if url in shown else 403), (name, status)


@pytest.mark.parametrize("kind, role, shown", [
    (OrganisationKind.MUNICIPALITY, Role.ACCESS_OFFICER, True),
    (OrganisationKind.MUNICIPALITY, Role.POLICY_ADVISER, False),
    (OrganisationKind.PURCHASING_OFFICE, Role.PURCHASER, False),
])
def test_an_allocation_links_its_client_only_where_the_client_page_opens(client, world, kind, role, shown):
    """The rule holds for links with arguments too: `may` asks the view of a URL that needs a pk."""
    person = f.actor(organisation(world, kind), role)
    client.force_login(person.user)
    allocation = world.allocations[0]
    page = client.get(reverse("care:allocation-detail", args=[allocation.pk])).content.decode()
    target = reverse("care:client-detail", args=[allocation.client.pk])
    assert (f'href="{target}"' in page) is shown
    assert client.get(target).status_code == (200 if shown else 403)


def test_may_refuses_a_name_that_is_no_view():
    from django.template import TemplateSyntaxError

    from regie.core.templatetags.regie_permissions import may

    with pytest.raises(TemplateSyntaxError):
        may(object(), "care:no-such-page")
