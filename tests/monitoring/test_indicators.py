"""Every indicator, computed by hand on the worked-example region (tests/conftest.py `world`,
docs/settlement.md): four clients from 10 January 2025, client 2 moving from Aadorp (A) to
Bedorp (B) on 21 February, client 4 stopped on 15 February; March declared and settled."""

import datetime as dt
from decimal import Decimal
from pathlib import Path

import pytest
from django.utils import timezone, translation

from regie.care import services as care
from regie.core.errors import DomainError
from regie.exchange.models import Direction, Message, MessageStatus
from regie.facts.services import facts_rebuild
from regie.monitoring.indicators import INDICATORS, REGISTRY, indicator_markdown
from regie.monitoring.values import indicator_values
from regie.regions.actors import actor_for

JAN, FEB, MAR, APR = (dt.date(2025, m, 1) for m in (1, 2, 3, 4))
TODAY = dt.date(2025, 4, 15)


@pytest.fixture
def facts(world, people, march):
    facts_rebuild(region=world.region, today=TODAY)
    return world


def values(people, code, role="finance", **query):
    query.setdefault("first", JAN)
    query.setdefault("last", APR)
    return {(v.period, v.key): (v.value, v.base)
            for v in indicator_values(actor=actor_for(getattr(people, role)), code=code, **query)}


def test_clients_in_care_per_municipality_and_month(facts, people):
    a, b = facts.a.pk, facts.b.pk
    assert values(people, "clients_in_care", by="municipality") == {
        (JAN, a): (3, 3), (JAN, b): (1, 1), (FEB, a): (3, 3), (FEB, b): (1, 1),
        (MAR, a): (1, 1), (MAR, b): (2, 2), (APR, a): (1, 1), (APR, b): (2, 2)}


def test_clients_in_care_per_quarter_counts_each_client_once(facts, people):
    region = facts.region.pk
    assert values(people, "clients_in_care", period="quarter") == {(JAN, region): (4, 4), (APR, region): (3, 3)}
    assert values(people, "clients_in_care", period="year") == {(JAN, region): (4, 4)}


def test_clients_in_care_per_provider_product_and_category(facts, people):
    assert values(people, "clients_in_care", by="provider", first=MAR, last=MAR) == {
        (MAR, facts.p1.pk): (2, 2), (MAR, facts.p2.pk): (1, 1)}
    assert values(people, "clients_in_care", by="product", first=FEB, last=FEB) == {
        (FEB, facts.begeleiding.pk): (3, 3), (FEB, facts.dagbesteding.pk): (1, 1)}
    assert values(people, "clients_in_care", by="category", first=FEB, last=FEB) == {
        (FEB, facts.b1.pk): (2, 2), (FEB, facts.b2.pk): (1, 1), (FEB, facts.d1.pk): (1, 1)}


def test_cost_is_what_was_approved_for_the_month(facts, people):
    a, b = facts.a.pk, facts.b.pk
    cost = values(people, "cost", by="municipality", first=MAR, last=MAR)
    assert cost == {(MAR, a): (Decimal("400.00"), 1), (MAR, b): (Decimal("1450.00"), 2)}
    assert values(people, "cost", first=JAN, last=JAN)[(JAN, facts.region.pk)] == (Decimal("0.00"), 4)


def test_cost_per_client_month_divides_by_the_months_of_care(facts, people):
    # 1,850.00 for March over 4 + 4 + 3 client-months in the first quarter
    assert values(people, "cost_per_client_month", period="quarter", first=JAN, last=MAR) == {
        (JAN, facts.region.pk): (Decimal("168.18"), 4)}


def test_a_municipality_and_a_provider_see_their_own_share(facts, people):
    assert values(people, "cost", role="policy_a", first=MAR, last=MAR) == {
        (MAR, facts.region.pk): (Decimal("400.00"), 1)}
    assert values(people, "clients_in_care", role="staff_p2", by="provider", first=FEB, last=FEB) == {
        (FEB, facts.p2.pk): (2, 2)}


def message(world, allocation, code, direction, day):
    made = Message.objects.create(region=world.region, direction=direction, code=code, sender="x", receiver="y",
                                  status=MessageStatus.SENT if direction == Direction.OUT else MessageStatus.ACCEPTED,
                                  identification=f"{code}{allocation.pk}{day:%d}",
                                  dated=day)
    made.allocations.add(allocation)
    Message.objects.filter(pk=made.pk).update(
        created_at=timezone.make_aware(dt.datetime.combine(day, dt.time(12, 0))))


def test_days_from_allocation_to_start_median_and_90th_percentile(world, people):
    # 301s on 2 January; 305s after 3, 5, 8 and 20 days
    for allocation, days in zip(world.allocations, (3, 5, 8, 20)):
        message(world, allocation, "301", Direction.OUT, dt.date(2025, 1, 2))
        message(world, allocation, "305", Direction.IN, dt.date(2025, 1, 2) + dt.timedelta(days=days))
    facts_rebuild(region=world.region, today=TODAY)
    region = world.region.pk
    assert values(people, "days_to_start_median", first=JAN, last=JAN) == {(JAN, region): (Decimal("6.5"), 4)}
    assert values(people, "days_to_start_p90", first=JAN, last=JAN) == {(JAN, region): (Decimal("20"), 4)}
    assert values(people, "days_to_start_median", first=FEB, last=FEB) == {}


@pytest.fixture
def goals(world, people):
    officer_a = actor_for(people.access_a)
    plan = care.plan_create(actor=officer_a, client=world.clients[0], drawn_up_on=dt.date(2025, 1, 5), goals=[
        {"life_domain": "housing", "description": "Wonen", "baseline_score": 2},
        {"life_domain": "housing", "description": "Huis op orde", "baseline_score": 3},
        {"life_domain": "finances", "description": "Schulden", "baseline_score": 1},
        {"life_domain": "finances", "description": "Budget", "baseline_score": 2},
    ])
    housing, tidy, debts, budget = plan.goals.order_by("pk")
    for goal, score, result in ((housing, 4, "achieved"), (tidy, 3, "partly"), (debts, 2, "achieved"),
                                (budget, 1, "not_achieved")):
        care.goal_close(actor=officer_a, goal=goal, followup_score=score, result=result, closed_on=MAR)
    facts_rebuild(region=world.region, today=TODAY)
    return world


def test_goal_results_are_shares_of_the_goals_closed(goals, people):
    region = goals.region.pk
    assert values(people, "goals_achieved", period="quarter") == {(JAN, region): (Decimal("50.0"), 4)}
    assert values(people, "goals_partly", period="quarter") == {(JAN, region): (Decimal("25.0"), 4)}
    assert values(people, "goals_not_achieved", period="quarter") == {(JAN, region): (Decimal("25.0"), 4)}


def test_self_reliance_change_per_life_domain(goals, people):
    # housing: +2 and 0 → +1.0; finances: +1 and -1 → 0.0
    assert values(people, "self_reliance_change", by="life_domain", first=MAR, last=MAR) == {
        (MAR, "finances"): (Decimal("0.0"), 2), (MAR, "housing"): (Decimal("1.0"), 2)}


def test_a_provider_sees_no_goals_and_the_other_municipality_none_of_these(goals, people):
    assert values(people, "goals_achieved", role="staff_p1") == {}
    assert values(people, "goals_achieved", role="policy_b") == {}


@pytest.mark.parametrize(("query", "code"), [
    ({"code": "nothing"}, "indicator-unknown"),
    ({"code": "goals_achieved", "by": "provider"}, "dimension-not-available"),
    ({"code": "cost", "period": "week"}, "period-unknown"),
])
def test_an_unknown_indicator_dimension_or_period_is_refused(facts, people, query, code):
    with pytest.raises(DomainError) as error:
        indicator_values(actor=actor_for(people.finance), first=JAN, last=APR, **query)
    assert error.value.code == code


def test_every_indicator_is_fully_defined_and_measured():
    from regie.monitoring.values import _MEASURES

    assert len(REGISTRY) == len(INDICATORS)
    for indicator in INDICATORS:
        assert indicator.measure.partition(":")[0] in _MEASURES, indicator.code
        assert all(str(text) for text in (indicator.name, indicator.definition, indicator.unit, indicator.source))
        assert indicator.dimensions and indicator.formula


def test_docs_indicators_md_is_written_from_the_registry():
    document = Path(__file__).resolve().parents[2] / "docs" / "indicators.md"
    with translation.override("en"):
        expected = indicator_markdown()
    assert document.read_text(encoding="utf-8") == expected, "run `manage.py document-indicators`"


def test_inflow_outflow_and_re_entry(world, people):
    from tests import factories as f

    # client 4 left after February and comes back in May; the others came in January
    f.AllocationFactory(client=world.clients[3], municipality=world.a, provider=world.p2, category=world.b1,
                        reference="A5", start=dt.date(2025, 5, 1))
    facts_rebuild(region=world.region, today=dt.date(2025, 6, 15))
    region = world.region.pk
    june = dt.date(2025, 6, 1)
    may = dt.date(2025, 5, 1)
    assert values(people, "inflow", first=JAN, last=june) == {(JAN, region): (4, 4), (may, region): (1, 1)}
    assert values(people, "outflow", first=JAN, last=june) == {(FEB, region): (1, 1)}
    assert values(people, "inflow", by="provider", period="quarter", first=JAN, last=june) == {
        (JAN, world.p1.pk): (2, 2), (JAN, world.p2.pk): (2, 2), (APR, world.p2.pk): (1, 1)}
    assert values(people, "returned_within_12_months", period="quarter", first=JAN, last=june) == {
        (JAN, region): (Decimal("0.0"), 4), (APR, region): (Decimal("100.0"), 1)}


def test_clients_and_cost_per_inhabitant_by_the_population_of_the_year(facts, people):
    from regie.regions.services import population_set

    # A: 30,000 set up; 2025 entered as 40,000. B: 10,000 set up, nothing entered for 2025.
    population_set(municipality=facts.a, year=2025, inhabitants=40000)
    a, b, region = facts.a.pk, facts.b.pk, facts.region.pk
    per_1000 = values(people, "clients_per_1000", by="municipality", first=MAR, last=MAR)
    assert per_1000 == {(MAR, a): (Decimal("0.0"), 1), (MAR, b): (Decimal("0.2"), 2)}  # 1/40,000 and 2/10,000
    assert values(people, "clients_per_1000", period="quarter", first=JAN, last=MAR) == {
        (JAN, region): (Decimal("0.1"), 4)}  # 4 / 50,000 × 1,000 = 0.08
    assert values(people, "cost_per_inhabitant", by="municipality", first=MAR, last=MAR) == {
        (MAR, a): (Decimal("0.01"), 1), (MAR, b): (Decimal("0.15"), 2)}  # 400 / 40,000 and 1,450 / 10,000
    # a municipality's region-wide figure is its own residents over its own inhabitants
    assert values(people, "cost_per_inhabitant", role="policy_a", first=MAR, last=MAR) == {
        (MAR, region): (Decimal("0.01"), 1)}


def test_a_population_outside_the_window_or_out_of_bounds_is_refused(world):
    from regie.regions.services import population_set

    for year, inhabitants, code in ((2014, 1000, "population-year-out-of-window"), (2025, 0, "population-invalid"),
                                    (2025, 10_000_001, "population-invalid")):
        with pytest.raises(DomainError) as error:
            population_set(municipality=world.a, year=year, inhabitants=inhabitants)
        assert error.value.code == code
    assert population_set(municipality=world.a, year=2025, inhabitants=31000) is True
    assert population_set(municipality=world.a, year=2025, inhabitants=31000) is False
    assert population_set(municipality=world.a, year=2025, inhabitants=32000) is True


def test_duration_of_ended_care_and_the_share_still_in_care(world, people):
    # A1 ends on 31 March (80 days after its start on 10 January), A4 stopped on 15 February (36 days);
    # A2 and A3 still run on 15 June (156 days).
    a1 = world.allocations[0]
    a1.end = dt.date(2025, 3, 31)
    a1.save()
    june = dt.date(2025, 6, 15)
    facts_rebuild(region=world.region, today=june)
    region = world.region.pk
    quarter = {"period": "quarter", "first": JAN, "last": dt.date(2025, 6, 1), "today": june}
    assert values(people, "duration_mean", **quarter) == {(JAN, region): (Decimal("58.0"), 2)}
    assert values(people, "duration_median", **quarter) == {(JAN, region): (Decimal("58.0"), 2)}
    # Kaplan–Meier: 3/4 remain after day 36, 2/3 of those after day 80; the two still running leave at 156
    assert values(people, "in_care_after_6_months", **quarter) == {(JAN, region): (Decimal("50.0"), 4)}
    assert values(people, "in_care_after_12_months", **quarter) == {(JAN, region): (Decimal("50.0"), 4)}
    assert values(people, "duration_mean", by="provider", **quarter) == {
        (JAN, world.p1.pk): (Decimal("80.0"), 1), (JAN, world.p2.pk): (Decimal("36.0"), 1)}


def test_kaplan_meier_by_hand():
    from regie.monitoring.values import kaplan_meier

    observed = [(10, True), (20, False), (30, True), (40, True), (50, False)]
    assert kaplan_meier(observed, 5) == 1.0
    assert kaplan_meier(observed, 10) == pytest.approx(4 / 5)
    assert kaplan_meier(observed, 35) == pytest.approx(4 / 5 * 2 / 3)  # day 30: 3 at risk (30, 40, 50)
    assert kaplan_meier(observed, 45) == pytest.approx(4 / 5 * 2 / 3 * 1 / 2)


def test_the_survey_per_municipality_and_weighted_by_respondents_for_the_region(world, people):
    from regie.monitoring.services import survey_result_set

    survey_result_set(municipality=world.a, year=2025, question="support_good", agree_percent=Decimal("80.0"),
                      respondents=30)
    survey_result_set(municipality=world.b, year=2025, question="support_good", agree_percent=Decimal("60.0"),
                      respondents=10)
    year = {"period": "year", "first": JAN, "last": dt.date(2025, 12, 1)}
    assert values(people, "experience_support_good", by="municipality", **year) == {
        (JAN, world.a.pk): (Decimal("80.0"), 30), (JAN, world.b.pk): (Decimal("60.0"), 10)}
    assert values(people, "experience_support_good", **year) == {(JAN, world.region.pk): (Decimal("75.0"), 40)}
    assert values(people, "experience_support_good", role="policy_b", **year) == {
        (JAN, world.region.pk): (Decimal("60.0"), 10)}
    assert values(people, "experience_support_good", role="staff_p1", **year) == {}
    with pytest.raises(DomainError) as error:
        values(people, "experience_support_good", period="month")
    assert error.value.code == "period-not-available"


def test_users_of_general_provisions_beside_the_clients_in_care(world, people):
    from regie.monitoring.services import general_provision_set

    general_provision_set(municipality=world.a, quarter=JAN, users=120)
    general_provision_set(municipality=world.b, quarter=JAN, users=30)
    quarter = {"period": "quarter", "first": JAN, "last": MAR}
    assert values(people, "general_provision_users", **quarter) == {(JAN, world.region.pk): (Decimal("150"), 150)}
    # 120 / 30,000 and 30 / 10,000 inhabitants
    assert values(people, "general_provision_users_per_1000", by="municipality", **quarter) == {
        (JAN, world.a.pk): (Decimal("4.0"), 120), (JAN, world.b.pk): (Decimal("3.0"), 30)}


@pytest.mark.parametrize(("call", "code"), [
    (lambda w, s: s.survey_result_set(municipality=w.a, year=2025, question="nothing", agree_percent=Decimal(1),
                                      respondents=1), "survey-question-unknown"),
    (lambda w, s: s.survey_result_set(municipality=w.a, year=2025, question="support_good",
                                      agree_percent=Decimal("100.1"), respondents=1), "percent-out-of-range"),
    (lambda w, s: s.survey_result_set(municipality=w.a, year=2014, question="support_good", agree_percent=Decimal(1),
                                      respondents=1), "year-out-of-window"),
    (lambda w, s: s.general_provision_set(municipality=w.a, quarter=FEB, users=1), "quarter-invalid"),
    (lambda w, s: s.general_provision_set(municipality=w.a, quarter=JAN, users=10_000_001), "users-out-of-range"),
])
def test_entered_figures_out_of_bounds_are_refused(world, call, code):
    from regie.monitoring import services

    with pytest.raises(DomainError) as error:
        call(world, services)
    assert error.value.code == code


@pytest.mark.parametrize(("call", "kept"), [
    (lambda w, s: s.survey_result_set(municipality=w.a, year=2025, question="support_good", agree_percent=Decimal(0),
                                      respondents=0), True),
    (lambda w, s: s.survey_result_set(municipality=w.a, year=2025, question="support_good",
                                      agree_percent=Decimal(100), respondents=1_000_000), True),
    (lambda w, s: s.general_provision_set(municipality=w.a, quarter=dt.date(2025, 10, 1), users=0), True),
])
def test_entered_figures_at_their_limits_are_kept(world, call, kept):
    from regie.monitoring import services

    assert call(world, services) is kept


@pytest.mark.parametrize("inhabitants", [1, 10_000_000])
def test_a_population_at_its_limits_is_kept(world, inhabitants):
    from regie.regions.services import population_set

    assert population_set(municipality=world.a, year=2025, inhabitants=inhabitants) is True


def test_messages_on_time_per_provider_counted_as_the_timeliness_screen_counts(world, people):
    # care started on Friday 10 January: the 305 is due within 5 working days, on 17 January
    for allocation, day in zip(world.allocations[:3], (dt.date(2025, 1, 13), dt.date(2025, 1, 17),
                                                        dt.date(2025, 1, 20))):
        message(world, allocation, "305", Direction.IN, day)
    # a 301 sent on Monday 3 February: the provider's retour (302) is due on the 6th and never comes
    message(world, world.allocations[0], "301", Direction.OUT, dt.date(2025, 2, 3))
    Message.objects.filter(code="301").update(sent_at=timezone.make_aware(dt.datetime(2025, 2, 3, 12)))
    for allocation in world.allocations:
        Message.objects.filter(allocations=allocation).update(provider=allocation.provider,
                                                              municipality=allocation.municipality)
    facts_rebuild(region=world.region, today=TODAY)
    region, p1, p2 = world.region.pk, world.p1.pk, world.p2.pk
    assert values(people, "messages_on_time_provider", first=JAN, last=FEB) == {
        (JAN, region): (Decimal("66.7"), 3), (FEB, region): (Decimal("0.0"), 1)}
    assert values(people, "messages_on_time_provider", by="provider", first=JAN, last=JAN) == {
        (JAN, p1): (Decimal("100.0"), 2), (JAN, p2): (Decimal("0.0"), 1)}
    assert values(people, "messages_on_time_provider", role="staff_p2", first=JAN, last=FEB) == {
        (JAN, region): (Decimal("0.0"), 1)}
    assert values(people, "messages_on_time_region", first=JAN, last=FEB) == {  # the retours on the 305s
        (JAN, region): (Decimal("0.0"), 3)}
    # a clock still open within its deadline is neither met nor missed
    early = dt.date(2025, 2, 4)
    assert values(people, "messages_on_time_provider", first=FEB, last=FEB, today=early) == {}
