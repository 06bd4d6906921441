"""Who reaches which care screen: another organisation's object answers 404, one's own without
the role 403, the purchasing office and the advisory council only what their tasks need, and
an anonymous visitor goes to the log-in page. Every screen, GET and POST."""

import datetime as dt
import re

import pytest
from django.urls import reverse

from regie.care.models import Allocation, AllocationStatus
from regie.care.services import plan_create
from regie.regions.models import OrganisationKind
from tests import factories as f


@pytest.fixture
def people(world):
    org_a = f.OrganisationFactory(region=world.region, kind=OrganisationKind.MUNICIPALITY, municipality=world.a)
    org_b = f.OrganisationFactory(region=world.region, kind=OrganisationKind.MUNICIPALITY, municipality=world.b)
    office = f.OrganisationFactory(region=world.region, kind=OrganisationKind.PURCHASING_OFFICE)
    council = f.OrganisationFactory(region=world.region, kind=OrganisationKind.ADVISORY_COUNCIL)
    return {
        "officer_a": f.actor(org_a, "access_officer"),
        "finance_a": f.actor(org_a, "finance"),
        "officer_b": f.actor(org_b, "access_officer"),
        "staff_p1": f.actor(world.p1, "provider_staff"),
        "staff_p2": f.actor(world.p2, "provider_staff"),
        "office": f.actor(office, "contract_manager", "finance"),
        "purchaser": f.actor(office, "purchaser"),
        "council": f.actor(council, "council_member"),
    }


@pytest.fixture
def objects(world, people):
    """Client 1 lives in A and gets A1 from provider 1; A has drawn up a plan with one goal."""
    plan = plan_create(actor=people["officer_a"], client=world.clients[0], drawn_up_on=dt.date(2025, 1, 5),
                       goals=[{"life_domain": "housing", "description": "Zelfstandig wonen", "baseline_score": 2}])
    # client 2 moved from A to B: B sees the client, but not the plan that A drew up
    plan_b_cannot_see = plan_create(actor=people["officer_a"], client=world.clients[1], drawn_up_on=dt.date(2025, 1, 5),
                                    goals=[{"life_domain": "finances", "description": "Schulden", "baseline_score": 1}])
    return {"client": world.clients[0].pk, "allocation": world.allocations[0].pk, "goal": plan.goals.get().pk,
            "moved_client": world.clients[1].pk, "goal_of_a": plan_b_cannot_see.goals.get().pk}


def url(name, objects):
    kwargs = {
        "client-list": {}, "client-create": {}, "allocation-list": {},
        "client-detail": {"pk": objects["client"]}, "plan-create": {"pk": objects["client"]},
        "allocation-create": {"pk": objects["client"]},
        "goal-close": {"pk": objects["client"], "goal": objects["goal"]},
    }.get(name, {"pk": objects["allocation"]})
    return reverse(f"care:{name}", kwargs=kwargs)


OK, DENIED, GONE = 200, 403, 404
# screen → who → expected status of a GET. The client is A's resident, the allocation A's, from provider 1.
MATRIX = {
    "client-list": {"officer_a": OK, "finance_a": DENIED, "officer_b": OK, "staff_p1": OK, "staff_p2": OK,
                    "office": DENIED, "purchaser": DENIED, "council": DENIED},
    "client-create": {"officer_a": OK, "finance_a": DENIED, "officer_b": OK, "staff_p1": DENIED,
                      "office": DENIED, "council": DENIED},
    "client-detail": {"officer_a": OK, "finance_a": DENIED, "officer_b": GONE, "staff_p1": OK, "staff_p2": GONE,
                      "office": DENIED, "purchaser": DENIED, "council": DENIED},
    "plan-create": {"officer_a": OK, "finance_a": DENIED, "officer_b": GONE, "staff_p1": DENIED,
                    "office": DENIED, "council": DENIED},
    "goal-close": {"officer_a": OK, "finance_a": DENIED, "officer_b": GONE, "staff_p1": DENIED,
                   "office": DENIED, "council": DENIED},
    "allocation-create": {"officer_a": OK, "finance_a": DENIED, "officer_b": GONE, "staff_p1": DENIED,
                          "staff_p2": DENIED, "office": DENIED, "council": DENIED},
    "allocation-list": {"officer_a": OK, "finance_a": OK, "officer_b": OK, "staff_p1": OK, "staff_p2": OK,
                        "office": OK, "purchaser": DENIED, "council": DENIED},
    "allocation-detail": {"officer_a": OK, "finance_a": OK, "officer_b": GONE, "staff_p1": OK, "staff_p2": GONE,
                          "office": OK, "purchaser": DENIED, "council": DENIED},
    "allocation-change": {"officer_a": OK, "finance_a": DENIED, "officer_b": GONE, "staff_p1": DENIED,
                          "office": DENIED, "council": DENIED},
    "allocation-end": {"officer_a": OK, "finance_a": DENIED, "officer_b": GONE, "staff_p1": DENIED,
                       "office": DENIED, "council": DENIED},
    "allocation-withdraw": {"officer_a": OK, "finance_a": DENIED, "officer_b": GONE, "staff_p1": DENIED,
                            "office": DENIED, "council": DENIED},
    "allocation-start": {"officer_a": DENIED, "officer_b": DENIED, "staff_p1": OK, "staff_p2": GONE,
                         "office": DENIED, "council": DENIED},
    "allocation-stop": {"officer_a": DENIED, "officer_b": DENIED, "staff_p1": OK, "staff_p2": GONE,
                        "office": DENIED, "council": DENIED},
}
CASES = [(screen, who, status) for screen, row in MATRIX.items() for who, status in row.items()]
FORMS = [screen for screen in MATRIX if screen not in ("client-list", "client-detail", "allocation-list",
                                                       "allocation-detail")]


@pytest.mark.parametrize(("screen", "who", "status"), CASES, ids=[f"{s}-{w}" for s, w, _ in CASES])
def test_get(client, people, objects, screen, who, status):
    client.force_login(people[who].user)
    response = client.get(url(screen, objects))
    assert response.status_code == status
    if status == GONE:
        assert "Niet gevonden" in response.content.decode()
    if status == DENIED:
        assert "Geen toegang" in response.content.decode()


@pytest.mark.parametrize("screen", list(MATRIX))
def test_anonymous_goes_to_the_login_page(client, objects, screen):
    response = client.get(url(screen, objects))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


POSTS = [(screen, who, status) for screen in FORMS for who, status in MATRIX[screen].items() if status != OK]


@pytest.mark.parametrize(("screen", "who", "status"), POSTS, ids=[f"{s}-{w}" for s, w, _ in POSTS])
def test_a_refused_post_changes_nothing(client, world, people, objects, screen, who, status):
    """A POST with input that would otherwise be valid is refused the same way as the GET."""
    data = {"end": "2025-12-31", "end_reason": "19", "category": "2", "started_on": "2025-01-10",
            "stopped_on": "2025-06-30", "followup_score": "4", "result": "achieved", "closed_on": "2025-06-30",
            "product": world.begeleiding.pk, "provider": world.p1.pk, "start": "2025-06-01", "bsn": f.valid_bsn(900),
            "family_name": "Nieuw", "birth_date": "1980-01-01", "resident_from": "2020-01-01",
            "drawn_up_on": "2025-06-01", "goals-TOTAL_FORMS": "1", "goals-INITIAL_FORMS": "0",
            "goals-0-life_domain": "housing", "goals-0-description": "Wonen", "goals-0-baseline_score": "2",
            "confirm": "on"}
    before = list(Allocation.objects.order_by("pk").values_list("pk", "version", "status", "end", "category"))
    client.force_login(people[who].user)
    response = client.post(url(screen, objects), data)
    assert response.status_code == status
    assert list(Allocation.objects.order_by("pk").values_list("pk", "version", "status", "end", "category")) == before


def test_a_goal_of_another_municipalitys_plan_is_not_found(client, people, objects):
    """Municipality B sees the client who moved in, but not the plan that A drew up."""
    client.force_login(people["officer_b"].user)
    assert client.get(reverse("care:client-detail", args=[objects["moved_client"]])).status_code == 200
    response = client.get(reverse("care:goal-close", args=[objects["moved_client"], objects["goal_of_a"]]))
    assert response.status_code == 404


def test_a_goal_under_another_client_is_not_found(client, world, people, objects):
    client.force_login(people["officer_a"].user)
    response = client.get(reverse("care:goal-close", args=[world.clients[3].pk, objects["goal"]]))
    assert response.status_code == 404


def test_a_provider_sees_only_its_own_allocations_of_a_client(client, world, people):
    """Client 4 had care from provider 2 only: provider 1 does not find the client at all."""
    client.force_login(people["staff_p1"].user)
    assert client.get(reverse("care:client-detail", args=[world.clients[3].pk])).status_code == 404
    client.force_login(people["staff_p2"].user)
    page = client.get(reverse("care:client-detail", args=[world.clients[3].pk])).content.decode()
    # as whole words: a random CSRF token may hold "A1" inside it
    assert re.search(r"\bA4\b", page) and not re.search(r"\bA1\b", page)
    assert "Ondersteuningsplannen" not in page


def test_a_cooperative_reaches_its_members_allocations(client, world, people):
    world.p2.cooperative = world.p1
    world.p2.save()
    coop = f.actor(world.p1, "provider_staff")
    client.force_login(coop.user)
    assert client.get(reverse("care:allocation-detail", args=[world.allocations[2].pk])).status_code == 200
    page = client.get(reverse("care:allocation-list")).content.decode()
    assert all(ref in page for ref in ("A1", "A2", "A3", "A4"))
    assert "Zorg Twee" in page  # the list names the member that delivers


def test_a_user_without_membership_is_refused(client, world):
    user = f.UserFactory()
    client.force_login(user)
    assert client.get(reverse("care:client-list")).status_code == 403


def test_a_withdrawn_allocation_offers_no_actions(client, world, people):
    allocation = world.allocations[0]
    allocation.status = AllocationStatus.WITHDRAWN
    allocation.save()
    client.force_login(people["officer_a"].user)
    page = client.get(reverse("care:allocation-detail", args=[allocation.pk])).content.decode()
    assert reverse("care:allocation-change", args=[allocation.pk]) not in page
    assert reverse("care:allocation-end", args=[allocation.pk]) not in page
    assert reverse("care:allocation-withdraw", args=[allocation.pk]) not in page
