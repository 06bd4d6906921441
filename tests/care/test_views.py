"""The care screens do what they say: search, register, plan, allocate, change, end, start and
stop, showing a refused rule on the right field, auditing what they show, and without a query
per row."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from regie.audit.models import AuditRecord
from regie.care.models import Allocation, AllocationStatus, Client, Goal, SupportPlan
from regie.care.services import allocation_create, plan_create
from regie.regions.models import OrganisationKind
from tests import factories as f


@pytest.fixture
def as_officer(client, officer_a):
    client.force_login(officer_a.user)
    return client


@pytest.fixture
def as_staff(client, staff_p1):
    client.force_login(staff_p1.user)
    return client


def errors(response, field=None):
    form = response.context["form"]
    return form.errors.get(field or "__all__", [])


# Clients -------------------------------------------------------------------------------------

def test_search_finds_own_residents_by_name_and_bsn_and_audits_them(as_officer, world):
    page = as_officer.get(reverse("care:client-list")).content.decode()
    assert all(name in page for name in ("Cliënt1", "Cliënt2", "Cliënt4")) and "Cliënt3" not in page
    by_name = as_officer.get(reverse("care:client-list"), {"q": "cliënt4"})
    assert [c.family_name for c in by_name.context["clients"]] == ["Cliënt4"]
    by_bsn = as_officer.get(reverse("care:client-list"), {"q": world.clients[0].bsn})
    assert [c.pk for c in by_bsn.context["clients"]] == [world.clients[0].pk]
    other = as_officer.get(reverse("care:client-list"), {"q": world.clients[2].bsn})
    assert other.context["clients"] == [] and "Geen cliënten gevonden" in other.content.decode()
    searches = AuditRecord.objects.filter(subject="clients.search", action="read")
    assert sorted(searches.values_list("client_id", flat=True)) == sorted(
        [c.pk for c in (world.clients[0], world.clients[1], world.clients[3])]  # the list
        + [world.clients[3].pk, world.clients[0].pk])  # by name, by BSN; the miss shows no one


def test_a_provider_finds_its_own_clients(as_staff, world):
    found = as_staff.get(reverse("care:client-list")).context["clients"]
    assert sorted(c.family_name for c in found) == ["Cliënt1", "Cliënt2"]


def test_register_a_client(as_officer, world):
    response = as_officer.post(reverse("care:client-create"), {
        "bsn": f.valid_bsn(500), "initials": "K.", "family_name": "Klaassen", "birth_date": "1970-02-03",
        "resident_from": "2019-05-01"})
    created = Client.objects.get(family_name="Klaassen")
    assert response.status_code == 302 and response["Location"] == reverse("care:client-detail", args=[created.pk])
    assert [(r.municipality, r.valid_from) for r in created.residences.all()] == [(world.a, dt.date(2019, 5, 1))]
    assert AuditRecord.objects.filter(action="create", subject="client", client_id=created.pk).exists()


def test_a_wrong_bsn_shows_on_the_bsn_field_and_nothing_is_stored(as_officer):
    response = as_officer.post(reverse("care:client-create"), {
        "bsn": "123456789", "family_name": "Klaassen", "birth_date": "1970-02-03", "resident_from": "2019-05-01"})
    assert response.status_code == 200
    assert "geen geldig BSN" in errors(response, "bsn")[0]
    assert "utrecht-textbox--invalid" in response.content.decode()
    assert not Client.objects.filter(family_name="Klaassen").exists()


def test_a_duplicate_bsn_is_refused_on_the_bsn_field(as_officer, world):
    response = as_officer.post(reverse("care:client-create"), {
        "bsn": world.clients[2].bsn, "family_name": "Dubbel", "birth_date": "1970-02-03",
        "resident_from": "2019-05-01"})
    assert "Er is al een cliënt met BSN" in errors(response, "bsn")[0]
    assert not Client.objects.filter(family_name="Dubbel").exists()


def test_the_client_detail_shows_person_residences_plans_and_allocations(as_officer, world, officer_a):
    plan_create(actor=officer_a, client=world.clients[1], drawn_up_on=dt.date(2025, 1, 5),
                goals=[{"life_domain": "housing", "description": "Zelfstandig wonen", "baseline_score": 2}])
    response = as_officer.get(reverse("care:client-detail", args=[world.clients[1].pk]))
    page = response.content.decode()
    assert world.clients[1].bsn in page
    assert "Aadorp" in page and "Bedorp" in page and "20-02-2025" in page  # moved to B on 21-02-2025
    assert "Zelfstandig wonen" in page and "Huisvesting" in page
    assert [a.reference for a in response.context["allocations"]] == ["A2"]
    assert AuditRecord.objects.filter(subject="client", client_id=world.clients[1].pk, action="read").count() == 1


# Plans and goals -----------------------------------------------------------------------------

def test_draw_up_a_plan_with_goals_skipping_empty_rows(as_officer, world):
    response = as_officer.post(reverse("care:plan-create", args=[world.clients[0].pk]), {
        "drawn_up_on": "2025-02-01", "goals-TOTAL_FORMS": "3", "goals-INITIAL_FORMS": "0",
        "goals-0-life_domain": "housing", "goals-0-description": "Een eigen woning", "goals-0-baseline_score": "2",
        "goals-1-life_domain": "social_network", "goals-1-description": "Contact met buren",
        "goals-1-baseline_score": "3", "goals-2-life_domain": "", "goals-2-description": "",
        "goals-2-baseline_score": ""})
    assert response.status_code == 302
    plan = SupportPlan.objects.get(client=world.clients[0])
    assert sorted(plan.goals.values_list("life_domain", "baseline_score")) == [("housing", 2), ("social_network", 3)]


def test_a_plan_needs_a_goal_and_a_half_filled_goal_is_named(as_officer, world):
    url = reverse("care:plan-create", args=[world.clients[0].pk])
    base = {"drawn_up_on": "2025-02-01", "goals-TOTAL_FORMS": "1", "goals-INITIAL_FORMS": "0"}
    empty = as_officer.post(url, {**base, "goals-0-description": ""})
    assert "minstens één doel" in empty.content.decode()
    half = as_officer.post(url, {**base, "goals-0-description": "Wonen"})
    assert half.context["goals"].forms[0].errors["baseline_score"] == ["Vul leefgebied, doel en score alle drie in."]
    assert not SupportPlan.objects.exists()


def test_close_a_goal_with_result_and_followup_score(as_officer, world, officer_a):
    plan = plan_create(actor=officer_a, client=world.clients[0], drawn_up_on=dt.date(2025, 1, 5),
                       goals=[{"life_domain": "housing", "description": "Wonen", "baseline_score": 2}])
    goal = plan.goals.get()
    url = reverse("care:goal-close", args=[world.clients[0].pk, goal.pk])
    response = as_officer.post(url, {"followup_score": "4", "result": "partly", "closed_on": "2025-06-30"})
    assert response.status_code == 302
    goal.refresh_from_db()
    assert (goal.followup_score, goal.result, goal.closed_on) == (4, "partly", dt.date(2025, 6, 30))
    again = as_officer.post(url, {"followup_score": "5", "result": "achieved", "closed_on": "2025-07-30"})
    assert errors(again) == ["Dit doel is al afgesloten."]
    assert Goal.objects.get(pk=goal.pk).result == "partly"


# Allocations ---------------------------------------------------------------------------------

def allocate(client, world, **extra):
    data = {"product": world.begeleiding.pk, "category": "2", "provider": world.p1.pk, "start": "2025-06-01",
            "end": ""}
    f.end_a1(world)
    return client.post(reverse("care:allocation-create", args=[world.clients[0].pk]), {**data, **extra})


def test_allocate_care(as_officer, world):
    response = allocate(as_officer, world)
    allocation = Allocation.objects.get(client=world.clients[0], start=dt.date(2025, 6, 1))
    assert response["Location"] == reverse("care:allocation-detail", args=[allocation.pk])
    assert (allocation.product, allocation.category, allocation.provider, allocation.municipality) == (
        world.begeleiding, world.b2, world.p1, world.a)
    assert list(allocation.versions.values_list("version", "change")) == [(1, "toegewezen")]
    page = as_officer.get(response["Location"]).content.decode()
    assert allocation.reference in page and "Toegewezen" in page


def test_a_provider_without_a_contract_shows_a_dutch_error_on_the_provider_field(as_officer, world):
    outsider = f.ProviderFactory(region=world.region, name="Zonder Contract")
    response = allocate(as_officer, world, provider=outsider.pk)
    assert response.status_code == 200
    assert "Zonder Contract heeft op 01-06-2025 geen contract voor product 02A01" in errors(response, "provider")[0]
    assert not Allocation.objects.filter(start=dt.date(2025, 6, 1)).exists()


def test_a_category_the_product_lacks_shows_on_the_category_field(as_officer, world):
    response = allocate(as_officer, world, product=world.dagbesteding.pk, category="2")
    assert "geen categorie '2'" in errors(response, "category")[0]


def test_an_end_before_the_start_shows_on_the_end_field(as_officer, world):
    response = allocate(as_officer, world, end="2025-05-01")
    assert response.status_code == 200 and len(errors(response, "end")) == 1
    assert not Allocation.objects.filter(start=dt.date(2025, 6, 1)).exists()


def test_change_an_allocation_makes_a_new_version(as_officer, world, officer_a):
    f.end_a1(world)
    allocation = allocation_create(actor=officer_a, client=world.clients[0], product=world.begeleiding,
                                   category=world.b1, provider=world.p1, start=dt.date(2025, 6, 1))
    url = reverse("care:allocation-change", args=[allocation.pk])
    assert as_officer.get(url).context["form"].initial["category"] == 1
    response = as_officer.post(url, {"category": "2", "end": "2025-12-31"})
    assert response.status_code == 302
    allocation.refresh_from_db()
    assert (allocation.category, allocation.end, allocation.version) == (world.b2, dt.date(2025, 12, 31), 2)
    detail = as_officer.get(reverse("care:allocation-detail", args=[allocation.pk]))
    assert [v.version for v in detail.context["versions"]] == [2, 1]
    assert "categorie 1 → 2" in detail.content.decode()
    nothing = as_officer.post(url, {"category": "2", "end": "2025-12-31"})
    assert errors(nothing) == ["Er is niets gewijzigd."]


def test_end_an_allocation_that_never_started_withdraws_it(as_officer, world, officer_a):
    f.end_a1(world)
    allocation = allocation_create(actor=officer_a, client=world.clients[0], product=world.begeleiding,
                                   category=world.b1, provider=world.p1, start=dt.date(2025, 6, 1))
    url = reverse("care:allocation-end", args=[allocation.pk])
    missing = as_officer.post(url, {"end": "2025-05-01"})
    assert "end_reason" in missing.context["form"].errors
    response = as_officer.post(url, {"end": "2025-05-01", "end_reason": "36"})
    assert response.status_code == 200 and len(errors(response, "end")) == 1
    allocation.refresh_from_db()
    assert (allocation.status, allocation.end, allocation.end_reason, allocation.version) == (
        AllocationStatus.ALLOCATED, None, "", 1)


def test_withdraw_an_allocation_on_its_own_screen_after_confirming(as_officer, world, officer_a):
    f.end_a1(world)
    allocation = allocation_create(actor=officer_a, client=world.clients[0], product=world.begeleiding,
                                   category=world.b1, provider=world.p1, start=dt.date(2025, 6, 1))
    url = reverse("care:allocation-withdraw", args=[allocation.pk])
    detail = as_officer.get(reverse("care:allocation-detail", args=[allocation.pk])).content.decode()
    assert url in detail
    assert as_officer.get(url).status_code == 200
    unconfirmed = as_officer.post(url, {"end_reason": "36"})
    assert unconfirmed.status_code == 200 and "confirm" in unconfirmed.context["form"].errors
    assert "confirm_error" in unconfirmed.content.decode()  # the checkbox shows its error
    allocation.refresh_from_db()
    assert (allocation.status, allocation.version) == (AllocationStatus.ALLOCATED, 1)
    response = as_officer.post(url, {"end_reason": "36", "confirm": "on"})
    assert response.status_code == 302
    allocation.refresh_from_db()
    assert (allocation.status, allocation.end, allocation.end_reason, allocation.version) == (
        AllocationStatus.WITHDRAWN, dt.date(2025, 6, 1), "36", 2)


def test_a_started_allocation_cannot_be_withdrawn(as_officer, world, officer_a, staff_p1):
    from regie.care.services import allocation_start

    f.end_a1(world)
    allocation = allocation_create(actor=officer_a, client=world.clients[0], product=world.begeleiding,
                                   category=world.b1, provider=world.p1, start=dt.date(2025, 6, 1))
    allocation_start(actor=staff_p1, allocation=allocation, started_on=dt.date(2025, 6, 2))
    detail = as_officer.get(reverse("care:allocation-detail", args=[allocation.pk])).content.decode()
    assert reverse("care:allocation-withdraw", args=[allocation.pk]) not in detail
    response = as_officer.post(reverse("care:allocation-withdraw", args=[allocation.pk]),
                               {"end_reason": "36", "confirm": "on"})
    assert response.status_code == 200 and response.context["form"].non_field_errors()
    allocation.refresh_from_db()
    assert (allocation.status, allocation.version) == (AllocationStatus.STARTED, 2)


def test_a_provider_reports_start_and_stop(as_staff, world, officer_a):
    f.end_a1(world)
    allocation = allocation_create(actor=officer_a, client=world.clients[0], product=world.begeleiding,
                                   category=world.b1, provider=world.p1, start=dt.date(2025, 6, 1))
    listing = as_staff.get(reverse("care:allocation-list")).content.decode()
    assert reverse("care:allocation-start", args=[allocation.pk]) in listing
    early = as_staff.post(reverse("care:allocation-start", args=[allocation.pk]), {"started_on": "2025-05-01"})
    assert len(errors(early, "started_on")) == 1
    as_staff.post(reverse("care:allocation-start", args=[allocation.pk]), {"started_on": "2025-06-03"})
    allocation.refresh_from_db()
    assert (allocation.status, allocation.started_on) == (AllocationStatus.STARTED, dt.date(2025, 6, 3))
    listing = as_staff.get(reverse("care:allocation-list")).content.decode()
    assert reverse("care:allocation-stop", args=[allocation.pk]) in listing
    as_staff.post(reverse("care:allocation-stop", args=[allocation.pk]),
                  {"stopped_on": "2025-09-30", "end_reason": "19"})
    allocation.refresh_from_db()
    assert (allocation.status, allocation.stopped_on, allocation.version) == (
        AllocationStatus.STOPPED, dt.date(2025, 9, 30), 3)
    again = as_staff.post(reverse("care:allocation-start", args=[allocation.pk]), {"started_on": "2025-06-03"})
    assert "nog niet gestarte" in errors(again)[0]


def test_the_allocation_list_filters_and_audits_what_it_shows(as_officer, world):
    response = as_officer.get(reverse("care:allocation-list"), {"status": "stopped"})
    assert [a.reference for a in response.context["page"]] == ["A4"]
    by_reference = as_officer.get(reverse("care:allocation-list"), {"q": "a2"})
    assert [a.reference for a in by_reference.context["page"]] == ["A2"]
    shown = AuditRecord.objects.filter(subject="allocations.list").values_list("client_id", flat=True)
    assert sorted(shown) == sorted([world.clients[3].pk, world.clients[1].pk])


def test_the_purchasing_office_sees_every_allocation(client, world):
    office = f.OrganisationFactory(region=world.region, kind=OrganisationKind.PURCHASING_OFFICE)
    client.force_login(f.actor(office, "finance").user)
    response = client.get(reverse("care:allocation-list"))
    assert sorted(a.reference for a in response.context["page"]) == ["A1", "A2", "A3", "A4"]


# No query per row ----------------------------------------------------------------------------

def queries(client, url) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def more_clients(world, count):
    for _ in range(count):
        person = f.ClientFactory(region=world.region)
        f.ResidenceFactory(client=person, municipality=world.a)
        f.AllocationFactory(client=person, municipality=world.a, provider=world.p1, category=world.b1)


def test_the_client_list_does_not_query_per_row(as_officer, world, django_assert_max_num_queries):
    url = reverse("care:client-list")
    few = queries(as_officer, url)
    more_clients(world, 15)
    with django_assert_max_num_queries(few):
        response = as_officer.get(url)
    assert len(response.context["clients"]) == 18


def test_the_allocation_list_does_not_query_per_row(as_officer, world, django_assert_max_num_queries):
    url = reverse("care:allocation-list")
    few = queries(as_officer, url)
    more_clients(world, 15)
    with django_assert_max_num_queries(few):
        response = as_officer.get(url)
    assert len(response.context["page"]) == 18
