import datetime as dt
from decimal import Decimal

import pytest

from regie.catalogue.models import Tariff
from regie.catalogue.selectors import tariff_on
from regie.catalogue.services import product_ensure, support_form_get, tariff_add, tariffs_index
from regie.core.errors import DomainError, Forbidden
from regie.regions.models import OrganisationKind
from tests import factories as f


def test_indexation_closes_the_running_tariffs_and_continues_them_indexed(world):
    created = tariffs_index(actor=None, region=world.region, year=2026, percentage=Decimal("3.15"))
    assert len(created) == 3
    # 400.00 × 1.0315 = 412.60; 800.00 × 1.0315 = 825.20; 650.00 × 1.0315 = 670.475 → 670.48 (half up)
    assert tariff_on(category=world.b1, day=dt.date(2026, 1, 1)).amount == Decimal("412.60")
    assert tariff_on(category=world.b2, day=dt.date(2026, 6, 1)).amount == Decimal("825.20")
    assert tariff_on(category=world.d1, day=dt.date(2026, 12, 31)).amount == Decimal("670.48")
    assert tariff_on(category=world.b1, day=dt.date(2025, 12, 31)).amount == Decimal("400.00")
    assert Tariff.objects.get(category=world.b1, valid_from=dt.date(2024, 1, 1)).valid_to == dt.date(2025, 12, 31)


def test_indexation_happens_once_a_year(world):
    tariffs_index(actor=None, region=world.region, year=2026, percentage=Decimal("2"))
    with pytest.raises(DomainError) as error:
        tariffs_index(actor=None, region=world.region, year=2026, percentage=Decimal("2"))
    assert error.value.code == "already-indexed"


def test_only_a_purchaser_indexes(world):
    office = f.OrganisationFactory(region=world.region, kind=OrganisationKind.PURCHASING_OFFICE)
    with pytest.raises(Forbidden):
        tariffs_index(actor=f.actor(office, "finance"), region=world.region, year=2026, percentage=Decimal("2"))
    assert tariffs_index(actor=f.actor(office, "purchaser"), region=world.region, year=2026,
                         percentage=Decimal("2"))


@pytest.mark.parametrize("kind, role, code", [
    (OrganisationKind.PURCHASING_OFFICE, "finance", "role-missing"),
    (OrganisationKind.PURCHASING_OFFICE, "purchaser", "tariffs-not-allowed"),  # another region's office
    (OrganisationKind.MUNICIPALITY, "purchaser", "tariffs-not-allowed"),
])
def test_the_service_itself_refuses_a_tariff_from_anyone_but_the_regions_purchaser(world, kind, role, code):
    region = f.RegionFactory(name="Elders") if code == "tariffs-not-allowed" and kind != OrganisationKind.MUNICIPALITY \
        else world.region
    extra = {"municipality": world.a} if kind == OrganisationKind.MUNICIPALITY else {}
    actor = f.actor(f.OrganisationFactory(region=region, kind=kind, **extra), role)
    category = f.CategoryFactory(product=world.begeleiding, number=9)
    with pytest.raises(Forbidden) as refused:
        tariff_add(actor=actor, category=category, amount=Decimal("10.00"), valid_from=dt.date(2025, 1, 1), valid_to=None)
    assert refused.value.code == code and not Tariff.objects.filter(category=category).exists()
    office = f.actor(f.OrganisationFactory(region=world.region, kind=OrganisationKind.PURCHASING_OFFICE), "purchaser")
    assert tariff_add(actor=office, category=category, amount=Decimal("10.00"), valid_from=dt.date(2025, 1, 1),
                      valid_to=None).amount == Decimal("10.00")


def test_tariff_periods_of_a_category_do_not_overlap(world):
    with pytest.raises(DomainError) as error:
        tariff_add(actor=None, category=world.b1, amount=Decimal("420.00"), valid_from=dt.date(2025, 7, 1), valid_to=None)
    assert error.value.code == "tariff-overlap"


def test_a_product_keeps_its_support_form_and_variant(world):
    with pytest.raises(DomainError) as error:
        product_ensure(region=world.region, code="02A01", support_form=world.begeleiding.support_form,
                       variant="outputgericht")
    assert error.value.code == "product-conflict"
    with pytest.raises(DomainError) as error:
        support_form_get(code="99")
    assert error.value.code == "support-form-unknown"
