import os

import pytest
from django.db import connection


def pytest_configure(config):
    """Passwords in tests need no key stretching; the real hasher costs half a second a user."""
    if not config.pluginmanager.hasplugin("django"):
        return  # the iwmo library's tests run without Django too
    from django.conf import settings

    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    # `make mutation` starts pytest once a mutant: a kept SQLite file (with --reuse-db) spares each
    # run the migrations, which cost more than the tests it runs.
    kept = os.environ.get("REGIE_TEST_DATABASE")
    if kept and settings.DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
        settings.DATABASES["default"].setdefault("TEST", {})["NAME"] = kept
    # A template variable that does not resolve is an error in every test, not an empty string.
    templates = [dict(engine, OPTIONS=dict(engine.get("OPTIONS", {}))) for engine in settings.TEMPLATES]
    for engine in templates:
        if engine["BACKEND"] == "django.template.backends.django.DjangoTemplates":
            engine["OPTIONS"]["string_if_invalid"] = InvalidTemplateVariable("%s")
    settings.TEMPLATES = templates


class InvalidTemplateVariable(str):
    """`string_if_invalid` that raises: Django formats it with the variable's name when a lookup fails.

    Django's `{% if %}` and `{% for %}` still treat a missing variable as empty, as they should."""

    def __mod__(self, name):
        from django.template import TemplateSyntaxError

        raise TemplateSyntaxError(f"template variable {name!s} does not resolve")

    from regie.core import i18n

    i18n.compile_if_stale()  # `make setup` compiles it; a bare checkout still gets the Dutch texts


def pytest_collection_modifyitems(config, items):
    """Tests marked `postgres` run only where the configured database is PostgreSQL (whatever the
    URL's spelling: postgres://, postgresql://, pgsql://). Only the marker counts, not a test's
    or a module's name."""
    if config.pluginmanager.hasplugin("django") and connection.vendor == "postgresql":
        return
    if os.environ.get("REGIE_REQUIRE_POSTGRES") == "1":  # CI's PostgreSQL pass must not skip them
        raise pytest.UsageError("REGIE_REQUIRE_POSTGRES=1 but the database is not PostgreSQL (DATABASE_URL)")
    skip = pytest.mark.skip(reason="needs PostgreSQL (set DATABASE_URL=postgres://…)")
    for item in items:
        if item.get_closest_marker("postgres") is not None:
            item.add_marker(skip)


def pytest_terminal_summary(terminalreporter, config):
    """The suite runs in random order (pytest-randomly); the seed also closes the output, next to
    the failures, so an order-dependent failure can be repeated (docs/development.md)."""
    seed = getattr(config.option, "randomly_seed", None)
    if config.pluginmanager.hasplugin("randomly") and isinstance(seed, int):
        terminalreporter.write_line(f"Random order: repeat it with --randomly-seed={seed}")


@pytest.fixture
def db_vendor(db):
    return connection.vendor


@pytest.fixture
def world(db):
    """A small region that the worked example in docs/settlement.md uses: two municipalities
    (A 30 000 and B 10 000 inhabitants), two providers, three products, four clients."""
    import datetime as dt
    from decimal import Decimal
    from types import SimpleNamespace

    from regie.regions.models import RegionalCost
    from tests import factories as f

    region = f.RegionFactory(name="Regio Voorbeeld")
    a = f.MunicipalityFactory(region=region, code="0001", name="Aadorp", population=30000)
    b = f.MunicipalityFactory(region=region, code="0002", name="Bedorp", population=10000)
    region.centre_municipality = a
    region.save()
    RegionalCost.objects.create(region=region, year=2025, amount=Decimal("120000.00"))
    begeleiding = f.ProductFactory(region=region, code="02A01", name="Begeleiding individueel")
    dagbesteding = f.ProductFactory(region=region, code="07A01", name="Dagbesteding",
                                    support_form=f.SupportFormFactory(code="07", name="Dagbesteding"))
    b1 = f.CategoryFactory(product=begeleiding, number=1)
    b2 = f.CategoryFactory(product=begeleiding, number=2)
    d1 = f.CategoryFactory(product=dagbesteding, number=1)
    for category, amount in ((b1, "400.00"), (b2, "800.00"), (d1, "650.00")):
        f.TariffFactory(category=category, amount=Decimal(amount), valid_from=dt.date(2024, 1, 1))
    p1 = f.ProviderFactory(region=region, name="Zorg Een", agb_code="11110001")
    p2 = f.ProviderFactory(region=region, name="Zorg Twee", agb_code="22220002")
    f.ContractFactory(region=region, provider=p1, start=dt.date(2024, 1, 1), products=[begeleiding, dagbesteding])
    f.ContractFactory(region=region, provider=p2, start=dt.date(2024, 1, 1), products=[begeleiding, dagbesteding])
    clients = []
    for n, residences in enumerate([
        [(a, dt.date(2000, 1, 1), None)],
        [(a, dt.date(2000, 1, 1), dt.date(2025, 2, 20)), (b, dt.date(2025, 2, 21), None)],
        [(b, dt.date(2000, 1, 1), None)],
        [(a, dt.date(2000, 1, 1), None)],
    ], start=1):
        client = f.ClientFactory(region=region, family_name=f"Cliënt{n}")
        for municipality, start, end in residences:
            f.ResidenceFactory(client=client, municipality=municipality, valid_from=start, valid_to=end)
        clients.append(client)
    start = dt.date(2025, 1, 10)
    allocations = [
        f.AllocationFactory(client=clients[0], municipality=a, provider=p1, category=b1, reference="A1", start=start),
        f.AllocationFactory(client=clients[1], municipality=a, provider=p1, category=b2, reference="A2", start=start),
        f.AllocationFactory(client=clients[2], municipality=b, provider=p2, category=d1, reference="A3", start=start),
        f.AllocationFactory(client=clients[3], municipality=a, provider=p2, category=b1, reference="A4", start=start,
                            status="stopped", stopped_on=dt.date(2025, 2, 15), end_reason="19"),
    ]
    return SimpleNamespace(region=region, a=a, b=b, p1=p1, p2=p2, begeleiding=begeleiding, dagbesteding=dagbesteding,
                           b1=b1, b2=b2, d1=d1, clients=clients, allocations=allocations)


@pytest.fixture
def officer_a(world):
    """An access officer of municipality A in the `world` region."""
    from regie.regions.models import OrganisationKind
    from tests import factories as f

    org = f.OrganisationFactory(region=world.region, kind=OrganisationKind.MUNICIPALITY, municipality=world.a,
                                name="Gemeente Aadorp")
    return f.actor(org, "access_officer")


@pytest.fixture
def staff_p1(world):
    """A staff member of provider Zorg Een in the `world` region."""
    from tests import factories as f

    return f.actor(world.p1, "provider_staff")
