"""The dashboard's selector: aggregated in the database in two queries, scoped, small cells hidden."""

import datetime as dt
from decimal import Decimal

import pytest
from django.urls import reverse

from regie.billing.selectors import settlement_for
from regie.billing.services import declaration_submit
from regie.monitoring.selectors import dashboard_figures, home_figures
from regie.regions.actors import actor_for
from tests import factories as f

pytestmark = pytest.mark.django_db
TODAY = dt.date(2025, 6, 15)


def figures(user, **extra):
    return dashboard_figures(actor=actor_for(user), today=TODAY, **extra)


def test_office_sees_every_municipality(people, march, django_assert_num_queries):
    actor = actor_for(people.finance)
    with django_assert_num_queries(2):
        dashboard = dashboard_figures(actor=actor, today=TODAY)
    assert dashboard.months == ["2025-03"]
    # client 1 lives in Aadorp; client 2 moved to Bedorp in February, client 3 lives there
    assert dashboard.clients == {"Aadorp": [1], "Bedorp": [2]}
    assert dashboard.cost == [Decimal("1850.00")]
    assert dashboard.totals == [3]


def test_a_municipality_sees_its_own_residents(people, march):
    dashboard = figures(people.policy_a)
    assert dashboard.clients == {"Aadorp": [1]} and dashboard.cost == [Decimal("400.00")]


def test_a_provider_sees_its_own_figures(people, march):
    dashboard = figures(people.staff_p1)
    assert dashboard.clients == {"Aadorp": [1], "Bedorp": [1]} and dashboard.cost == [Decimal("1200.00")]


def test_the_council_sees_small_cells_suppressed(people, march):
    dashboard = figures(people.member)
    assert dashboard.suppressed
    assert dashboard.clients == {"Aadorp": [None], "Bedorp": [None]} and dashboard.totals == [None]
    assert dashboard.cost == [None]  # 1,850.00 over three clients: an amount over fewer than 10 is hidden too
    assert dashboard.chart_data()["cost"]["datasets"][0]["data"] == [None]


def test_the_council_sees_cells_of_ten_or_more(world, people):
    for n in range(10):
        client = f.ClientFactory(region=world.region)
        f.ResidenceFactory(client=client, municipality=world.a, valid_from=dt.date(2000, 1, 1))
        f.AllocationFactory(client=client, municipality=world.a, provider=world.p1, category=world.b1,
                            reference=f"T{n}", start=dt.date(2025, 1, 1))
    declaration_submit(actor=None, provider=world.p1, source="csv",
                       lines=[f.debit(f"T{n}", "2025-04") for n in range(10)])
    dashboard = figures(people.member)
    assert dashboard.clients == {"Aadorp": [10]} and dashboard.totals == [10]
    assert dashboard.cost == [Decimal("4000.00")]


def test_the_council_cannot_work_out_a_hidden_cell_from_the_total(world, people):
    test_the_council_sees_cells_of_ten_or_more(world, people)
    declaration_submit(actor=None, provider=world.p2, source="csv", lines=[f.debit("A3", "2025-04")])
    dashboard = figures(people.member)
    # Bedorp's 1 is small; Aadorp's 10 and the total 11 would give it away (11 - 10), and with the total
    # alone shown, Aadorp (at least 10) and Bedorp (1 to 9) could only be 10 and 1: both are hidden
    assert dashboard.clients == {"Aadorp": [None], "Bedorp": [None]} and dashboard.totals == [None]
    (row,) = dashboard.rows()
    assert [cell["mark"] for cell in row["cells"]] == ["–", "<10"] and row["total"]["mark"] == "–"
    assert figures(people.finance).totals == [11]


def test_a_credit_lowers_the_cost_and_the_count(world, people, march):
    declaration_submit(actor=None, provider=world.p1, source="csv", lines=[f.credit("A1", "2025-03")])
    dashboard = figures(people.finance)
    assert dashboard.clients == {"Bedorp": [2]} and dashboard.cost == [Decimal("1450.00")]


def test_months_before_the_window_are_left_out(people, march):
    assert figures(people.finance, months=2).months == []


def test_the_page_renders_charts_without_names(as_user, people, march, world):
    page = as_user(people.member).get(reverse("monitoring:dashboard")).content.decode()
    assert 'id="chart-clients"' in page and 'id="chart-cost"' in page
    assert "&lt;10" in page
    for client in world.clients:
        assert client.family_name not in page and client.bsn not in page


def test_home_figures_cost_a_fixed_number_of_queries(people, march, django_assert_num_queries):
    actor = actor_for(people.finance)
    with django_assert_num_queries(5):
        figures = home_figures(actor=actor)
    assert figures["providers"] == 2 and figures["unsettled"]["approved"] == 0
    assert figures["paid"] == sum(p.amount for p in march.run.payments.all()) > 0
    assert figures["last_run"].month == dt.date(2025, 3, 1)


@pytest.mark.parametrize("who", ["staff_p1", "staff_p2", "cooperative", "policy_a", "policy_b", "finance"])
def test_the_start_page_shows_the_money_of_the_settlement(world, people, march, who):
    """One scope for both screens: a cooperative sees its members' payment on both, not its own only."""
    if who == "cooperative":
        world.p2.cooperative = world.p1
        world.p2.save()
    actor = actor_for(people.staff_p1 if who == "cooperative" else getattr(people, who))
    home = home_figures(actor=actor)
    settlement = settlement_for(actor=actor, month=march.run.month)
    if actor.is_municipality:
        assert home["charge"].total == settlement.totals["total"] > 0
        assert [c.municipality_id for c in settlement.charges] == [actor.municipality_id]
    else:
        assert home["paid"] == settlement.totals["paid"] > 0
    if who == "cooperative":
        assert {p.provider_id for p in settlement.payments} == {world.p1.pk, world.p2.pk}
    if who == "staff_p1":
        assert {p.provider_id for p in settlement.payments} == {world.p1.pk}
