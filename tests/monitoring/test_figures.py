"""What each audience sees of a figure, on the worked-example region (tests/conftest.py `world`):
in January Aadorp has 3 clients in care and Bedorp 1; from March Aadorp 1 and Bedorp 2. Every
count there is below 10, so whatever is not the reader's own must be hidden."""

import datetime as dt
from decimal import Decimal

import pytest

from regie.facts.services import facts_rebuild
from regie.monitoring.disclosure import SMALL_CELL, Reason
from regie.monitoring.figures import MIN_PEERS, Audience, RegionReader, available, figure
from regie.monitoring.filters import Filters
from regie.monitoring.indicators import ADDITIVE, REGISTRY, Period
from regie.regions.actors import actor_for
from tests import factories as f

pytestmark = pytest.mark.django_db
JAN, APR = dt.date(2025, 1, 1), dt.date(2025, 4, 1)
TODAY = dt.date(2025, 4, 15)
MONTHS = Filters(period=Period.MONTH, first=JAN, last=APR)


@pytest.fixture
def facts(world, people, march):
    facts_rebuild(region=world.region, today=TODAY)
    return world


def made(user, code="clients_in_care", filters=MONTHS):
    return figure(actor=actor_for(user), code=code, filters=filters, today=TODAY)


def values(series):
    return [cell.value for cell in series.cells]


def test_the_office_sees_the_region_and_every_municipality_unsuppressed(facts, people):
    fig = made(people.finance)
    assert fig.audience == Audience.OFFICE and not fig.suppressed
    assert [(s.key, s.label) for s in fig.series] == [
        ("region", "Regio Voorbeeld"), (f"municipality:{facts.a.pk}", "Aadorp"), (f"municipality:{facts.b.pk}", "Bedorp")]
    assert [values(s) for s in fig.series] == [[4, 4, 3, 3], [3, 3, 1, 1], [1, 1, 2, 2]]


def test_the_office_cuts_by_provider_and_filters_by_municipality(facts, people):
    by_provider = made(people.finance, filters=Filters(period=Period.MONTH, first=APR, last=APR, by="provider"))
    assert {s.key: values(s) for s in by_provider.series} == {
        "region": [3], f"provider:{facts.p1.pk}": [2], f"provider:{facts.p2.pk}": [1]}
    only_a = made(people.finance, filters=Filters(period=Period.MONTH, first=APR, last=APR, municipality=facts.a.pk))
    assert values(only_a.series[0]) == [1]


def test_a_municipality_sees_its_own_residents_and_nothing_small_of_others(facts, people):
    fig = made(people.policy_a)
    own, region, bedorp = fig.series
    assert own.own and own.label == "Aadorp" and values(own) == [3, 3, 1, 1]
    # Bedorp's 1 and 2 are small; the region's total would give them away as total minus Aadorp's own
    assert all(not c.shown for c in bedorp.cells) and all(not c.shown for c in region.cells)
    assert {c.reason for c in bedorp.cells} == {Reason.PRIMARY}


def test_a_provider_sees_its_own_scorecard_and_no_other_provider(facts, people):
    fig = made(people.staff_p1)
    own, peers = fig.series
    assert own.own and own.label == facts.p1.name and values(own) == [2, 2, 2, 2]
    # one other provider gives these products: an average of one would be that provider's own figure
    assert peers.key == "peers" and {c.reason for c in peers.cells} == {Reason.PEERS}
    assert facts.p2.name not in {s.label for s in fig.series}


def test_the_average_of_other_providers_shows_over_enough_of_them(facts, people):
    for n in range(MIN_PEERS):
        provider = f.ProviderFactory(region=facts.region, name=f"Ander {n}", agb_code=f"9900000{n}")
        for k in range(4):
            client = f.ClientFactory(region=facts.region)
            f.ResidenceFactory(client=client, municipality=facts.a, valid_from=dt.date(2000, 1, 1))
            f.AllocationFactory(client=client, municipality=facts.a, provider=provider, category=facts.b1,
                                reference=f"P{n}{k}", start=JAN)
    facts_rebuild(region=facts.region, today=TODAY)
    _own, peers = made(people.staff_p1).series
    # p1 gives begeleiding: p2 had 1 client in it until February, the three new ones have 4 each
    assert values(peers) == [Decimal("3.3"), Decimal("3.3"), Decimal("4.0"), Decimal("4.0")]


@pytest.mark.parametrize("code", sorted(REGISTRY))
def test_the_council_sees_no_figure_that_rests_on_fewer_than_ten(facts, people, code):
    """Every client count of the worked example is below 10: the council may see nothing but zeros."""
    fig = made(people.member, code=code, filters=Filters(period=Period.QUARTER, first=JAN, last=APR))
    assert fig.audience == Audience.COUNCIL
    for series in fig.series:
        for cell in series.cells:
            assert not cell.shown or cell.value in (None, 0), (series.key, cell)
    public = figure(actor=RegionReader(facts.region.pk, public=True), code=code, filters=fig.filters, today=TODAY)
    assert public.audience == Audience.PUBLIC and public.records() == fig.records()


def test_the_council_sees_counts_of_ten_and_more(facts, people):
    for n in range(SMALL_CELL * 2):
        client = f.ClientFactory(region=facts.region)
        f.ResidenceFactory(client=client, municipality=facts.a if n % 2 else facts.b, valid_from=dt.date(2000, 1, 1))
        f.AllocationFactory(client=client, municipality=facts.a if n % 2 else facts.b, provider=facts.p1,
                            category=facts.b1, reference=f"T{n}", start=APR)
    facts_rebuild(region=facts.region, today=TODAY)
    fig = made(people.member, filters=Filters(period=Period.MONTH, first=APR, last=APR))
    assert {s.label: values(s) for s in fig.series} == {"Regio Voorbeeld": [23], "Aadorp": [11], "Bedorp": [12]}


@pytest.mark.parametrize("role", ["finance", "policy_a", "staff_p1", "member"])
def test_every_figure_is_made_for_every_audience_over_the_worked_example(facts, people, role):
    actor = actor_for(getattr(people, role))
    for code, indicator in REGISTRY.items():
        if not available(actor, indicator):
            assert actor.is_provider
            continue
        fig = figure(actor=actor, code=code, filters=MONTHS, today=TODAY)
        assert len(fig.periods) == len(fig.period_labels) == len(fig.rows())
        assert all(len(s.cells) == len(fig.periods) for s in fig.series)
        assert fig.chart()["datasets"] and len(fig.records()) == len(fig.series) * len(fig.periods)


def test_an_additive_count_reads_zero_where_a_measure_reads_nothing(facts, people):
    filters = Filters(period=Period.MONTH, first=dt.date(2024, 12, 1), last=dt.date(2024, 12, 1))
    assert values(made(people.finance, filters=filters).series[0]) == [0]
    assert "clients_in_care" in ADDITIVE and "duration_mean" not in ADDITIVE
    assert values(made(people.finance, code="duration_mean", filters=filters).series[0]) == [None]


@pytest.mark.parametrize(("period", "code"), [
    ("2025", None), ("2025-01", None), ("2025-12", None), ("2025-Q1", None), ("2025-Q4", None),
    ("2025-00", "period-invalid"), ("2025-13", "period-invalid"), ("2025-Q0", "period-invalid"),
    ("2025-Q5", "period-invalid"), ("25", "period-invalid"), ("2025-1", "period-invalid"),
])
def test_a_note_is_about_a_year_a_quarter_or_a_month(facts, people, period, code):
    from regie.core.errors import DomainError
    from regie.monitoring.services import note_add

    actor = actor_for(people.policy_a)
    if code is None:
        assert note_add(actor=actor, indicator="inflow", text="Nieuw team", period=period).period == period
    else:
        with pytest.raises(DomainError) as refused:
            note_add(actor=actor, indicator="inflow", text="Nieuw team", period=period)
        assert refused.value.code == code


def test_a_note_is_at_most_200_characters(facts, people):
    from regie.core.errors import DomainError
    from regie.monitoring.services import note_add

    actor = actor_for(people.policy_a)
    assert len(note_add(actor=actor, indicator="inflow", text="x" * 200).text) == 200
    with pytest.raises(DomainError):
        note_add(actor=actor, indicator="inflow", text="x" * 201)


def test_a_figure_spans_at_most_ten_years_and_begins_before_it_ends(world):
    from regie.core.errors import DomainError
    from regie.monitoring.filters import filters_parse

    def parsed(first, last):
        return filters_parse({"from": first, "to": last}, region=world.region, today=TODAY)

    assert (parsed("2015-01", "2024-12").first, parsed("2015-01", "2024-12").last) == (
        dt.date(2015, 1, 1), dt.date(2024, 12, 1))  # 120 months
    assert parsed("2025-03", "2025-03").first == dt.date(2025, 3, 1)  # one month
    for first, last, code in (("2015-01", "2025-01", "range-too-long"), ("2025-04", "2025-03", "range-reversed")):
        with pytest.raises(DomainError) as refused:
            parsed(first, last)
        assert refused.value.code == code
