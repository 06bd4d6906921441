"""Which provider pages an organisation may open: scoped() decides, the list and the page agree."""

import pytest

from regie.contracting.selectors import openable_providers, provider_get
from regie.core.errors import NotFound
from regie.regions.models import OrganisationKind
from tests import factories as f


@pytest.fixture
def chain(world):
    cooperative = f.ProviderFactory(region=world.region, name="Coöperatie")
    member = f.ProviderFactory(region=world.region, name="Lid", cooperative=cooperative)
    sibling = f.ProviderFactory(region=world.region, name="Ander lid", cooperative=cooperative)
    elsewhere = f.ProviderFactory(name="Zorg elders")  # another region
    return world, cooperative, member, sibling, elsewhere


def opened(actor) -> set[str]:
    return set(openable_providers(actor=actor).values_list("name", flat=True))


def test_a_provider_opens_itself_and_its_cooperative_a_cooperative_its_members(chain):
    world, cooperative, member, sibling, elsewhere = chain
    assert opened(f.actor(world.p1, "staff")) == {"Zorg Een"}
    assert opened(f.actor(member, "staff")) == {"Lid", "Coöperatie"}
    assert opened(f.actor(cooperative, "staff")) == {"Coöperatie", "Lid", "Ander lid"}


@pytest.mark.parametrize("kind", [OrganisationKind.MUNICIPALITY, OrganisationKind.PURCHASING_OFFICE,
                                  OrganisationKind.ADVISORY_COUNCIL])
def test_the_other_organisations_open_every_provider_of_their_region(chain, kind):
    world, *_ = chain
    if kind == OrganisationKind.MUNICIPALITY:
        organisation = f.MunicipalityOrganisationFactory(region=world.region, municipality=world.a)
    else:
        organisation = f.OrganisationFactory(region=world.region, kind=kind)
    assert opened(f.actor(organisation, "staff")) == {"Zorg Een", "Zorg Twee", "Coöperatie", "Lid", "Ander lid"}


def test_a_page_outside_the_scope_is_not_found(chain):
    world, cooperative, member, sibling, elsewhere = chain
    assert provider_get(actor=f.actor(member, "staff"), pk=cooperative.pk) == cooperative
    for pk in (sibling.pk, world.p1.pk, elsewhere.pk):
        with pytest.raises(NotFound) as refused:
            provider_get(actor=f.actor(member, "staff"), pk=pk)
        assert refused.value.code == "provider-not-found"
