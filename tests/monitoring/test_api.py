"""The indicator API (docs/api.md) over the worked-example region (tests/conftest.py `world`): the
indicators a reader sees, and each figure exactly as `figure()` makes it for the screen and the
downloads — for the office, a municipality, a provider and the advisory council.

In January and February Aadorp has 3 clients in care and Bedorp 1; from March Aadorp 1 and Bedorp 2
(client 2 moved to Bedorp on 21 February, client 4 stopped on 15 February). March is declared: the
approved lines are A1 (400.00), A2 (800.00) and A3 (650.00); the second A1 and A4 (stopped) are rejected.
"""

import base64
import datetime as dt

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import timezone, translation

from regie.facts.services import facts_rebuild
from regie.monitoring.figures import available, figure
from regie.monitoring.filters import filters_parse
from regie.monitoring.indicators import INDICATORS, REGISTRY, Dimension
from regie.monitoring.serializers import FigureSerializer, IndicatorSerializer, RecordSerializer
from regie.regions.actors import actor_for

pytestmark = pytest.mark.django_db
TODAY = dt.date(2025, 4, 15)
MONTHS = {"period": "month", "from": "2025-01", "to": "2025-04"}
LIST = "/api/indicatoren/"
PASSWORD = "geheim-wachtwoord"  # tests.factories.UserFactory


@pytest.fixture
def facts(world, people, march):
    facts_rebuild(region=world.region, today=TODAY)
    return world


def values_url(code: str) -> str:
    return f"/api/indicatoren/{code}/waarden/"


def basic(user) -> dict:
    token = base64.b64encode(f"{user.username}:{PASSWORD}".encode()).decode()
    return {"HTTP_AUTHORIZATION": f"Basic {token}"}


def expected(user, code: str, params: dict) -> dict:
    """What the API must answer: the screen's figure for this reader, its records as JSON writes them."""
    actor = actor_for(user)
    filters = filters_parse(params, region=actor.organisation.region, today=timezone.localdate())
    made = figure(actor=actor, code=code, filters=filters)
    return {
        "indicator": code, "audience": made.audience, "period": made.period.value,
        "from": f"{made.filters.first:%Y-%m}", "to": f"{made.filters.last:%Y-%m}", "by": made.by.value,
        "suppressed": made.suppressed,
        "values": [{**r, "value": None if r["value"] is None else str(r["value"]), "hidden": r["hidden"] or None}
                   for r in made.records()],
    }


def series_values(body: dict) -> dict[str, list]:
    found: dict[str, list] = {}
    for record in body["values"]:
        found.setdefault(record["series"], []).append(record["value"])
    return found


def test_the_urls_are_the_documented_ones():
    assert reverse("monitoring-api:indicator-list") == LIST
    assert reverse("monitoring-api:indicator-values", args=["cost"]) == values_url("cost")
    assert reverse("api-schema") == "/api/schema/"


@pytest.mark.parametrize("role", ["finance", "policy_a", "staff_p1", "member"])
def test_every_figure_is_the_one_the_screen_shows(as_user, facts, people, role):
    user = getattr(people, role)
    client = as_user(user)
    actor = actor_for(user)
    asked = 0
    for code, indicator in REGISTRY.items():
        answer = client.get(values_url(code), MONTHS)
        if not available(actor, indicator):
            assert answer.status_code == 404 and answer.json()["code"] == "indicator-unknown", code
            continue
        asked += 1
        assert answer.status_code == 200, (code, answer.content)
        assert answer.json() == expected(user, code, MONTHS), code
        assert set(answer.json()) == set(FigureSerializer().fields)
    assert asked == (len(REGISTRY) if not actor.is_provider else
                     sum(Dimension.PROVIDER in i.dimensions for i in INDICATORS))


def test_the_office_reads_every_municipality_unsuppressed(as_user, facts, people):
    body = as_user(people.finance).get(values_url("clients_in_care"), MONTHS).json()
    assert (body["audience"], body["by"], body["suppressed"]) == ("office", "municipality", False)
    assert [r["period"] for r in body["values"][:4]] == ["2025-01", "2025-02", "2025-03", "2025-04"]
    assert series_values(body) == {"region": ["4", "4", "3", "3"], f"municipality:{facts.a.pk}": ["3", "3", "1", "1"],
                                   f"municipality:{facts.b.pk}": ["1", "1", "2", "2"]}
    assert all(r["hidden"] is None for r in body["values"])
    cost = as_user(people.finance).get(values_url("cost"), {"period": "month", "from": "2025-03", "to": "2025-03",
                                                            "by": "provider"}).json()
    assert series_values(cost) == {"region": ["1850.00"], f"provider:{facts.p1.pk}": ["1200.00"],
                                   f"provider:{facts.p2.pk}": ["650.00"]}


def test_the_office_filters_as_on_the_screen(as_user, facts, people):
    body = as_user(people.finance).get(values_url("cost"), {"period": "quarter", "from": "2025-01", "to": "2025-03",
                                                            "municipality": facts.b.pk, "by": "region"}).json()
    # Bedorp in March: A2 (client 2 lives there since 21 February) and A3
    assert (body["period"], body["by"]) == ("quarter", "region")
    assert body["values"] == [{"indicator": "cost", "period": "2025-Q1", "series": "region", "label": "Regio Voorbeeld",
                               "value": "1450.00", "hidden": None}]


def test_a_municipality_reads_its_own_and_nothing_small_of_the_others(as_user, facts, people):
    body = as_user(people.policy_a).get(values_url("clients_in_care"), MONTHS).json()
    assert (body["audience"], body["suppressed"]) == ("municipality", True)
    found = series_values(body)
    assert found["own"] == ["3", "3", "1", "1"]
    # Bedorp's 1 and 2 are small, and the region minus Aadorp's own would give them away
    assert found["region"] == found[f"municipality:{facts.b.pk}"] == [None] * 4
    assert {r["hidden"] for r in body["values"] if r["series"] != "own"} == {"primary"}


def test_a_provider_reads_its_scorecard_and_no_other_provider(as_user, facts, people):
    answer = as_user(people.staff_p1).get(values_url("clients_in_care"), MONTHS)
    body = answer.json()
    assert body["audience"] == "provider" and series_values(body) == {"own": ["2"] * 4, "peers": [None] * 4}
    assert {r["hidden"] for r in body["values"] if r["series"] == "peers"} == {"peers"}
    assert facts.p2.name not in answer.content.decode()
    refused = as_user(people.staff_p1).get(values_url("goals_achieved"))
    assert refused.status_code == 404 and refused.json()["code"] == "indicator-unknown"


def test_the_council_gets_no_value_where_one_is_hidden(as_user, facts, people):
    for code in ("clients_in_care", "cost", "duration_mean"):
        body = as_user(people.member).get(values_url(code), {"period": "quarter", "from": "2025-01",
                                                             "to": "2025-06"}).json()
        assert body["audience"] == "council" and body["suppressed"] is True
        hidden = [r for r in body["values"] if r["hidden"]]
        assert hidden and all(r["value"] is None for r in hidden)
        # every count of the worked example is below 10: nothing but zeros may show
        assert all(r["value"] in (None, "0") for r in body["values"]), code


def test_the_list_holds_the_indicators_the_reader_sees_with_their_definitions(as_user, facts, people):
    office = as_user(people.finance).get(LIST).json()
    assert [i["code"] for i in office] == [i.code for i in INDICATORS]
    assert set(office[0]) == set(IndicatorSerializer().fields)
    provider = [i["code"] for i in as_user(people.staff_p1).get(LIST).json()]
    assert "clients_in_care" in provider and "goals_achieved" not in provider and "clients_per_1000" not in provider
    assert provider == [i.code for i in INDICATORS if Dimension.PROVIDER in i.dimensions]


def test_the_list_is_in_the_request_language(as_user, facts, people):
    client = as_user(people.finance)
    dutch = next(i for i in client.get(LIST).json() if i["code"] == "clients_in_care")
    with translation.override("nl"):
        assert dutch["name"] == str(REGISTRY["clients_in_care"].name) != "Clients in care"
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    english = next(i for i in client.get(LIST).json() if i["code"] == "clients_in_care")
    with translation.override("en"):
        source = str(REGISTRY["clients_in_care"].source)
    assert source.startswith("Regie's fact layer") and english == {
        "code": "clients_in_care", "name": "Clients in care",
        "definition": "The number of different clients who received care on at least one day of the period.",
        "formula": "COUNT(DISTINCT client) WHERE in_care, over the months of the period", "unit": "clients",
        "higher_is_better": None, "dimensions": ["region", "municipality", "provider", "product", "category"],
        "periods": ["month", "quarter", "year"], "theme": "volume", "theme_name": "Clients",
        "source": source, "values_url": "http://testserver" + values_url(
            "clients_in_care")}
    assert client.get(values_url("clients_in_care"), MONTHS).json()["values"][0]["label"] == "Regio Voorbeeld"


@pytest.mark.parametrize("params, code, field", [
    ({"period": "week"}, "period-unknown", "period"),
    ({"from": "2025-04", "to": "2025-01"}, "range-reversed", "from"),
    ({"by": "client"}, "by-unknown", "by"),
    ({"provider": "999999"}, "provider-unknown", "provider"),
])
def test_a_bad_filter_is_a_problem_with_its_code_and_field(as_user, facts, people, params, code, field):
    answer = as_user(people.finance).get(values_url("clients_in_care"), params)
    assert answer.status_code == 400 and answer["Content-Type"].startswith("application/problem+json")
    body = answer.json()
    assert (body["code"], body["field"], body["status"]) == (code, field, 400)


def test_a_filter_that_is_not_a_number_or_a_month_is_refused_too(as_user, facts, people):
    client = as_user(people.finance)
    for params, field in (({"municipality": "Aadorp"}, "municipality"), ({"from": "2025-13"}, "from")):
        answer = client.get(values_url("clients_in_care"), params)
        assert answer.status_code == 400 and answer.json()["field"] == field, params


def test_an_unknown_indicator_is_not_found(as_user, facts, people):
    answer = as_user(people.finance).get(values_url("nothing"))
    assert answer.status_code == 404 and answer["Content-Type"].startswith("application/problem+json")
    assert (answer.json()["code"], answer.json()["field"]) == ("indicator-unknown", "code")


def test_a_machine_logs_in_with_basic_and_the_anonymous_is_asked_to(client, facts, people):
    for url in (LIST, values_url("clients_in_care")):
        anonymous = client.get(url)
        assert anonymous.status_code == 401 and anonymous["WWW-Authenticate"].startswith("Basic")
    answer = client.get(values_url("clients_in_care"), MONTHS, **basic(people.policy_a))
    assert answer.status_code == 200 and answer.json() == expected(people.policy_a, "clients_in_care", MONTHS)


def test_the_defaults_are_the_dashboards(as_user, facts, people):
    """Without filters: the last twelve complete quarters, as the dashboard opens."""
    body = as_user(people.finance).get(values_url("clients_in_care")).json()
    assert body == expected(people.finance, "clients_in_care", {})
    assert body["period"] == "quarter" and len({r["period"] for r in body["values"]}) == 12


def test_a_record_is_rendered_as_it_is(facts):
    """A value keeps its decimals and never turns into an exponent; "" (shown) is null."""
    from decimal import Decimal

    rendered = RecordSerializer({"indicator": "cost", "period": "2025", "series": "region", "label": "R",
                                 "value": Decimal("1E+3"), "hidden": ""}).data
    assert (rendered["value"], rendered["hidden"]) == ("1000", None)
    hidden = RecordSerializer({"indicator": "cost", "period": "2025", "series": "region", "label": "R",
                               "value": None, "hidden": "primary"}).data
    assert (hidden["value"], hidden["hidden"]) == (None, "primary")


def test_the_list_costs_the_same_few_queries_for_every_reader(as_user, facts, people, django_assert_num_queries):
    for user in (people.finance, people.staff_p1, people.member):
        client = as_user(user)
        with django_assert_num_queries(3):  # the session, its user, the membership: nothing per indicator
            assert client.get(LIST).status_code == 200


def test_an_account_without_an_organisation_is_refused(client, facts):
    from tests import factories as f

    user = f.UserFactory(username="niemand")
    for url in (LIST, values_url("clients_in_care")):
        answer = client.get(url, **basic(user))
        assert answer.status_code == 403 and answer.json()["code"] == "no-membership", url


def test_the_documented_examples_are_real_answers(as_user, facts, people):
    """The OpenAPI examples (and docs/api.md) are answers over this region, with its ids as 1 and 2."""
    from regie.monitoring.api import EXAMPLES

    ids = {f"provider:{facts.p1.pk}": "provider:1", f"provider:{facts.p2.pk}": "provider:2",
           f"municipality:{facts.a.pk}": "municipality:1", f"municipality:{facts.b.pk}": "municipality:2"}
    office, council = (example.value for example in EXAMPLES)
    for user, example in ((people.finance, office), (people.member, council)):
        params = {"period": example["period"], "from": example["from"], "to": example["to"], "by": example["by"]}
        body = as_user(user).get(values_url(example["indicator"]), params).json()
        body["values"] = [{**r, "series": ids.get(r["series"], r["series"])} for r in body["values"]]
        assert body == {**example, "values": body["values"]} and body["values"][:len(example["values"])] == \
            example["values"]
