"""The demo region: the real municipalities, a plausible catalogue and providers, settled
months that reconcile to the cent, the demo accounts, and the commands on a region that exists."""

import datetime as dt
import json
import re
from decimal import Decimal
from pathlib import Path

import pytest
from io import StringIO

from django.core.management import call_command
from django.core.management.base import CommandError
from django.db.models import Sum

from regie.billing.models import DeclarationLine, SettlementRun
from regie.care.models import Allocation, AllocationVersion, Client, Goal, Residence, SupportPlan
from regie.catalogue.models import Product, Tariff
from regie.core.bsn import bsn_is_valid
from regie.exchange.models import Message
from regie.regions.models import Organisation, RegionalCost

pytestmark = pytest.mark.django_db

# Hand-copied from shared/data/regio-meierij.json (CBS, about 1 January 2020).
MEIERIJ = [
    ("0757", "Boxtel", 30803, None),
    ("0788", "Haaren", 14371, dt.date(2020, 12, 31)),
    ("0796", "'s-Hertogenbosch", 155113, None),
    ("0845", "Sint-Michielsgestel", 29203, None),
    ("0865", "Vught", 26554, None),
    ("1948", "Meierijstad", 81197, None),
]
SHARED = Path(__file__).resolve().parents[3] / "shared" / "data" / "regio-meierij.json"


def test_the_municipalities_are_the_real_ones(demo):
    _, region = demo
    found = [(m.code, m.name, m.population, m.valid_to) for m in region.municipalities.order_by("code")]
    assert found == MEIERIJ
    assert region.name == "Regio Meierij"
    assert region.centre_municipality.code == "0796"
    assert region.residence_rule == "first_day_of_month"


@pytest.mark.skipif(not SHARED.exists(), reason="shared/data is not beside this clone")
def test_the_municipalities_match_the_shared_public_figures(demo):
    _, region = demo
    published = json.loads(SHARED.read_text())["municipalities"]
    expected = sorted((m["code"], m["name"], m["population"], m["valid_from"], m["valid_to"]) for m in published)
    found = sorted((m.code, m.name, m.population, m.valid_from.isoformat(),
                    m.valid_to.isoformat() if m.valid_to else None) for m in region.municipalities.all())
    assert found == expected


def test_haaren_residents_moved_to_a_successor_on_1_january_2021(demo):
    _, region = demo
    in_haaren = Residence.objects.filter(client__region=region, municipality__code="0788")
    assert in_haaren.exists()
    assert set(in_haaren.values_list("valid_to", flat=True)) == {dt.date(2020, 12, 31)}
    successors = Residence.objects.filter(client__in=in_haaren.values("client"), valid_from=dt.date(2021, 1, 1))
    assert successors.count() == in_haaren.count()
    assert set(successors.values_list("municipality__code", flat=True)) <= {"0757", "0865"}
    assert not Allocation.objects.filter(region=region, municipality__code="0788").exists()


def test_every_settled_month_reconciles_to_the_cent(demo):
    _, region = demo
    runs = list(SettlementRun.objects.filter(region=region).order_by("month"))
    assert [r.month for r in runs][0] == dt.date(2023, 11, 1)
    assert [r.month for r in runs][-1] == dt.date(2026, 10, 1)
    assert len(runs) == 36
    for run in runs:
        paid = run.payments.aggregate(s=Sum("amount"))["s"]
        care = run.charges.aggregate(s=Sum("care"))["s"]
        shares = run.charges.aggregate(s=Sum("regional_costs"))["s"]
        lines = run.lines.filter(status="approved").aggregate(s=Sum("amount"))["s"]
        assert paid == care == lines == run.paid_to_providers == run.charged_for_care > 0, run.month
        assert shares == run.regional_costs, run.month
        assert all(c.total == c.care + c.regional_costs for c in run.charges.all())
    yearly = {r.year: r.amount for r in RegionalCost.objects.filter(region=region)}
    for year in (2024, 2025):
        assert sum(r.regional_costs for r in runs if r.month.year == year) == yearly[year]


def test_every_declaration_line_is_settled_and_some_are_rejected_with_a_reason(demo):
    _, region = demo
    lines = DeclarationLine.objects.filter(region=region)
    assert not lines.filter(settlement__isnull=True).exists()
    codes = set(lines.filter(status="rejected").values_list("reason_code", flat=True))
    # a line the inbox refuses before billing (TR418 once it knows the contract tariffs) is not a declaration
    # line: its retourcode is in the 323's problems
    retourcodes = {p["retourcode"] for m in Message.objects.filter(region=region, direction="in", code="323")
                   for p in m.problems}
    assert "duplicate" in codes and ("tariff-mismatch" in codes or "0611" in retourcodes)
    assert lines.filter(debit_credit="C", status="approved").exists()
    assert lines.filter(status="approved").count() > 10 * lines.filter(status="rejected").count()


def test_catalogue_three_support_forms_with_three_categories_and_yearly_indexation(demo):
    _, region = demo
    products = Product.objects.filter(region=region).order_by("code")
    assert [(p.code, p.support_form.code, p.variant) for p in products] == [
        ("02A01", "02", "inspanningsgericht"), ("04A01", "04", "outputgericht"), ("07A01", "07", "inspanningsgericht"),
    ]
    assert all(p.categories.count() == 3 for p in products)
    # Begeleiding categorie 1: Altena € 344.13 per 4 weeks × 13/12 = 372.81 in 2021, then indexed
    # 2.5 %, 6.0 %, 5.5 %, 4.0 %, 3.5 % and rounded half up each year.
    amounts = list(Tariff.objects.filter(category__product__code="02A01", category__number=1,
                                         category__product__region=region).values_list("amount", flat=True))
    assert amounts == [Decimal(a) for a in ("372.81", "382.13", "405.06", "427.34", "444.43", "459.99")]
    last = Tariff.objects.get(category__product__code="04A01", category__number=1, valid_from=dt.date(2026, 1, 1))
    assert last.amount == Decimal("219.61") and last.valid_to is None


def test_providers_and_the_cooperative(demo):
    _, region = demo
    providers = Organisation.objects.filter(region=region, kind="provider")
    assert 24 <= providers.count() <= 26
    cooperative = providers.get(name__startswith="Coöperatie")
    assert cooperative.members.count() == 8
    assert cooperative.contracts.exists() and not any(m.contracts.exists() for m in cooperative.members.all())
    assert all(len(p.agb_code) == 8 and p.agb_code.startswith("99") for p in providers)
    assert all(len(p.kvk_number) == 8 and p.kvk_number.startswith("99") for p in providers)
    assert providers.filter(contracts__end=dt.date(2025, 12, 31)).count() == 1
    # the cooperative declares for its members, and is paid for them
    assert DeclarationLine.objects.filter(provider=cooperative, allocation__provider__cooperative=cooperative).exists()


def test_clients_plans_and_allocation_history(demo):
    summary, region = demo
    clients = Client.objects.filter(region=region)
    assert clients.count() == summary.clients > 30
    assert all(bsn_is_valid(bsn) and bsn.startswith("999") for bsn in clients.values_list("bsn", flat=True))
    assert SupportPlan.objects.filter(client__region=region).count() == summary.clients
    assert Goal.objects.filter(plan__client__region=region, result="").exists()
    assert Goal.objects.filter(plan__client__region=region).exclude(result="").exists()
    allocations = Allocation.objects.filter(region=region)
    assert allocations.count() == summary.allocations
    assert {"started", "stopped"} <= set(allocations.values_list("status", flat=True))
    assert allocations.filter(start__gte=dt.date(2023, 11, 1)).exists()  # inflow
    assert allocations.filter(stopped_on__gte=dt.date(2023, 11, 1)).exists()  # outflow
    # every allocation has a version per change, the first one "toegewezen"
    versions = AllocationVersion.objects.filter(allocation__region=region)
    assert versions.filter(version=1, change="toegewezen").count() == summary.allocations
    assert all(a.versions.count() == a.version for a in allocations[:20])


def test_the_demo_accounts_exist_with_their_roles(demo):
    from django.contrib.auth import get_user_model

    expected = {
        "inkoop": ("purchasing_office", {"purchaser", "contract_manager"}, None),
        "financien": ("purchasing_office", {"finance"}, None),
        "toegang-denbosch": ("municipality", {"access_officer"}, "0796"),
        "beleid-denbosch": ("municipality", {"policy_adviser"}, "0796"),
        "toegang-boxtel": ("municipality", {"access_officer"}, "0757"),
        "beleid-boxtel": ("municipality", {"policy_adviser"}, "0757"),
        "aanbieder": ("provider", {"provider_staff"}, None),
        "cooperatie": ("provider", {"provider_staff"}, None),
        "adviesraad": ("advisory_council", {"council_member"}, None),
    }
    from regie.regions.actors import actor_for

    for username, (kind, roles, code) in expected.items():
        user = get_user_model().objects.get(username=username)
        assert user.check_password("demo") and user.first_name and user.last_name
        actor = actor_for(user)
        assert (actor.kind, set(actor.roles)) == (kind, roles), username
        if code:
            assert actor.organisation.municipality.code == code
    assert actor_for(get_user_model().objects.get(username="cooperatie")).provider_ids.__len__() == 9


def test_demo_if_empty_does_nothing_when_a_region_exists(demo):
    before = Client.objects.count()
    out = StringIO()
    call_command("demo", "--if-empty", stdout=out)
    assert "niet opnieuw" in out.getvalue()
    assert Client.objects.count() == before


def test_demo_refuses_when_a_region_exists(demo):
    with pytest.raises(CommandError, match="Er is al een regio"):
        call_command("demo", stdout=StringIO())


def test_demo_accounts_prints_username_password_organisation_and_roles(demo):
    out = StringIO()
    call_command("demo-accounts", stdout=out)
    text = out.getvalue()
    rows = {line.split()[0]: line for line in text.splitlines()[3:]}
    assert set(rows) == {"inkoop", "financien", "toegang-denbosch", "beleid-denbosch", "toegang-boxtel",
                         "beleid-boxtel", "aanbieder", "cooperatie", "adviesraad"}
    assert "Gemeente Boxtel" in rows["toegang-boxtel"] and "Toegangsmedewerker" in rows["toegang-boxtel"]
    assert "Inkoper, Contractmanager" in rows["inkoop"]
    assert all(" demo " in line for line in rows.values())


def test_what_the_demo_made_says_so_and_its_allocation_pages_open(demo, client):
    from django.contrib.auth import get_user_model
    from django.urls import reverse

    from regie.audit.models import AuditRecord

    _, region = demo
    versions = AllocationVersion.objects.filter(allocation__region=region)
    # Without a person, a version says what made it: the demo itself, or a provider's message in its inbox.
    origins = set(versions.filter(changed_by=None).values_list("origin", flat=True))
    assert "demo" in origins and any(o.endswith("(iWmo 305)") for o in origins)
    assert all(o == "demo" or re.fullmatch(r".+ \(iWmo 30[57]\)", o) for o in origins), origins
    assert not versions.filter(changed_by=None, origin="").exists()
    assert not AuditRecord.objects.filter(user_id=None, origin="").exists()
    client.force_login(get_user_model().objects.get(username="inkoop"))
    allocation = (Allocation.objects.filter(region=region, status="stopped")
                  .exclude(versions__origin__contains="iWmo").exclude(versions__changed_by__isnull=False).first())
    page = client.get(reverse("care:allocation-detail", args=[allocation.pk]))
    assert page.status_code == 200
    assert page.content.decode().count(">demo</td>") == allocation.versions.count()


def test_a_provider_who_registers_a_start_and_a_stop_in_the_demo_lands_on_the_allocation(demo, client):
    """The page the provider lands on shows versions the demo made (no user) beside the provider's own."""
    from django.contrib.auth import get_user_model
    from django.urls import reverse

    _, region = demo
    user = get_user_model().objects.get(username="aanbieder")
    client.force_login(user)
    mine = Allocation.objects.filter(region=region, provider__name="Stichting Dommelborg Begeleiding")
    allocated, started = mine.filter(status="allocated").first(), mine.filter(status="started").first()
    response = client.post(reverse("care:allocation-start", args=[allocated.pk]),
                           {"started_on": allocated.start.isoformat()}, follow=True)
    assert response.status_code == 200 and response.redirect_chain
    assert response.context["allocation"].status == "started"
    response = client.post(reverse("care:allocation-stop", args=[started.pk]),
                           {"stopped_on": "2026-11-01", "end_reason": "19"}, follow=True)
    assert response.status_code == 200 and response.redirect_chain
    assert response.context["allocation"].status == "stopped"
    assert [v.author for v in response.context["versions"]][:2] == [user.get_full_name(), "demo"]


def test_demo_accounts_names_the_address_the_server_answers_on(demo):
    out = StringIO()
    call_command("demo-accounts", "--url", "http://127.0.0.1:8001/", stdout=out)
    assert "http://127.0.0.1:8001/" in out.getvalue().splitlines()[0]
    out = StringIO()
    call_command("demo-accounts", stdout=out)
    assert "http://127.0.0.1:8000/" in out.getvalue().splitlines()[0]
