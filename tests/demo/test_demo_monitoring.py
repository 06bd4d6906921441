"""The demo region's monitoring: facts built as the last step, the same as a rebuild gives, and
plausible survey results and users of general provisions for every municipality that exists."""

import datetime as dt

import pytest

from regie.facts.models import CareEvent, CareMonth, GoalFact
from regie.facts.services import facts_rebuild
from regie.monitoring.models import GeneralProvisionUsers, SurveyQuestion, SurveyResult
from regie.monitoring.values import indicator_values
from regie.regions.actors import actor_for
from regie.regions.models import Membership

pytestmark = pytest.mark.django_db


def rows(model):
    fields = [f.attname for f in model._meta.concrete_fields if f.name != "id"]
    return sorted(tuple(str(v) for v in row) for row in model.objects.values_list(*fields))


def test_the_facts_are_built_and_a_rebuild_gives_the_same_rows(demo):
    before = [rows(model) for model in (CareMonth, CareEvent, GoalFact)]
    assert all(before)
    facts_rebuild(region=demo[1])
    assert [rows(model) for model in (CareMonth, CareEvent, GoalFact)] == before


def test_every_municipality_has_a_survey_and_general_provisions(demo):
    current = [m for m in demo[1].municipalities.all() if m.valid_to is None]
    for municipality in current:
        results = SurveyResult.objects.filter(municipality=municipality)
        assert set(results.values_list("year", flat=True)) == {2023, 2024, 2025}
        assert results.count() == 3 * len(SurveyQuestion)
        assert all(62 <= r.agree_percent <= 88 and r.respondents >= 5 for r in results)
        quarters = GeneralProvisionUsers.objects.filter(municipality=municipality).order_by("quarter")
        assert quarters.first().quarter == dt.date(2023, 10, 1) and quarters.last().quarter == dt.date(2026, 10, 1)
    assert not SurveyResult.objects.filter(municipality__valid_to__isnull=False).exists()


def test_the_council_sees_every_indicator_of_the_region(demo):
    from regie.monitoring.indicators import INDICATORS

    council = actor_for(Membership.objects.get(role="council_member", organisation__region=demo[1]).user)
    for indicator in INDICATORS:
        period = indicator.periods[-1]
        values = indicator_values(actor=council, code=indicator.code, period=period, first=dt.date(2024, 1, 1),
                                  last=dt.date(2026, 10, 1))
        assert values, indicator.code
