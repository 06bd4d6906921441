"""The one scoping rule: every kind of organisation gets its share, or a refusal."""

import pytest

from regie.care.models import Allocation, Client
from regie.core.errors import Forbidden
from regie.regions.models import Organisation, OrganisationKind
from regie.regions.scoping import EVERY, NO_OFFICE, scoped
from tests import factories as f

pytestmark = pytest.mark.django_db


def rows(actor, model=Allocation, **keys):
    return scoped(model.objects.all(), actor=actor, what="rows", label="rows", **keys)


def kind(world, kind, *roles, **extra):
    return f.actor(f.OrganisationFactory(region=world.region, kind=kind, **extra), *roles)


def refs(found):
    return sorted(a.reference for a in found)


def test_a_cooperative_sees_its_members_rows(world):
    world.p2.cooperative = world.p1
    world.p2.save()
    assert refs(rows(f.actor(world.p1, "provider_staff"))) == ["A1", "A2", "A3", "A4"]
    assert refs(rows(f.actor(world.p2, "provider_staff"))) == ["A3", "A4"]


def test_a_row_is_the_providers_when_any_of_its_keys_is(world):
    found = rows(f.actor(world.p2, "provider_staff"), model=Client, provider=("allocations__provider",),
                 municipality="residences__municipality", distinct=True)
    assert sorted(c.family_name for c in found) == ["Cliënt3", "Cliënt4"]


def test_a_municipality_sees_its_own_and_the_office_needs_a_role(world):
    assert refs(rows(kind(world, OrganisationKind.MUNICIPALITY, "policy_adviser", municipality=world.b))) == ["A3"]
    assert len(rows(kind(world, OrganisationKind.PURCHASING_OFFICE, "finance"))) == 4
    with pytest.raises(Forbidden) as refused:
        rows(kind(world, OrganisationKind.PURCHASING_OFFICE, "finance"), office_roles=NO_OFFICE)
    assert refused.value.code == "rows-not-allowed"


def test_the_council_sees_the_region_only_where_asked_and_others_see_none_or_are_refused(world):
    council = kind(world, OrganisationKind.ADVISORY_COUNCIL, "council_member")
    assert len(rows(council, council=True)) == 4
    assert list(rows(council, others_see_none=True)) == []
    with pytest.raises(Forbidden):
        rows(council)
    assert list(rows(f.actor(world.p1, "provider_staff"), provider=None, others_see_none=True)) == []


def test_another_regions_rows_are_never_in_scope(world):
    elsewhere = f.ProviderFactory(region=f.RegionFactory(name="Elders"), agb_code="99990009")
    assert list(rows(f.actor(elsewhere, "provider_staff"))) == []


def test_every_as_a_key_shows_that_kind_the_whole_region(world):
    municipality = kind(world, OrganisationKind.MUNICIPALITY, "policy_adviser", municipality=world.b)
    assert len(rows(municipality, municipality=EVERY)) == 4
    assert len(rows(f.actor(world.p2, "provider_staff"), provider=EVERY)) == 4


def test_keys_ending_at_a_primary_key_and_distinct_only_when_asked(world):
    for member in (world.p2, f.ProviderFactory(region=world.region, name="Zorg Drie", agb_code="33330003")):
        member.cooperative = world.p1
        member.save()
    cooperative = f.actor(world.p1, "provider_staff")
    # The cooperative's own row matches by pk and once per member through members__pk: distinct
    # keeps it one row.
    found = rows(cooperative, model=Organisation, provider=("pk", "members__pk"), distinct=True)
    assert sorted(o.name for o in found) == ["Zorg Drie", "Zorg Een", "Zorg Twee"]
    assert sorted(o.name for o in rows(f.actor(world.p2, "provider_staff"), model=Organisation, provider="pk")) == ["Zorg Twee"]
    assert not rows(cooperative).query.distinct  # DISTINCT costs a sort: only for to-many keys
