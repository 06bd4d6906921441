"""Factories for the whole chain, so a test states only what matters to it."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import factory
from django.contrib.auth import get_user_model

from regie.billing.checks import LineInput
from regie.care.models import Allocation, AllocationStatus, Client, Residence
from regie.catalogue.models import Category, Product, SupportForm, Tariff, Variant
from regie.contracting.models import Contract
from regie.regions.actors import Actor
from regie.regions.models import Membership, Municipality, Organisation, OrganisationKind, Region


FACTORY_BSN_SEEDS = 1_000_000


def valid_bsn(seed: int) -> str:
    """A distinct nine-digit number for each seed that passes the eleven test. Seeds below
    `FACTORY_BSN_SEEDS` are for tests that pick a BSN by hand; the factories count from there, so
    however many clients earlier tests made (the order is random), they never take a picked one."""
    from iwmo.bsn import controlecijfer

    # Bounded: within any 11 neighbours one has a check digit, and a broken eleven test must
    # fail here instead of looping (the mutation run, docs/development.md).
    for base in range(10_000_000 + seed * 11, 10_000_000 + seed * 11 + 11):
        if (check := controlecijfer(str(base))) is not None:
            return f"{base}{check}"
    raise AssertionError(f"no valid BSN near seed {seed}")


class RegionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Region
        django_get_or_create = ("name",)

    name = "Regio Test"


class MunicipalityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Municipality

    region = factory.SubFactory(RegionFactory)
    code = factory.Sequence(lambda n: f"{9000 + n % 1000:04d}")  # four digits, however many a session makes
    name = factory.Sequence(lambda n: f"Gemeente {n}")
    population = 10000
    valid_from = dt.date(2015, 1, 1)


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation

    region = factory.SubFactory(RegionFactory)
    kind = OrganisationKind.PROVIDER
    name = factory.Sequence(lambda n: f"Organisatie {n}")


class ProviderFactory(OrganisationFactory):
    kind = OrganisationKind.PROVIDER
    agb_code = factory.Sequence(lambda n: f"{98000000 + n:08d}")
    kvk_number = factory.Sequence(lambda n: f"{60000000 + n:08d}")


class MunicipalityOrganisationFactory(OrganisationFactory):
    kind = OrganisationKind.MUNICIPALITY
    municipality = factory.SubFactory(MunicipalityFactory, region=factory.SelfAttribute("..region"))
    name = factory.LazyAttribute(lambda o: f"Gemeente {o.municipality.name}")


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)

    username = factory.Sequence(lambda n: f"user{n}")
    password = factory.django.Password("geheim-wachtwoord")


def actor(organisation: Organisation, *roles: str, username: str | None = None) -> Actor:
    user = UserFactory(username=username) if username else UserFactory()
    for role in roles:
        Membership.objects.create(user=user, organisation=organisation, role=role)
    return Actor(user=user, organisation=organisation, roles=frozenset(roles))


class SupportFormFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SupportForm
        django_get_or_create = ("code",)

    code = "02"
    name = "Begeleiding"


class ProductFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Product

    region = factory.SubFactory(RegionFactory)
    code = factory.Sequence(lambda n: f"{n % 100000:05d}")
    name = factory.Sequence(lambda n: f"Begeleiding {n}")
    support_form = factory.SubFactory(SupportFormFactory)
    variant = Variant.EFFORT


class CategoryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Category

    product = factory.SubFactory(ProductFactory)
    number = 1


class TariffFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Tariff

    category = factory.SubFactory(CategoryFactory)
    amount = Decimal("500.00")
    valid_from = dt.date(2020, 1, 1)
    valid_to = None


class ContractFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Contract
        skip_postgeneration_save = True

    region = factory.SubFactory(RegionFactory)
    provider = factory.SubFactory(ProviderFactory, region=factory.SelfAttribute("..region"))
    start = dt.date(2020, 1, 1)

    @factory.post_generation
    def products(self, create, extracted, **kwargs):
        if create and extracted:
            self.products.set(extracted)


class ClientFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Client

    region = factory.SubFactory(RegionFactory)
    bsn = factory.Sequence(lambda n: valid_bsn(FACTORY_BSN_SEEDS + n))
    family_name = factory.Sequence(lambda n: f"Jansen{n}")
    initials = "J."
    birth_date = dt.date(1960, 5, 1)


class ResidenceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Residence

    client = factory.SubFactory(ClientFactory)
    municipality = factory.SubFactory(MunicipalityFactory)
    valid_from = dt.date(2015, 1, 1)
    valid_to = None


class AllocationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Allocation

    region = factory.SelfAttribute("client.region")
    reference = factory.Sequence(lambda n: f"{n + 1:08d}")
    client = factory.SubFactory(ClientFactory)
    municipality = factory.SubFactory(MunicipalityFactory)
    provider = factory.SubFactory(ProviderFactory)
    category = factory.SubFactory(CategoryFactory)
    product = factory.SelfAttribute("category.product")
    start = dt.date(2024, 1, 1)
    status = AllocationStatus.STARTED
    started_on = factory.SelfAttribute("start")


def debit(reference: str, month: str, **extra) -> LineInput:
    year, number = (int(p) for p in month.split("-"))
    return LineInput(reference=reference, month=dt.date(year, number, 1), debit_credit="D", **extra)


def credit(reference: str, month: str, **extra) -> LineInput:
    year, number = (int(p) for p in month.split("-"))
    return LineInput(reference=reference, month=dt.date(year, number, 1), debit_credit="C", **extra)


def end_a1(world) -> None:
    """End allocation A1 of the `world` on 30 April 2025, so that a new allocation of its client, product
    and provider from May on duplicates no active one (`allocation_duplicate`)."""
    Allocation.objects.filter(pk=world.allocations[0].pk).update(end=dt.date(2025, 4, 30))
