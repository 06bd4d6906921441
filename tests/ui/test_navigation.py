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
