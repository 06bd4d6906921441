"""The fact layer over the worked-example region (tests/conftest.py `world`), with every value
computed by hand from the rules in src/regie/facts/build.py's docstring."""

import datetime as dt
from decimal import Decimal

import pytest
from django.core.management import call_command
from django.utils import timezone

from regie.billing.services import declaration_submit
from regie.care.models import Client
from regie.core.months import months_between
from regie.facts import build
from regie.facts.models import CareEvent, CareMonth, ClientKey, GoalFact
from regie.facts.pseudonyms import pseudonym
from regie.facts.services import facts_rebuild
from regie.regions.models import ResidenceRule
from tests.factories import debit

APRIL_15 = dt.date(2025, 4, 15)
JAN, FEB, MAR, APR = (dt.date(2025, m, 1) for m in (1, 2, 3, 4))


def months(world, reference):
    allocation = next(a for a in world.allocations if a.reference == reference)
    return list(CareMonth.objects.filter(allocation=allocation).order_by("month"))


def test_an_allocation_has_a_row_for_each_month_it_covers_up_to_this_month(world):
    built = facts_rebuild(region=world.region, today=APRIL_15)
    # A1–A3 run from 10 January, open: January to April; A4 stopped on 15 February: January and February.
    assert built.care_months == 4 + 4 + 4 + 2
    a1 = months(world, "A1")
    assert [row.month for row in a1] == [JAN, FEB, MAR, APR]
    assert [(row.in_care, row.started, row.stopped, row.ended) for row in a1] == [
        (True, True, False, False), (True, False, False, False), (True, False, False, False), (True, False, False, False)]
    a4 = months(world, "A4")
    assert [(row.month, row.in_care, row.stopped) for row in a4] == [(JAN, True, False), (FEB, True, True)]


def test_the_month_belongs_to_the_municipality_of_residence_on_the_payer_day(world):
    # Client 2 lives in A until 20 February and in B from 21 February.
    facts_rebuild(region=world.region, today=APRIL_15)
    assert [row.municipality_id for row in months(world, "A2")] == [world.a.pk, world.a.pk, world.b.pk, world.b.pk]
    world.region.residence_rule = ResidenceRule.LAST_DAY_OF_MONTH
    world.region.save()
    facts_rebuild(region=world.region, today=APRIL_15)
    assert [row.municipality_id for row in months(world, "A2")] == [world.a.pk, world.b.pk, world.b.pk, world.b.pk]


def test_without_a_residence_the_allocating_municipality_counts(world):
    world.clients[0].residences.all().delete()
    facts_rebuild(region=world.region, today=APRIL_15)
    assert {row.municipality_id for row in months(world, "A1")} == {world.a.pk}


@pytest.mark.parametrize(("born", "band_in_april", "band_in_may"), [
    (dt.date(1960, 5, 1), "18-64", "65-74"),   # 65 on 1 May 2025
    (dt.date(1960, 5, 2), "18-64", "18-64"),   # 65 a day later
    (dt.date(2007, 5, 1), "0-17", "18-64"),    # 18 on 1 May 2025
    (dt.date(1950, 5, 1), "65-74", "75+"),     # 75 on 1 May 2025
])
def test_the_age_band_is_the_age_on_the_first_day_of_the_month(world, born, band_in_april, band_in_may):
    Client.objects.filter(pk=world.clients[0].pk).update(birth_date=born)
    facts_rebuild(region=world.region, today=dt.date(2025, 5, 31))
    bands = {row.month: row.age_band for row in months(world, "A1")}
    assert (bands[APR], bands[dt.date(2025, 5, 1)]) == (band_in_april, band_in_may)


def test_an_allocation_that_never_started_is_covered_but_not_in_care(world):
    a1 = world.allocations[0]
    a1.status, a1.started_on, a1.end = "allocated", None, dt.date(2025, 2, 28)
    a1.save()
    facts_rebuild(region=world.region, today=APRIL_15)
    assert [(row.month, row.in_care, row.ended) for row in months(world, "A1")] == [(JAN, False, False),
                                                                                   (FEB, False, True)]


def test_a_withdrawn_allocation_has_no_facts(world):
    a1 = world.allocations[0]
    a1.status = "withdrawn"
    a1.save()
    facts_rebuild(region=world.region, today=APRIL_15)
    assert months(world, "A1") == []
    assert not CareEvent.objects.filter(allocation=a1).exists()


def test_a_month_carries_what_was_approved_and_rejected_for_it(world):
    declaration_submit(actor=None, provider=world.p1, lines=[debit("A1", "2025-03"), debit("A1", "2025-03")],
                       source="csv")
    facts_rebuild(region=world.region, today=APRIL_15)
    march = next(row for row in months(world, "A1") if row.month == MAR)
    assert (march.approved_amount, march.approved_lines, march.rejected_lines) == (Decimal("400.00"), 1, 1)
    february = next(row for row in months(world, "A1") if row.month == FEB)
    assert (february.approved_amount, february.approved_lines, february.rejected_lines) == (Decimal("0.00"), 0, 0)


def test_events_record_what_happened_and_when_regie_learned_it(world):
    declaration_submit(actor=None, provider=world.p1, lines=[debit("A1", "2025-03"), debit("A1", "2025-03")],
                       source="csv")
    a1, a4 = world.allocations[0], world.allocations[3]
    a1.end = dt.date(2025, 3, 31)
    a1.save()
    facts_rebuild(region=world.region, today=APRIL_15)
    events = sorted((e.kind, e.day) for e in CareEvent.objects.filter(allocation=a1))
    assert events == sorted([("allocated", dt.date(2025, 1, 10)), ("started", dt.date(2025, 1, 10)),
                             ("ended", dt.date(2025, 3, 31)), ("declared", MAR), ("declared", MAR),
                             ("approved", MAR), ("rejected", MAR)])
    approved = CareEvent.objects.get(allocation=a1, kind="approved")
    assert approved.amount == Decimal("400.00") and approved.recorded_at is not None and approved.line_id
    assert sorted(e.kind for e in CareEvent.objects.filter(allocation=a4)) == ["allocated", "started", "stopped"]


def test_an_end_is_an_event_only_once_it_has_passed(world):
    a1 = world.allocations[0]
    a1.end = dt.date(2025, 4, 30)
    a1.save()
    facts_rebuild(region=world.region, today=APRIL_15)
    assert not CareEvent.objects.filter(allocation=a1, kind="ended").exists()
    facts_rebuild(region=world.region, today=dt.date(2025, 4, 30))
    assert CareEvent.objects.filter(allocation=a1, kind="ended").exists()


def rows(model):
    fields = [f.attname for f in model._meta.concrete_fields if f.name != "id"]
    return sorted(tuple(str(v) for v in row) for row in model.objects.values_list(*fields))


def test_a_rebuild_gives_the_same_rows(world):
    declaration_submit(actor=None, provider=world.p1, lines=[debit("A1", "2025-03")], source="csv")
    first = facts_rebuild(region=world.region, today=APRIL_15)
    before = (rows(CareMonth), rows(CareEvent), rows(GoalFact))
    again = facts_rebuild(region=world.region, today=APRIL_15)
    assert (rows(CareMonth), rows(CareEvent), rows(GoalFact)) == before
    assert first == again


def test_a_client_is_named_only_by_the_keyed_pseudonym_of_its_purpose(world, settings):
    facts_rebuild(region=world.region, today=APRIL_15)
    client = world.clients[0]
    row = months(world, "A1")[0]
    assert row.client_key == pseudonym(client.pk, purpose=build.PURPOSE)
    assert row.client_key != pseudonym(client.pk, purpose="open-data")
    assert client.bsn not in row.client_key and len(row.client_key) == 16
    assert ClientKey.objects.get(client=client, purpose=build.PURPOSE).key == row.client_key
    settings.PSEUDONYM_KEY = "another secret"
    assert pseudonym(client.pk, purpose=build.PURPOSE) != row.client_key


def test_the_facts_hold_no_bsn_name_birth_date_or_address():
    personal = {"bsn", "family_name", "initials", "birth_date", "street", "house_number", "postcode", "town",
                "client", "client_id"}
    for model in (CareMonth, CareEvent, GoalFact):
        names = {f.name for f in model._meta.concrete_fields} | {f.attname for f in model._meta.concrete_fields}
        assert not personal & names, model


def test_goals_are_facts_with_their_scores(world, officer_a):
    from regie.care.services import goal_close, plan_create

    plan = plan_create(actor=officer_a, client=world.clients[0], drawn_up_on=dt.date(2025, 1, 5), goals=[
        {"life_domain": "housing", "description": "Zelfstandig wonen", "baseline_score": 2},
        {"life_domain": "finances", "description": "Schulden", "baseline_score": 1},
    ])
    housing = plan.goals.get(life_domain="housing")
    goal_close(actor=officer_a, goal=housing, followup_score=4, result="achieved", closed_on=dt.date(2025, 3, 1))
    built = facts_rebuild(region=world.region, today=APRIL_15)
    assert built.goals == 2
    facts = {g.life_domain: g for g in GoalFact.objects.all()}
    assert (facts["housing"].baseline_score, facts["housing"].followup_score, facts["housing"].result) == (
        2, 4, "achieved")
    assert (facts["finances"].followup_score, facts["finances"].closed_on) == (None, None)
    assert facts["housing"].municipality_id == world.a.pk and facts["housing"].age_band == "18-64"


def test_the_command_rebuilds_every_region_and_says_what_it_built(world, capsys):
    call_command("refresh-facts")
    expected = 3 * len(months_between(JAN, timezone.localdate())) + 2
    assert CareMonth.objects.count() == expected
    assert f"{world.region.name}: {expected} " in capsys.readouterr().out
